import { createSignal } from 'solid-js';
import { type Locale, showLocale } from '../i18n/index.ts';

export type TextSize = 'normal' | 'large';

/** Device preferences, read synchronously at start (no flash of the wrong language or size). */
export interface Prefs {
  locale?: Locale;
  textSize?: TextSize;
  lastCompoundId?: string;
  /** Compounds whose set-up card this device shows no more: a member hid it, or it saw every step done. */
  setupClosed?: string[];
}

const PREFS_KEY = 'little-stool:prefs';

export function readPrefs(): Prefs {
  try {
    return JSON.parse(localStorage.getItem(PREFS_KEY) ?? '{}') as Prefs;
  } catch {
    return {};
  }
}

export function writePrefs(patch: Partial<Prefs>): void {
  try {
    localStorage.setItem(PREFS_KEY, JSON.stringify({ ...readPrefs(), ...patch }));
  } catch {
    // Private mode without storage: preferences last for this visit only.
  }
}

/** True once this device no longer shows the compound's set-up card. */
export function setupCardClosed(compoundId: string): boolean {
  return readPrefs().setupClosed?.includes(compoundId) ?? false;
}

/** The compound's set-up card stays away on this device from now on. */
export function closeSetupCard(compoundId: string): void {
  const closed = readPrefs().setupClosed ?? [];
  if (!closed.includes(compoundId)) writePrefs({ setupClosed: [...closed, compoundId] });
}

const [textSize, setTextSizeSignal] = createSignal<TextSize>(readPrefs().textSize ?? 'normal');

export { textSize };

/** 18px or 22px body text: set on <html> so every rem grows with it. */
export function setTextSize(size: TextSize): void {
  setTextSizeSignal(size);
  writePrefs({ textSize: size });
  document.documentElement.dataset.textSize = size;
}

/** Shows the app in `next` and remembers it on this device. */
export async function setLocale(next: Locale): Promise<void> {
  writePrefs({ locale: next });
  await showLocale(next);
}

/** Applies the remembered language and text size; awaited once before the first render. */
export async function restorePreferences(): Promise<void> {
  const prefs = readPrefs();
  document.documentElement.dataset.textSize = prefs.textSize ?? 'normal';
  // A catalog that cannot load (offline before the precache filled) leaves the app in Chinese.
  await showLocale(prefs.locale ?? 'zh-CN').catch(() => showLocale('zh-CN'));
}
