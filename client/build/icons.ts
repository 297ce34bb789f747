import { readFile } from 'node:fs/promises';
import { instructions } from '@vite-pwa/assets-generator/api/instructions';
import type { Preset } from '@vite-pwa/assets-generator/config';

/** The app's colours, shared with index.html's theme-color and the manifest (icon.svg's tile is THEME_COLOR). */
export const THEME_COLOR = '#0b5d57';
export const BACKGROUND_COLOR = '#f7f5ef';

const source = new URL('./icon.svg', import.meta.url);
const prefix = { transparent: 'icon', maskable: 'maskable', apple: 'apple-touch-icon' } as const;

/** Every icon the manifest and index.html name: the tile as drawn, and full-bleed tiles for masks and iOS. */
export const iconPreset: Preset = {
  transparent: { sizes: [192, 512], padding: 0, resizeOptions: { fit: 'contain', background: 'transparent' } },
  // Launchers may cut a maskable icon down to its central circle: the stool keeps to the inner 80 %.
  maskable: { sizes: [512], padding: 0.2, resizeOptions: { fit: 'contain', background: THEME_COLOR } },
  apple: { sizes: [180], padding: 0.1, resizeOptions: { fit: 'contain', background: THEME_COLOR } },
  assetName: (type, size) => `icons/${prefix[type]}-${size.width}.png`,
};

export interface IconFile {
  fileName: string;
  source: Buffer;
}

/** Rasterises icon.svg into the preset's PNGs (sharp, through @vite-pwa/assets-generator). */
export async function renderIcons(): Promise<IconFile[]> {
  const planned = await instructions({
    imageResolver: () => readFile(source),
    imageName: 'icon.svg',
    preset: iconPreset,
    faviconPreset: '2023',
    htmlLinks: { xhtml: false, includeId: false },
    basePath: '/',
    resolveSvgName: (name) => name,
  });
  const pngs = [
    ...Object.values(planned.transparent),
    ...Object.values(planned.maskable),
    ...Object.values(planned.apple),
  ];
  return Promise.all(pngs.map(async (icon) => ({ fileName: icon.name, source: await icon.buffer() })));
}
