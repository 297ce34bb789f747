import { describe, expect, it } from 'vitest';
import { AppShell } from './pages/AppShell.ts';
import { MeetingDoorPage, UnitsPage } from './pages/MeetingDoorPage.ts';
import { MeetingsPage } from './pages/MeetingsPage.ts';
import { MinutesAfterPage } from './pages/MinutesAfterPage.ts';
import { MinutesPage } from './pages/MinutesPage.ts';
import { seriousViolations, sizeProblems } from './support/audit.ts';
import { launchPhone, usePhone, waitForController } from './support/browser.ts';
import { setUpCompound } from './support/compound.ts';
import { drafts } from './support/drafts.ts';
import { screenshotPath } from './support/lookAt.ts';
import { useServer } from './support/server.ts';

describe('before the meeting and at the door, on two phones', () => {
  const app = useServer();
  const wang = usePhone();
  const li = usePhone();
  let chair: MeetingDoorPage;
  let compoundId: string;
  let meetingId: string;
  let qrLink: string;

  it('the chair schedules a three-party meeting and shows its sign-in QR', async () => {
    compoundId = await setUpCompound(app.url, { phone: wang, compound: '和平小区', name: '王阿姨', party: '社区' }, [
      { phone: li, name: '李叔', invite: { role: '三方成员', party: '业委会' } },
    ]);
    const meetings = new MeetingsPage(wang.page);
    await meetings.open(app.url, compoundId);
    meetingId = await meetings.schedule('三方联席会议', '社区活动室', { time: '15:00' });
    await new MinutesPage(wang.page).notes.waitFor({ timeout: 30_000 });
    chair = new MeetingDoorPage(wang.page);
    qrLink = await chair.openQr();
    expect(qrLink).toBe(`${app.url}/c/${compoundId}/meetings/${meetingId}?signin=1`);
    await wang.page.evaluate(() => document.fonts.ready.then(() => undefined));
    await wang.page.screenshot({ path: screenshotPath('zh-CN-signin-qr.png') });
    await chair.closeQr();
  });

  it('a second phone opens the QR’s link offline and signs in with one tap; it reaches the chair on reconnecting', async () => {
    await li.page.goto(qrLink);
    await li.page.getByTestId('sign-in-prompt').waitFor({ timeout: 30_000 });
    const liShell = new AppShell(li.page);
    await liShell.waitSynced();
    await waitForController(li.page);
    await li.context.setOffline(true);
    await expect.poll(() => liShell.syncState()).toBe('offline');
    await li.page.getByTestId('sign-in').click();
    await li.page.getByTestId('signed-in').waitFor();
    const b = new MinutesPage(li.page);
    await expect.poll(() => b.attendance()).toMatchObject({ 业委会: 1 });
    expect(await new MinutesPage(wang.page).attendance()).toMatchObject({ 业委会: 0 });
    await li.context.setOffline(false);
    await expect.poll(() => new MinutesPage(wang.page).attendance(), { timeout: 30_000 }).toMatchObject({ 业委会: 1 });
    await expect.poll(() => chair.attendees()).toEqual(['李叔业委会']);
  });

  it('the chair signs in a guest and themself; the three-party quorum updates on both phones', async () => {
    const a = new MinutesPage(wang.page);
    const b = new MinutesPage(li.page);
    await expect.poll(() => b.threeParties()).toBe('还差：社区、物业');
    await chair.assistGuest('赵师傅', '物业');
    await expect.poll(() => b.threeParties(), { timeout: 20_000 }).toBe('还差：社区');
    await expect
      .poll(() => new MeetingDoorPage(li.page).attendees(), { timeout: 20_000 })
      .toContain('赵师傅来宾物业 · 由王阿姨代签');
    await a.signIn();
    await expect.poll(() => a.threeParties()).toBe('三方到齐');
    await expect.poll(() => b.threeParties(), { timeout: 20_000 }).toBe('三方到齐');
    expect(await sizeProblems(wang.page)).toEqual([]);
    expect(await seriousViolations(wang.page)).toEqual([]);
  });

  it('a member adds a topic from the meeting page; the chair moves the meeting and then cancels it', async () => {
    const liDoor = new MeetingDoorPage(li.page);
    await liDoor.addTopic('3号楼电动车充电难');
    const meetings = new MeetingsPage(wang.page);
    await expect.poll(() => meetings.topicTitles(), { timeout: 20_000 }).toEqual(['3号楼电动车充电难']);
    await chair.move('3号楼下', '19:30');
    await expect.poll(() => liDoor.lead(), { timeout: 20_000 }).toContain('3号楼下');
    expect(await liDoor.lead()).toContain('19:30');
    await chair.cancel('下雨，改天再开', true);
    await expect(drafts(wang.page, 'cancel-meeting')).resolves.toEqual([]);
    await expect.poll(() => li.page.getByText('取消原因：下雨，改天再开').count(), { timeout: 20_000 }).toBe(1);
    await expect(li.page.getByTestId('minutes').count()).resolves.toBe(0);
  });

  it("someone not in the compound who opens the QR's link gets the join flow, and who can sign them in without one", async () => {
    const stranger = await launchPhone();
    try {
      await stranger.page.goto(qrLink);
      await stranger.page.getByText('这部手机上没有这个小区').waitFor();
      await stranger.page.getByRole('link', { name: '用邀请链接加入' }).waitFor();
      // Scanned downstairs, with no invite link: the recorder can sign them in.
      await expect(stranger.page.getByTestId('not-on-device-signin').textContent()).resolves.toContain('帮别人签到');
    } finally {
      await stranger.dispose();
    }
  });

  it("the chair imports a unit register from CSV and the owners' assembly shows its two-thirds figures", async () => {
    const units = new UnitsPage(wang.page);
    await units.open(app.url, compoundId);
    const csv = [
      '\uFEFF楼栋,单元,房号,面积,业主',
      '1号楼,1单元,101,60,王阿姨',
      '1号楼,1单元,102,60,李叔',
      '1号楼,1单元,103,30.5,张三、张四',
      '1号楼,1单元,104,30.555,刘五',
    ].join('\r\n');
    expect(await units.preview(csv)).toBe('将登记或更新 3 户，移出 0 户。');
    expect(await units.problems()).toEqual(['第5行：面积不是数字，或小数超过两位。']);
    await units.save();
    await expect.poll(() => units.summary()).toBe('共 3 户，专有面积 150.50 平方米，业主 3 人');

    const meetings = new MeetingsPage(wang.page);
    await meetings.open(app.url, compoundId);
    const assemblyId = await meetings.schedule('业主大会', '小区广场', { time: '09:00' });
    await new MinutesPage(wang.page).notes.waitFor({ timeout: 30_000 });
    await new MinutesPage(wang.page).signIn();
    await expect
      .poll(() => chair.assembly())
      .toEqual({
        met: 'false',
        area: '参会业主专有面积 60.00 / 150.50 平方米',
        owners: '参会业主 1 / 3 人',
      });
    await chair.assistMember('李叔');
    await expect
      .poll(() => chair.assembly())
      .toEqual({
        met: 'true',
        area: '参会业主专有面积 120.00 / 150.50 平方米',
        owners: '参会业主 2 / 3 人',
      });
    await expect.poll(() => chair.attendees()).toContain('李叔业委会 · 由王阿姨代签');
    await wang.page.evaluate(() => document.fonts.ready.then(() => undefined));
    await wang.page.screenshot({ path: screenshotPath('zh-CN-assembly-quorum.png'), fullPage: true });
    expect(assemblyId).not.toBe(meetingId);
  });

  it("the chair counts an owners' assembly decision 双过半 owner by owner", async () => {
    const after = new MinutesAfterPage(wang.page);
    await after.assemblyVote('王阿姨', 'for');
    await after.assemblyVote('李叔', 'against');
    await expect.poll(() => after.assemblyResult()).toBe('未通过：面积 50.0%，人数 50.0%，须均过半');
    await after.assemblyVote('李叔', 'for');
    await expect.poll(() => after.assemblyResult()).toBe('通过：面积 100.0%，人数 100.0%，均过半');
    await wang.page.getByTestId('decision-form').getByLabel('决定的内容').fill('更换单元门禁');
    await wang.page.getByTestId('decision-add').click();
    await expect.poll(() => after.assemblyDecisions()).toEqual(['一般事项。通过：面积 100.0%，人数 100.0%，均过半']);
    await wang.page.screenshot({ path: screenshotPath('zh-CN-assembly-tally.png'), fullPage: true });
  });
});
