import wasmUrl from 'zxing-wasm/reader/zxing_reader.wasm?url';

interface Detector {
  detect(source: ImageBitmapSource): Promise<{ rawValue: string }[]>;
}
declare const BarcodeDetector:
  | ((new (options: { formats: string[] }) => Detector) & { getSupportedFormats(): Promise<string[]> })
  | undefined;

let native: Promise<Detector | undefined> | undefined;

/** The browser's own QR reader where it has one (Chrome on Android, Safari 17+ on macOS). */
function nativeDetector(): Promise<Detector | undefined> {
  native ??= (async () => {
    if (typeof BarcodeDetector === 'undefined') return undefined;
    const formats: string[] = await BarcodeDetector.getSupportedFormats().catch(() => []);
    return formats.includes('qr_code') ? new BarcodeDetector({ formats: ['qr_code'] }) : undefined;
  })();
  return native;
}

let zxing: Promise<typeof import('zxing-wasm/reader')> | undefined;

/** The zxing reader, its wasm served from this app (precached) so the counter reads codes offline. */
function zxingReader(): Promise<typeof import('zxing-wasm/reader')> {
  zxing ??= import('zxing-wasm/reader').then((m) => {
    m.prepareZXingModule({
      overrides: { locateFile: (path: string, prefix: string) => (path.endsWith('.wasm') ? wasmUrl : prefix + path) },
    });
    return m;
  });
  return zxing;
}

/** The text of the first QR code in an image (a photo from the gallery, or a camera frame); undefined if none. */
export async function readQr(image: Blob | ImageData): Promise<string | undefined> {
  const detector = await nativeDetector();
  if (detector) {
    const source = image instanceof Blob ? await createImageBitmap(image) : image;
    const found = await detector.detect(source).catch(() => []);
    if (found[0]) return found[0].rawValue;
  }
  const { readBarcodes } = await zxingReader();
  const results = await readBarcodes(image, { formats: ['QRCode'], tryHarder: true, maxNumberOfSymbols: 1 });
  return results.find((r) => r.isValid)?.text;
}
