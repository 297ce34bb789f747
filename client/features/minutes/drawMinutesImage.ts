import QRCode from 'qrcode';
import type { MinutesCard } from './minutesCard.ts';

/** A width chat apps show sharp on a phone without scaling text down. */
const WIDTH = 1080;
const PAD = 64;
const QR = 300;
/** Browsers refuse canvases much taller than this; a longer card is cut with an ellipsis. */
const MAX_HEIGHT = 12_000;

interface Line {
  text: string;
  font: string;
  color: string;
  x: number;
  y: number;
}

/** The page's own font stack, so Chinese renders with the fonts the app already shows. */
function pageFont(): string {
  return getComputedStyle(document.body).fontFamily || 'sans-serif';
}

/** Breaks text into lines no wider than `width`, character by character (Chinese has no spaces to break at). */
function wrap(ctx: CanvasRenderingContext2D, text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const ch of Array.from(text)) {
    if (ch === '\n') {
      lines.push(line);
      line = '';
      continue;
    }
    if (line && ctx.measureText(line + ch).width > width) {
      lines.push(line);
      line = ch.trim() ? ch : '';
    } else line += ch;
  }
  lines.push(line);
  return lines;
}

/** Lays the card out top to bottom; returns the lines and where the QR block starts. */
function layout(ctx: CanvasRenderingContext2D, card: MinutesCard, family: string): { lines: Line[]; qrTop: number } {
  const lines: Line[] = [];
  let y = PAD;
  const add = (text: string, size: number, weight: number, color: string, x = PAD, gap = 1.5) => {
    const font = `${weight} ${size}px ${family}`;
    ctx.font = font;
    for (const part of wrap(ctx, text, WIDTH - x - PAD)) {
      y += size * gap;
      lines.push({ text: part, font, color, x, y });
    }
  };
  add(card.title, 56, 700, '#0b3d39');
  add(card.subtitle, 34, 400, '#444');
  for (const section of card.sections) {
    y += 24;
    add(section.heading, 40, 700, '#0b5d57');
    const numbered = section.lines.length > 1;
    for (const [i, text] of section.lines.entries()) add(numbered ? `${i + 1}. ${text}` : text, 36, 400, '#111');
  }
  return { lines, qrTop: y + 48 };
}

/** Draws the card as a PNG: white background, large type, the short hash and the verify QR at the foot. */
export async function drawMinutesImage(card: MinutesCard): Promise<Blob> {
  const family = pageFont();
  await document.fonts?.ready;
  const measure = document.createElement('canvas').getContext('2d');
  if (!measure) throw new Error('no 2d canvas');
  const { lines, qrTop } = layout(measure, card, family);
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
    for (const [i, part] of wrap(ctx, text, WIDTH - x - PAD).entries()) ctx.fillText(part, x, y + i * size * 1.4);
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
