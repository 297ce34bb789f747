import type { MinutesCard } from './minutesCard.ts';

/** A width chat apps show sharp on a phone without scaling text down. */
export const WIDTH = 1080;
export const PAD = 64;
/** The notes drawn on the image at most; a longer text ends with the card's `notesMore` line. */
export const NOTES_MAX_LINES = 40;

/** How wide `text` is drawn in `font` (the canvas's measureText; a stand-in in unit tests). */
export type Measure = (text: string, font: string) => number;

export interface Line {
  text: string;
  font: string;
  color: string;
  x: number;
  y: number;
}

/** Closing punctuation that never starts a line (禁则): it stays at the end of the line before. */
const closing = new Set(Array.from('，。、；：？！）」』》〉】〕”’…—,.;:?!)]}%'));

/**
 * Breaks text into lines no wider than `width`, character by character (Chinese has no spaces to
 * break at). A closing mark that would start a line is pulled onto the line before, a little past
 * the width, as typeset Chinese does.
 */
export function wrap(measure: (text: string) => number, text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const ch of Array.from(text)) {
    if (ch === '\n') {
      lines.push(line);
      line = '';
      continue;
    }
    if (line && measure(line + ch) > width && !closing.has(ch)) {
      lines.push(line);
      line = ch.trim() ? ch : '';
    } else line += ch;
  }
  lines.push(line);
  return lines;
}

/** Lays the card out top to bottom; returns the lines and where the QR block starts. */
export function layout(measure: Measure, card: MinutesCard, family: string): { lines: Line[]; qrTop: number } {
  const lines: Line[] = [];
  let y = PAD;
  const wrapIn = (text: string, font: string, x: number) => wrap((s) => measure(s, font), text, WIDTH - x - PAD);
  const put = (parts: string[], size: number, font: string, color: string, x: number) => {
    for (const part of parts) {
      y += size * 1.5;
      lines.push({ text: part, font, color, x, y });
    }
  };
  const add = (text: string, size: number, weight: number, color: string, x = PAD) => {
    const font = `${weight} ${size}px ${family}`;
    put(wrapIn(text, font, x), size, font, color, x);
  };
  add(card.title, 56, 700, '#0b3d39');
  add(card.subtitle, 34, 400, '#444');
  for (const section of card.sections) {
    y += 24;
    add(section.heading, 40, 700, '#0b5d57');
    if (section.text !== undefined) {
      const font = `400 36px ${family}`;
      const all = wrapIn(section.text, font, PAD);
      put(all.slice(0, NOTES_MAX_LINES), 36, font, '#111', PAD);
      if (all.length > NOTES_MAX_LINES && section.more) add(section.more, 32, 700, '#0b5d57');
      continue;
    }
    const numbered = section.lines.length > 1;
    for (const [i, text] of section.lines.entries()) add(numbered ? `${i + 1}. ${text}` : text, 36, 400, '#111');
  }
  return { lines, qrTop: y + 48 };
}
