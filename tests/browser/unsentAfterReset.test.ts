import { readFileSync } from 'node:fs';
import type { Download } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { AgendaPage } from './pages/AgendaPage.ts';
import { AppShell } from './pages/AppShell.ts';
import { CarePage } from './pages/CarePage.ts';
import { LedgerPage } from './pages/LedgerPage.ts';
import { MembersPage } from './pages/MembersPage.ts';
import { seriousViolations, sizeProblems } from './support/audit.ts';
import { usePhone, waitForController } from './support/browser.ts';
import { setUpCompound } from './support/compound.ts';
import { screenshotPath } from './support/lookAt.ts';
import { useServer } from './support/server.ts';

const FUND = '三方共管账户';
const LAMP = '5号楼门口路灯不亮';

// From a review: the sheet open while the relay refused a write said 全部已发出 ("the server has every
// change written on this phone") once the reset's dialog was closed, while the refused write and the
// one written with it had gone to a file, not to the server.
describe('the unsent list when the relay refuses one of its writes and the phone resets its copy', () => {
  const app = useServer();
  const wang = usePhone(); // 王阿姨, community, the admin
  const li = usePhone(); // 李叔, owners' committee, an admin for a while
  let compoundId: string;

  it('an admin writes three changes offline, and is made a committee member again meanwhile', async () => {
    compoundId = await setUpCompound(app.url, { phone: wang, compound: '幸福里小区', name: '王阿姨', party: '社区' }, [
      { phone: li, name: '李叔', invite: { role: '三方成员', party: '业委会' } },
    ]);
    await new LedgerPage(wang.page).open(app.url, compoundId);
    await new LedgerPage(wang.page).openFund(FUND, '三方共管账户', '¥50,000');
    const members = new MembersPage(wang.page);
    await members.open(app.url, compoundId);
    await members.makeAdmin('李叔');
    const shell = new AppShell(li.page);
    const ledger = new LedgerPage(li.page);
    await ledger.open(app.url, compoundId);
    // The relay tells Li's phone its role changed; the ledger then offers what only admins do.
    await li.page.getByTestId('set-tier').waitFor({ timeout: 30_000 });
    await shell.waitSynced();
    await waitForController(li.page);

    await li.context.setOffline(true);
    await shell.waitOffline();
    const sheet = await ledger.openSheet('set-tier');
    await sheet.locator('input[name="amount"]').fill('30000');
    await ledger.submit();
    await shell.tab('agenda');
    await new AgendaPage(li.page).raise(LAMP);
    await shell.tab('rosters');
    await li.page.getByTestId('open-care').click();
    await new CarePage(li.page).register({
      label: '独居的张奶奶',
      building: '3号楼',
      unit: '2单元401',
      reason: '独居老人',
      cadence: '每周',
      visitor: '李叔',
    });
    await expect.poll(() => shell.unsent()).toBe(3);
    // Only an admin sets the limit: the relay will refuse Li's, written as an admin but sent as not.
    await members.unmakeAdmin('李叔');
    await expect.poll(() => members.roleOf('李叔')).toBe('三方成员 · 业委会');
  });

  it('the list names the reset and the file, never 全部已发出, while the rest goes out', async () => {
    const shell = new AppShell(li.page);
    await shell.openUnsent();
    expect(await shell.unsentTitle()).toBe('还没发出的修改（3 条）');
    expect((await shell.unsentLines()).map((l) => l.what)).toEqual([
      '登记关爱住户「独居的张奶奶」',
      `提出诉求「${LAMP}」`,
      '设定金额上限',
    ]);
    const downloads: Download[] = [];
    li.page.on('download', (d) => downloads.push(d));
    await li.context.setOffline(false);

    const dialog = li.page.getByTestId('recovered-dialog');
    await dialog.waitFor({ timeout: 30_000 });
    await expect.poll(() => downloads.length).toBe(2);
    const json = downloads.find((d) => d.suggestedFilename().endsWith('.json'))!;
    const file = json.suggestedFilename();
    // The two public writes are in the file, the refused limit and the request written with it.
    const saved = JSON.parse(readFileSync(await json.path(), 'utf8')) as { events: { type: string; title?: string }[] };
    expect(saved.events.filter((e) => e.type === 'ledger.tier.set')).toHaveLength(1);
    expect(saved.events.filter((e) => e.title === LAMP)).toHaveLength(1);

    const reset = `服务器没有接受「公开议事」里的一项修改，这部手机已从服务器重新载入「公开议事」。那里还没发出的修改都没有发出，已保存在文件 ${file} 里，可以交给管理员查看。`;
    await expect.poll(() => shell.unsentTitle()).toBe('有修改没有发出');
    await expect.poll(() => shell.unsentSheet.getByTestId('unsent-reset').allTextContents()).toEqual([reset]);

    await dialog.getByRole('button', { name: '知道了' }).click();
    await dialog.waitFor({ state: 'detached' });
    // The care household, in the committee's document, reached the relay: Wang's phone shows it.
    await shell.waitSynced();
    await wang.page.goto(`${app.url}/c/${compoundId}/rosters`);
    await wang.page.getByTestId('open-care').click();
    await wang.page.getByText('独居的张奶奶').first().waitFor({ timeout: 20_000 });
    // Everything left was sent, but not everything written: the sheet still says what became of it.
    expect(await shell.unsentTitle()).toBe('有修改没有发出');
    expect(await shell.unsentSheet.getByTestId('unsent-reset').allTextContents()).toEqual([reset]);
    await expect(shell.unsentSheet.getByTestId('unsent-all-sent').count()).resolves.toBe(0);
    expect(await shell.unsentLines()).toEqual([]);
    await li.page.screenshot({ path: screenshotPath('zh-CN-unsent-after-reset.png') });
    expect(await seriousViolations(li.page)).toEqual([]);
    expect(await sizeProblems(li.page)).toEqual([]);
  });
});
