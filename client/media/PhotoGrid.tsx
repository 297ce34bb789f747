import { createSignal, For, Show } from 'solid-js';
import { t } from '../i18n/index.ts';
import { Modal, ModalClose } from '../ui/Modal.tsx';
import { StoredImage } from './StoredImage.tsx';
import { pendingPhotos, refusedPhotos } from './uploadQueue.ts';
import './photos.css';

/** Thumbnails that open large on a tap; a photo this phone has not sent yet, or could not, says so. */
export function PhotoGrid(props: { hashes: readonly string[]; label?: string }) {
  const [open, setOpen] = createSignal<number>();
  return (
    <Show when={props.hashes.length > 0}>
      <ul class="photo-grid" aria-label={props.label ?? t('photo.label')}>
        <For each={props.hashes}>
          {(hash, i) => (
            <li class="photo-cell">
              <button
                type="button"
                class="photo-button"
                onClick={() => setOpen(i())}
                aria-label={t('photo.open', { n: i() + 1 })}
              >
                <StoredImage hash={hash} alt={t('photo.alt', { n: i() + 1 })} class="photo-thumb" />
              </button>
              <Show when={pendingPhotos().has(hash)}>
                <span class="photo-pending">{t('photo.pending')}</span>
              </Show>
              <Show when={refusedPhotos().get(hash)}>
                {(code) => (
                  <span class="photo-pending photo-refused" role="status" data-testid="photo-refused">
                    {t(
                      code() === 'image_count_quota' || code() === 'image_byte_quota'
                        ? 'photo.refusedFull'
                        : 'photo.refused',
                    )}
                  </span>
                )}
              </Show>
            </li>
          )}
        </For>
      </ul>
      <Modal
        open={open() !== undefined}
        onOpenChange={(o) => !o && setOpen(undefined)}
        title={t('photo.alt', { n: (open() ?? 0) + 1 })}
        class="photo-dialog"
      >
        <Show when={open() !== undefined && props.hashes[open()!]}>
          {(hash) => <StoredImage hash={hash()} alt={t('photo.alt', { n: (open() ?? 0) + 1 })} class="photo-large" />}
        </Show>
        <div class="dialog-actions">
          <ModalClose label={t('form.close')} />
        </div>
      </Modal>
    </Show>
  );
}
