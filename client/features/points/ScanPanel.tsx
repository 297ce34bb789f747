import { createSignal, onCleanup, Show } from 'solid-js';
import { t } from '../../i18n/index.ts';
import { IconCamera, IconImage } from '../../ui/icons.tsx';
import { readQr } from './readQr.ts';

/**
 * Reads a QR code from the camera, or from a photo picked from the gallery (older phones whose
 * browser cannot read a live camera in the page); `found` gets the text of the first code read.
 */
export function ScanPanel(props: { found: (text: string) => void }) {
  const [live, setLive] = createSignal(false);
  const [problem, setProblem] = createSignal<string>();
  let video: HTMLVideoElement | undefined;
  let picker: HTMLInputElement | undefined;
  let stream: MediaStream | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stop = () => {
    clearTimeout(timer);
    for (const track of stream?.getTracks() ?? []) track.stop();
    stream = undefined;
    setLive(false);
  };
  onCleanup(stop);

  const frame = async () => {
    if (!video || !stream) return;
    if (video.videoWidth > 0) {
      const canvas = document.createElement('canvas');
      canvas.width = video.videoWidth;
      canvas.height = video.videoHeight;
      const ctx = canvas.getContext('2d', { willReadFrequently: true });
      ctx?.drawImage(video, 0, 0);
      const text = ctx
        ? await readQr(ctx.getImageData(0, 0, canvas.width, canvas.height)).catch(() => undefined)
        : undefined;
      if (text) {
        stop();
        props.found(text);
        return;
      }
    }
    // A few reads a second: enough for a steady hand, light on an old phone's battery.
    if (stream) timer = setTimeout(() => void frame(), 300);
  };

  const openCamera = async () => {
    setProblem(undefined);
    try {
      stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false });
    } catch {
      setProblem(t('points.noCamera'));
      return;
    }
    setLive(true);
    if (video) {
      video.srcObject = stream;
      await video.play().catch(() => undefined);
    }
    void frame();
  };

  const fromPhoto = async (file: File | undefined) => {
    if (!file) return;
    setProblem(undefined);
    const text = await readQr(file).catch(() => undefined);
    if (text) props.found(text);
    else setProblem(t('points.noCode'));
  };

  return (
    <div class="points-scan" data-testid="scan-panel">
      <video
        ref={video}
        class="points-video"
        classList={{ hidden: !live() }}
        muted
        playsinline
        aria-label={t('points.cameraLabel')}
      />
      <Show
        when={live()}
        fallback={
          <button
            type="button"
            class="btn btn-primary btn-block"
            onClick={() => void openCamera()}
            data-testid="scan-camera"
          >
            <IconCamera size={24} />
            <span>{t('points.scanCamera')}</span>
          </button>
        }
      >
        <button type="button" class="btn btn-secondary btn-block" onClick={stop}>
          {t('points.stopCamera')}
        </button>
      </Show>
      {/* A button that opens the picker: a target of its own size, reached by keyboard too. */}
      <input
        ref={picker}
        type="file"
        accept="image/*"
        hidden
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          // The same photo picked again (the next member's code not taken yet) is read again.
          e.currentTarget.value = '';
          void fromPhoto(file);
        }}
        data-testid="scan-photo"
      />
      <button type="button" class="btn btn-secondary btn-block points-photo" onClick={() => picker?.click()}>
        <IconImage size={24} />
        <span>{t('points.scanPhoto')}</span>
      </button>
      <Show when={problem()}>
        <p class="form-error" role="alert">
          {problem()}
        </p>
      </Show>
    </div>
  );
}
