import { For, lazy, Match, Switch } from 'solid-js';
import { docLabel } from '../i18n/docLabel.ts';
import { closeMessage } from '../i18n/errors.ts';
import { t } from '../i18n/index.ts';
import type { CompoundSession } from '../sync/CompoundSession.ts';
import type { DocHandle, DocProblem, StorageProblem } from '../sync/DocHandle.ts';
import { storageError } from '../sync/storage.ts';
import { IconAlert } from '../ui/icons.tsx';

// Rare, and it pulls in Kobalte's dialog: loaded only when a document had to be reloaded.
const RecoveredDialog = lazy(() => import('./RecoveredDialog.tsx'));

/** Every problem of the open compound's documents, in plain words with what can be done. */
export function ProblemBanner(props: { session: CompoundSession }) {
  return (
    <>
      <For each={storageError() ? [storageError()!] : []}>
        {(detail) => (
          <div class="banner banner-error" role="alert">
            <IconAlert size={24} />
            <p>{t('problem.storage', { detail })}</p>
          </div>
        )}
      </For>
      <For each={props.session.problems()}>
        {(item) => <Problem docName={item.docName} problem={item.problem} handle={item.handle} />}
      </For>
    </>
  );
}

function Problem(props: { docName: string; problem: DocProblem | StorageProblem; handle: DocHandle }) {
  return (
    <Switch>
      <Match when={props.problem.kind === 'recovered' && props.problem}>
        {(p) => (
          <RecoveredDialog
            docLabel={docLabel(props.docName)}
            problem={p()}
            onClose={() => props.handle.dismissProblem()}
          />
        )}
      </Match>
      <Match when={props.problem.kind === 'storage' && props.problem}>
        {(p) => (
          <div class="banner banner-error" role="alert">
            <IconAlert size={24} />
            <p>{t('problem.storage', { detail: p().detail })}</p>
          </div>
        )}
      </Match>
      <Match when={props.problem.kind === 'waiting' && props.problem}>
        {(p) => (
          <div class="banner" role="status" data-testid="waiting-problem" data-code={p().code}>
            <IconAlert size={24} />
            <p>{closeMessage(p().code)}</p>
          </div>
        )}
      </Match>
      <Match when={props.problem.kind === 'closed' && props.problem}>
        {(p) => (
          <div class="banner banner-error" role="alert" data-testid="close-problem" data-code={p().code}>
            <IconAlert size={24} />
            <div>
              <p>{t('problem.inDoc', { doc: docLabel(props.docName), message: closeMessage(p().code) })}</p>
              <div class="banner-actions">
                <button type="button" class="btn btn-small btn-secondary" onClick={() => props.handle.retry()}>
                  {t('problem.retry')}
                </button>
                <button
                  type="button"
                  class="btn btn-small btn-secondary"
                  onClick={() => void props.handle.resetFromRelay(p().code, p().reason)}
                >
                  {t('problem.resetLocal')}
                </button>
              </div>
            </div>
          </div>
        )}
      </Match>
    </Switch>
  );
}
