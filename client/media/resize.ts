/** The longest side a photo keeps on the phone before it is stored and sent. */
export const MAX_SIDE = 1280;
/** Aim for photos below this size: weak mobile data, and the relay's limit is 1 MiB. */
export const TARGET_BYTES = 300 * 1024;
/** The relay refuses anything larger. */
export const HARD_LIMIT_BYTES = 1024 * 1024;

/** JPEG qualities tried in turn, from ~0.8 down, until a photo is small enough. */
export const QUALITY_STEPS: readonly number[] = [0.8, 0.7, 0.6, 0.5, 0.4];

export interface EncodeStep {
  width: number;
  height: number;
  quality: number;
}

/** Width and height scaled (never up) so that the longest side is at most `max`. */
export function fitWithin(width: number, height: number, max = MAX_SIDE): { width: number; height: number } {
  const longest = Math.max(width, height);
  if (longest <= max || longest === 0) return { width, height };
  const scale = max / longest;
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/**
 * The encodings to try, in order: each quality at full size, then smaller sizes at lower
 * qualities, so a detailed photo still ends under the target instead of failing.
 */
export function encodePlan(width: number, height: number): EncodeStep[] {
  const first = fitWithin(width, height);
  const plan: EncodeStep[] = QUALITY_STEPS.map((quality) => ({ ...first, quality }));
  for (const factor of [0.75, 0.5]) {
    const w = Math.max(1, Math.round(first.width * factor));
    const h = Math.max(1, Math.round(first.height * factor));
    plan.push({ width: w, height: h, quality: 0.6 }, { width: w, height: h, quality: 0.45 });
  }
  return plan;
}
