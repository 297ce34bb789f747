import { createSignal, For, Show } from 'solid-js';
import { t } from '../i18n/index.ts';
import { createFieldError, FieldMessage } from '../ui/Form.tsx';
import { FormError } from '../ui/FormError.tsx';
import { IconCamera, IconImage, IconTrash } from '../ui/icons.tsx';
import { storePhoto } from './photos.ts';
import { StoredImage } from './StoredImage.tsx';
import './photos.css';

export const MAX_PHOTOS = 9;

/**
 * Photos for a form: take one with the camera or choose from the album. Each is downscaled,
 * hashed and kept on the phone at once; the form gets the hashes. `busy` tells it to wait.
 */
export function PhotoPicker(props: {
  value: readonly string[];
  onChange: (hashes: string[]) => void;
  onBusy?: (busy: boolean) => void;
  label?: string;
  testId?: string;
  /** At least one photo is needed: the label says so instead of "optional". */
  required?: boolean;
  /** What the form calls the photos when it says something is wrong with them (`photos` unless given). */
  name?: string;
  error?: string;
}) {
  let camera: HTMLInputElement | undefined;
  let album: HTMLInputElement | undefined;
  let takeButton: HTMLButtonElement | undefined;
  const fieldError = createFieldError(
    {
      get name() {
        return props.name ?? 'photos';
      },
      get error() {
        return props.error;
      },
    },
    () => takeButton,
  );
  const change = (hashes: string[]) => {
    fieldError.edited();
    props.onChange(hashes);
  };
  const [working, setWorking] = createSignal(0);
  const [error, setError] = createSignal<string>();

  const add = async (input: HTMLInputElement) => {
    const files = [...(input.files ?? [])];
    input.value = '';
    if (files.length === 0) return;
    setError(undefined);
    // Photos of another pick still being prepared count: two picks at once stay within the nine.
    const room = MAX_PHOTOS - props.value.length - working();
    if (files.length > room) setError(t('photo.max', { n: MAX_PHOTOS }));
    const chosen = files.slice(0, Math.max(0, room));
    setWorking((n) => n + chosen.length);
    props.onBusy?.(true);
    for (const file of chosen) {
      try {
        const hash = await storePhoto(file);
        // The list as it is now, not as it was when this pick began: another pick (the camera while
        // the album's photos are prepared) or a removal may have changed it meanwhile.
        const current = props.value;
        if (!current.includes(hash)) change([...current, hash]);
      } catch {
        setError(t('photo.unreadable'));
      } finally {
        setWorking((n) => n - 1);
      }
    }
    props.onBusy?.(working() > 0);
  };

  return (
    <div
      class="field"
      classList={{ 'field-invalid': !!fieldError.message() }}
      data-testid={props.testId ?? 'photo-picker'}
    >
      <span class="field-label">
        {props.label ?? t('photo.label')}
        <span class="field-optional">{props.required ? t('photo.required') : t('form.optional')}</span>
      </span>
      <FieldMessage id={fieldError.id} message={fieldError.message()} />
      <input
        ref={camera}
        type="file"
        accept="image/*"
        capture="environment"
        class="file-input"
        data-testid="photo-camera"
        onChange={(e) => void add(e.currentTarget)}
      />
      <input
        ref={album}
        type="file"
        accept="image/*"
        multiple
        class="file-input"
        data-testid="photo-album"
        onChange={(e) => void add(e.currentTarget)}
      />
      <div class="photo-actions">
        <button
          ref={takeButton}
          type="button"
          class="btn btn-secondary"
          aria-describedby={fieldError.describedBy()}
          onClick={() => camera?.click()}
          disabled={props.value.length >= MAX_PHOTOS}
        >
          <IconCamera size={26} />
          <span>{t('photo.take')}</span>
        </button>
        <button
          type="button"
          class="btn btn-secondary"
          aria-describedby={fieldError.describedBy()}
          onClick={() => album?.click()}
          disabled={props.value.length >= MAX_PHOTOS}
        >
          <IconImage size={26} />
          <span>{t('photo.pick')}</span>
        </button>
      </div>
      <Show when={working() > 0}>
        <p class="field-hint" role="status" data-testid="photo-working">
          {t('photo.processing')}
        </p>
      </Show>
      <FormError error={error()} />
      <Show when={props.value.length > 0}>
        <ul class="photo-grid" data-testid="photo-chosen">
          <For each={props.value}>
            {(hash, i) => (
              <li class="photo-cell photo-chosen">
                <StoredImage hash={hash} alt={t('photo.alt', { n: i() + 1 })} class="photo-thumb" />
                <button
                  type="button"
                  class="btn btn-small btn-secondary"
                  onClick={() => change(props.value.filter((h) => h !== hash))}
                  aria-label={t('photo.remove', { n: i() + 1 })}
                >
                  <IconTrash size={22} />
                  <span>{t('photo.removeShort')}</span>
                </button>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </div>
  );
}
