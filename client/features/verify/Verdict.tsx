import type { JSX } from 'solid-js';
import { IconAlert, IconCheck } from '../../ui/icons.tsx';

/** A check's verdict in large words with a mark, never by colour alone. */
export function Verdict(props: { ok: boolean; children: JSX.Element }) {
  return (
    <p class="verify-verdict with-icon" classList={{ 'verify-ok': props.ok, 'verify-bad': !props.ok }}>
      {props.ok ? <IconCheck size={28} /> : <IconAlert size={28} />}
      {props.children}
    </p>
  );
}
