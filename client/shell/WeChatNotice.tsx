import { createSignal, Show } from 'solid-js';
import { t } from '../i18n/index.ts';
import { IconCopy } from '../ui/icons.tsx';

/** WeChat's in-app browser cannot install or keep the app offline: explain how to leave it. */
export function WeChatNotice(props: { onContinue: () => void }) {
  const [copied, setCopied] = createSignal(false);
  return (
    <main id="main" class="page page-plain wechat" data-testid="wechat-notice">
      <div class="wechat-arrow" aria-hidden="true">
        ↗
      </div>
      <h1>{t('wechat.title')}</h1>
      <p>{t('wechat.body')}</p>
      <ol class="steps">
        <li>{t('wechat.step1')}</li>
        <li>{t('wechat.step2')}</li>
        <li>{t('wechat.step3')}</li>
      </ol>
      <div class="stack">
        <button
          type="button"
          class="btn btn-primary"
          onClick={async () => {
            await navigator.clipboard?.writeText(location.href).then(
              () => setCopied(true),
              () => undefined,
            );
          }}
        >
          <IconCopy size={24} />
          <span>{copied() ? t('invite.copied') : t('wechat.copy')}</span>
        </button>
        <Show when={true}>
          <button type="button" class="btn btn-secondary" onClick={() => props.onContinue()}>
            {t('wechat.continue')}
          </button>
        </Show>
      </div>
    </main>
  );
}
