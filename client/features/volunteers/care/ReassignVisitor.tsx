import { createMemo, createSignal, Show } from 'solid-js';
import { isCommittee } from '../../../../shared/roles.ts';
import { assignVisitor } from '../../../domain/useCare.ts';
import { useMembers } from '../../../domain/useMembers.ts';
import { usePage } from '../../../domain/usePage.ts';
import { t } from '../../../i18n/index.ts';
import { createSubmit } from '../../../ui/createSubmit.ts';
import { FormError } from '../../../ui/FormError.tsx';
import { VisitorSelect } from './VisitorSelect.tsx';

/**
 * Hands a household to another committee member (or to the committee taking turns). The form, once
 * open, stays when the household is closed meanwhile on another phone, to say so at submit.
 */
export function ReassignVisitor(props: { householdId: string; visitorId: string | null; closed: boolean }) {
  const { session } = usePage();
  const members = useMembers();
  const committee = createMemo(() => members().active.filter((m) => isCommittee(m)));
  const [opened, setOpened] = createSignal(false);
  const [visitorId, setVisitorId] = createSignal(props.visitorId ?? '');
  const form = createSubmit(() => {
    // Closed meanwhile on a phone that synced: the relay would refuse the assignment.
    if (props.closed) return t('care.closedMeanwhile');
    if (visitorId() !== (props.visitorId ?? '')) assignVisitor(session, props.householdId, visitorId());
    setOpened(false);
  });
  return (
    <Show
      when={opened()}
      fallback={
        <Show when={!props.closed}>
          <button
            type="button"
            class="btn btn-secondary btn-block"
            data-testid="change-visitor"
            onClick={() => {
              setVisitorId(props.visitorId ?? '');
              setOpened(true);
            }}
          >
            {t('care.changeVisitor')}
          </button>
        </Show>
      }
    >
      <form class="form" onSubmit={form.onSubmit} novalidate data-testid="visitor-form">
        <VisitorSelect members={committee()} value={visitorId()} onChange={setVisitorId} />
        <FormError error={form.error()} />
        <button type="submit" class="btn btn-primary btn-block" data-testid="save-visitor">
          {t('care.saveVisitor')}
        </button>
      </form>
    </Show>
  );
}
