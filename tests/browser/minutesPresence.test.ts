import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { PRESENCE_SEND_MS } from '../../client/domain/presenceOutbox.ts';
import { QUIET_MS, TYPING_SHOWN_MS } from '../../client/domain/presenceRoster.ts';
import { AppShell } from './pages/AppShell.ts';
import { MeetingsPage } from './pages/MeetingsPage.ts';
import { MinutesPage } from './pages/MinutesPage.ts';
import { seriousViolations, sizeProblems } from './support/audit.ts';
import { usePhone } from './support/browser.ts';
import { setUpCompound } from './support/compound.ts';
import { screenshotPath } from './support/lookAt.ts';
import { useServer } from './support/server.ts';
import { setBackground } from './support/visibility.ts';

const pinyin = /[a-z]/i;

/** Moves the page's app clock `ms` past where it stands (a pretend time; it stays there until moved). */
function moveClock(page: Page, ms: number): Promise<void> {
  return page.evaluate((by) => {
    const clock = window.littleStoolClock!;
    clock.set(clock.now() + by);
  }, ms);
}

/** Counts the awareness frames (y-websocket message type 1) the page sends on a meeting's socket. */
function countPresenceFrames(page: Page): { count: number } {
  const sent = { count: 0 };
  page.on('websocket', (ws) => {
    if (!ws.url().includes('/minutes-')) return;
    ws.on('framesent', ({ payload }) => {
      if (typeof payload !== 'string' && payload[0] === 1) sent.count++;
    });
  });
  return sent;
}

describe('who is writing in the minutes, and who stepped away', () => {
  const app = useServer();
  const zhang = usePhone(); // 张阿姨, community, types the notes
  const li = usePhone(); // 李叔, owners' committee, watches them
  let a: MinutesPage;
  let b: MinutesPage;
  let frames: { count: number };

  /**
   * Zhang starts a new line. Her caret's line rides in the same presence frame as her last keystroke,
   * so once Li's phone shows it, nothing of her typing is still on its way.
   */
  async function newLineSeen(): Promise<void> {
    await a.commit('\n');
    const lines = (await a.value()).split('\n').length;
    await expect.poll(() => b.present(), { timeout: 20_000 }).toContain(`张阿姨 社区 第${lines}行`);
  }

  it('both phones open a meeting’s minutes and see each other there', async () => {
    const compoundId = await setUpCompound(
      app.url,
      { phone: zhang, compound: '和平小区', name: '张阿姨', party: '社区' },
      [{ phone: li, name: '李叔', invite: { role: '三方成员', party: '业委会' } }],
    );
    const meetings = new MeetingsPage(zhang.page);
    await meetings.open(app.url, compoundId);
    const meetingId = await meetings.schedule('三方联席会议', '社区活动室', { time: '15:00' });
    frames = countPresenceFrames(zhang.page);
    a = new MinutesPage(zhang.page);
    b = new MinutesPage(li.page);
    await a.open(app.url, compoundId, meetingId);
    await b.open(app.url, compoundId, meetingId);
    await Promise.all([new AppShell(zhang.page).waitSynced(), new AppShell(li.page).waitSynced()]);
    await expect.poll(() => b.present(), { timeout: 20_000 }).toEqual(['李叔（我） 业委会', '张阿姨 社区']);
    await expect.poll(() => a.present(), { timeout: 20_000 }).toEqual(['张阿姨（我） 社区', '李叔 业委会']);
    expect(await b.typing()).toBe('');
  });

  it('pinyin being composed on one phone shows 「张阿姨 正在写…」 on the other, and no pinyin', async () => {
    // Li's clock stands still: what clears the line below is the app's clock, never the wait.
    await moveClock(li.page, 0);
    await b.recordShownValues();
    await a.caretAt();
    await a.compose('jin tian');
    await expect.poll(() => b.typing(), { timeout: 20_000 }).toBe('张阿姨 正在写…');
    expect(await b.value()).toBe('');
    await a.commit('今天');
    await expect.poll(() => b.value(), { timeout: 20_000 }).toBe('今天');
    // Nobody is told they themself are typing.
    expect(await a.typing()).toBe('');
    await li.page.evaluate(() => document.fonts.ready.then(() => undefined));
    await li.page.getByTestId('minutes').screenshot({ path: screenshotPath('zh-CN-minutes-typing.png') });
    expect((await b.shownValues()).filter((v) => pinyin.test(v))).toEqual([]);
  });

  it('the line goes a few seconds after the last keystroke, by the app’s clock', async () => {
    await newLineSeen();
    expect(await b.typing()).toBe('张阿姨 正在写…');
    await moveClock(li.page, TYPING_SHOWN_MS - 1_000);
    expect(await b.typing()).toBe('张阿姨 正在写…');
    await moveClock(li.page, 1_000);
    await expect.poll(() => b.typing()).toBe('');
    // Still here: only quiet for a while would make her away.
    expect(await b.away()).toEqual([]);
  });

  it('typing sends at most a frame a second, not one a keystroke', async () => {
    const before = frames.count;
    const started = Date.now();
    const text = '东门停车位要重新划线物业周五前答复大家';
    for (const ch of text) await a.commit(ch);
    const took = Date.now() - started;
    await expect.poll(() => b.value(), { timeout: 20_000 }).toBe(`今天\n${text}`);
    // One at once, one a second after, one more for the last keystroke: never one per character.
    expect(frames.count - before).toBeLessThanOrEqual(2 + Math.ceil(took / PRESENCE_SEND_MS));
    expect(frames.count - before).toBeLessThan(text.length);
    await expect.poll(() => b.typing()).toBe('张阿姨 正在写…');
    await newLineSeen();
  });

  it('a phone not heard from for a while is greyed as 暂时离开, not dropped', async () => {
    // Each look moves Li's clock on again: Zhang's phone renews its presence every 15 s, and one heard
    // just after a move would otherwise keep her present on a clock that no longer moves.
    await expect
      .poll(async () => {
        await moveClock(li.page, QUIET_MS + 1_000);
        return b.away();
      })
      .toEqual(['张阿姨 社区 暂时离开']);
    expect(await b.typing()).toBe('');
    await li.page.evaluate(() => window.littleStoolClock?.set(null));
    await expect.poll(() => b.away()).toEqual([]);
    expect(await b.present()).toHaveLength(2);
  });

  it('a phone put in the background is greyed as 暂时离开 at once, and back when it comes back', async () => {
    await setBackground(zhang.page, true);
    await expect.poll(() => b.away(), { timeout: 20_000 }).toEqual(['张阿姨 社区 暂时离开']);
    await li.page.evaluate(() => document.fonts.ready.then(() => undefined));
    await li.page.getByTestId('presence').screenshot({ path: screenshotPath('zh-CN-minutes-away.png') });
    expect(await seriousViolations(li.page)).toEqual([]);
    expect(await sizeProblems(li.page)).toEqual([]);
    await setBackground(zhang.page, false);
    await expect.poll(() => b.away(), { timeout: 20_000 }).toEqual([]);
  });

  it('a phone that loses its network stays listed as 暂时离开, and is back when it reconnects', async () => {
    await zhang.context.setOffline(true);
    // A socket whose network went may say nothing: she turns quiet, then the relay drops her (30 s).
    await expect.poll(() => b.away(), { timeout: QUIET_MS + 20_000 }).toEqual(['张阿姨 社区 暂时离开']);
    expect(await b.present()).toHaveLength(2);
    await zhang.context.setOffline(false);
    await expect.poll(() => b.away(), { timeout: 30_000 }).toEqual([]);
    await expect.poll(() => b.present()).toHaveLength(2);
  });
});
