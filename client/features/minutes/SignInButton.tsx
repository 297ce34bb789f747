import { onMount, Show } from 'solid-js';
import { t } from '../../i18n/index.ts';
import { IconCheck } from '../../ui/icons.tsx';

/**
 * One big button: "I'm here". Once signed in, it says so instead. Opened from the sign-in QR
 * (`prompt`), it comes first on the screen with a line saying one tap is all it takes.
 */
export function SignInButton(props: { signedIn: boolean; onSignIn: () => void; prompt?: boolean }) {
  let box: HTMLDivElement | undefined;
  onMount(() => {
    if (props.prompt && !props.signedIn) box?.scrollIntoView({ block: 'center' });
  });
  return (
    <div ref={box} class="minutes-sign-in-box" data-prompt={props.prompt === true}>
      <Show
        when={!props.signedIn}
        fallback={
          <p class="minutes-signed-in with-icon" role="status" data-testid="signed-in">
            <IconCheck size={26} />
            {t('minutes.signedIn')}
          </p>
        }
      >
        <Show when={props.prompt}>
          <p class="lead" data-testid="sign-in-prompt">
            {t('minutes.signInPrompt')}
          </p>
        </Show>
        <button
          type="button"
          class="btn btn-primary btn-block minutes-sign-in"
          onClick={props.onSignIn}
          data-testid="sign-in"
        >
          {t('minutes.signIn')}
        </button>
      </Show>
    </div>
  );
}
