import { createEffect, createSignal, onCleanup, Show } from 'solid-js';
import type * as Y from 'yjs';
import type { Caret } from '../../domain/usePresence.ts';
import { t } from '../../i18n/index.ts';
import { bindNotes, type NotesBinding } from './bindNotes.ts';

/** 张阿姨 正在写… / 张阿姨、李叔 正在写… / 张阿姨、李叔等 3 人正在写… */
function typingText(names: readonly string[]): string {
  const [a = '', b = ''] = names;
  if (names.length === 1) return t('minutes.typingOne', { name: a });
  if (names.length === 2) return t('minutes.typingTwo', { a, b });
  return t('minutes.typingMany', { a, b, n: names.length, more: names.length - 2 });
}

/**
 * The notes everyone types together: a large plain textarea, with undo and redo of one's own typing,
 * and who else is typing in them above it.
 */
export function NotesEditor(props: {
  notes: Y.Text;
  origin: object;
  editable: boolean;
  /** Replaces the usual hint (e.g. once the minutes are locked). */
  hint?: string;
  onCaret: (c: Caret) => void;
  onTyping: () => void;
  /** Names of the others typing now. */
  typing: readonly string[];
}) {
  let textarea: HTMLTextAreaElement | undefined;
  const [canUndo, setCanUndo] = createSignal(false);
  const [canRedo, setCanRedo] = createSignal(false);
  let binding: NotesBinding | undefined;

  // A new Y.Text (the copy was reset from the relay) gets a new binding.
  createEffect(() => {
    const notes = props.notes;
    if (!textarea) return;
    const b = bindNotes(textarea, notes, {
      origin: props.origin,
      onSelection: props.onCaret,
      onTyping: props.onTyping,
      onUndoState: (s) => {
        setCanUndo(s.undo);
        setCanRedo(s.redo);
      },
    });
    binding = b;
    onCleanup(() => {
      b.destroy();
      props.onCaret(null);
    });
  });

  return (
    <div class="field minutes-notes">
      <label class="field-label" for="minutes-notes">
        {t('minutes.notes')}
      </label>
      {/* Always there, empty when nobody types: the textarea must not move under a thumb. */}
      <p class="minutes-typing" role="status" data-testid="typing">
        {props.typing.length > 0 ? typingText(props.typing) : ''}
      </p>
      <textarea
        id="minutes-notes"
        ref={textarea}
        class="input minutes-textarea"
        name="notes"
        rows={12}
        readOnly={!props.editable}
        spellcheck={false}
        placeholder={props.editable ? t('minutes.notesPlaceholder') : ''}
        data-testid="notes"
      />
      <p class="field-hint">{props.hint ?? (props.editable ? t('minutes.notesHint') : t('minutes.notesReadOnly'))}</p>
      <Show when={props.editable}>
        <div class="minutes-undo">
          <button
            type="button"
            class="btn btn-secondary"
            disabled={!canUndo()}
            // Keeps the caret in the notes, where undo puts the text back.
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => binding?.undo()}
            data-testid="notes-undo"
          >
            {t('minutes.undo')}
          </button>
          <button
            type="button"
            class="btn btn-secondary"
            disabled={!canRedo()}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => binding?.redo()}
            data-testid="notes-redo"
          >
            {t('minutes.redo')}
          </button>
        </div>
      </Show>
    </div>
  );
}
