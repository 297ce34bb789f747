import { Show } from 'solid-js';
import { t } from '../../i18n/index.ts';
import { IconCheck } from '../../ui/icons.tsx';

/** One big button: "I'm here". Once signed in, it says so instead. */
export function SignInButton(props: { signedIn: boolean; onSignIn: () => void }) {
  return (
    <Show
      when={!props.signedIn}
      fallback={
        <p class="minutes-signed-in with-icon" data-testid="signed-in">
          <IconCheck size={26} />
          {t('minutes.signedIn')}
        </p>
      }
    >
      <button
        type="button"
        class="btn btn-primary btn-block minutes-sign-in"
        onClick={props.onSignIn}
        data-testid="sign-in"
      >
        {t('minutes.signIn')}
      </button>
    </Show>
  );
}
