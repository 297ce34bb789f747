// Base styles first, then the tabs' stylesheets: both in the entry's one stylesheet, in this order.
import './styles/index.css';
import './features/styles.css';
import { createSignal, Show } from 'solid-js';
import { render } from 'solid-js/web';
import { restorePreferences } from './domain/preferences.ts';
import { App } from './shell/App.tsx';
import { putParentBeneath } from './shell/firstEntry.ts';
import { WeChatNotice } from './shell/WeChatNotice.tsx';
import { loadAccounts } from './sync/accounts.ts';
import { askPersist } from './sync/storage.ts';

const WECHAT_KEY = 'little-stool:wechat-continue';

function Root() {
  const inWeChat = /MicroMessenger/i.test(navigator.userAgent) && !sessionStorage.getItem(WECHAT_KEY);
  const [stay, setStay] = createSignal(!inWeChat);
  return (
    <Show
      when={stay()}
      fallback={
        <WeChatNotice
          onContinue={() => {
            sessionStorage.setItem(WECHAT_KEY, '1');
            setStay(true);
          }}
        />
      }
    >
      <App />
    </Show>
  );
}

await Promise.all([restorePreferences(), loadAccounts()]);
// Before the router reads the URL.
putParentBeneath();
void askPersist();
render(() => <Root />, document.getElementById('root')!);
