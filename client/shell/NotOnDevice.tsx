import { A } from '@solidjs/router';
import { t } from '../i18n/index.ts';

export function NotOnDevice() {
  return (
    <main id="main" class="page page-plain">
      <h1>{t('notOnDevice.title')}</h1>
      <p>{t('notOnDevice.body')}</p>
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
