import { describe, expect, it } from 'vitest';
import { addDays, shanghaiDay } from '../../shared/time.ts';
import { AgendaPage } from './pages/AgendaPage.ts';
import { MeetingsPage } from './pages/MeetingsPage.ts';
import { MinutesAfterPage } from './pages/MinutesAfterPage.ts';
import { MinutesPage } from './pages/MinutesPage.ts';
import { RequestPage } from './pages/RequestPage.ts';
import { seriousViolations, sizeProblems } from './support/audit.ts';
import { usePhone } from './support/browser.ts';
import { setUpCompound } from './support/compound.ts';
import { screenshotPath } from './support/lookAt.ts';
import { useServer } from './support/server.ts';

const title = '3号楼楼道堆放杂物';

describe("the meeting's loop: what the minutes decide reaches the request and the meetings list", () => {
  const app = useServer();
  const wang = usePhone();
  const li = usePhone();
  let compoundId: string;
  let meetingId: string;
  let requestId: string;
  const deadline = addDays(shanghaiDay(Date.now()), 15);

  it('a resident raises a request; the meeting page offers quick capture to the committee only', async () => {
    compoundId = await setUpCompound(app.url, { phone: wang, compound: '和平小区', name: '王阿姨', party: '社区' }, [
      { phone: li, name: '李叔', invite: { role: '居民' } },
    ]);
    const meetings = new MeetingsPage(wang.page);
    await meetings.open(app.url, compoundId);
    meetingId = await meetings.schedule('小板凳见面会', '3号楼下', { time: '23:30' });
    await expect(wang.page.getByTestId('meeting-mode').textContent()).resolves.toBe('会上快速记诉求');
    await expect(wang.page.getByTestId('meeting-mode').getAttribute('class')).resolves.toContain('btn-secondary');

    const agenda = new AgendaPage(li.page);
    await agenda.open(app.url, compoundId);
    await agenda.raise(title, '消防通道');
    requestId = await agenda.requestId(title);
    await new MinutesPage(li.page).open(app.url, compoundId, meetingId);
    await expect(li.page.getByTestId('meeting-mode').count()).resolves.toBe(0);
  });

  it('at the meeting the committee decides the request and gives the property company an action item', async () => {
    const minutes = new MinutesPage(wang.page);
    await minutes.open(app.url, compoundId, meetingId);
    const after = new MinutesAfterPage(wang.page);
    // Picked from the list while only raised: the form asks what the meeting decided of it.
    await wang.page.getByTestId('decision-request').selectOption(requestId);
    await wang.page.getByTestId('decision-outcome').waitFor();
    await wang.page.getByTestId('decision-form').scrollIntoViewIfNeeded();
    await wang.page.evaluate(() => document.fonts.ready.then(() => undefined));
    await wang.page.screenshot({ path: screenshotPath('zh-CN-minutes-decision-outcome.png') });
    expect(await sizeProblems(wang.page)).toEqual([]);
    await after.recordDecision('请物业两周内清走楼道杂物', requestId, [9, 0, 1], '通过');
    await expect.poll(() => after.decisions()).toEqual(['请物业两周内清走楼道杂物']);
    await after.addAction('清理3号楼楼道杂物', 'property', requestId, deadline);
    await expect.poll(() => after.actions()).toEqual([expect.stringContaining('负责：物业')]);
    // Decided now: a second decision on it is kept in the minutes only, and says so.
    await wang.page.getByTestId('decision-request').selectOption(requestId);
    await expect(wang.page.getByTestId('decision-minutes-only').count()).resolves.toBe(1);
    await expect(wang.page.getByTestId('decision-outcome').count()).resolves.toBe(0);
  });

  it("the resident's phone shows the request decided and assigned, and the action item under 会上", async () => {
    const item = new RequestPage(li.page);
    await item.open(app.url, compoundId, requestId);
    await expect.poll(() => item.stage(), { timeout: 30_000 }).toBe('assigned');
    const [action] = await item.meetingActions();
    expect(action).toContain('清理3号楼楼道杂物');
    expect(action).toContain('负责：物业');
    expect(action).toContain('还没办好');
    expect(action).not.toContain('已超期');
    await expect(item.timelineText()).resolves.toContain('物业');
    await expect(li.page.getByTestId('assignment-from-minutes').count()).resolves.toBe(1);
    await li.page.evaluate(() => document.fonts.ready.then(() => undefined));
    await li.page.getByTestId('meeting-mentions').scrollIntoViewIfNeeded();
    await li.page.screenshot({ path: screenshotPath('zh-CN-request-meeting-actions.png') });
    expect(await sizeProblems(li.page)).toEqual([]);
    expect(await seriousViolations(li.page)).toEqual([]);

    // Two days past the deadline, the item says it is late, in words.
    const later = Date.parse(`${addDays(deadline, 2)}T04:00:00Z`);
    await li.page.evaluate((ms) => localStorage.setItem('little-stool:now', String(ms)), later);
    await item.open(app.url, compoundId, requestId);
    await expect.poll(async () => (await item.meetingActions())[0], { timeout: 20_000 }).toContain('已超期 2 天');
    await li.page.evaluate(() => window.littleStoolClock?.set(null));
  });

  it('the meetings list says today, and that the minutes are not signed yet, with the decision count', async () => {
    const meetings = new MeetingsPage(wang.page);
    await meetings.open(app.url, compoundId);
    await expect
      .poll(() => meetings.card(meetingId), { timeout: 20_000 })
      .toEqual({
        section: 'upcoming',
        text: expect.stringMatching(/^今天 \d+月\d+日周. 23:30/),
        minutes: expect.stringMatching(/^纪要未签.*决定 1 项.*行动项 1 项$/),
      });
    await wang.page.evaluate(() => document.fonts.ready.then(() => undefined));
    await wang.page.screenshot({ path: screenshotPath('zh-CN-meetings-list-minutes.png') });
    expect(await sizeProblems(wang.page)).toEqual([]);
  });
});
