import { encodePlan, HARD_LIMIT_BYTES, TARGET_BYTES } from './resize.ts';

export interface PreparedImage {
  blob: Blob;
  width: number;
  height: number;
}

/** A photo the phone cannot decode (not an image, or a format the browser lacks, e.g. HEIC on Android). */
export class UnreadableImageError extends Error {
  constructor(cause: unknown) {
    super(`cannot read this image: ${String(cause)}`);
    this.name = 'UnreadableImageError';
  }
}

/**
 * Downscales a camera photo to at most 1280 px on its longest side and re-encodes it as JPEG,
 * stepping the quality (then the size) down until it is under ~300 KB. Runs on the phone, so a
 * 4 MB photo never crosses weak mobile data. EXIF rotation is applied by createImageBitmap.
 */
export async function prepareImage(file: Blob): Promise<PreparedImage> {
  const started = performance.now();
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch (e) {
    throw new UnreadableImageError(e);
  }
  try {
    let best: PreparedImage | undefined;
    for (const step of encodePlan(bitmap.width, bitmap.height)) {
      const blob = await encode(bitmap, step.width, step.height, step.quality);
      if (!best || blob.size < best.blob.size) best = { blob, width: step.width, height: step.height };
      if (blob.size <= TARGET_BYTES) break;
    }
    if (!best || best.blob.size > HARD_LIMIT_BYTES) throw new UnreadableImageError('still too large');
    // For `npm run bench` and the curious: how long the phone spent, and what came out.
    performance.measure('little-stool:image', {
      start: started,
      detail: { inBytes: file.size, outBytes: best.blob.size, width: best.width, height: best.height },
    });
    return best;
  } finally {
    bitmap.close();
  }
}

async function encode(bitmap: ImageBitmap, width: number, height: number, quality: number): Promise<Blob> {
  if (typeof OffscreenCanvas !== 'undefined') {
    const canvas = new OffscreenCanvas(width, height);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new UnreadableImageError('no 2d context');
    draw(ctx, bitmap, width, height);
    return canvas.convertToBlob({ type: 'image/jpeg', quality });
  }
  // Older Safari: no OffscreenCanvas 2d.
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new UnreadableImageError('no 2d context');
  draw(ctx, bitmap, width, height);
  return new Promise<Blob>((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new UnreadableImageError('encoding failed'))), 'image/jpeg', quality),
  );
}

function draw(
  ctx: OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D,
  bitmap: ImageBitmap,
  width: number,
  height: number,
): void {
  // JPEG has no transparency: a PNG with holes gets white, not black.
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, width, height);
  ctx.imageSmoothingEnabled = true;
  ctx.imageSmoothingQuality = 'high';
  ctx.drawImage(bitmap, 0, 0, width, height);
}
