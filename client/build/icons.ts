import { encodePng } from './png.ts';

/** The app's colours, shared with index.html's theme-color and the manifest. */
export const THEME_COLOR = '#0b5d57';
export const BACKGROUND_COLOR = '#f7f5ef';

type Rgba = [number, number, number, number];
type Shape = { inside: (x: number, y: number) => boolean; color: Rgba };

const hex = (h: string, a = 255): Rgba => [
  Number.parseInt(h.slice(1, 3), 16),
  Number.parseInt(h.slice(3, 5), 16),
  Number.parseInt(h.slice(5, 7), 16),
  a,
];

function roundedRect(x0: number, y0: number, x1: number, y1: number, r: number) {
  return (x: number, y: number) => {
    if (x < x0 || x > x1 || y < y0 || y > y1) return false;
    const cx = Math.min(Math.max(x, x0 + r), x1 - r);
    const cy = Math.min(Math.max(y, y0 + r), y1 - r);
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
  };
}

/** A quadrilateral leg given by its top and bottom edges (x ranges at y0 and y1). */
function leg(y0: number, y1: number, top: [number, number], bottom: [number, number]) {
  return (x: number, y: number) => {
    if (y < y0 || y > y1) return false;
    const t = (y - y0) / (y1 - y0);
    const left = top[0] + (bottom[0] - top[0]) * t;
    const right = top[1] + (bottom[1] - top[1]) * t;
    return x >= left && x <= right;
  };
}

/** A little stool (小板凳) on a teal tile; `scale` shrinks the stool into a maskable safe zone. */
function stoolShapes(fullBleed: boolean, scale: number): Shape[] {
  const s = (f: (x: number, y: number) => boolean) => (x: number, y: number) =>
    f((x - 0.5) / scale + 0.5, (y - 0.5) / scale + 0.5);
  const wood = hex('#f6c453');
  const woodDark = hex('#d99a1e');
  return [
    { inside: fullBleed ? () => true : roundedRect(0, 0, 1, 1, 0.2), color: hex(THEME_COLOR) },
    { inside: s(leg(0.44, 0.8, [0.29, 0.39], [0.2, 0.3])), color: woodDark },
    { inside: s(leg(0.44, 0.8, [0.61, 0.71], [0.7, 0.8])), color: woodDark },
    { inside: s(roundedRect(0.3, 0.6, 0.7, 0.66, 0.02)), color: woodDark },
    { inside: s(roundedRect(0.18, 0.32, 0.82, 0.46, 0.05)), color: wood },
  ];
}

/** Rasterises shapes with 4x4 supersampling. */
function render(size: number, shapes: Shape[]): Uint8Array {
  const out = new Uint8Array(size * size * 4);
  const n = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const x = (px + (sx + 0.5) / n) / size;
          const y = (py + (sy + 0.5) / n) / size;
          let c: Rgba | undefined;
          for (const shape of shapes) if (shape.inside(x, y)) c = shape.color;
          if (c) {
            r += c[0];
            g += c[1];
            b += c[2];
            a += c[3];
          }
        }
      }
      const i = (py * size + px) * 4;
      const covered = a / 255;
      out[i] = covered ? Math.round(r / covered) : 0;
      out[i + 1] = covered ? Math.round(g / covered) : 0;
      out[i + 2] = covered ? Math.round(b / covered) : 0;
      out[i + 3] = Math.round(a / (n * n));
    }
  }
  return out;
}

export interface IconFile {
  fileName: string;
  source: Buffer;
}

/** Every icon the manifest and index.html name, as PNG files. */
export function renderIcons(): IconFile[] {
  const icon = (fileName: string, size: number, fullBleed: boolean, scale: number): IconFile => ({
    fileName,
    source: encodePng(size, size, render(size, stoolShapes(fullBleed, scale))),
  });
  return [
    icon('icons/icon-192.png', 192, false, 1),
    icon('icons/icon-512.png', 512, false, 1),
    icon('icons/maskable-512.png', 512, true, 0.8),
    icon('icons/apple-touch-icon-180.png', 180, true, 0.9),
  ];
}
