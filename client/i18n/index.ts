import { createSignal } from 'solid-js';
import { type MessageKey, zhCN } from './zh-CN.ts';

export type Locale = 'zh-CN' | 'en';
export type { MessageKey };

// Chinese ships with the first screen; English is fetched (or read from the precache) when chosen.
const catalogs: Partial<Record<Locale, Record<MessageKey, string>>> = { 'zh-CN': zhCN };
const loaders: Record<Locale, () => Promise<Record<MessageKey, string>>> = {
  'zh-CN': async () => zhCN,
  en: async () => (await import('./en.ts')).en,
};

// Chinese until domain/preferences restores the member's choice, before the first render.
const [locale, setLocaleSignal] = createSignal<Locale>('zh-CN');

export { locale };

/** Shows the app in `next` once its catalog is loaded; domain/preferences remembers the choice. */
export async function showLocale(next: Locale): Promise<void> {
  catalogs[next] ??= await loaders[next]();
  setLocaleSignal(next);
  applyLocale();
}

/** Keeps <html lang> right for screen readers and for CJK font selection. */
export function applyLocale(): void {
  document.documentElement.lang = locale();
}

/** The catalog string for a key in the current locale, `{name}` placeholders filled in. */
export function t(key: MessageKey, vars?: Record<string, string | number>): string {
  const text = (catalogs[locale()] ?? zhCN)[key];
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}

/** Locale tag for Intl (dates are always shown in Asia/Shanghai by shared/time). */
export function intlLocale(): string {
  return locale() === 'zh-CN' ? 'zh-CN' : 'en-GB';
}
