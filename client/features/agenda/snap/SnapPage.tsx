import { useNavigate, useSearchParams } from '@solidjs/router';
import { createMemo, createSignal, Show } from 'solid-js';
import * as v from 'valibot';
import { type Category, categories } from '../../../../shared/events/request.ts';
import { ruleFor } from '../../../../shared/folds/index.ts';
import { shanghaiDay } from '../../../../shared/time.ts';
import { now } from '../../../domain/clock.ts';
import { useFormDraft } from '../../../domain/formDraft.ts';
import { guessCategory } from '../../../domain/guessCategory.ts';
import { raiseRequest } from '../../../domain/raiseRequest.ts';
import { usePage } from '../../../domain/usePage.ts';
import { usePoints } from '../../../domain/usePoints.ts';
import { type MessageKey, t } from '../../../i18n/index.ts';
import { PhotoPicker } from '../../../media/PhotoPicker.tsx';
import { ChoiceGroup } from '../../../ui/ChoiceGroup.tsx';
import { createSubmit } from '../../../ui/createSubmit.ts';
import { Form } from '../../../ui/Form.tsx';
import { FormError } from '../../../ui/FormError.tsx';
import { LeaveGuard, leaveSent } from '../../../ui/LeaveGuard.tsx';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { announceSaved } from '../../../ui/savedNotice.ts';
import { TextField } from '../../../ui/TextField.tsx';
import { raisedHere } from '../JustRaised.tsx';
import { ReporterChoice } from './ReporterChoice.tsx';

const photoHash = /^[0-9a-f]{64}$/;

/** What a half-written snap keeps across a reload (checked when read back). */
const SnapDraft = v.object({
  title: v.pipe(v.string(), v.maxLength(2000)),
  chosen: v.optional(v.picklist(categories)),
  building: v.pipe(v.string(), v.maxLength(200)),
  photos: v.pipe(v.array(v.pipe(v.string(), v.regex(photoHash))), v.maxLength(20)),
});

/** 随手拍 after the photo: a word or two (the category follows them until chosen by hand), the building, 提交. */
export default function SnapPage() {
  const { session, path } = usePage();
  const navigate = useNavigate();
  const [search] = useSearchParams();
  const first = typeof search.photo === 'string' && photoHash.test(search.photo) ? [search.photo] : [];
  // Kept across a reload (the camera may kill the tab): the photos taken, the words, the building.
  const draft = useFormDraft('draft-snap', session.compoundId, SnapDraft);
  const kept = draft.initial;
  // The draft started from the URL's photo: what it holds now is what the member kept.
  const [photos, setPhotos] = createSignal<string[]>(kept ? kept.photos : first);
  const [photosBusy, setPhotosBusy] = createSignal(false);
  const [title, setTitle] = createSignal(kept?.title ?? '');
  const [chosen, setChosen] = createSignal<Category | undefined>(kept?.chosen);
  const [building, setBuilding] = createSignal(kept?.building ?? '');
  draft.keep(() => {
    const value = { title: title(), chosen: chosen(), building: building(), photos: photos() };
    return value.title || value.building || value.photos.length > 0 ? value : undefined;
  });
  const category = createMemo(() => chosen() ?? (title().trim() ? guessCategory(title()) : undefined));
  const back = path('agenda');
  // What a snap earns, said before it is sent: a grid worker or a rider reports for the points.
  const points = usePoints();
  const snapRule = createMemo(() => ruleFor(points(), 'snap_report', shanghaiDay(now())));

  const form = createSubmit(() => {
    if (photosBusy()) return t('agenda.waitPhotos');
    if (photos().length === 0) return { field: 'photos', message: t('snap.needPhoto') };
    if (!title().trim()) return { field: 'title', message: t('form.fillRequired', { field: t('snap.fieldWhat') }) };
    const id = raiseRequest(session, {
      title: title(),
      category: category() ?? 'other',
      building: building(),
      photos: photos(),
      snap: true,
    });
    draft.clear();
    announceSaved();
    leaveSent(() => navigate(raisedHere(back, id)));
  });

  return (
    <>
      <PageHeader title={t('snap.title')} back={back} />
      <LeaveGuard dirty={photos().length > 0 || title().trim() !== '' || building().trim() !== ''} />
      <Form submit={form} class="form snap-form" testId="snap-form">
        <PhotoPicker value={photos()} onChange={setPhotos} onBusy={setPhotosBusy} testId="snap-photos" required />
        <TextField
          label={t('snap.fieldWhat')}
          value={title()}
          onInput={setTitle}
          placeholder={t('snap.fieldWhatPlaceholder')}
          required
          maxLength={200}
          name="title"
        />
        <ChoiceGroup
          label={chosen() ? t('agenda.fieldCategory') : t('snap.guessedCategory')}
          name="category"
          options={categories.map((c) => ({ value: c, label: t(`category.${c}` as MessageKey) }))}
          value={category()}
          onChange={setChosen}
          testId="snap-category"
        />
        <TextField
          label={t('agenda.fieldBuilding')}
          value={building()}
          onInput={setBuilding}
          placeholder={t('agenda.fieldBuildingPlaceholder')}
          maxLength={40}
          name="building"
        />
        <ReporterChoice />
        <Show when={session.doc('public').ready()}>
          <p class="field-hint" data-testid="snap-points">
            {snapRule() ? t('snap.pointsIf', { n: snapRule()?.points ?? 0 }) : t('snap.noPoints')}
          </p>
        </Show>
        <FormError error={form.error()} />
        <button type="submit" class="btn btn-primary btn-block snap-submit" data-testid="snap-submit">
          {t('agenda.submit')}
        </button>
      </Form>
    </>
  );
}
