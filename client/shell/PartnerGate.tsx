import { Navigate, useLocation } from '@solidjs/router';
import { type JSX, Show } from 'solid-js';
import { isPartner } from '../../shared/roles.ts';
import { compoundPath } from '../domain/usePage.ts';
import { partnerMayOpen } from '../features/registry.ts';
import type { CompoundSession } from '../sync/CompoundSession.ts';

/**
 * On a partner unit's phone, a page outside the needs board (an old link, a typed address) goes to
 * the board: it would ask for documents the relay refuses them.
 */
export function PartnerGate(props: { session: CompoundSession; children: JSX.Element }) {
  const location = useLocation();
  const base = () => compoundPath(props.session.compoundId);
  const allowed = () => !isPartner(props.session.member) || partnerMayOpen(location.pathname.slice(base().length));
  return (
    <Show when={allowed()} fallback={<Navigate href={compoundPath(props.session.compoundId, 'needs')} />}>
      {props.children}
    </Show>
  );
}
