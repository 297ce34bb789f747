import { useNavigate, useParams, useSearchParams } from '@solidjs/router';
import { createEffect, createMemo, createSignal, createUniqueId, For, Show } from 'solid-js';
import type { Household } from '../../../../shared/events/grid.ts';
import { buildingKey, householdWarning, postId } from '../../../../shared/folds/index.ts';
import { endPost, nameBuildingLead, nameNeighbourLead, useGrid } from '../../../domain/useGrid.ts';
import { useMembers } from '../../../domain/useMembers.ts';
import { usePage } from '../../../domain/usePage.ts';
import { t } from '../../../i18n/index.ts';
import { ConfirmDialog } from '../../../ui/ConfirmDialog.tsx';
import { createSubmit } from '../../../ui/createSubmit.ts';
import { createFieldError, FieldMessage, Form } from '../../../ui/Form.tsx';
import { FormError } from '../../../ui/FormError.tsx';
import { IconAlert } from '../../../ui/icons.tsx';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { buildingParam } from './buildingParam.ts';
import { HouseholdPicker } from './HouseholdPicker.tsx';

/** The committee names a building's 楼栋长, or a 邻长 with their households (or ends the post). */
export default function NameLeadPage() {
  const params = useParams<{ building: string }>();
  const [query] = useSearchParams<{ role?: string; member?: string }>();
  const { session, path } = usePage();
  const navigate = useNavigate();
  const grid = useGrid();
  const members = useMembers();
  const building = () => buildingParam(params.building);
  const role = () => (query.role === 'neighbour' ? 'neighbour' : 'building');
  const [memberId, setMemberId] = createSignal(query.member ?? '');
  const here = createMemo(() => grid().building(building()));
  const post = () =>
    role() === 'building' ? (here().lead ?? undefined) : grid().post(postId('neighbour', building(), memberId()));
  const [households, setHouseholds] = createSignal<Household[]>(post()?.holder?.households ?? []);
  const register = createMemo(
    () => grid().register.find((b) => buildingKey(b.building) === buildingKey(building()))?.households ?? [],
  );
  const warning = () => (role() === 'neighbour' ? householdWarning(households().length) : undefined);
  const back = () => path('rosters', 'grid', encodeURIComponent(building()));
  const selectId = createUniqueId();

  const form = createSubmit(() => {
    if (!memberId()) return { field: 'member', message: t('form.fillRequired', { field: t('grid.who') }) };
    if (role() === 'building') nameBuildingLead(session, here(), memberId());
    else if (households().length === 0)
      return { field: 'households', message: t('form.fillRequired', { field: t('grid.householdsField') }) };
    else nameNeighbourLead(session, building(), post(), memberId(), households());
    navigate(back());
  });
  let select: HTMLSelectElement | undefined;
  const memberError = createFieldError({ name: 'member' }, () => select, form);
  // Stepping down is asked once more, naming who and what: the button sits under 保存.
  const [ending, setEnding] = createSignal(false);
  createEffect(() => {
    if (!post()?.holder) setEnding(false);
  });
  const holderName = () => {
    const id = post()?.holder?.memberId;
    return (id && members().byId.get(id)?.name) || t('agenda.unknownMember');
  };
  // Written through createSubmit: a refusal (the member's role removed meanwhile) is shown in words.
  const end = createSubmit(() => {
    const held = post();
    if (!held?.holder) return undefined;
    endPost(session, held);
    navigate(back());
    return undefined;
  });

  return (
    <>
      <PageHeader
        title={`${building()} ${t(role() === 'building' ? 'grid.nameLead' : 'grid.nameNeighbourLead')}`}
        back={back()}
      />
      <Form submit={form} testId="name-lead-form">
        <div class="field" classList={{ 'field-invalid': !!memberError.message() }}>
          <label class="field-label" for={selectId}>
            {t('grid.who')}
          </label>
          <FieldMessage id={memberError.id} message={memberError.message()} />
          <select
            ref={select}
            id={selectId}
            class="input"
            name="member"
            value={memberId()}
            aria-invalid={memberError.message() ? 'true' : undefined}
            aria-describedby={memberError.describedBy()}
            onChange={(e) => {
              memberError.edited();
              setMemberId(e.currentTarget.value);
            }}
          >
            <option value="">{t('grid.choose')}</option>
            <For each={members().active}>{(m) => <option value={m.memberId}>{m.name}</option>}</For>
          </select>
        </div>
        <Show when={role() === 'neighbour'}>
          <HouseholdPicker register={register()} value={households()} onChange={setHouseholds} />
          <Show when={warning()}>
            {(w) => (
              <p class="note-warn" data-testid="household-warning" data-warning={w()}>
                <IconAlert size={24} />
                {t(w() === 'too_few' ? 'grid.tooFew' : 'grid.tooMany', { n: households().length })}
              </p>
            )}
          </Show>
        </Show>
        <FormError error={form.error()} />
        <button type="submit" class="btn btn-primary btn-block" data-testid="name-lead-submit">
          {t('grid.save')}
        </button>
        <Show when={post()?.holder}>
          <button
            type="button"
            class="btn btn-secondary btn-block"
            onClick={() => setEnding(true)}
            data-testid="end-post"
          >
            {t('grid.endPost')}
          </button>
          <ConfirmDialog
            // Only while the post is held: ended on another phone, the question must not come back
            // on its own when someone else is named later.
            open={ending() && !!post()?.holder}
            onOpenChange={setEnding}
            title={t('grid.endPostTitle', {
              name: holderName(),
              building: building(),
              post: t(role() === 'building' ? 'grid.buildingLead' : 'grid.neighbourLead'),
            })}
            confirmLabel={t('grid.endPostYes')}
            danger
            onConfirm={() => end.run()}
          >
            <p>{t('grid.endPostHint')}</p>
          </ConfirmDialog>
          <FormError error={end.error()} />
        </Show>
      </Form>
    </>
  );
}
