import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDay, shanghaiDay, shanghaiDayStart } from '../../shared/time.ts';
import { AgendaPage } from './pages/AgendaPage.ts';
import { AppShell } from './pages/AppShell.ts';
import { MeetingsPage } from './pages/MeetingsPage.ts';
import { MembersPage } from './pages/MembersPage.ts';
import { OnboardingPages } from './pages/OnboardingPages.ts';
import { RequestPage } from './pages/RequestPage.ts';
import { seriousViolations, sizeProblems } from './support/audit.ts';
import { launchPhone, type Phone, waitForController } from './support/browser.ts';
import { drafts } from './support/drafts.ts';
import { makeJpeg } from './support/images.ts';
import { screenshotPath } from './support/lookAt.ts';
import { useServer } from './support/server.ts';

const DAY = 86_400_000;
const TITLE = '5号楼门口路灯不亮，晚上看不见路';

describe('the agenda loop on three phones', () => {
  const app = useServer();
  let admin: Phone; // 王阿姨, owners' committee, created the compound
  let property: Phone; // 物业小刘, property company
  let resident: Phone; // 李叔, resident
  let compoundId: string;
  let requestId: string;
  const deadline = shanghaiDay(Date.now() + 3 * DAY);

  beforeAll(async () => {
    [admin, property, resident] = await Promise.all([launchPhone(), launchPhone(), launchPhone()]);
  });
  afterAll(async () => {
    await Promise.all([admin?.dispose(), property?.dispose(), resident?.dispose()]);
  });

  it('three phones join one compound: the owners’ committee, the property company and a resident', async () => {
    compoundId = await new OnboardingPages(admin.page).createCompound(app.url, '幸福里小区', '王阿姨', '业委会');
    const members = new MembersPage(admin.page);
    await members.open(app.url, compoundId);
    const propertyLink = await members.createInvite({ role: '三方成员', party: '物业' });
    await members.closeDialog();
    const residentLink = await members.createInvite({ role: '居民' });
    await members.closeDialog();
    await new OnboardingPages(property.page).joinByLink(propertyLink, '物业小刘');
    await new OnboardingPages(resident.page).joinByLink(residentLink, '李叔');
    await Promise.all([admin, property, resident].map((p) => new AppShell(p.page).waitSynced()));
    await waitForController(resident.page);
    await expect.poll(() => members.names(), { timeout: 20_000 }).toEqual(['李叔', '物业小刘', '王阿姨'].sort());
  });

  it('a resident raises a request with a photo offline; it syncs, and the photo reaches the others', async () => {
    const page = resident.page;
    const shell = new AppShell(page);
    await resident.context.setOffline(true);
    await expect.poll(() => shell.syncState()).toBe('offline');

    const agenda = new AgendaPage(page);
    await agenda.openForm();
    await agenda.titleInput.fill(TITLE);
    await agenda.chooseCategory('路灯照明');
    const form = page.getByTestId('raise-form');
    await form.locator('input[name="building"]').fill('5号楼');
    await form.locator('input[name="location"]').fill('5号楼东门');
    const photo = await makeJpeg(page, 1600, 1200);
    await form.getByTestId('photo-camera').setInputFiles({ name: 'light.jpg', mimeType: 'image/jpeg', buffer: photo });
    await form.locator('[data-testid="photo-chosen"] img[data-state="ready"]').waitFor();
    await page.screenshot({ path: screenshotPath('zh-CN-agenda-raise.png') });
    await form.getByTestId('photo-chosen').scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('zh-CN-agenda-raise-photo.png') });
    await agenda.submit();
    await expect.poll(() => agenda.titles()).toEqual([TITLE]);
    await expect.poll(() => shell.unsent()).toBe(1);
    // The list points to what was just sent, above anything listed before it.
    const justRaised = page.getByTestId('just-raised');
    await expect(justRaised.textContent()).resolves.toBe(`刚提交的诉求，点这里查看：${TITLE}`);
    await expect(justRaised.getAttribute('href')).resolves.toBe(
      `/c/${compoundId}/agenda/${await agenda.requestId(TITLE)}`,
    );

    // On this phone the photo shows at once, marked as not sent yet.
    await agenda.openRequest(TITLE);
    const item = new RequestPage(page);
    await expect.poll(() => item.photoStates()).toEqual(['ready']);
    await expect(item.root.locator('.photo-pending').count()).resolves.toBe(1);
    requestId = (await item.root.getAttribute('data-id')) ?? '';

    await resident.context.setOffline(false);
    await shell.waitSynced();
    // The upload queue empties once online.
    await item.root.locator('.photo-pending').waitFor({ state: 'detached', timeout: 20_000 });

    const committee = new RequestPage(admin.page);
    await committee.open(app.url, compoundId, requestId);
    await expect.poll(() => committee.stage(), { timeout: 20_000 }).toBe('raised');
    await expect.poll(() => committee.photoStates(), { timeout: 20_000 }).toEqual(['ready']);
    await expect(committee.stageText()).resolves.toBe('已提出，待分类');
    await expect(committee.currentStep()).resolves.toBe('classify');
  });

  it('the committee classifies, schedules, records a tally, decides and assigns with a deadline', async () => {
    const meetings = new MeetingsPage(admin.page);
    await meetings.open(app.url, compoundId);
    await meetings.schedule('小板凳见面会', '5号楼下小花园');

    const item = new RequestPage(admin.page);
    await item.open(app.url, compoundId, requestId);
    await item.classify('路灯照明', '紧急');
    await expect.poll(() => item.stage()).toBe('classified');
    await expect(item.stageText()).resolves.toBe('已分类，待商议');
    await item.schedule('5号楼下小花园');
    await expect.poll(() => item.stage()).toBe('scheduled');
    await expect(item.currentStep()).resolves.toBe('deliberate');

    // The resident votes on her own phone while it is deliberated.
    const mine = new RequestPage(resident.page);
    await mine.open(app.url, compoundId, requestId);
    await expect.poll(() => mine.stage(), { timeout: 20_000 }).toBe('scheduled');
    await mine.vote('for');
    await expect
      .poll(() => item.root.getByTestId('deliberation').textContent(), { timeout: 20_000 })
      .toContain('手机投票：赞成 1，反对 0，弃权 0');

    await item.tally(12, 2, 1);
    await expect(item.root.getByTestId('tally').textContent()).resolves.toBe('举手表决：赞成 12，反对 2，弃权 1');
    // The sheet that decides shows what the decision rests on.
    await expect(item.decisionBasis()).resolves.toEqual([
      '举手表决：赞成 12，反对 2，弃权 1',
      '手机投票：赞成 1，反对 0，弃权 0',
    ]);
    // Half decided, the tab is discarded (WeChat took the memory): it comes back with the sheet.
    await item.decide('通过', '先由物业换灯，一周内修好。', true);
    await expect.poll(() => item.stage()).toBe('decided');
    await expect(drafts(admin.page, 'decide')).resolves.toEqual([]);
    expect(new URL(admin.page.url()).search).toBe('');
    await expect(item.root.getByTestId('decision').textContent()).resolves.toContain('决定：通过');

    // 签字确认 by the resident on her phone.
    await expect.poll(() => mine.stage(), { timeout: 20_000 }).toBe('decided');
    await mine.confirm();
    await expect
      .poll(() => item.root.getByTestId('confirmations').textContent(), { timeout: 20_000 })
      .toBe('签字确认：1 人');

    await item.assign('物业', deadline);
    await expect.poll(() => item.stage()).toBe('assigned');
    // The stage's next two steps stand as buttons; the rest wait under 其他操作.
    const todo = item.root.getByTestId('todo');
    await expect
      .poll(() =>
        todo.locator('[data-action]:visible').evaluateAll((els) => els.map((e) => e.getAttribute('data-action'))),
      )
      .toEqual(['complete', 'progress']);
    await expect(todo.getByTestId('more-actions').locator('summary').textContent()).resolves.toBe('其他操作（4）');
    await expect(item.root.getByTestId('assignment').textContent()).resolves.toContain(
      `限期：${formatDay(deadline)} 前办完`,
    );
    await expect(item.root.locator('.status-line').textContent()).resolves.toContain('现在轮到：物业');
  });

  it('shows it overdue (icon and words) once the injected clock passes the deadline', async () => {
    const page = admin.page;
    const agenda = new AgendaPage(page);
    await agenda.open(app.url, compoundId);
    await expect(agenda.overdueText(TITLE)).resolves.toBeNull();
    await expect(agenda.tabCount('overdue')).resolves.toBe(0);

    const later = shanghaiDayStart(deadline) + 2 * DAY + 10 * 3_600_000;
    await page.evaluate((ms) => window.littleStoolClock?.set(ms), later);
    await expect.poll(() => agenda.overdueText(TITLE)).toBe('已超期 2 天');
    await expect(agenda.item(TITLE).locator('[data-testid="overdue"] svg').count()).resolves.toBe(1);
    await agenda.tab('overdue');
    await expect.poll(() => agenda.titles()).toEqual([TITLE]);
    await expect(agenda.tabCount('overdue')).resolves.toBe(1);
    // The property company's phone sees it waiting on them, and late, after a reload with the stored clock.
    await property.page.evaluate((ms) => localStorage.setItem('little-stool:now', String(ms)), later);
    const theirs = new AgendaPage(property.page);
    await theirs.open(app.url, compoundId);
    await theirs.tab('mine');
    await expect.poll(() => theirs.overdueText(TITLE), { timeout: 20_000 }).toBe('已超期 2 天');

    await page.evaluate(() => window.littleStoolClock?.set(null));
    await property.page.evaluate(() => window.littleStoolClock?.set(null));
    await expect.poll(() => agenda.titles()).toEqual([]);
  });

  it('the property member completes it; a low rating by the resident reopens it on every phone', async () => {
    const item = new RequestPage(property.page);
    await item.open(app.url, compoundId, requestId);
    await expect.poll(() => item.actions(), { timeout: 20_000 }).toContain('complete');
    await item.complete('已更换5号楼门口的路灯灯泡。', await makeJpeg(property.page, 800, 600), true);
    await expect.poll(() => item.stage()).toBe('completed');
    // Waiting for its rating, a committee member's page leads with rating it, not with reopening it.
    const primary = item.root.getByTestId('todo').locator('.btn-primary');
    await expect.poll(() => primary.getAttribute('data-action')).toBe('rate');
    await expect(primary.count()).resolves.toBe(1);
    // Its card says whose turn it is in words of their own (not 等居民评价办).
    const list = new AgendaPage(resident.page);
    await list.open(app.url, compoundId);
    await list.tab('all');
    await expect.poll(() => list.item(TITLE).locator('.turn').textContent(), { timeout: 20_000 }).toBe('等居民评价');

    const mine = new RequestPage(resident.page);
    await mine.open(app.url, compoundId, requestId);
    await expect.poll(() => mine.stage(), { timeout: 20_000 }).toBe('completed');
    await expect(mine.currentStep()).resolves.toBe('report');
    await mine.rate(2, false, '换了两天又不亮了');
    await expect.poll(() => mine.stage()).toBe('reopened');

    for (const phone of [admin, property]) {
      const other = new RequestPage(phone.page);
      await other.open(app.url, compoundId, requestId);
      await expect.poll(() => other.stage(), { timeout: 20_000 }).toBe('reopened');
      await expect(other.stageText()).resolves.toBe('重新办理');
      await expect(other.root.getByTestId('reopened').textContent()).resolves.toContain('居民评价不满意');
      await expect(other.currentStep()).resolves.toBe('follow');
    }
    const page = admin.page;
    const record = new RequestPage(page);
    await expect(record.root.getByTestId('average').textContent()).resolves.toBe('平均 2.0 星（1 人评价）');
    const timeline = await record.timelineText();
    for (const words of ['提出了诉求', '李叔', '王阿姨', '物业小刘', '报告办结', '做了评价', '2 星：换了两天又不亮了'])
      expect(timeline).toContain(words);
    // The result photo, uploaded by the property phone, shows on the committee's phone.
    await expect
      .poll(() => record.root.locator('[data-testid="result"] [data-photo]').getAttribute('data-state'), {
        timeout: 20_000,
      })
      .toBe('ready');

    await page.waitForFunction(() =>
      [...document.querySelectorAll('img[data-photo]')].every((i) => (i as HTMLImageElement).naturalWidth > 0),
    );
    await page.screenshot({ path: screenshotPath('zh-CN-agenda-item.png') });
    expect(await seriousViolations(page)).toEqual([]);
    expect(await sizeProblems(page)).toEqual([]);

    const agenda = new AgendaPage(page);
    await agenda.open(app.url, compoundId);
    await agenda.raise('东门消防通道被私家车占用', '消防通道');
    await agenda.raise('3号楼电梯经常停运', '电梯');
    await expect.poll(() => agenda.titles()).toHaveLength(3);
    await new AppShell(page).waitSynced();
    // Two days past the deadline, so the list shows what "overdue" looks like.
    await page.evaluate((ms) => window.littleStoolClock?.set(ms), shanghaiDayStart(deadline) + 2 * DAY + 3_600_000);
    await expect.poll(() => agenda.overdueText(TITLE)).toBe('已超期 2 天');
    await page.screenshot({ path: screenshotPath('zh-CN-agenda-list.png') });
    expect(await seriousViolations(page)).toEqual([]);
    expect(await sizeProblems(page)).toEqual([]);
    await page.evaluate(() => window.littleStoolClock?.set(null));
  });

  it('photos picked from the album while the camera’s is prepared are all kept', async () => {
    const page = resident.page;
    const agenda = new AgendaPage(page);
    await agenda.open(app.url, compoundId);
    await agenda.openForm();
    const form = page.getByTestId('raise-form');
    const jpeg = (w: number) => makeJpeg(page, w, 900);
    const album = await Promise.all(
      [1200, 1300, 1400].map(async (w, i) => ({
        name: `album-${i}.jpg`,
        mimeType: 'image/jpeg',
        buffer: await jpeg(w),
      })),
    );
    const camera = { name: 'camera.jpg', mimeType: 'image/jpeg', buffer: await jpeg(1500) };
    // Both picks are under way at once: each photo is downscaled and hashed before it is added.
    await Promise.all([
      form.getByTestId('photo-album').setInputFiles(album),
      form.getByTestId('photo-camera').setInputFiles(camera),
    ]);
    await expect.poll(() => form.locator('.photo-chosen').count(), { timeout: 20_000 }).toBe(4);
    await expect.poll(() => form.locator('[data-testid="photo-chosen"] img[data-state="ready"]').count()).toBe(4);
  });

  it('a half-written request survives a reload (the camera can kill the tab), and is gone once sent', async () => {
    const page = resident.page;
    const agenda = new AgendaPage(page);
    const form = page.getByTestId('raise-form');
    await agenda.titleInput.fill('楼道里堆了很多杂物');
    await form.locator('textarea[name="detail"]').fill('三楼到五楼都有，挡着消防通道');
    await page.reload();
    await form.waitFor();
    await expect(agenda.titleInput.inputValue()).resolves.toBe('楼道里堆了很多杂物');
    await expect(form.locator('textarea[name="detail"]').inputValue()).resolves.toBe('三楼到五楼都有，挡着消防通道');
    await expect.poll(() => form.locator('[data-testid="photo-chosen"] img[data-state="ready"]').count()).toBe(4);
    await agenda.chooseCategory('消防通道');
    await agenda.submit();
    await expect.poll(() => agenda.titles()).toContain('楼道里堆了很多杂物');
    await agenda.openForm();
    await expect(agenda.titleInput.inputValue()).resolves.toBe('');
    await expect(form.locator('.photo-chosen').count()).resolves.toBe(0);
    // A form left unsent and opened anew from its button starts empty: the draft was that visit's.
    await agenda.titleInput.fill('写了一半不要了');
    await page.evaluate(() => history.back());
    // Leaving a form with words in it asks first (leaveGuard.test.ts); here the member leaves.
    await page.getByRole('alertdialog').getByRole('button', { name: '离开，不要了' }).click();
    await agenda.openForm();
    await expect(agenda.titleInput.inputValue()).resolves.toBe('');
  });
});
