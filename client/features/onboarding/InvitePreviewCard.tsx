import { Match, Show, Switch } from 'solid-js';
import { formatDateTime } from '../../../shared/time.ts';
import { errorMessage } from '../../i18n/errors.ts';
import { intlLocale, t } from '../../i18n/index.ts';
import { memberKind } from '../../i18n/memberKind.ts';
import type { PreviewState } from './createInvitePreview.ts';

/** Which compound the invite is for and as what, or why it cannot be used, before a name is typed. */
export function InvitePreviewCard(props: { state: PreviewState; fromLink: boolean }) {
  // The catalog keeps the sentence whole; the compound's name goes in bold where {name} stands.
  const invitedTo = () => t('join.invitedTo').split('{name}');
  // One live region that stays mounted: screen readers skip a region that appears with its words.
  // A refusal is an alert of its own, outside it, so it is read once.
  return (
    <>
      <div aria-live="polite">
        <Switch>
          <Match when={props.state.kind === 'loading'}>
            <p class="invite-preview invite-preview-calm" aria-busy="true" data-testid="invite-preview-loading">
              {t('join.checking')}
            </p>
          </Match>
          <Match when={props.state.kind === 'shown' && props.state}>
            {(shown) => (
              <section class="invite-preview" data-testid="invite-preview">
                <p class="invite-preview-to">
                  {invitedTo()[0]}
                  <strong data-testid="invite-compound">{shown().preview.compoundName}</strong>
                  {invitedTo()[1]}
                </p>
                <p class="invite-preview-as" data-testid="invite-kind">
                  {t('join.invitedAs', { kind: memberKind(shown().preview) })}
                </p>
                <p class="muted">
                  {t('invites.expires', { time: formatDateTime(shown().preview.expiresAt, intlLocale()) })}
                </p>
              </section>
            )}
          </Match>
          <Match when={props.state.kind === 'offline' || props.state.kind === 'failed'}>
            <div class="invite-preview invite-preview-calm" data-testid={`invite-preview-${props.state.kind}`}>
              <Show when={props.fromLink}>
                <p class="lead">{t('join.invited')}</p>
              </Show>
              <p>{props.state.kind === 'offline' ? t('join.previewOffline') : t('join.previewFailed')}</p>
            </div>
          </Match>
        </Switch>
      </div>
      <Show when={props.state.kind === 'refused' && props.state}>
        {(refused) => (
          <p class="form-error" role="alert" data-testid="invite-refused">
            {errorMessage(refused().error)}
          </p>
        )}
      </Show>
    </>
  );
}
