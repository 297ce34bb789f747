import { useParams } from '@solidjs/router';
import { createMemo, Show } from 'solid-js';
import { minutesHash } from '../../../shared/minutesHash.ts';
import { formatDateTime } from '../../../shared/time.ts';
import { useMembers } from '../../domain/useMembers.ts';
import { useMinutes } from '../../domain/useMinutes.ts';
import { usePage } from '../../domain/usePage.ts';
import { usePublicView } from '../../domain/usePublicView.ts';
import { intlLocale, type MessageKey, t } from '../../i18n/index.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { PaperSeal } from '../../ui/PaperSeal.tsx';
import { MinutesPrintBody } from './MinutesPrintBody.tsx';
import { ShareImageButton } from './ShareImageButton.tsx';
import { verifyPath } from './verifyLink.ts';
import './minutesPrint.css';

/** An A4 copy of the signed minutes in large type, with a short hash and a QR anyone can check it by. */
export default function MinutesPrintPage() {
  const params = useParams<{ meetingId: string }>();
  const { session, path } = usePage();
  const view = usePublicView();
  const members = useMembers();
  const minutes = useMinutes(params.meetingId);
  const nameOf = (id: string) => members().byId.get(id)?.name ?? t('agenda.unknownMember');
  const titleOf = (id: string) => view().compound.agenda.requests[id]?.title ?? t('minutes.unknownRequest');
  const meeting = createMemo(() => view().compound.meetings.meetings[params.meetingId]);
  const hash = createMemo(() =>
    minutes.state().locked ? minutesHash(params.meetingId, minutes.state(), minutes.notesText()) : undefined,
  );
  const url = () => {
    const h = hash();
    return h ? `${location.origin}${verifyPath(session.compoundId, params.meetingId, h)}` : undefined;
  };

  return (
    <article class="minutes-print" data-testid="minutes-print" data-hash={hash() ?? ''}>
      <div class="no-print">
        <PageHeader title={t('print.title')} back={path('meetings', params.meetingId)} />
        <button type="button" class="btn btn-primary btn-block" onClick={() => window.print()}>
          {t('print.print')}
        </button>
        <Show when={minutes.state().locked}>
          <ShareImageButton meetingId={params.meetingId} state={minutes.state()} notes={minutes.notesText()} />
        </Show>
      </div>
      <Show when={minutes.loaded()} fallback={<p class="muted">{t('app.loading')}</p>}>
        <header class="print-head">
          <h1>
            {t('print.heading', {
              name: meeting()?.title ?? t(`meetingKind.${meeting()?.kind ?? 'council'}` as MessageKey),
            })}
          </h1>
          <Show when={meeting()}>
            {(m) => (
              <p>
                {formatDateTime(m().startsAt, intlLocale())} · {m().place}
              </p>
            )}
          </Show>
          <Show when={!minutes.state().locked}>
            <p class="print-draft" data-testid="print-draft">
              {t('print.draft')}
            </p>
          </Show>
        </header>
        <MinutesPrintBody
          state={minutes.state()}
          notes={minutes.notesText()}
          nameOf={nameOf}
          titleOf={titleOf}
          order={meeting()?.topicOrder ?? null}
        />
        <Show when={hash()}>{(h) => <PaperSeal hash={h()} url={url() ?? ''} hint={t('print.verifyHint')} />}</Show>
      </Show>
    </article>
  );
}
