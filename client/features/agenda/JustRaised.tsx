import { A, useSearchParams } from '@solidjs/router';
import { Show } from 'solid-js';
import { usePage } from '../../domain/usePage.ts';
import { usePublicView } from '../../domain/usePublicView.ts';
import { t } from '../../i18n/index.ts';
import { IconCheck, IconChevron } from '../../ui/icons.tsx';

/** The list's address after a request was raised: `?raised=<id>`, so the list can point to it. */
export function raisedHere(listPath: string, requestId: string): string {
  return `${listPath}?raised=${encodeURIComponent(requestId)}`;
}

/**
 * At the top of the list after raising a request, one tap to it: in a compound with overdue items
 * the new one is listed below them, off the screen, and looked lost to the member who just sent it.
 */
export function JustRaised() {
  const { path } = usePage();
  const [params] = useSearchParams<{ raised?: string }>();
  const view = usePublicView();
  const raised = () => (params.raised ? view().compound.agenda.requests[params.raised] : undefined);
  return (
    <Show when={raised()}>
      {(r) => (
        <A href={path('agenda', r().id)} class="just-raised" data-testid="just-raised">
          <IconCheck size={28} />
          <span class="just-raised-text">
            <span class="strong">{t('agenda.justRaised')}</span>
            <span class="just-raised-title">{r().title}</span>
          </span>
          <IconChevron size={24} />
        </A>
      )}
    </Show>
  );
}
