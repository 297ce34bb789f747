import type { CDPSession } from 'playwright-core';

/** Types like a pinyin input method: composition updates for each keystroke, then the chosen characters. */
export async function imeType(cdp: CDPSession, pinyin: string, chosen: string): Promise<void> {
  for (let i = 1; i <= pinyin.length; i++) {
    const text = pinyin.slice(0, i);
    await cdp.send('Input.imeSetComposition', { text, selectionStart: text.length, selectionEnd: text.length });
  }
  await cdp.send('Input.insertText', { text: chosen });
}
