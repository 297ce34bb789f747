import { useNavigate, useSearchParams } from '@solidjs/router';
import { createEffect, createSignal, on, Show } from 'solid-js';
import * as v from 'valibot';
import { type Category, categories, LedgerRef } from '../../../shared/events/request.ts';
import { useFormDraft } from '../../domain/formDraft.ts';
import { raiseRequest } from '../../domain/raiseRequest.ts';
import { useLedgerEntry } from '../../domain/useLedgerEntry.ts';
import { usePage } from '../../domain/usePage.ts';
import { type MessageKey, t } from '../../i18n/index.ts';
import { PhotoPicker } from '../../media/PhotoPicker.tsx';
import { ChoiceGroup } from '../../ui/ChoiceGroup.tsx';
import { createSubmit } from '../../ui/createSubmit.ts';
import { Form } from '../../ui/Form.tsx';
import { FormError } from '../../ui/FormError.tsx';
import { LeaveGuard, leaveSent } from '../../ui/LeaveGuard.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { announceSaved } from '../../ui/savedNotice.ts';
import { TextField } from '../../ui/TextField.tsx';
import { AskedEntry } from './request/AskedEntry.tsx';

/** The entry named by `?ledger=expense:<id>` (a question about it, 质询), if the query holds a valid one. */
function askedEntry(query: string | string[] | undefined): LedgerRef | undefined {
  const raw = typeof query === 'string' ? query : undefined;
  const at = raw?.indexOf(':') ?? -1;
  if (!raw || at < 0) return undefined;
  const parsed = v.safeParse(LedgerRef, { kind: raw.slice(0, at), id: raw.slice(at + 1) });
  return parsed.success ? parsed.output : undefined;
}

import { NextMeetingChoice } from './forms/NextMeetingChoice.tsx';
import { raisedHere } from './JustRaised.tsx';

/** What a half-filled request keeps across a reload (checked when read back). */
const RaiseDraft = v.object({
  title: v.pipe(v.string(), v.maxLength(2000)),
  category: v.optional(v.picklist(categories)),
  building: v.pipe(v.string(), v.maxLength(200)),
  location: v.pipe(v.string(), v.maxLength(500)),
  detail: v.pipe(v.string(), v.maxLength(5000)),
  photos: v.pipe(v.array(v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/))), v.maxLength(20)),
});

/** Step 1 开放说事, in well under 20 s: a sentence, a category chip, the building, maybe a photo. */
export default function RaiseRequestPage() {
  const { session, path } = usePage();
  const navigate = useNavigate();
  const [search] = useSearchParams();
  const ledgerRef = askedEntry(search.ledger);
  // A plain request's fields survive a reload (a question about a ledger entry starts from the entry).
  const draft = ledgerRef ? undefined : useFormDraft('draft-raise', session.compoundId, RaiseDraft);
  const kept = draft?.initial;
  const [title, setTitle] = createSignal(kept?.title ?? '');
  const [category, setCategory] = createSignal<Category | undefined>(ledgerRef ? 'other' : kept?.category);
  const [building, setBuilding] = createSignal(kept?.building ?? '');
  const [location, setLocation] = createSignal(kept?.location ?? '');
  const [detail, setDetail] = createSignal(kept?.detail ?? '');
  const [photos, setPhotos] = createSignal<string[]>(kept?.photos ?? []);
  draft?.keep(() => {
    const value = {
      title: title(),
      category: category(),
      building: building(),
      location: location(),
      detail: detail(),
      photos: photos(),
    };
    return value.title || value.building || value.location || value.detail || value.photos.length > 0
      ? value
      : undefined;
  });
  const [photosBusy, setPhotosBusy] = createSignal(false);
  // A question about a ledger entry starts titled after it, once this copy holds the entry.
  const asked = useLedgerEntry(() => ledgerRef);
  const askedTitle = () => {
    const e = asked();
    return e ? t('agenda.askTitle', { what: e.what || e.party }) : undefined;
  };
  createEffect(
    on(askedTitle, (given) => {
      if (given && !title()) setTitle(given);
    }),
  );
  const [meetingId, setMeetingId] = createSignal<string>();
  const back = path('agenda');
  // What leaving would lose; the title a question about a ledger entry starts with is not the member's.
  const typed = () =>
    [detail(), building(), location()].some((s) => s.trim() !== '') ||
    photos().length > 0 ||
    (!ledgerRef && category() !== undefined) ||
    (title().trim() !== '' && title() !== askedTitle());

  const form = createSubmit(() => {
    const c = category();
    if (!title().trim()) return { field: 'title', message: t('form.fillRequired', { field: t('agenda.fieldTitle') }) };
    if (!c) return { field: 'category', message: t('agenda.chooseCategory') };
    if (photosBusy()) return t('agenda.waitPhotos');
    const id = raiseRequest(session, {
      title: title(),
      category: c,
      detail: detail(),
      location: location(),
      building: building(),
      photos: photos(),
      ...(ledgerRef ? { ledgerRef } : {}),
      meetingId: meetingId(),
    });
    draft?.clear();
    announceSaved();
    leaveSent(() => navigate(raisedHere(back, id)));
  });

  return (
    <>
      <PageHeader title={t('agenda.newTitle')} back={back} />
      <LeaveGuard dirty={typed()} />
      <Form submit={form} testId="raise-form">
        <Show when={ledgerRef}>{(ref) => <AskedEntry entry={ref()} />}</Show>
        <TextField
          label={t('agenda.fieldTitle')}
          value={title()}
          onInput={setTitle}
          placeholder={t('agenda.fieldTitlePlaceholder')}
          required
          maxLength={200}
          name="title"
        />
        <ChoiceGroup
          label={t('agenda.fieldCategory')}
          name="category"
          options={categories.map((c) => ({ value: c, label: t(`category.${c}` as MessageKey) }))}
          value={category()}
          onChange={setCategory}
          required
          testId="category-choices"
        />
        <TextField
          label={t('agenda.fieldBuilding')}
          value={building()}
          onInput={setBuilding}
          placeholder={t('agenda.fieldBuildingPlaceholder')}
          maxLength={40}
          name="building"
        />
        <TextField
          label={t('agenda.fieldLocation')}
          value={location()}
          onInput={setLocation}
          placeholder={t('agenda.fieldLocationPlaceholder')}
          maxLength={100}
          name="location"
        />
        <PhotoPicker value={photos()} onChange={setPhotos} onBusy={setPhotosBusy} />
        <TextField
          label={t('agenda.fieldDetail')}
          value={detail()}
          onInput={setDetail}
          multiline
          maxLength={4000}
          name="detail"
        />
        <NextMeetingChoice value={meetingId()} onChange={setMeetingId} />
        <FormError error={form.error()} />
        <button type="submit" class="btn btn-primary btn-block" data-testid="raise-submit">
          {t('agenda.submit')}
        </button>
      </Form>
    </>
  );
}
