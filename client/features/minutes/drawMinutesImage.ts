import QRCode from 'qrcode';
import type { MinutesCard } from './minutesCard.ts';
import { layout, PAD, WIDTH, wrap } from './minutesImageLayout.ts';

const QR = 300;
/** Browsers refuse canvases much taller than this; a longer card is cut with an ellipsis. */
const MAX_HEIGHT = 12_000;

/** The page's own font stack, so Chinese renders with the fonts the app already shows. */
function pageFont(): string {
  return getComputedStyle(document.body).fontFamily || 'sans-serif';
}

/** Draws the card as a PNG: white background, large type, the short hash and the verify QR at the foot. */
export async function drawMinutesImage(card: MinutesCard): Promise<Blob> {
  const family = pageFont();
  await document.fonts?.ready;
  const measure = document.createElement('canvas').getContext('2d');
  if (!measure) throw new Error('no 2d canvas');
  const { lines, qrTop } = layout(
    (text, font) => {
      measure.font = font;
      return measure.measureText(text).width;
    },
    card,
    family,
  );
  const height = Math.min(MAX_HEIGHT, qrTop + QR + PAD);
  const canvas = document.createElement('canvas');
  canvas.width = WIDTH;
  canvas.height = height;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2d canvas');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, WIDTH, height);
  ctx.textBaseline = 'alphabetic';
  for (const line of lines) {
    if (line.y > height - QR - PAD) break;
    ctx.font = line.font;
    ctx.fillStyle = line.color;
    ctx.fillText(line.text, line.x, line.y);
  }
  const top = height - QR - PAD;
  drawQr(ctx, card.verifyUrl, PAD, top);
  const x = PAD + QR + 40;
  const foot = (text: string, size: number, weight: number, y: number, color = '#111') => {
    ctx.font = `${weight} ${size}px ${family}`;
    ctx.fillStyle = color;
    for (const [i, part] of wrap((s) => ctx.measureText(s).width, text, WIDTH - x - PAD).entries())
      ctx.fillText(part, x, y + i * size * 1.4);
  };
  foot(card.hashLabel, 34, 400, top + 50, '#444');
  foot(card.hash, 52, 700, top + 120);
  foot(card.footer, 30, 400, top + 190, '#444');
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('no PNG'))), 'image/png'),
  );
}

/** The QR module by module, black on white with a quiet zone, so it scans from a chat thumbnail. */
function drawQr(ctx: CanvasRenderingContext2D, text: string, x: number, y: number): void {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const quiet = 2;
  const cell = Math.floor(QR / (modules.size + quiet * 2));
  const offset = Math.floor((QR - cell * modules.size) / 2);
  ctx.fillStyle = '#fff';
  ctx.fillRect(x, y, QR, QR);
  ctx.fillStyle = '#000';
  for (let r = 0; r < modules.size; r++)
    for (let c = 0; c < modules.size; c++)
      if (modules.get(r, c)) ctx.fillRect(x + offset + c * cell, y + offset + r * cell, cell, cell);
}
