import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { renderIcons, THEME_COLOR } from '../../../client/build/icons.ts';

const theme = [1, 3, 5].map((i) => Number.parseInt(THEME_COLOR.slice(i, i + 2), 16));

async function pixels(source: Buffer) {
  const { data, info } = await sharp(source).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  const at = (x: number, y: number) => [...data.subarray((y * info.width + x) * 4, (y * info.width + x) * 4 + 4)];
  return { width: info.width, height: info.height, at };
}

describe('the app icons drawn from icon.svg', () => {
  it('are the four PNGs the manifest and index.html name, at their stated sizes', async () => {
    const icons = await renderIcons();
    const sizes: Record<string, number> = {};
    for (const icon of icons) {
      const p = await pixels(icon.source);
      expect(p.width).toBe(p.height);
      sizes[icon.fileName] = p.width;
    }
    expect(sizes).toEqual({
      'icons/icon-192.png': 192,
      'icons/icon-512.png': 512,
      'icons/maskable-512.png': 512,
      'icons/apple-touch-icon-180.png': 180,
    });
  });

  it('round the tile of the plain icons and fill the whole square of the maskable and apple ones', async () => {
    const icons = new Map((await renderIcons()).map((i) => [i.fileName, i.source]));
    const plain = await pixels(icons.get('icons/icon-512.png')!);
    expect(plain.at(0, 0)[3]).toBe(0);
    expect(plain.at(256, 20)).toEqual([...theme, 255]);
    for (const name of ['icons/maskable-512.png', 'icons/apple-touch-icon-180.png']) {
      const full = await pixels(icons.get(name)!);
      expect(full.at(0, 0)).toEqual([...theme, 255]);
      expect(full.at(full.width - 1, full.height - 1)).toEqual([...theme, 255]);
    }
  });
});
