import { t } from '../../i18n/index.ts';

/** Adds or deducts, chosen rather than typed as a minus: a phone's number pad (iOS) has no minus key. */
export type Sign = 'add' | 'deduct';

/**
 * The points a typed amount and its sign make: a whole number, not 0, at most 10000 either way
 * (what an award holds); undefined otherwise. A minus typed anyway (a keyboard that has one) deducts too.
 */
export function signedAmount(text: string, sign: Sign): number | undefined {
  const n = text.trim() === '' ? Number.NaN : Number(text.trim());
  if (!Number.isInteger(n) || n === 0 || Math.abs(n) > 10_000) return undefined;
  return sign === 'deduct' ? -Math.abs(n) : n;
}

/** Points in words: 加 10 分, 扣 10 分. */
export function pointsWords(n: number): string {
  return n < 0 ? t('points.words.deduct', { n: -n }) : t('points.words.add', { n });
}
