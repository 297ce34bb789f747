/**
 * Runs in Chromium for the points bench: the redemption QR made as the member's phone makes it
 * (RedeemQr) and read as the counter reads it (readQr), with the app's own modules.
 */
import QRCode from 'qrcode';
import { readQr } from '../../../client/features/points/readQr.ts';
import {
  encodeRedemption,
  parseRedemption,
  type RedemptionRequest,
} from '../../../client/features/points/redemptionCode.ts';

export interface QrFigures {
  decoder: 'BarcodeDetector' | 'zxing-wasm';
  textChars: number;
  svgChars: number;
  encodeMs: number;
  firstDecodeMs: number;
  photoDecodeMs: number;
  frameDecodeMs: number;
}

async function median(runs: number, fn: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)] ?? Number.NaN;
}

/** The QR drawn on a canvas of `width` x `height`, centred, `size` px wide, as a camera or a screenshot shows it. */
async function drawn(svg: string, width: number, height: number, size: number): Promise<HTMLCanvasElement> {
  const img = new Image();
  img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  await img.decode();
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d') as CanvasRenderingContext2D;
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, width, height);
  ctx.drawImage(img, (width - size) / 2, (height - size) / 2, size, size);
  return canvas;
}

async function decoderInUse(): Promise<QrFigures['decoder']> {
  const api = (globalThis as { BarcodeDetector?: { getSupportedFormats(): Promise<string[]> } }).BarcodeDetector;
  const formats = api ? await api.getSupportedFormats().catch(() => []) : [];
  return formats.includes('qr_code') ? 'BarcodeDetector' : 'zxing-wasm';
}

async function benchQr(request: RedemptionRequest): Promise<QrFigures> {
  const svgOf = () => QRCode.toString(encodeRedemption(request), { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  const svg = await svgOf();
  const encodeMs = await median(51, svgOf);
  const photoCanvas = await drawn(svg, 800, 800, 600);
  const photo = await new Promise<Blob>((resolve) => photoCanvas.toBlob((b) => resolve(b as Blob), 'image/png'));
  const frameCanvas = await drawn(svg, 640, 480, 300);
  const frame = (frameCanvas.getContext('2d') as CanvasRenderingContext2D).getImageData(0, 0, 640, 480);
  const check = async (image: Blob | ImageData) => {
    const text = await readQr(image);
    const back = text === undefined ? undefined : parseRedemption(text);
    if (back?.ticket !== request.ticket) throw new Error(`decoded ${String(text)}`);
  };
  const t0 = performance.now();
  await check(photo);
  const firstDecodeMs = performance.now() - t0;
  return {
    decoder: await decoderInUse(),
    textChars: encodeRedemption(request).length,
    svgChars: svg.length,
    encodeMs,
    firstDecodeMs,
    photoDecodeMs: await median(21, () => check(photo)),
    frameDecodeMs: await median(21, () => check(frame)),
  };
}

(globalThis as { benchQr?: typeof benchQr }).benchQr = benchQr;
