import { type Accessor, createEffect, createSignal, on, onCleanup } from 'solid-js';
import { ApiErrorCode } from '../../../shared/errors.ts';
import { ApiError, api, type InvitePreview } from '../../domain/api.ts';
import { online } from '../../domain/network.ts';
import { inviteCodeFrom } from './actions.ts';

/** What the join page knows of an invite before joining. */
export type PreviewState =
  | { kind: 'none' }
  | { kind: 'loading' }
  /** No network: joining needs one too, and the preview is asked for again once it is back. */
  | { kind: 'offline' }
  | { kind: 'shown'; code: string; preview: InvitePreview }
  /** Joining would be refused for the same reason: no use filling in a name. */
  | { kind: 'refused'; error: ApiError }
  /** Anything else (a relay out of reach, 429): joining may still work, so it is not held back. */
  | { kind: 'failed' };

const refusals = new Set<string>([
  ApiErrorCode.InviteNotFound,
  ApiErrorCode.InviteExpired,
  ApiErrorCode.InviteUsedUp,
  ApiErrorCode.InviteRevoked,
  ApiErrorCode.BadRequest,
]);

function afterFailure(error: unknown): PreviewState {
  if (error instanceof ApiError && refusals.has(error.code)) return { kind: 'refused', error };
  if (error instanceof ApiError && error.status === 0 && !online()) return { kind: 'offline' };
  return { kind: 'failed' };
}

/**
 * The preview of the invite in `text` (a code or a link), asked for `delay()` ms after the text
 * last changed (a typed code is asked for once it stops changing, a code from the link at once),
 * and again when the network comes back.
 */
export function createInvitePreview(
  text: Accessor<string>,
  delay: Accessor<number>,
  /** Whether the text is whole enough to ask about (a link's code always is). */
  whole: Accessor<boolean> = () => true,
): Accessor<PreviewState> {
  const [state, setState] = createSignal<PreviewState>({ kind: 'none' });
  let timer: ReturnType<typeof setTimeout> | undefined;
  // Only the newest question's answer is shown: an older one may come back after it.
  let asked = 0;
  createEffect(
    on([() => (whole() ? inviteCodeFrom(text()) : ''), online], ([code, isOnline]) => {
      clearTimeout(timer);
      const ask = ++asked;
      const now = state();
      if (now.kind === 'shown' && now.code === code) return;
      if (!code) return setState({ kind: 'none' });
      if (!isOnline) return setState({ kind: 'offline' });
      setState({ kind: 'loading' });
      timer = setTimeout(() => {
        api.previewInvite(code).then(
          (preview) => ask === asked && setState({ kind: 'shown', code, preview }),
          (error: unknown) => ask === asked && setState(afterFailure(error)),
        );
      }, delay());
    }),
  );
  onCleanup(() => {
    clearTimeout(timer);
    asked++;
  });
  return state;
}
