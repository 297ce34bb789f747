import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppShell } from './pages/AppShell.ts';
import { MeetingsPage } from './pages/MeetingsPage.ts';
import { MembersPage } from './pages/MembersPage.ts';
import { MinutesPage } from './pages/MinutesPage.ts';
import { OnboardingPages } from './pages/OnboardingPages.ts';
import { seriousViolations, sizeProblems } from './support/audit.ts';
import { launchPhone, type Phone, waitForController } from './support/browser.ts';
import { screenshotPath } from './support/lookAt.ts';
import { useServer } from './support/server.ts';

const pinyin = /[a-z]/i;

describe('live minutes on two phones', () => {
  const app = useServer();
  let wang: Phone;
  let li: Phone;
  let a: MinutesPage;
  let b: MinutesPage;
  let compoundId: string;
  let meetingId: string;
  beforeAll(async () => {
    [wang, li] = await Promise.all([launchPhone(), launchPhone()]);
  });
  afterAll(async () => {
    await Promise.all([wang?.dispose(), li?.dispose()]);
  });

  it('a three-party meeting’s minutes open on both phones', async () => {
    compoundId = await new OnboardingPages(wang.page).createCompound(app.url, '和平小区', '王阿姨', '社区');
    const members = new MembersPage(wang.page);
    await members.open(app.url, compoundId);
    const link = await members.createInvite({ role: '三方成员', party: '业委会' });
    await members.closeDialog();
    await new OnboardingPages(li.page).joinByLink(link, '李叔');
    const meetings = new MeetingsPage(wang.page);
    await meetings.open(app.url, compoundId);
    meetingId = await meetings.schedule('三方联席会议', '社区活动室', { time: '15:00' });
    a = new MinutesPage(wang.page);
    b = new MinutesPage(li.page);
    await a.open(app.url, compoundId, meetingId);
    // The meeting reaches Li's phone through the public document; the page shows it once it does.
    await b.open(app.url, compoundId, meetingId);
    await Promise.all([new AppShell(wang.page).waitSynced(), new AppShell(li.page).waitSynced()]);
  });

  it('a sign-in on one phone shows in the other’s attendance, with the parties still missing', async () => {
    await expect.poll(() => a.threeParties()).toBe('还差：社区、业委会、物业');
    await b.signIn();
    await expect.poll(() => a.attendance(), { timeout: 20_000 }).toMatchObject({ 社区: 0, 业委会: 1, 物业: 0 });
    await expect.poll(() => a.threeParties()).toBe('还差：社区、物业');
    await a.signIn();
    await expect.poll(() => b.attendance(), { timeout: 20_000 }).toMatchObject({ 社区: 1, 业委会: 1, 物业: 0 });
    await expect.poll(() => b.threeParties()).toBe('还差：物业');
  });

  it('two phones type Chinese at once: no pinyin crosses, both texts stay whole', async () => {
    await Promise.all([a.recordShownValues(), b.recordShownValues()]);
    await a.caretAt();
    await a.commit('今天讨论停车。');
    await expect.poll(() => b.value(), { timeout: 20_000 }).toBe('今天讨论停车。');

    // Both open a composition at the same time: Wang at the end, Li at the very start.
    await b.caretAt(0);
    await a.caretAt();
    await a.compose('dong men');
    await b.compose('li shu');
    await b.commit('李叔：');
    // Li's words wait on Wang's phone until Wang's composition ends; Wang's pinyin never leaves it.
    await expect.poll(() => b.value()).toBe('李叔：今天讨论停车。');
    await a.commit('东门');
    const both = '李叔：今天讨论停车。东门';
    await expect.poll(() => a.value(), { timeout: 20_000 }).toBe(both);
    await expect.poll(() => b.value(), { timeout: 20_000 }).toBe(both);
    // Wang's caret stays right after Wang's own word.
    expect(await a.caret()).toBe(both.length);

    expect((await b.shownValues()).filter((v) => pinyin.test(v))).toEqual([]);
    expect((await a.shownValues()).filter((v) => pinyin.test(v))).toEqual([]);
  });

  it('the caret stays after one’s own text while the other phone types above', async () => {
    await a.caretAt();
    await a.commit('要装充电桩');
    const mine = await a.caret();
    await b.caretAt(0);
    await b.commit('第一行\n');
    await expect.poll(() => a.value(), { timeout: 20_000 }).toBe('第一行\n李叔：今天讨论停车。东门要装充电桩');
    expect(await a.caret()).toBe(mine + 4);
    // Presence: Wang sees Li in the minutes, and the line Li is typing on.
    await expect.poll(() => a.present(), { timeout: 20_000 }).toContain('李叔 业委会 第2行');
    await expect.poll(() => a.present()).toContain('王阿姨（我） 社区 第2行');
    await expect.poll(() => b.present(), { timeout: 20_000 }).toContain('王阿姨 社区 第2行');
    await wang.page.evaluate(() => document.fonts.ready.then(() => undefined));
    await wang.page.screenshot({ path: screenshotPath('zh-CN-minutes.png'), fullPage: true });
    expect(await sizeProblems(wang.page)).toEqual([]);
    expect(await seriousViolations(wang.page)).toEqual([]);
  });

  it('undo on one phone takes back only its own typing', async () => {
    while (await a.canUndo()) await a.undo();
    await expect.poll(() => a.value(), { timeout: 20_000 }).toBe('第一行\n李叔：');
    await expect.poll(() => b.value(), { timeout: 20_000 }).toBe('第一行\n李叔：');
  });

  it('one phone offline: its notes stay on it across a reload and merge once online', async () => {
    const liShell = new AppShell(li.page);
    await liShell.waitSynced();
    await waitForController(li.page);
    await li.context.setOffline(true);
    await expect.poll(() => liShell.syncState()).toBe('offline');
    await b.caretAt();
    await b.commit('（离线补记）');
    await a.caretAt(0);
    await a.commit('开场：');
    // The page comes back from the phone's own copy, with nothing lost.
    await li.page.reload();
    await b.notes.waitFor();
    await expect.poll(() => b.value()).toBe('第一行\n李叔：（离线补记）');
    await li.context.setOffline(false);
    const merged = '开场：第一行\n李叔：（离线补记）';
    await expect.poll(() => b.value(), { timeout: 30_000 }).toBe(merged);
    await expect.poll(() => a.value(), { timeout: 30_000 }).toBe(merged);
  });

  it('a resident follows the notes read-only and signs themself in', async () => {
    const members = new MembersPage(wang.page);
    await members.open(app.url, compoundId);
    const link = await members.createInvite({ role: '居民' });
    await members.closeDialog();
    const zhang = await launchPhone();
    try {
      await new OnboardingPages(zhang.page).joinByLink(link, '张大爷');
      const c = new MinutesPage(zhang.page);
      await c.open(app.url, compoundId, meetingId);
      await expect.poll(() => c.value(), { timeout: 20_000 }).toBe('开场：第一行\n李叔：（离线补记）');
      await expect(c.notes.getAttribute('readonly')).resolves.not.toBeNull();
      await expect(zhang.page.getByTestId('notes-undo').count()).resolves.toBe(0);
      await c.signIn();
      await expect.poll(() => b.attendance(), { timeout: 20_000 }).toMatchObject({ 居民: 1 });
      await new AppShell(zhang.page).waitSynced();
      // The relay took the sign-in and nothing else: the resident's phone was never refused.
      await expect(zhang.page.locator('.banner-error').count()).resolves.toBe(0);
    } finally {
      await zhang.dispose();
    }
  });

  it('notes typed offline, their page then left, are counted and sent from the next visit’s start', async () => {
    // Next week's meeting: its minutes are not among those the home page opens for action items.
    const meetings = new MeetingsPage(wang.page);
    await meetings.open(app.url, compoundId);
    const nextWeek = new Date(Date.now() + 7 * 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
    const later = await meetings.schedule('三方联席会议', '社区活动室', { day: nextWeek, time: '15:00' });
    const liShell = new AppShell(li.page);
    await b.open(app.url, compoundId, later);
    await liShell.waitSynced();
    await waitForController(li.page);
    await li.context.setOffline(true);
    await expect.poll(() => liShell.syncState()).toBe('offline');
    await b.caretAt();
    await b.commit('（会前准备）');
    await expect.poll(() => liShell.unsent()).toBeGreaterThan(0);
    // The member closes the app; it opens next on the compound's home page, still offline.
    await li.page.goto(`${app.url}/c/${compoundId}`);
    await expect.poll(() => liShell.syncState()).toBe('offline');
    // No page shows that meeting, and its notes are still counted as unsent.
    await expect.poll(() => liShell.unsent()).toBeGreaterThan(0);
    await li.context.setOffline(false);
    await liShell.waitSynced();
    await a.open(app.url, compoundId, later);
    await expect.poll(() => a.value(), { timeout: 20_000 }).toBe('（会前准备）');
  });

  it('next week’s minutes are not signed before the meeting’s day: a party signed in is told when', async () => {
    // Signed now, the one party signed in would be the last to sign: the minutes would lock empty.
    const meetings = new MeetingsPage(wang.page);
    await meetings.open(app.url, compoundId);
    const day = new Date(Date.now() + 7 * 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
    const soon = await meetings.schedule('三方联席会议', '社区活动室', { day, time: '15:00' });
    await a.open(app.url, compoundId, soon);
    const [y, m, d] = day.split('-').map(Number);
    // Nor signed in to: attendance earns points, and would be dated to a meeting not yet held.
    const signInLater = wang.page.getByTestId('sign-in-later');
    await expect.poll(() => signInLater.textContent()).toBe(`开会当天（${y}年${m}月${d}日）起才能签到。`);
    await expect(wang.page.getByTestId('sign-in').count()).resolves.toBe(0);
    await expect(wang.page.getByTestId('assist').count()).resolves.toBe(0);
    const onTheDay = Date.parse(`${day}T09:00:00+08:00`);
    await wang.page.evaluate((ms) => window.littleStoolClock?.set(ms), onTheDay);
    await a.signIn();
    await expect(signInLater.count()).resolves.toBe(0);
    await wang.page.evaluate(() => window.littleStoolClock?.set(null));
    const later = wang.page.getByTestId('sign-off-later');
    await expect.poll(() => later.textContent()).toBe(`开会当天（${y}年${m}月${d}日）起才能签字。`);
    await expect(wang.page.getByTestId('sign-off-button').count()).resolves.toBe(0);
    // On the meeting's day the button is there.
    await wang.page.evaluate((ms) => window.littleStoolClock?.set(ms), onTheDay);
    try {
      await expect.poll(() => wang.page.getByTestId('sign-off-button').textContent()).toBe('代表社区签字');
      await expect(later.count()).resolves.toBe(0);
    } finally {
      await wang.page.evaluate(() => window.littleStoolClock?.set(null));
    }
  });

  it('帮别人签到 names a partner by their unit, finds a typed name and says who was signed in', async () => {
    const members = new MembersPage(wang.page);
    await members.open(app.url, compoundId);
    const link = await members.createInvite({ role: '共建单位', unit: '阳光物业' });
    await members.closeDialog();
    const chen = await launchPhone();
    try {
      // A partner lands on the needs board, not the agenda.
      await chen.page.goto(link);
      await chen.page.getByLabel('您的称呼').fill('陈志明');
      await chen.page.getByRole('button', { name: '加入', exact: true }).click();
      await chen.page.waitForURL(/\/c\/[^/]+\/needs$/);
    } finally {
      await chen.dispose();
    }
    // Today's meeting; 王阿姨, 李叔 and 张大爷 signed in already.
    await a.open(app.url, compoundId, meetingId);
    const residents = (await a.attendance())['居民'] ?? 0;
    await a.assistSearch('chen', '陈');
    await expect.poll(() => a.assistOptions(), { timeout: 20_000 }).toEqual(['陈志明（共建单位 · 阳光物业）']);
    await wang.page.evaluate(() => document.fonts.ready.then(() => undefined));
    await wang.page.getByTestId('assist').screenshot({ path: screenshotPath('zh-CN-minutes-assist.png') });
    expect(await a.assistSubmit()).toBe('已为陈志明签到');
    await expect.poll(() => a.attendance(), { timeout: 20_000 }).toMatchObject({ 居民: residents + 1 });
    // Nobody else matches 陈 now: the form says so rather than showing an empty list.
    await a.assistSearch('chen', '陈');
    await expect.poll(() => wang.page.getByTestId('assist-no-match').textContent()).toBe('没有找到“陈”，换个字试试。');
  });

  it('in large text the party tiles keep each name whole', async () => {
    await a.open(app.url, compoundId, meetingId);
    await wang.page.evaluate(() => {
      document.documentElement.dataset.textSize = 'large';
    });
    try {
      await wang.page.evaluate(() => document.fonts.ready.then(() => undefined));
      expect(await a.splitPartyNames()).toEqual([]);
      await wang.page.getByTestId('attendance').screenshot({ path: screenshotPath('zh-CN-large-minutes-parties.png') });
    } finally {
      await wang.page.evaluate(() => {
        document.documentElement.dataset.textSize = 'normal';
      });
    }
  });

  it('two recorders type at the end at once: each one’s words stay together, never woven into the other’s', async () => {
    const meetings = new MeetingsPage(wang.page);
    await meetings.open(app.url, compoundId);
    const day = new Date(Date.now() + 8 * 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
    const meetingNow = await meetings.schedule('小板凳见面会', '5号楼下', { day, time: '19:00' });
    await Promise.all([a.open(app.url, compoundId, meetingNow), b.open(app.url, compoundId, meetingNow)]);
    await a.caretAt();
    await a.commit('一、');
    await expect.poll(() => b.value(), { timeout: 20_000 }).toBe('一、');
    await b.caretAt();
    // Word by word, as an input method commits them, each landing on the other phone before the next.
    const wangWords = ['张奶奶', '反映', '电动车', '乱停'];
    const liWords = ['物业', '答复', '周五前', '划线'];
    let shown = '一、';
    for (let i = 0; i < wangWords.length; i++) {
      await a.commit(wangWords[i]!);
      await expect.poll(() => b.value(), { timeout: 20_000 }).not.toBe(shown);
      shown = await b.value();
      await b.commit(liWords[i]!);
      await expect.poll(() => a.value(), { timeout: 20_000 }).not.toBe(shown);
      shown = await a.value();
    }
    // Li's caret stays where Li put it, right after 一、, when Wang's words arrive there: each goes on
    // from their own last word, so Li's run comes first and neither is cut into the other's.
    const whole = `一、${liWords.join('')}${wangWords.join('')}`;
    await expect.poll(() => a.value(), { timeout: 20_000 }).toBe(whole);
    await expect.poll(() => b.value(), { timeout: 20_000 }).toBe(whole);
  });
});
