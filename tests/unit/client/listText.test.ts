import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { showLocale } from '../../../client/i18n/index.ts';
import { listText } from '../../../client/ui/listText.ts';

describe('a list of names in the app language', () => {
  beforeAll(() => {
    // showLocale sets <html lang>; a stand-in document is enough in node.
    vi.stubGlobal('document', { documentElement: { lang: '' } });
  });
  afterAll(async () => {
    await showLocale('zh-CN');
    vi.unstubAllGlobals();
  });

  it('joins with 、 in Chinese exactly as the joins it replaces did, with no 和 before the last', () => {
    expect(listText(['1号楼101', '1号楼102', '2号楼301'], 'zh-CN')).toBe('1号楼101、1号楼102、2号楼301');
    expect(listText(['王阿姨', '李叔'], 'zh-CN')).toBe('王阿姨、李叔');
    expect(listText(['王阿姨'], 'zh-CN')).toBe('王阿姨');
    expect(listText([], 'zh-CN')).toBe('');
  });

  it('joins with commas in English', () => {
    expect(listText(['Wang', 'Li', 'Zhang'], 'en-GB')).toBe('Wang, Li, Zhang');
    expect(listText(['Wang', 'Li'], 'en-GB')).toBe('Wang, Li');
  });

  it('follows the locale the app shows', async () => {
    expect(listText(['甲', '乙'])).toBe('甲、乙');
    await showLocale('en');
    expect(listText(['A', 'B'])).toBe('A, B');
  });
});
