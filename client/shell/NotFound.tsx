import { A } from '@solidjs/router';
import { t } from '../i18n/index.ts';

export default function NotFound() {
  return (
    <main id="main" class="page page-plain">
      <h1>{t('notFound.title')}</h1>
      <A href="/" class="btn btn-primary">
        {t('notFound.home')}
      </A>
    </main>
  );
}
