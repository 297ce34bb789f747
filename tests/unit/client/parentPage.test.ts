import { describe, expect, it } from 'vitest';
import { isFirstEntry, parentPage } from '../../../client/shell/parentPage.ts';

/** A phone in two compounds: 幸福里 (owners' committee) and 和平苑 (a partner unit), 幸福里 used last. */
const home = (compoundId?: string) => {
  const id = compoundId ?? 'xfl';
  return id === 'hpy' ? '/c/hpy/needs' : `/c/${encodeURIComponent(id)}/agenda`;
};

describe('the page put beneath a first entry', () => {
  it("a compound's page has that compound's home beneath it", () => {
    expect(parentPage('/c/xfl/agenda/r1', home)).toBe('/c/xfl/agenda');
    expect(parentPage('/c/xfl/agenda/new', home)).toBe('/c/xfl/agenda');
    expect(parentPage('/c/xfl/ledger', home)).toBe('/c/xfl/agenda');
    expect(parentPage('/c/xfl/rosters/duty/d1/print', home)).toBe('/c/xfl/agenda');
    expect(parentPage('/c/hpy/needs/n1', home)).toBe('/c/hpy/needs');
    expect(parentPage('/c/xfl/needs', home)).toBe('/c/xfl/agenda');
  });

  it('a home, `/c/:id` and the pages a newcomer opens first have nothing beneath them', () => {
    for (const path of [
      '/',
      '/welcome',
      '/join',
      '/join/ABC123',
      '/c/xfl',
      '/c/xfl/',
      '/c/xfl/agenda',
      '/c/xfl/agenda/',
    ]) {
      expect(parentPage(path, home), path).toBeUndefined();
    }
    expect(parentPage('/c/hpy/needs', home)).toBeUndefined();
    expect(parentPage('/somewhere/else', home)).toBeUndefined();
  });

  it('a compound this phone has not joined has nothing beneath its pages (a stranger scanning a QR)', () => {
    const joinedOnly = (compoundId?: string) => (compoundId === 'other' ? undefined : home(compoundId));
    expect(parentPage('/c/other/meetings/m1', joinedOnly)).toBeUndefined();
    expect(parentPage('/verify/minutes/other/m1', joinedOnly)).toBeUndefined();
    expect(parentPage('/c/xfl/meetings/m1', joinedOnly)).toBe('/c/xfl/agenda');
  });

  it("a printed paper's QR has its compound's home beneath it; the create page and the shortcut, the app's", () => {
    expect(parentPage('/verify/minutes/xfl/m1', home)).toBe('/c/xfl/agenda');
    expect(parentPage('/verify/ledger/hpy/p1', home)).toBe('/c/hpy/needs');
    expect(parentPage('/create', home)).toBe('/c/xfl/agenda');
    expect(parentPage('/agenda/snap', home)).toBe('/c/xfl/agenda');
    expect(parentPage('/create', () => '/welcome')).toBe('/welcome');
  });

  it('an id written with escapes names the same compound, and its home is still no parent of itself', () => {
    expect(parentPage('/c/%E5%B9%B8/agenda/r1', home)).toBe('/c/%E5%B9%B8/agenda');
    expect(parentPage('/c/%E5%B9%B8/agenda', home)).toBeUndefined();
  });

  it('a parent never has a parent of its own: putting one beneath cannot loop', () => {
    const paths = [
      '/c/xfl/agenda/r1',
      '/c/hpy/needs/n1',
      '/c/hpy/agenda',
      '/verify/minutes/xfl/m1',
      '/create',
      '/agenda/snap',
    ];
    for (const path of paths) {
      const parent = parentPage(path, home);
      expect(parent, path).toBeDefined();
      expect(parentPage(parent ?? '', home), path).toBeUndefined();
    }
  });
});

describe('a first entry', () => {
  it('is a new entry with nothing of the app before it', () => {
    expect(isFirstEntry({ type: 'navigate', length: 1, index: 0 })).toBe(true);
    // Another site's page before it in the tab: the Navigation API counts the app's entries alone.
    expect(isFirstEntry({ type: 'navigate', length: 3, index: 0 })).toBe(true);
    expect(isFirstEntry({ type: 'navigate', length: 1, index: undefined })).toBe(true);
  });

  it('is not an entry after one of the app, nor a reload or a return', () => {
    expect(isFirstEntry({ type: 'navigate', length: 2, index: 1 })).toBe(false);
    expect(isFirstEntry({ type: 'navigate', length: 2, index: undefined })).toBe(false);
    expect(isFirstEntry({ type: 'reload', length: 1, index: 0 })).toBe(false);
    expect(isFirstEntry({ type: 'back_forward', length: 1, index: 0 })).toBe(false);
    expect(isFirstEntry({ type: undefined, length: 1, index: 0 })).toBe(false);
  });
});
