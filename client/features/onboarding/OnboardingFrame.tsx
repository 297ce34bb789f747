import { A } from '@solidjs/router';
import { type JSX, Show } from 'solid-js';
import { setLocale } from '../../domain/preferences.ts';
import { locale, t } from '../../i18n/index.ts';
import { IconBack } from '../../ui/icons.tsx';
import './onboarding.css';

/** The frame of pages shown before a compound is open: app name, language switch, one column. */
export function OnboardingFrame(props: { title: string; back?: string; children: JSX.Element }) {
  return (
    <div class="onboarding">
      <header class="onboarding-top">
        <Show
          when={props.back}
          fallback={
            <span class="brand">
              <img src="/icons/icon-192.png" alt="" width="40" height="40" />
              <span>{t('app.name')}</span>
            </span>
          }
        >
          {(href) => (
            <A href={href()} class="back-link">
              <IconBack size={24} />
              <span>{t('nav.back')}</span>
            </A>
          )}
        </Show>
        <button
          type="button"
          class="btn btn-small btn-secondary"
          lang={locale() === 'zh-CN' ? 'en' : 'zh-CN'}
          onClick={() => void setLocale(locale() === 'zh-CN' ? 'en' : 'zh-CN')}
          data-testid="switch-language"
        >
          {t('lang.switchTo')}
        </button>
      </header>
      <main id="main" class="page page-plain">
        <h1>{props.title}</h1>
        {props.children}
      </main>
    </div>
  );
}
