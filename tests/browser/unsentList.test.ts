import { describe, expect, it } from 'vitest';
import { AgendaPage } from './pages/AgendaPage.ts';
import { AppShell } from './pages/AppShell.ts';
import { CarePage } from './pages/CarePage.ts';
import { LedgerPage } from './pages/LedgerPage.ts';
import { OnboardingPages } from './pages/OnboardingPages.ts';
import { seriousViolations, sizeProblems } from './support/audit.ts';
import { usePhone, waitForController } from './support/browser.ts';
import { makeJpeg } from './support/images.ts';
import { screenshotPath } from './support/lookAt.ts';
import { useServer } from './support/server.ts';

const FUND = '三方共管账户';
const PURPOSE = '楼道灯更换';
/** A time as the sheet shows it: 2026年12月5日 19:05 (Asia/Shanghai). */
const shownTime = /^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}$/;

// Found by an audit: a committee member who approved an expense offline saw "2 条修改未发送" and
// could not tell whether her approval was among them.
describe('the unsent count opens the list of what is waiting to be sent', () => {
  const app = useServer();
  const phone = usePhone();
  let compoundId: string;

  it('lists the changes written offline, in every document, newest first; online, all are sent', async () => {
    const { page, context } = phone;
    const shell = new AppShell(page);
    compoundId = await new OnboardingPages(page).createCompound(app.url, '幸福里小区', '王阿姨', '业委会');
    const ledger = new LedgerPage(page);
    await ledger.open(app.url, compoundId);
    await ledger.openFund(FUND, '三方共管账户', '¥50,000');
    const sheet = await ledger.openSheet('propose-expense');
    await sheet.locator('input[name="amount"]').fill('800');
    await sheet.locator('input[name="payee"]').fill('光明电器行');
    await sheet.locator('textarea[name="purpose"]').fill(PURPOSE);
    await ledger.attach(sheet, 'quote-picker', await makeJpeg(page, 1200, 900));
    await ledger.submit();
    await shell.waitSynced();
    // Offline, the pages' parts come from the service worker.
    await waitForController(page);

    await context.setOffline(true);
    await shell.waitOffline();
    await ledger.approve(PURPOSE);
    await expect.poll(() => ledger.signatures(PURPOSE)).toContain('owners:approved');
    await shell.tab('agenda');
    await new AgendaPage(page).raise('5号楼门口路灯不亮');
    // Care visits live in the committee document: the list covers it too.
    await shell.tab('rosters');
    await page.getByTestId('open-care').click();
    await new CarePage(page).register({
      label: '独居的张奶奶',
      building: '3号楼',
      unit: '2单元401',
      reason: '独居老人',
      cadence: '每周',
      visitor: '王阿姨',
    });
    await expect.poll(() => shell.unsent()).toBe(3);

    await page.screenshot({ path: screenshotPath('zh-CN-unsent-count.png') });
    await shell.openUnsent();
    expect(await shell.unsentTitle()).toBe('还没发出的修改（3 条）');
    const lines = await shell.unsentLines();
    expect(lines.map((l) => l.what)).toEqual([
      '登记关爱住户「独居的张奶奶」',
      '提出诉求「5号楼门口路灯不亮」',
      '同意支出「楼道灯更换」',
    ]);
    for (const line of lines) expect(line.when).toMatch(shownTime);
    await expect(shell.unsentSheet.textContent()).resolves.toContain('不要卸载应用');
    await page.screenshot({ path: screenshotPath('zh-CN-unsent-list.png') });
    expect(await seriousViolations(page)).toEqual([]);
    expect(await sizeProblems(page)).toEqual([]);

    // The count and the list agree while the relay takes them in.
    await context.setOffline(false);
    await expect.poll(() => shell.unsentTitle(), { timeout: 30_000 }).toBe('全部已发出');
    await shell.waitSynced();
    expect(await shell.unsentLines()).toEqual([]);
    await expect(shell.unsentSheet.getByTestId('unsent-all-sent').textContent()).resolves.toContain('都已经收到');
    await page.screenshot({ path: screenshotPath('zh-CN-unsent-all-sent.png') });
    await shell.unsentSheet.getByRole('button', { name: '知道了' }).click();
    await shell.unsentSheet.waitFor({ state: 'detached' });
  });

  it('the compounds list’s "being sent in the background" opens the same list', async () => {
    const { page, context } = phone;
    const shell = new AppShell(page);
    const agenda = new AgendaPage(page);
    const onboarding = new OnboardingPages(page);
    const second = await onboarding.createCompound(app.url, '和平小区', '王阿姨', '业委会');
    await agenda.open(app.url, compoundId);
    await shell.waitSynced();

    await context.setOffline(true);
    await shell.waitOffline();
    await agenda.raise('单元门禁坏了', '其他');
    await expect.poll(() => shell.unsent()).toBe(1);
    await page.locator('.compound-switch').click();
    await page.getByRole('link', { name: '切换到 和平小区' }).click();
    await page.waitForURL(new RegExp(`/c/${second}/agenda$`));
    await page.locator('.compound-switch').click();
    const left = page.getByTestId('compound-item').filter({ hasText: '幸福里小区' });
    await left.getByRole('button', { name: '1 条修改正在后台发出，点开看是哪些' }).click();
    await shell.unsentSheet.waitFor();
    await expect
      .poll(() => shell.unsentLines())
      .toEqual([{ what: '提出诉求「单元门禁坏了」', when: expect.stringMatching(shownTime) }]);
    expect(await shell.unsentTitle()).toBe('还没发出的修改（1 条）');
    await page.screenshot({ path: screenshotPath('zh-CN-unsent-background.png') });

    await context.setOffline(false);
    await expect.poll(() => shell.unsentTitle(), { timeout: 30_000 }).toBe('全部已发出');
    await expect.poll(() => left.getByTestId('compound-unsent').count(), { timeout: 30_000 }).toBe(0);
  });
});
