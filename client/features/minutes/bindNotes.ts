import * as Y from 'yjs';

/** One change of a string: `remove` characters at `index` replaced by `insert`. */
export interface TextChange {
  index: number;
  remove: number;
  insert: string;
}

/** A Y.Text delta as `YTextEvent.delta` gives it. */
export type TextDelta = readonly { insert?: unknown; retain?: number; delete?: number }[];

export interface Selection {
  start: number;
  end: number;
}

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/**
 * The change from `before` to `after` by common prefix and suffix. `caret` (where the caret is in
 * `after`) settles ties the way the person typed: the changed span ends at the caret, so typing
 * "a" after "a" inserts at the caret, not before. Never splits a surrogate pair.
 */
export function diffText(before: string, after: string, caret = after.length): TextChange {
  const most = Math.min(before.length, after.length);
  let suffix = 0;
  const suffixCap = Math.min(most, Math.max(0, after.length - caret));
  while (suffix < suffixCap && before[before.length - 1 - suffix] === after[after.length - 1 - suffix]) suffix++;
  let prefix = 0;
  const prefixCap = most - suffix;
  while (prefix < prefixCap && before[prefix] === after[prefix]) prefix++;
  // Take both halves of a pair or neither.
  if (prefix > 0 && isHigh(before.charCodeAt(prefix - 1))) prefix--;
  if (suffix > 0 && isLow(before.charCodeAt(before.length - suffix))) suffix--;
  return {
    index: prefix,
    remove: before.length - prefix - suffix,
    insert: after.slice(prefix, after.length - suffix),
  };
}

/** Where `index` of a text lands after `delta` changed it; `after` moves it past text inserted right at it. */
export function mapIndex(index: number, delta: TextDelta, after = false): number {
  let old = 0;
  let shift = 0;
  for (const op of delta) {
    if (op.retain !== undefined) {
      old += op.retain;
      if (old > index) break;
    } else if (op.delete !== undefined) {
      const end = old + op.delete;
      if (index < end) {
        if (index > old) shift -= index - old;
        break;
      }
      shift -= op.delete;
      old = end;
    } else if (op.insert !== undefined) {
      const n = typeof op.insert === 'string' ? op.insert.length : 1;
      if (old < index || after) shift += n;
      else break;
    }
  }
  return index + shift;
}

/**
 * A local change made on a text that others changed meanwhile (`deltas`, in order): the same change
 * at its place in the current text, and where the caret (in the local text) goes.
 */
export function rebase(
  change: TextChange,
  caret: number,
  deltas: readonly TextDelta[],
): { change: TextChange; caret: number } {
  let start = change.index;
  let end = change.index + change.remove;
  for (const d of deltas) {
    start = mapIndex(start, d);
    end = Math.max(start, mapIndex(end, d));
  }
  const insertEnd = change.index + change.insert.length;
  let moved: number;
  if (caret < change.index) {
    moved = deltas.reduce((c, d) => mapIndex(c, d), caret);
  } else if (caret <= insertEnd) {
    moved = start + (caret - change.index);
  } else {
    // Past the change: map its place in the old text, then account for the change itself.
    const old = deltas.reduce((c, d) => mapIndex(c, d), caret - change.insert.length + change.remove);
    moved = old - (end - start) + change.insert.length;
  }
  return { change: { index: start, remove: end - start, insert: change.insert }, caret: moved };
}

/** Applies a change to a Y.Text in one transaction with `origin`. */
export function applyChange(text: Y.Text, change: TextChange, origin: unknown): void {
  if (change.remove === 0 && change.insert === '') return;
  text.doc!.transact(() => {
    if (change.remove > 0) text.delete(change.index, change.remove);
    if (change.insert) text.insert(change.index, change.insert);
  }, origin);
}

export interface NotesBindingOptions {
  /** Transaction origin of this phone's typing; undo and redo take back only these. */
  origin: object;
  /** Where the person's caret is, as positions that survive others' typing; null when they leave. */
  onSelection?: (selection: { anchor: Y.RelativePosition; head: Y.RelativePosition } | null) => void;
  /** Whether undo and redo have something to do. */
  onUndoState?: (state: { undo: boolean; redo: boolean }) => void;
  /** A keystroke, in a composition too (others are told someone types, never what before it ends). */
  onTyping?: () => void;
}

export interface NotesBinding {
  undo(): void;
  redo(): void;
  destroy(): void;
}

/**
 * Binds a plain textarea to a Y.Text, safe for Chinese input methods: nothing reaches the Y.Text
 * while a composition is open; others' edits that arrive meanwhile wait until it ends (changing the
 * textarea mid-composition cancels it) and the committed text is then placed where it belongs.
 * Between compositions, the caret and selection are kept with relative positions as others type.
 */
export function bindNotes(textarea: HTMLTextAreaElement, text: Y.Text, options: NotesBindingOptions): NotesBinding {
  const doc = text.doc!;
  const { origin } = options;
  /** What the textarea shows, apart from the composition in progress: the Y.Text as last rendered. */
  let shadow = text.toString();
  let composing = false;
  /** Others' changes since the composition began, waiting for it to end. */
  let waiting: TextDelta[] = [];
  let kept: { start: Y.RelativePosition; end: Y.RelativePosition; backward: boolean } | undefined;

  const undoManager = new Y.UndoManager(text, { trackedOrigins: new Set([origin]) });
  const undoState = () =>
    options.onUndoState?.({ undo: undoManager.undoStack.length > 0, redo: undoManager.redoStack.length > 0 });

  const render = (value: string, selection: Selection, backward = false) => {
    if (textarea.value !== value) textarea.value = value;
    shadow = value;
    textarea.setSelectionRange(selection.start, selection.end, backward ? 'backward' : 'forward');
  };

  /**
   * The selection as positions that survive others' typing, each tied to the character on its inner
   * side: a caret to the character before it, so words another phone puts right at the caret (both
   * typing at the end) go after it and this person's next word follows their own last one. Tied to
   * the character after it, the caret rode on after the other's words and the two were woven together.
   */
  const relativeSelection = () => {
    const { selectionStart: start, selectionEnd: end } = textarea;
    return {
      start: Y.createRelativePositionFromTypeIndex(text, start, start === end ? -1 : 0),
      end: Y.createRelativePositionFromTypeIndex(text, end, -1),
      backward: textarea.selectionDirection === 'backward',
    };
  };

  const reportSelection = () => {
    if (!options.onSelection) return;
    if (document.activeElement !== textarea) return options.onSelection(null);
    const { start, end, backward } = relativeSelection();
    options.onSelection(backward ? { anchor: end, head: start } : { anchor: start, head: end });
  };

  const keepSelection = (tr: Y.Transaction) => {
    if (tr.origin === origin || composing) return;
    kept = relativeSelection();
  };

  const observer = (event: Y.YTextEvent, tr: Y.Transaction) => {
    if (tr.origin === origin) return;
    if (composing) {
      waiting.push(event.delta as TextDelta);
      return;
    }
    const value = text.toString();
    const at = (rel: Y.RelativePosition | undefined, fallback: number) =>
      (rel && Y.createAbsolutePositionFromRelativePosition(rel, doc)?.index) ?? fallback;
    const start = at(kept?.start, textarea.selectionStart);
    const end = Math.max(start, at(kept?.end, textarea.selectionEnd));
    render(value, { start, end }, kept?.backward);
    kept = undefined;
    reportSelection();
  };

  // A transaction that left the text alone must not leave its selection for the next one.
  const forgetSelection = () => {
    kept = undefined;
  };

  const onInput = (e: Event) => {
    if (!textarea.readOnly) options.onTyping?.();
    if (composing || (e as InputEvent).isComposing || textarea.readOnly) return;
    const change = diffText(shadow, textarea.value, textarea.selectionEnd);
    shadow = textarea.value;
    applyChange(text, change, origin);
    reportSelection();
  };

  const onCompositionStart = () => {
    composing = true;
    waiting = [];
  };

  const onCompositionUpdate = () => {
    if (!textarea.readOnly) options.onTyping?.();
  };

  const onCompositionEnd = () => {
    composing = false;
    const local = textarea.value;
    const change = diffText(shadow, local, textarea.selectionEnd);
    const queued = waiting;
    waiting = [];
    if (queued.length === 0) {
      shadow = local;
      if (!textarea.readOnly) applyChange(text, change, origin);
    } else {
      const placed = rebase(change, textarea.selectionEnd, queued);
      if (!textarea.readOnly) applyChange(text, placed.change, origin);
      render(text.toString(), { start: placed.caret, end: placed.caret });
    }
    reportSelection();
  };

  const onSelect = () => reportSelection();
  const onBlur = () => options.onSelection?.(null);
  const onSelectionChange = () => {
    if (document.activeElement === textarea) reportSelection();
  };

  textarea.value = shadow;
  doc.on('beforeTransaction', keepSelection);
  doc.on('afterTransaction', forgetSelection);
  text.observe(observer);
  undoManager.on('stack-item-added', undoState);
  undoManager.on('stack-item-popped', undoState);
  undoManager.on('stack-cleared', undoState);
  textarea.addEventListener('input', onInput);
  textarea.addEventListener('compositionstart', onCompositionStart);
  textarea.addEventListener('compositionupdate', onCompositionUpdate);
  textarea.addEventListener('compositionend', onCompositionEnd);
  textarea.addEventListener('focus', onSelect);
  textarea.addEventListener('blur', onBlur);
  document.addEventListener('selectionchange', onSelectionChange);
  undoState();

  return {
    undo: () => {
      if (!composing) undoManager.undo();
    },
    redo: () => {
      if (!composing) undoManager.redo();
    },
    destroy() {
      doc.off('beforeTransaction', keepSelection);
      doc.off('afterTransaction', forgetSelection);
      text.unobserve(observer);
      undoManager.destroy();
      textarea.removeEventListener('input', onInput);
      textarea.removeEventListener('compositionstart', onCompositionStart);
      textarea.removeEventListener('compositionupdate', onCompositionUpdate);
      textarea.removeEventListener('compositionend', onCompositionEnd);
      textarea.removeEventListener('focus', onSelect);
      textarea.removeEventListener('blur', onBlur);
      document.removeEventListener('selectionchange', onSelectionChange);
    },
  };
}
