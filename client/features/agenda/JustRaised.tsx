import { A, useSearchParams } from '@solidjs/router';
import { onMount, Show } from 'solid-js';
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
  const [params, setParams] = useSearchParams<{ raised?: string }>();
  // Shown once, on arrival: taken out of the URL at once, so a filter, a reload or coming back from
  // the request does not bring it back.
  const id = params.raised;
  onMount(() => {
    if (id !== undefined) setParams({ raised: undefined }, { replace: true, scroll: false });
  });
  const view = usePublicView();
  const raised = () => {
    const requests = view().compound.agenda.requests;
    return id && Object.hasOwn(requests, id) ? requests[id] : undefined;
  };
  return (
    <Show when={raised()}>
      {(r) => (
        <A href={path('agenda', r().id)} class="note just-raised" data-testid="just-raised">
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
