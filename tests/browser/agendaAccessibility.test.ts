import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, formatDay, shanghaiDay } from '../../shared/time.ts';
import { AgendaPage } from './pages/AgendaPage.ts';
import { AppShell } from './pages/AppShell.ts';
import { MeetingsPage } from './pages/MeetingsPage.ts';
import { OnboardingPages } from './pages/OnboardingPages.ts';
import { RequestPage } from './pages/RequestPage.ts';
import { seriousViolations, sizeProblems } from './support/audit.ts';
import { launchPhone, type Phone } from './support/browser.ts';
import { makeJpeg } from './support/images.ts';
import { screenshotPath } from './support/lookAt.ts';
import { useServer } from './support/server.ts';

/** zh-CN is shot by agenda.test.ts and agendaMeeting.test.ts; these are the other two variants. */
const variants = [
  { name: 'en', locale: 'en', textSize: 'normal' },
  { name: 'zh-CN-large', locale: 'zh-CN', textSize: 'large' },
] as const;

async function audit(page: Page, file: string, findings: unknown[]): Promise<void> {
  await page.locator('main h1').first().waitFor();
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  const problems = [...(await seriousViolations(page)), ...(await sizeProblems(page))];
  if (problems.length) findings.push({ page: file, problems });
  await page.screenshot({ path: screenshotPath(`${file}.png`) });
}

describe('agenda and meeting pages in English and in large text', () => {
  const app = useServer();
  let phone: Phone;
  let compoundId: string;
  let requestId: string;
  let meetingId: string;
  beforeAll(async () => {
    phone = await launchPhone();
  });
  afterAll(async () => {
    await phone?.dispose();
  });

  it('has a request in every part of the loop to look at', async () => {
    const { page } = phone;
    compoundId = await new OnboardingPages(page).createCompound(app.url, '幸福里小区', '王阿姨', '业委会');
    const meetings = new MeetingsPage(page);
    await meetings.open(app.url, compoundId);
    meetingId = await meetings.schedule('家园议事会', '3号楼下');
    await meetings.enterMeetingMode();
    await meetings.capture('3号楼楼道灯不亮', '李阿姨', '3号楼');
    const agenda = new AgendaPage(page);
    await agenda.open(app.url, compoundId);
    await agenda.openForm();
    await agenda.titleInput.fill('东门消防通道被私家车占用');
    await agenda.chooseCategory('消防通道');
    await page
      .getByTestId('photo-camera')
      .setInputFiles({ name: 'a.jpg', mimeType: 'image/jpeg', buffer: await makeJpeg(page, 1200, 900) });
    await page.locator('[data-testid="photo-chosen"] img[data-state="ready"]').waitFor();
    await agenda.submit();
    await agenda.openRequest('东门消防通道被私家车占用');
    const item = new RequestPage(page);
    requestId = (await item.root.getAttribute('data-id')) ?? '';
    await item.classify('消防通道', '较急');
    await item.tally(9, 1, 0);
    await item.decide('通过', '物业三天内清理');
    // The deadline one tap away under the date field.
    await item.assign('物业', '两周后');
    await expect.poll(() => item.stage()).toBe('assigned');
    await expect(item.root.getByTestId('assignment').textContent()).resolves.toContain(
      `限期：${formatDay(addDays(shanghaiDay(Date.now()), 14))} 前办完`,
    );
    await new AppShell(page).waitSynced();
  });

  for (const variant of variants) {
    it(`passes axe and the size checks in ${variant.name}`, async () => {
      const { page } = phone;
      await page.evaluate(
        ([locale, textSize]) =>
          localStorage.setItem('little-stool:prefs', JSON.stringify({ locale, textSize, lastCompoundId: null })),
        [variant.locale, variant.textSize] as const,
      );
      const base = `${app.url}/c/${compoundId}`;
      const findings: unknown[] = [];
      await page.goto(`${base}/agenda`);
      await page.getByTestId('request-item').first().waitFor();
      await audit(page, `${variant.name}-agenda-list`, findings);
      await page.locator('.filters summary').click();
      await audit(page, `${variant.name}-agenda-filters`, findings);
      await page.goto(`${base}/agenda/${requestId}`);
      await page.waitForFunction(() =>
        [...document.querySelectorAll('img[data-photo]')].every((i) => (i as HTMLImageElement).naturalWidth > 0),
      );
      await audit(page, `${variant.name}-agenda-item`, findings);
      // Past the stage's first steps, assigning again waits under 其他操作.
      await new RequestPage(page).openAction('assign');
      await audit(page, `${variant.name}-agenda-sheet`, findings);
      await page.keyboard.press('Escape');
      await page.goto(`${base}/agenda/new`);
      await audit(page, `${variant.name}-agenda-raise`, findings);
      await page.goto(`${base}/meetings`);
      await page.getByTestId('meeting-item').first().waitFor();
      await audit(page, `${variant.name}-meetings`, findings);
      await page.goto(`${base}/meetings/${meetingId}`);
      await page.getByTestId('meeting-topics').waitFor();
      await audit(page, `${variant.name}-meeting`, findings);
      await page.goto(`${base}/meetings/${meetingId}/capture`);
      await page.getByTestId('captured-item').first().waitFor();
      await audit(page, `${variant.name}-meeting-mode`, findings);
      await page.goto(`${base}/meetings/new`);
      await audit(page, `${variant.name}-meeting-new`, findings);
      expect(findings).toEqual([]);
    });
  }
});
