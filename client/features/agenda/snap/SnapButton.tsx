import { A, useNavigate } from '@solidjs/router';
import { createSignal, Show } from 'solid-js';
import { usePage } from '../../../domain/usePage.ts';
import { t } from '../../../i18n/index.ts';
import { storePhoto } from '../../../media/photos.ts';
import { FormError } from '../../../ui/FormError.tsx';
import { IconCamera, IconImage } from '../../../ui/icons.tsx';

/**
 * 随手拍 on the agenda: the tap opens the camera at once (the tap is the gesture the browser needs);
 * the photo is kept on the phone and the snap form opens with it. The album is the fallback.
 */
export function SnapButton() {
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
      <button
        type="button"
        class="btn btn-primary btn-block snap-button"
        data-testid="snap-button"
        disabled={working()}
        onClick={() => camera?.click()}
      >
        <IconCamera size={32} />
        <span>{t('snap.button')}</span>
      </button>
      <div class="snap-links">
        <button type="button" class="btn btn-secondary" onClick={() => album?.click()} disabled={working()}>
          <IconImage size={24} />
          <span>{t('snap.fromAlbum')}</span>
        </button>
        <A href={path('agenda', 'snap', 'stats')} class="btn btn-secondary" data-testid="snap-stats-link">
          {t('snap.statsLink')}
        </A>
      </div>
      <Show when={working()}>
        <p class="field-hint" role="status">
          {t('photo.processing')}
        </p>
      </Show>
      <FormError error={error()} />
    </div>
  );
}
