import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AgendaPage } from './pages/AgendaPage.ts';
import { AppShell } from './pages/AppShell.ts';
import { MeetingsPage } from './pages/MeetingsPage.ts';
import { OnboardingPages } from './pages/OnboardingPages.ts';
import { RequestPage } from './pages/RequestPage.ts';
import { seriousViolations, sizeProblems } from './support/audit.ts';
import { launchPhone, type Phone } from './support/browser.ts';
import { screenshotPath } from './support/lookAt.ts';
import { useServer } from './support/server.ts';

const spoken = [
  { what: '3号楼楼道灯不亮', who: '李阿姨', building: '3号楼', category: '路灯照明' },
  { what: '东门口经常乱停车，挡住消防车', who: '张叔', building: '', category: '消防通道' },
  { what: '2号楼电梯按钮坏了', who: '', building: '2号楼', category: '电梯' },
  { what: '希望增加老人助餐点', who: '王奶奶', building: '', category: '养老助老' },
  { what: '儿童滑梯生锈了', who: '', building: '', category: '儿童' },
];

describe('meeting mode', () => {
  const app = useServer();
  let phone: Phone;
  let compoundId: string;
  beforeAll(async () => {
    phone = await launchPhone();
  });
  afterAll(async () => {
    await phone?.dispose();
  });

  it('captures five requests at a scheduled meeting, one line and Enter each', async () => {
    const { page } = phone;
    compoundId = await new OnboardingPages(page).createCompound(app.url, '和平小区', '赵书记', '社区');
    const meetings = new MeetingsPage(page);
    await meetings.open(app.url, compoundId);
    expect(await sizeProblems(page)).toEqual([]);
    await meetings.schedule('三方联席会议', '社区活动室', { time: '15:00' });
    await meetings.enterMeetingMode();

    for (const s of spoken) {
      await meetings.capture(s.what, s.who, s.building || undefined);
      // Each lands at once, the line clears for the next one and keeps the focus.
      await expect.poll(() => meetings.capturedTitles()).toContain(s.what);
      await expect(meetings.whatInput.inputValue()).resolves.toBe('');
      await expect(meetings.whatInput.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    }
    await expect(page.getByTestId('capture-count').textContent()).resolves.toBe('本次会上已记下 5 件');
    await expect(meetings.capturedTitles()).resolves.toEqual(spoken.map((s) => s.what).reverse());
    await expect(page.getByTestId('capture-status').textContent()).resolves.toBe(`已记下：${spoken[4]!.what}`);
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    await page.screenshot({ path: screenshotPath('zh-CN-meeting-mode.png') });
    expect(await seriousViolations(page)).toEqual([]);
    expect(await sizeProblems(page)).toEqual([]);
    await new AppShell(page).waitSynced();
  });

  it('lists them as the meeting’s topics and in the agenda, with a guessed category and who said it', async () => {
    const { page } = phone;
    await page.getByRole('link', { name: '返回' }).click();
    await page.getByTestId('meeting-page').waitFor();
    const meetings = new MeetingsPage(page);
    await expect.poll(() => meetings.topicTitles()).toHaveLength(5);
    expect(await seriousViolations(page)).toEqual([]);
    expect(await sizeProblems(page)).toEqual([]);

    const agenda = new AgendaPage(page);
    await agenda.open(app.url, compoundId);
    await expect.poll(() => agenda.titles()).toEqual(spoken.map((s) => s.what).reverse());
    for (const s of spoken) await expect(agenda.item(s.what).locator('.tag').textContent()).resolves.toBe(s.category);

    // Chinese substring search in titles, then the building filter.
    await agenda.search('电梯');
    await expect.poll(() => agenda.titles()).toEqual(['2号楼电梯按钮坏了']);
    await agenda.search('');
    await page.locator('.filters summary').click();
    await page.getByTestId('filter-building').selectOption('3号楼');
    await expect.poll(() => agenda.titles()).toEqual(['3号楼楼道灯不亮']);

    await agenda.openRequest('3号楼楼道灯不亮');
    const item = new RequestPage(page);
    const facts = await item.root.locator('.facts').textContent();
    expect(facts).toContain('代 李阿姨 记录');
    expect(facts).toContain('会前收集的议题：三方联席会议');
    await expect(item.stageText()).resolves.toBe('已提出，待分类');
  });
});
