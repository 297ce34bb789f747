import type { Page } from 'playwright-core';

/** A JPEG drawn in the page (OffscreenCanvas): a photo-like gradient with some noise and a label. */
export async function makeJpeg(page: Page, width: number, height: number, quality = 0.92): Promise<Buffer> {
  const base64 = await page.evaluate(
    async ([w, h, q]) => {
      const canvas = new OffscreenCanvas(w, h);
      const ctx = canvas.getContext('2d')!;
      const g = ctx.createLinearGradient(0, 0, w, h);
      g.addColorStop(0, '#2b6cb0');
      g.addColorStop(0.5, '#f6e05e');
      g.addColorStop(1, '#2f855a');
      ctx.fillStyle = g;
      ctx.fillRect(0, 0, w, h);
      // Noise, so the encoder has real detail to keep (a camera photo is not a flat gradient).
      const cell = Math.max(2, Math.round(w / 400));
      // An inline LCG: no named helpers, since tsx (the bench) wraps those in a __name the page lacks.
      let seed = 42;
      for (let y = 0; y < h; y += cell)
        for (let x = 0; x < w; x += cell) {
          const rgb = [0, 0, 0].map(() => {
            seed = (seed * 1103515245 + 12345) & 0x7fffffff;
            return (seed / 0x7fffffff) * 255;
          });
          ctx.fillStyle = `rgba(${rgb.map((c) => c | 0).join(',')},0.25)`;
          ctx.fillRect(x, y, cell, cell);
        }
      ctx.fillStyle = '#111';
      ctx.font = `${Math.round(h / 8)}px sans-serif`;
      ctx.fillText('5#', w / 10, h / 2);
      const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: q });
      const bytes = new Uint8Array(await blob.arrayBuffer());
      let s = '';
      for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      return btoa(s);
    },
    [width, height, quality] as const,
  );
  return Buffer.from(base64, 'base64');
}
