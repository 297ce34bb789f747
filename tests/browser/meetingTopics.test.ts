import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AgendaPage } from './pages/AgendaPage.ts';
import { AppShell } from './pages/AppShell.ts';
import { MeetingsPage } from './pages/MeetingsPage.ts';
import { MeetingTopicsPage, pngSize } from './pages/MeetingTopicsPage.ts';
import { MinutesAfterPage } from './pages/MinutesAfterPage.ts';
import { MinutesPage } from './pages/MinutesPage.ts';
import { seriousViolations, sizeProblems } from './support/audit.ts';
import { usePhone } from './support/browser.ts';
import { setUpCompound } from './support/compound.ts';
import { screenshotPath } from './support/lookAt.ts';
import { useServer } from './support/server.ts';

const artifacts = join(import.meta.dirname, '..', '..', 'artifacts');
const _shots = join(artifacts, 'screenshots');

describe('topics in order, raised for the next meeting, action items on whose turn, the minutes as an image', () => {
  const app = useServer();
  const wang = usePhone();
  const li = usePhone();
  let compoundId: string;
  let meetingId: string;

  it('a request raised with “提交到下次议事会” is a topic of the next meeting', async () => {
    compoundId = await setUpCompound(app.url, { phone: wang, compound: '和平小区', name: '王阿姨', party: '社区' }, [
      { phone: li, name: '李叔', invite: { role: '三方成员', party: '业委会' } },
    ]);
    const meetings = new MeetingsPage(wang.page);
    await meetings.open(app.url, compoundId);
    meetingId = await meetings.schedule('家园议事会', '社区活动室', { time: '15:00' });

    const agenda = new AgendaPage(li.page);
    await agenda.open(app.url, compoundId);
    await new AppShell(li.page).waitSynced();
    await agenda.openForm();
    await agenda.titleInput.fill('东门停车位重新划线');
    await agenda.chooseCategory('停车');
    const liTopics = new MeetingTopicsPage(li.page);
    await liTopics.forNextMeeting();
    await expect(li.page.getByTestId('next-meeting').textContent()).resolves.toContain('家园议事会');
    await li.page.evaluate(() => document.fonts.ready.then(() => undefined));
    await li.page.screenshot({ path: screenshotPath('zh-CN-raise-next-meeting.png'), fullPage: true });
    expect(await sizeProblems(li.page)).toEqual([]);
    await agenda.submit();

    await new MinutesPage(wang.page).notes.waitFor({ timeout: 30_000 });
    await expect
      .poll(() => new MeetingTopicsPage(wang.page).topicTitles(), { timeout: 20_000 })
      .toEqual(['东门停车位重新划线']);
  });

  it('the chair orders the topics with the big buttons; the other phone sees the order', async () => {
    const door = wang.page.getByTestId('add-topic');
    for (const title of ['3号楼电动车充电难', '小广场跳舞音量']) {
      await door.locator('input[name="topic"]').fill(title);
      await door.getByTestId('add-topic-submit').click();
    }
    const chair = new MeetingTopicsPage(wang.page);
    await expect.poll(() => chair.topicTitles()).toEqual(['小广场跳舞音量', '3号楼电动车充电难', '东门停车位重新划线']);
    await new MinutesPage(li.page).open(app.url, compoundId, meetingId);
    const other = new MeetingTopicsPage(li.page);
    await expect.poll(() => other.topicTitles(), { timeout: 20_000 }).toHaveLength(3);

    await chair.startOrdering();
    await chair.moveUp('东门停车位重新划线');
    await chair.moveUp('东门停车位重新划线');
    await chair.moveDown('小广场跳舞音量');
    await expect.poll(() => chair.topicTitles()).toEqual(['东门停车位重新划线', '3号楼电动车充电难', '小广场跳舞音量']);
    await wang.page.evaluate(() => document.fonts.ready.then(() => undefined));
    await wang.page.getByTestId('topic-order').scrollIntoViewIfNeeded();
    await wang.page.screenshot({ path: screenshotPath('zh-CN-topic-order.png') });
    expect(await sizeProblems(wang.page)).toEqual([]);
    expect(await seriousViolations(wang.page)).toEqual([]);
    await chair.doneOrdering();
    await expect
      .poll(() => other.topicTitles(), { timeout: 20_000 })
      .toEqual(['东门停车位重新划线', '3号楼电动车充电难', '小广场跳舞音量']);
    // The committee member on the other phone sees the same order in the minutes' choices too, each
    // with the day it was raised (and its building) so that two of one title are told apart.
    const choices = li.page.getByTestId('take-up-pick').locator('option');
    await expect
      .poll(async () => (await choices.allTextContents()).slice(1, 4).map((label) => label.split(' · ')[0]))
      .toEqual(['东门停车位重新划线', '3号楼电动车充电难', '小广场跳舞音量']);
    for (const label of (await choices.allTextContents()).slice(1, 4)) expect(label).toMatch(/ · \d+月\d+日$/);
  });

  it("an action item for the owners' committee is on 李叔's 我的 list until he marks it done", async () => {
    await new MinutesPage(wang.page).signIn();
    const a = new MinutesAfterPage(wang.page);
    const requestId = await wang.page
      .getByTestId('take-up-pick')
      .locator('option', { hasText: '东门停车位重新划线' })
      .getAttribute('value');
    await a.takeUp(requestId ?? '');
    await a.addAction('业委会统计东门车位需求', 'owners', requestId ?? '');
    await expect.poll(() => a.actions()).toEqual([expect.stringContaining('业委会统计东门车位需求')]);

    const agenda = new AgendaPage(li.page);
    await agenda.open(app.url, compoundId);
    await agenda.tab('mine');
    const liTopics = new MeetingTopicsPage(li.page);
    await expect.poll(() => liTopics.todos(), { timeout: 30_000 }).toEqual(['业委会统计东门车位需求']);
    await expect.poll(() => agenda.tabCount('mine')).toBeGreaterThanOrEqual(2);
    await li.page.evaluate(() => document.fonts.ready.then(() => undefined));
    await li.page.getByTestId('meeting-turns').scrollIntoViewIfNeeded();
    await li.page.screenshot({ path: screenshotPath('zh-CN-meeting-todos.png') });
    expect(await sizeProblems(li.page)).toEqual([]);
    // 王阿姨 sits for the community: the owners' item is not on her list.
    const wangAgenda = new AgendaPage(wang.page);
    await wangAgenda.open(app.url, compoundId);
    await wangAgenda.tab('mine');
    await expect.poll(() => new MeetingTopicsPage(wang.page).todos()).toEqual([]);

    await liTopics.markDone('业委会统计东门车位需求');
    await expect.poll(() => liTopics.todos(), { timeout: 20_000 }).toEqual([]);
    await new MinutesPage(wang.page).open(app.url, compoundId, meetingId);
    await expect
      .poll(() => wang.page.getByTestId('action-done-mark').textContent(), { timeout: 20_000 })
      .toContain('李叔标记办好了');
  });

  it('the signed minutes are shared as a PNG: downloaded where files cannot be shared, else through the share sheet', async () => {
    const a = new MinutesAfterPage(wang.page);
    await expect(a.signOff()).resolves.toBe('代表社区签字');
    await expect.poll(() => a.locked(), { timeout: 20_000 }).toBe(true);
    const share = new MeetingTopicsPage(wang.page);
    const download = await share.shareAsDownload();
    expect(download.suggestedFilename()).toMatch(/^minutes-\d{4}-\d{2}-\d{2}\.png$/);
    const file = join(artifacts, 'minutes-share.png');
    await download.saveAs(file);
    const png = readFileSync(file);
    const size = pngSize(png);
    expect(size?.width).toBe(1080);
    expect(size?.height).toBeGreaterThan(1000);
    expect(size?.height).toBeLessThan(12_000);
    expect(png.length).toBeGreaterThan(20_000);
    await expect.poll(() => share.shareStatus()).toContain('图片已保存');

    // A phone whose browser shares files: the share sheet gets the same PNG (the browser API stubbed in the page).
    await wang.page.evaluate(() => {
      const w = window as unknown as { sharedFiles?: { name: string; type: string; size: number }[] };
      Object.defineProperty(navigator, 'canShare', { configurable: true, value: (d: ShareData) => !!d.files?.length });
      Object.defineProperty(navigator, 'share', {
        configurable: true,
        value: async (d: ShareData) => {
          w.sharedFiles = (d.files ?? []).map((f) => ({ name: f.name, type: f.type, size: f.size }));
        },
      });
    });
    await wang.page.getByTestId('share-image').click();
    await expect
      .poll(() => wang.page.evaluate(() => (window as unknown as { sharedFiles?: unknown }).sharedFiles), {
        // Drawing the card again takes a second or more on a busy machine.
        timeout: 20_000,
      })
      .toEqual([{ name: download.suggestedFilename(), type: 'image/png', size: expect.any(Number) }]);
    await expect.poll(() => share.shareStatus()).toContain('已打开分享');
  });
});
