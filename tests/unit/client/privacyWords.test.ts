import { describe, expect, it } from 'vitest';
import { privacyWords } from '../../../client/features/needs/privacyWords.ts';

describe('words in a need that tell a partner unit too much', () => {
  it('finds the name given in 为谁, how neighbours call them, and words of hardship', () => {
    expect(privacyWords('给独居的孙奶奶买一台助听器', '孙桂兰')).toEqual(['孙奶奶', '独居']);
    expect(privacyWords('孙桂兰家需要换灯泡', '孙桂兰')).toEqual(['孙桂兰']);
    expect(privacyWords('低保户需要米面油', '')).toEqual(['低保']);
  });

  it('finds nothing in a plain need', () => {
    expect(privacyWords('一位老人需要一台助听器', '孙桂兰')).toEqual([]);
    expect(privacyWords('楼道需要一盏灯', '')).toEqual([]);
  });
});
