import type { JSX } from 'solid-js';
import { IconAlert, IconCheck } from '../../ui/icons.tsx';

/**
 * How a check came out: `ok` the paper is the record as it stands; `warn` the paper matches, but the
 * record changed after it was printed (read on, the changes follow); `bad` the paper is not the record.
 */
export type VerdictTone = 'ok' | 'warn' | 'bad';

/** A check's verdict in large words with a mark, never by colour alone. */
export function Verdict(props: { tone: VerdictTone; children: JSX.Element }) {
  return (
    <p class="verify-verdict with-icon" classList={{ [`verify-${props.tone}`]: true }} data-tone={props.tone}>
      {props.tone === 'ok' ? <IconCheck size={28} /> : <IconAlert size={28} />}
      {props.children}
    </p>
  );
}
