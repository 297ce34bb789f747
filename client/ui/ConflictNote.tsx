import type { JSX } from 'solid-js';
import { IconAlert } from './icons.tsx';

/**
 * What two phones did at once, both kept: one plain sentence of what happened and what to do, then
 * what was kept beside what stands (each a `ConflictItem`). Amber, not red: nothing was refused.
 */
export function ConflictNote(props: { testid: string; text: string; children?: JSX.Element }) {
  return (
    <div class="conflict-note" role="note" data-testid={props.testid}>
      <p class="conflict-text">
        <IconAlert size={24} />
        <span>{props.text}</span>
      </p>
      {props.children}
    </div>
  );
}

/** One record kept beside what stands: what it said, then who and when on a line of its own. */
export function ConflictItem(props: { children: JSX.Element; who: string }) {
  return (
    <div class="conflict-item">
      {props.children}
      <p class="muted">{props.who}</p>
    </div>
  );
}
