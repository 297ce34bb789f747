import { describe, expect, it } from 'vitest';
import { PresenceRoster, QUIET_MS, TYPING_SHOWN_MS } from '../../../client/domain/presenceRoster.ts';

const SELF = 1;
const me = { user: { id: 'm-wang', name: '王阿姨', party: 'community', colour: 1 }, at: null, typing: null };
const zhang = (typing: number | null, away = false) => ({
  user: { id: 'm-zhang', name: '张阿姨', party: 'owners', colour: 2 },
  at: null,
  typing,
  away,
});
const shown = (r: PresenceRoster, now: number) =>
  r.list(now, SELF).map((e) => `${e.name}${e.away ? ' 暂时离开' : ''}${e.typing ? ' 正在写' : ''}`);

describe('who the minutes show, and how, by the app’s clock', () => {
  it('a keystroke shows 正在写 until TYPING_SHOWN_MS after it was heard; a new one starts it again', () => {
    const r = new PresenceRoster();
    r.hear(SELF, me, 0);
    r.hear(7, zhang(null), 0);
    r.hear(7, zhang(1000), 1000);
    expect(shown(r, 1000)).toEqual(['王阿姨', '张阿姨 正在写']);
    expect(shown(r, 1000 + TYPING_SHOWN_MS - 1)).toEqual(['王阿姨', '张阿姨 正在写']);
    expect(shown(r, 1000 + TYPING_SHOWN_MS)).toEqual(['王阿姨', '张阿姨']);
    r.hear(7, zhang(9000), 9000);
    expect(shown(r, 9000)).toEqual(['王阿姨', '张阿姨 正在写']);
    // Out of the notes: no longer typing, at once.
    r.hear(7, zhang(null), 9500);
    expect(shown(r, 9500)).toEqual(['王阿姨', '张阿姨']);
  });

  it('a typing that ran out stays out when the clock goes back (a pretend time set back)', () => {
    const r = new PresenceRoster();
    r.hear(7, zhang(null), 0);
    r.hear(7, zhang(5), 5);
    expect(shown(r, 5 + TYPING_SHOWN_MS)).toEqual(['张阿姨']);
    expect(shown(r, 6)).toEqual(['张阿姨']);
  });

  it('a phone seen for the first time is not typing because its state says it once did', () => {
    const r = new PresenceRoster();
    r.hear(7, zhang(123), 200_000);
    expect(shown(r, 200_000)).toEqual(['张阿姨']);
  });

  it('a phone not heard from for QUIET_MS, or in the background, is 暂时离开; heard again, it is back', () => {
    const r = new PresenceRoster();
    r.hear(SELF, me, 0);
    r.hear(7, zhang(null), 0);
    expect(shown(r, QUIET_MS - 1)).toEqual(['王阿姨', '张阿姨']);
    // This phone itself never goes quiet to itself.
    expect(shown(r, QUIET_MS)).toEqual(['王阿姨', '张阿姨 暂时离开']);
    r.hear(7, zhang(null), QUIET_MS + 1);
    expect(shown(r, QUIET_MS + 1)).toEqual(['王阿姨', '张阿姨']);
    r.hear(7, zhang(null, true), QUIET_MS + 2);
    expect(shown(r, QUIET_MS + 2)).toEqual(['王阿姨', '张阿姨 暂时离开']);
    expect(r.nextChange(QUIET_MS + 2, SELF)).toBeUndefined();
  });

  it('a phone that left the relay stays, away, once per member, and not while the member is back', () => {
    const r = new PresenceRoster();
    r.hear(7, zhang(null), 0);
    r.hear(7, undefined, 10);
    expect(shown(r, 10)).toEqual(['张阿姨 暂时离开']);
    // Back under another client id (a reload): one 张阿姨, here.
    r.hear(8, zhang(77), 20);
    expect(shown(r, 20)).toEqual(['张阿姨']);
    r.hear(8, undefined, 30);
    expect(r.list(30, SELF).map((e) => [e.clientId, e.away])).toEqual([[8, true]]);
  });

  it('says when it must be asked again: the next typing to run out or phone to turn quiet', () => {
    const r = new PresenceRoster();
    r.hear(7, zhang(null), 0);
    r.hear(7, zhang(1), 1000);
    expect(r.nextChange(1000, SELF)).toBe(TYPING_SHOWN_MS);
    expect(r.nextChange(1000 + TYPING_SHOWN_MS, SELF)).toBe(QUIET_MS - TYPING_SHOWN_MS);
  });

  it('leaves out a state with no name, and names another phone’s odd fields plainly', () => {
    const r = new PresenceRoster();
    r.hear(7, { user: { name: '' } }, 0);
    r.hear(9, { user: { name: '李叔', party: 'martians', colour: 'red', id: 'x'.repeat(65) } }, 0);
    expect(r.list(0, SELF)).toEqual([
      expect.objectContaining({ clientId: 9, name: '李叔', party: 'none', colour: 1, memberId: undefined }),
    ]);
  });
});
