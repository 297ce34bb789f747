import { useNavigate } from '@solidjs/router';
import { createSignal, type JSX, Show } from 'solid-js';
import { usePage } from '../../../domain/usePage.ts';
import { t } from '../../../i18n/index.ts';
import { storePhoto } from '../../../media/photos.ts';
import { FormError } from '../../../ui/FormError.tsx';
import { IconCamera, IconImage } from '../../../ui/icons.tsx';

/**
 * 随手拍 on the agenda: the tap opens the camera at once (the tap is the gesture the browser needs);
 * the photo is kept on the phone and the snap form opens with it. The album is the fallback, a
 * smaller button under it. `children` (the page's other main action) sits beside the camera button,
 * so the two take one row and the list starts higher on the screen.
 */
export function SnapButton(props: { children?: JSX.Element }) {
  const { path } = usePage();
  const navigate = useNavigate();
  let camera: HTMLInputElement | undefined;
  let album: HTMLInputElement | undefined;
  const [working, setWorking] = createSignal(false);
  const [error, setError] = createSignal<string>();

  const take = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    setError(undefined);
    setWorking(true);
    try {
      const hash = await storePhoto(file);
      navigate(`${path('agenda', 'snap')}?photo=${hash}`);
    } catch {
      setError(t('photo.unreadable'));
    } finally {
      setWorking(false);
    }
  };

  return (
    <div class="snap-entry" data-testid="snap-entry">
      <input
        ref={camera}
        type="file"
        accept="image/*"
        capture="environment"
        class="file-input"
        data-testid="snap-camera"
        onChange={(e) => void take(e.currentTarget)}
      />
      <input
        ref={album}
        type="file"
        accept="image/*"
        class="file-input"
        data-testid="snap-album"
        onChange={(e) => void take(e.currentTarget)}
      />
      <div class="agenda-actions">
        <button
          type="button"
          class="btn btn-primary snap-button"
          data-testid="snap-button"
          disabled={working()}
          onClick={() => camera?.click()}
        >
          <IconCamera size={32} />
          <span>{t('snap.button')}</span>
        </button>
        {props.children}
      </div>
      <button
        type="button"
        class="btn btn-secondary btn-small snap-album"
        onClick={() => album?.click()}
        disabled={working()}
      >
        <IconImage size={24} />
        <span>{t('snap.fromAlbum')}</span>
      </button>
      <Show when={working()}>
        <p class="field-hint" role="status">
          {t('photo.processing')}
        </p>
      </Show>
      <FormError error={error()} />
    </div>
  );
}
