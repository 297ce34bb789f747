import { createSignal } from 'solid-js';
import { readPrefs, writePrefs } from '../sync/accounts.ts';

export type TextSize = 'normal' | 'large';

const [textSize, setSignal] = createSignal<TextSize>(readPrefs().textSize ?? 'normal');

export { textSize };

/** 18px or 22px body text: set on <html> so every rem grows with it. */
export function setTextSize(size: TextSize): void {
  setSignal(size);
  writePrefs({ textSize: size });
  document.documentElement.dataset.textSize = size;
}
