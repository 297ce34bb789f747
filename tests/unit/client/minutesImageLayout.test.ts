import { describe, expect, it } from 'vitest';
import type { MinutesCard } from '../../../client/features/minutes/minutesCard.ts';
import { layout, NOTES_MAX_LINES, wrap } from '../../../client/features/minutes/minutesImageLayout.ts';

/** Every character as wide as the font's size: a full-width Chinese face, without a canvas. */
const fontSize = (font: string) => Number(/(\d+)px/.exec(font)?.[1] ?? 0);
const measure = (text: string, font: string) => Array.from(text).length * fontSize(font);
const perChar = (text: string) => Array.from(text).length;

const card = (notes: string): MinutesCard => ({
  title: '三方联席会议纪要',
  subtitle: '2026年12月5日 15:00 · 社区活动室',
  sections: [
    { heading: '决定', lines: ['东门划线停车'] },
    { heading: '纪要正文', lines: [], text: notes, more: '……正文较长，全文见打印版' },
  ],
  hashLabel: '核对码',
  hash: 'ABCD EFGH',
  verifyUrl: 'https://example.test/v',
  footer: '扫码核对',
});

describe('the shared image’s lines', () => {
  it('wrap character by character, a line break starting a new line', () => {
    expect(wrap(perChar, '一二三四五六七', 3)).toEqual(['一二三', '四五六', '七']);
    expect(wrap(perChar, '一二\n三', 3)).toEqual(['一二', '三']);
  });

  it('never start a line with closing punctuation: it stays on the line before (禁则)', () => {
    expect(wrap(perChar, '此事下次再议。下周再看', 6)).toEqual(['此事下次再议。', '下周再看']);
    for (const mark of Array.from('，。、；：？！）」』')) {
      const lines = wrap(perChar, `一二三${mark}四五`, 3);
      expect(lines).toEqual([`一二三${mark}`, '四五']);
    }
  });

  it('hold the notes (纪要正文), wrapped, after the decisions', () => {
    const notes = `张奶奶反映电动车乱停，物业答复周五前划线。${'停车'.repeat(40)}。\n第二段：此事再议。`;
    const { lines } = layout(measure, card(notes), 'sans-serif');
    const texts = lines.map((l) => l.text);
    const at = texts.indexOf('纪要正文');
    expect(at).toBeGreaterThan(texts.indexOf('东门划线停车'));
    const body = texts.slice(at + 1);
    expect(body.join('')).toBe(notes.replace('\n', ''));
    expect(body.length).toBeGreaterThan(2);
    expect(body.filter((l) => /^[，。、；：？！）」』]/.test(l))).toEqual([]);
    expect(texts).not.toContain('……正文较长，全文见打印版');
  });

  it('cut a long text and say the printed minutes hold it all', () => {
    const notes = Array.from({ length: NOTES_MAX_LINES + 5 }, (_, i) => `第${i + 1}行`).join('\n');
    const { lines } = layout(measure, card(notes), 'sans-serif');
    const texts = lines.map((l) => l.text);
    expect(texts).toContain(`第${NOTES_MAX_LINES}行`);
    expect(texts).not.toContain(`第${NOTES_MAX_LINES + 1}行`);
    expect(texts.at(-1)).toBe('……正文较长，全文见打印版');
  });
});
