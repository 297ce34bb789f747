import { A } from '@solidjs/router';
import { Dynamic } from 'solid-js/web';
import { usePage } from '../../domain/usePage.ts';
import { type MessageKey, t } from '../../i18n/index.ts';
import type { IconComponent } from '../../ui/icons.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';

/** An honest page for a module that is not built yet. */
export function ComingSoon(props: { title: MessageKey; body: MessageKey; icon: IconComponent }) {
  const { path } = usePage();
  return (
    <>
      <PageHeader title={t(props.title)} />
      <section class="coming-soon" data-testid="coming-soon">
        <div class="notice-icon">
          <Dynamic component={props.icon} size={56} />
        </div>
        <h2>{t('soon.title', { module: t(props.title) })}</h2>
        <p>{t(props.body)}</p>
        <p>{t('soon.meanwhile')}</p>
        <A href={path('agenda')} class="btn btn-secondary">
          {t('soon.toAgenda')}
        </A>
      </section>
    </>
  );
}
