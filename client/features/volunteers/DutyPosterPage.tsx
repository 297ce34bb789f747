import { useParams } from '@solidjs/router';
import QRCode from 'qrcode';
import { createMemo, createResource, Show } from 'solid-js';
import { usePage } from '../../domain/usePage.ts';
import { useRosters } from '../../domain/useRosters.ts';
import { t } from '../../i18n/index.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { dayLabel } from './format.ts';

/**
 * An A4 sheet for the duty's place: what, when, where and a big QR code that opens the duty on a
 * volunteer's phone ready to check in. Printing leaves out the app's frame and this page's buttons.
 */
export default function DutyPosterPage() {
  const params = useParams<{ dutyId: string }>();
  const { path } = usePage();
  const rosters = useRosters();
  const duty = createMemo(() => rosters().duties[params.dutyId]);
  const link = () => `${location.origin}${path('rosters', 'duty', params.dutyId)}?checkin=1`;
  const [svg] = createResource(link, (url) =>
    QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }),
  );

  return (
    <>
      <div class="no-print">
        <PageHeader title={t('volunteers.poster')} back={path('rosters', 'duty', params.dutyId)} />
        <p class="muted">{t('volunteers.posterHint')}</p>
        <button type="button" class="btn btn-primary btn-block" data-testid="print" onClick={() => window.print()}>
          {t('volunteers.print')}
        </button>
      </div>
      <Show when={duty()} fallback={<p class="empty">{t('volunteers.notFound')}</p>}>
        {(d) => (
          <article class="duty-poster" data-testid="duty-poster">
            <h2 class="poster-title">{d().title ?? rosters().teams[d().teamId]?.name}</h2>
            <p class="poster-line">{rosters().teams[d().teamId]?.name}</p>
            <p class="poster-line">
              {dayLabel(d().day)} {d().start}–{d().end}
            </p>
            <p class="poster-line">{d().place}</p>
            <div class="poster-qr" role="img" aria-label={t('volunteers.posterQr')} innerHTML={svg() ?? ''} />
            <p class="poster-call">{t('volunteers.posterCall')}</p>
            <p class="poster-url" data-testid="poster-url">
              {link()}
            </p>
          </article>
        )}
      </Show>
    </>
  );
}
