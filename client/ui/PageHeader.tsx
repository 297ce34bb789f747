import { A } from '@solidjs/router';
import { type JSX, Show } from 'solid-js';
import { t } from '../i18n/index.ts';
import { IconBack } from './icons.tsx';

/** A page's heading, with a back link (icon and word) when the page sits under another. */
export function PageHeader(props: { title: string; back?: string; children?: JSX.Element }) {
  return (
    <header class="page-header">
      <Show when={props.back}>
        {(href) => (
          <A href={href()} class="back-link">
            <IconBack size={24} />
            <span>{t('nav.back')}</span>
          </A>
        )}
      </Show>
      <h1 tabindex="-1">{props.title}</h1>
      {props.children}
    </header>
  );
}
