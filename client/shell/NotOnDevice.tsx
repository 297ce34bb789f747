import { A, useSearchParams } from '@solidjs/router';
import { Show } from 'solid-js';
import { t } from '../i18n/index.ts';

/**
 * A compound's address on a phone that has not joined it. Most come from a QR downstairs: a
 * meeting's sign-in code or a duty's check-in poster. Someone who scanned one has no invite link,
 * so the page says who can sign them in instead (the recorder's 帮别人签到, the team lead).
 */
export function NotOnDevice() {
  const [search] = useSearchParams<{ signin?: string; checkin?: string }>();
  return (
    <main id="main" class="page page-plain">
      <h1>{t('notOnDevice.title')}</h1>
      <p>{t('notOnDevice.body')}</p>
      <Show when={search.signin === '1'}>
        <p class="lead" data-testid="not-on-device-signin">
          {t('notOnDevice.meetingSignIn')}
        </p>
      </Show>
      <Show when={search.checkin === '1'}>
        <p class="lead" data-testid="not-on-device-checkin">
          {t('notOnDevice.dutyCheckIn')}
        </p>
      </Show>
      <div class="stack">
        <A href="/join" class="btn btn-primary">
          {t('welcome.join')}
        </A>
        <A href="/" class="btn btn-secondary">
          {t('notFound.home')}
        </A>
      </div>
    </main>
  );
}
