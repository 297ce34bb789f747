import { intlLocale } from '../i18n/index.ts';

// A list formats per row; building a formatter costs far more than using one.
const formats = new Map<string, Intl.ListFormat>();

/**
 * Names as one list in the app's language: 甲、乙、丙 in Chinese, "A, B, C" in English.
 * Narrow conjunction puts no 和 or "and" before the last, as the joins it replaces did.
 */
export function listText(items: readonly string[], locale = intlLocale()): string {
  let f = formats.get(locale);
  if (!f) {
    f = new Intl.ListFormat(locale, { style: 'narrow', type: 'conjunction' });
    formats.set(locale, f);
  }
  return f.format(items);
}
