import { useNavigate } from '@solidjs/router';
import { createMemo, createSignal, Show } from 'solid-js';
import * as v from 'valibot';
import { maskName } from '../../../shared/events/practice.ts';
import { isCommittee } from '../../../shared/roles.ts';
import { shanghaiDayStart } from '../../../shared/time.ts';
import { useFormDraft } from '../../domain/formDraft.ts';
import { publishNeed } from '../../domain/useNeeds.ts';
import { usePage } from '../../domain/usePage.ts';
import { type MessageKey, t } from '../../i18n/index.ts';
import { PhotoPicker } from '../../media/PhotoPicker.tsx';
import { createSubmit } from '../../ui/createSubmit.ts';
import { DateField } from '../../ui/DateField.tsx';
import { Form } from '../../ui/Form.tsx';
import { FormError } from '../../ui/FormError.tsx';
import { IconAlert } from '../../ui/icons.tsx';
import { LeaveGuard, leaveSent } from '../../ui/LeaveGuard.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { privacyWords } from './privacyWords.ts';

/** What a half-filled need keeps across a reload (checked when read back): the camera may kill the tab. */
const NeedDraft = v.object({
  title: v.pipe(v.string(), v.maxLength(2000)),
  detail: v.pipe(v.string(), v.maxLength(5000)),
  forName: v.pipe(v.string(), v.maxLength(200)),
  due: v.pipe(v.string(), v.maxLength(20)),
  photos: v.pipe(v.array(v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/))), v.maxLength(20)),
  contact: v.optional(v.pipe(v.string(), v.maxLength(200))),
});

/** The committee puts a need or a resident's small wish on the board; the resident's name goes out masked. */
export default function PublishNeedPage() {
  const { session, path } = usePage();
  const navigate = useNavigate();
  const draft = useFormDraft('draft-need', session.compoundId, NeedDraft);
  const kept = draft.initial;
  const [title, setTitle] = createSignal(kept?.title ?? '');
  const [detail, setDetail] = createSignal(kept?.detail ?? '');
  const [forName, setForName] = createSignal(kept?.forName ?? '');
  const [due, setDue] = createSignal(kept?.due ?? '');
  const [photos, setPhotos] = createSignal<string[]>(kept?.photos ?? []);
  // The unit that takes it needs someone to talk to: the publisher, in words a unit understands.
  const me = session.member;
  const myself = me.party === 'none' ? me.name : `${t(`party.${me.party}` as MessageKey)} ${me.name}`;
  const [contact, setContact] = createSignal(kept?.contact ?? myself);
  // A partner unit reads the title and the detail: a name or a hardship typed there is said at once.
  const exposed = createMemo(() => privacyWords(`${title()}\n${detail()}`, forName()));
  const typed = () => [title(), detail(), forName(), due()].some((s) => s.trim() !== '') || photos().length > 0;
  draft.keep(() =>
    typed()
      ? { title: title(), detail: detail(), forName: forName(), due: due(), photos: photos(), contact: contact() }
      : undefined,
  );
  const [photosBusy, setPhotosBusy] = createSignal(false);

  const form = createSubmit(() => {
    if (!title().trim()) return { field: 'title', message: t('form.fillRequired', { field: t('needs.what') }) };
    if (photosBusy()) return t('agenda.waitPhotos');
    const day = due();
    const id = publishNeed(session, {
      title: title(),
      detail: detail(),
      forName: forName(),
      ...(day ? { due: shanghaiDayStart(day) } : {}),
      photos: photos(),
      contact: contact(),
    });
    draft.clear();
    leaveSent(() => navigate(path('needs', id)));
  });

  return (
    <>
      <PageHeader title={t('needs.publish')} back={path('needs')} />
      <LeaveGuard dirty={typed()} />
      <Show when={isCommittee(session.member)} fallback={<p class="empty">{t('needs.committeeOnly')}</p>}>
        <Form submit={form} testId="need-form">
          <TextField label={t('needs.what')} value={title()} onInput={setTitle} required maxLength={100} name="title" />
          <TextField
            label={t('needs.detail')}
            value={detail()}
            onInput={setDetail}
            multiline
            maxLength={1000}
            name="detail"
          />
          <Show when={exposed().length > 0}>
            <p class="note-warn" data-testid="need-privacy">
              <IconAlert size={24} />
              <span>
                {t('needs.privacy', {
                  words: exposed()
                    .map((w) => `「${w}」`)
                    .join(''),
                })}
              </span>
            </p>
          </Show>
          <TextField
            label={t('needs.forWhom')}
            value={forName()}
            onInput={setForName}
            maxLength={20}
            name="forName"
            hint={forName().trim() ? t('needs.maskedAs', { name: maskName(forName()) }) : t('needs.forWhomHint')}
          />
          <DateField label={t('needs.byWhen')} value={due()} onInput={setDue} name="due" />
          <TextField
            label={t('needs.contactPerson')}
            value={contact()}
            onInput={setContact}
            maxLength={60}
            name="contact"
            hint={t('needs.contactPersonHint')}
          />
          <PhotoPicker value={photos()} onChange={setPhotos} onBusy={setPhotosBusy} />
          <FormError error={form.error()} />
          <button type="submit" class="btn btn-primary btn-block" data-testid="need-submit">
            {t('needs.publish')}
          </button>
        </Form>
      </Show>
    </>
  );
}
