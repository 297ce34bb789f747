import { describe, expect, it } from 'vitest';
import { AppShell } from './pages/AppShell.ts';
import { LedgerPage } from './pages/LedgerPage.ts';
import { MembersPage } from './pages/MembersPage.ts';
import { seriousViolations, sizeProblems } from './support/audit.ts';
import { usePhone } from './support/browser.ts';
import { setUpCompound, threePartiesAndResident } from './support/compound.ts';
import { fieldNamed } from './support/fields.ts';
import { makeJpeg } from './support/images.ts';
import { screenshotPath } from './support/lookAt.ts';
import { useServer } from './support/server.ts';

const FUND = '三方共管账户';
const PURPOSE = '5号楼门口路灯维修';

describe('the three-party ledger on three committee phones and a resident’s', () => {
  const app = useServer();
  const community = usePhone(); // 王阿姨, community, created the compound
  const owners = usePhone(); // 张主任, owners' committee
  const property = usePhone(); // 物业小刘, property company
  const resident = usePhone(); // 李叔
  let compoundId: string;
  const ledgers = () => [community, owners, property].map((p) => new LedgerPage(p.page));

  it('the three parties and a resident join one compound', async () => {
    compoundId = await setUpCompound(app.url, ...threePartiesAndResident(community, owners, property, resident));
    const members = new MembersPage(community.page);
    await expect
      .poll(() => members.names(), { timeout: 20_000 })
      .toEqual(['张主任', '李叔', '物业小刘', '王阿姨'].sort());
  });

  it('the community opens the shared account with its opening balance; every phone shows the balance', async () => {
    await Promise.all([...ledgers(), new LedgerPage(resident.page)].map((l) => l.open(app.url, compoundId)));
    const [mine] = ledgers();
    await mine!.openFund(FUND, '三方共管账户', '¥50,000');
    for (const ledger of [...ledgers(), new LedgerPage(resident.page)])
      await expect.poll(() => ledger.balance(FUND), { timeout: 20_000 }).toBe('¥50,000.00');
    await expect(mine!.fund(FUND).getByTestId('income').count()).resolves.toBe(1);
  });

  it('the property company proposes an expense with a quote; an amount in thousandths of a yuan is refused in words', async () => {
    const ledger = new LedgerPage(property.page);
    const sheet = await ledger.openSheet('propose-expense');
    await sheet.locator('input[name="amount"]').fill('1.005');
    await sheet.locator('input[name="payee"]').fill('王小明');
    await sheet.locator('textarea[name="purpose"]').fill(PURPOSE);
    await sheet.getByTestId('ledger-submit').click();
    await expect(fieldNamed(sheet, 'amount').error.textContent()).resolves.toContain('小数点后两位');
    await sheet.locator('input[name="amount"]').fill('12,860.5');
    // Said back in capitals, as on a voucher: 1286 and 12860 cannot be mistaken for each other.
    await expect(sheet.getByTestId('amount-echo').textContent()).resolves.toBe(
      '= ¥12,860.50（壹万贰仟捌佰陆拾元伍角整）',
    );
    // A stray tap on the dimmed strip above a half-filled sheet does not throw it away.
    await property.page.mouse.click(195, 12);
    await expect(sheet.isVisible()).resolves.toBe(true);
    await expect(sheet.locator('input[name="amount"]').inputValue()).resolves.toBe('12,860.5');
    await ledger.attach(sheet, 'quote-picker', await makeJpeg(property.page, 1200, 900));
    // Android may kill the tab while the camera is open: the sheet comes back with what was in it.
    await property.page.reload();
    await sheet.waitFor();
    await expect.poll(() => sheet.locator('input[name="amount"]').inputValue()).toBe('12,860.5');
    expect(await sheet.locator('input[name="payee"]').inputValue()).toBe('王小明');
    expect(await sheet.locator('textarea[name="purpose"]').inputValue()).toBe(PURPOSE);
    await sheet.locator('[data-testid="photo-chosen"] img[data-state="ready"]').waitFor();
    await ledger.submit();
    // Sent, the draft is gone: the next expense starts empty, and closing it takes it out of the URL.
    await ledger.openSheet('propose-expense');
    expect(await sheet.locator('input[name="payee"]').inputValue()).toBe('');
    await sheet.getByRole('button', { name: '取消' }).click();
    await sheet.waitFor({ state: 'detached' });
    expect(new URL(property.page.url()).search).toBe('');

    for (const l of ledgers()) {
      await expect.poll(() => l.status(PURPOSE), { timeout: 20_000 }).toBe('proposed');
      await expect.poll(() => l.badge(), { timeout: 20_000 }).toBe(1);
    }
    expect(await ledger.signatures(PURPOSE)).toEqual(['community:waiting', 'owners:waiting', 'property:waiting']);
    // Each phone offers the approval of its own party only.
    await expect(new LedgerPage(owners.page).expense(PURPOSE).getByTestId('approve').textContent()).resolves.toBe(
      '业委会：同意',
    );
    await property.page.screenshot({ path: screenshotPath('zh-CN-ledger-proposed.png'), fullPage: true });
    // One tap does not sign for the party: the dialog restates the sum and the payee, and 取消 signs nothing.
    const entry = new LedgerPage(owners.page).expense(PURPOSE);
    await entry.getByTestId('approve').click();
    const dialog = owners.page.getByRole('alertdialog');
    await expect(dialog.getByTestId('approve-amount').textContent()).resolves.toContain('¥12,860.50');
    await expect(dialog.textContent()).resolves.toContain('同意后不能撤回');
    await dialog.getByRole('button', { name: '取消' }).click();
    await dialog.waitFor({ state: 'detached' });
    // Focus is back on the button that opened the question, not lost on the page.
    await expect
      .poll(() => owners.page.evaluate(() => document.activeElement?.getAttribute('data-testid')))
      .toBe('approve');
    // On the owners' own phone, where a signature would show at once.
    expect(await new LedgerPage(owners.page).signatures(PURPOSE)).toEqual([
      'community:waiting',
      'owners:waiting',
      'property:waiting',
    ]);
  });

  it('the owners’ committee approves offline; the other two approve online; on reconnecting all three see it approved', async () => {
    const ownersShell = new AppShell(owners.page);
    await owners.context.setOffline(true);
    await expect.poll(() => ownersShell.syncState()).toBe('offline');
    const offline = new LedgerPage(owners.page);
    await offline.approve(PURPOSE);
    await expect.poll(() => offline.signatures(PURPOSE)).toContain('owners:approved');
    await expect.poll(() => ownersShell.unsent()).toBe(1);
    await expect.poll(() => offline.badge()).toBe(0);

    // The owners' 我的 list lost it; the community's still shows it, waiting on the community.
    await community.page.goto(`${app.url}/c/${compoundId}/agenda?f=mine`);
    await expect
      .poll(() => community.page.getByTestId('ledger-todo').allTextContents(), { timeout: 20_000 })
      .toEqual([expect.stringContaining(PURPOSE)]);
    await community.page.screenshot({ path: screenshotPath('zh-CN-ledger-agenda-mine.png') });
    await community.page.getByTestId('ledger-todo').click();
    await community.page.waitForURL(/\/ledger#entry-/);
    // The property company's member is asked 确定同意？ while the community's signature arrives: the
    // question stays open under the thumb (a row made again for the new signature had closed it).
    const propertyLedger = new LedgerPage(property.page);
    await propertyLedger.expense(PURPOSE).getByTestId('approve').click();
    const asking = property.page.getByRole('alertdialog');
    await asking.waitFor();
    await new LedgerPage(community.page).approve(PURPOSE);
    await expect.poll(() => propertyLedger.signatures(PURPOSE), { timeout: 20_000 }).toContain('community:approved');
    await expect(asking.isVisible()).resolves.toBe(true);
    await asking.getByRole('button', { name: '确定同意' }).click();
    await asking.waitFor({ state: 'detached' });
    await expect
      .poll(() => propertyLedger.signatures(PURPOSE), { timeout: 20_000 })
      .toEqual(['community:approved', 'owners:waiting', 'property:approved']);

    await owners.context.setOffline(false);
    await ownersShell.waitSynced();
    for (const l of ledgers()) {
      await expect.poll(() => l.status(PURPOSE), { timeout: 20_000 }).toBe('approved');
      expect(await l.signatures(PURPOSE)).toEqual(['community:approved', 'owners:approved', 'property:approved']);
    }
    // The payment waits on the proposer's party alone.
    await expect.poll(() => new LedgerPage(property.page).badge(), { timeout: 20_000 }).toBe(1);
    await expect.poll(() => new LedgerPage(community.page).badge()).toBe(0);
  });

  it('the property company records the payment with a receipt photo; the balance drops on every phone', async () => {
    const ledger = new LedgerPage(property.page);
    await ledger.recordPayment(PURPOSE, await makeJpeg(property.page, 1000, 1400));
    for (const l of ledgers()) {
      await expect.poll(() => l.status(PURPOSE), { timeout: 20_000 }).toBe('paid');
      await expect.poll(() => l.balance(FUND), { timeout: 20_000 }).toBe('¥37,139.50');
      await expect.poll(() => l.badge()).toBe(0);
    }
    await expect(ledger.expense(PURPOSE).getByTestId('payment').locator('img').count()).resolves.toBe(1);
    await property.page.screenshot({ path: screenshotPath('zh-CN-ledger-paid.png'), fullPage: true });
    expect(await seriousViolations(property.page)).toEqual([]);
    expect(await sizeProblems(property.page)).toEqual([]);
  });

  it('a reversal with its reason shows beside the payment it reverses and gives the money back', async () => {
    const ledger = new LedgerPage(community.page);
    await ledger.open(app.url, compoundId);
    await ledger.expense(PURPOSE).getByTestId('reverse').click();
    await ledger.sheet.waitFor();
    // The sheet names the record it takes back, with its sum.
    await expect(ledger.sheet.getByTestId('reversal-what').textContent()).resolves.toMatch(
      /^冲销的是：.+付给王小明的 ¥12,860\.50（.+）$/,
    );
    await ledger.sheet.getByTestId('ledger-submit').click();
    await expect(fieldNamed(ledger.sheet, 'reason').error.textContent()).resolves.toBe('请写明冲销原因。');
    await ledger.sheet.locator('textarea[name="reason"]').fill('重复付款，已退回');
    await ledger.submit();
    for (const l of ledgers()) {
      await expect.poll(() => l.status(PURPOSE), { timeout: 20_000 }).toBe('reversed');
      await expect.poll(() => l.balance(FUND), { timeout: 20_000 }).toBe('¥50,000.00');
    }
    await expect(ledger.expense(PURPOSE).getByTestId('reversal').textContent()).resolves.toContain('重复付款，已退回');
    // A reversed entry no longer looks like money spent: its amount is struck through, and said to be reversed.
    await expect(ledger.amount(ledger.expense(PURPOSE))).resolves.toEqual({ text: '已冲销 ¥12,860.50', struck: true });
    await expect(ledger.expense(PURPOSE).getByTestId('reverse').count()).resolves.toBe(0);
  });

  it('a second proposal is approved on all three phones while every one is offline; reconnected, all see it approved', async () => {
    const SECOND = '2号楼单元门禁更换';
    const ledger = new LedgerPage(property.page);
    const sheet = await ledger.openSheet('propose-expense');
    await sheet.locator('input[name="amount"]').fill('800');
    await sheet.locator('input[name="payee"]').fill('安居门禁公司');
    await sheet.locator('textarea[name="purpose"]').fill(SECOND);
    await ledger.attach(sheet, 'quote-picker', await makeJpeg(property.page, 1200, 900));
    await ledger.submit();
    for (const l of ledgers()) await expect.poll(() => l.status(SECOND), { timeout: 20_000 }).toBe('proposed');
    const phones = [community, owners, property];
    for (const p of phones) await p.context.setOffline(true);
    for (const p of phones) {
      const shell = new AppShell(p.page);
      await expect.poll(() => shell.syncState()).toBe('offline');
      await new LedgerPage(p.page).approve(SECOND);
      // Its approval waits to be sent (the proposer's quote photo may still wait too).
      await expect.poll(() => shell.unsent()).toBeGreaterThanOrEqual(1);
    }
    // Offline, each phone knows only its own signature.
    expect(await new LedgerPage(owners.page).signatures(SECOND)).toEqual([
      'community:waiting',
      'owners:approved',
      'property:waiting',
    ]);
    for (const p of phones) await p.context.setOffline(false);
    for (const p of phones) await new AppShell(p.page).waitSynced();
    for (const l of ledgers()) {
      await expect.poll(() => l.status(SECOND), { timeout: 20_000 }).toBe('approved');
      expect(await l.signatures(SECOND)).toEqual(['community:approved', 'owners:approved', 'property:approved']);
    }
  });

  it('a refusal says why; once refused, the parties that did not sign read 无需签字, not 待签字', async () => {
    const THIRD = '购买新年灯笼';
    const ledger = new LedgerPage(property.page);
    const sheet = await ledger.openSheet('propose-expense');
    await sheet.locator('input[name="amount"]').fill('800');
    await sheet.locator('input[name="payee"]').fill('红红超市');
    await sheet.locator('textarea[name="purpose"]').fill(THIRD);
    await ledger.submit();
    const theirs = new LedgerPage(owners.page);
    await expect.poll(() => theirs.status(THIRD), { timeout: 20_000 }).toBe('proposed');
    await theirs.expense(THIRD).getByTestId('refuse').click();
    await theirs.sheet.waitFor();
    // Every yuan visible: a refusal without its reason is not sent, and the field says so.
    await theirs.sheet.getByTestId('ledger-submit').click();
    await expect(fieldNamed(theirs.sheet, 'note').error.textContent()).resolves.toBe('请写明不同意的理由。');
    await expect(theirs.status(THIRD)).resolves.toBe('proposed');
    await theirs.sheet.locator('textarea[name="note"]').fill('灯笼去年的还能用');
    await theirs.submit();
    for (const l of ledgers()) {
      await expect.poll(() => l.status(THIRD), { timeout: 20_000 }).toBe('refused');
      expect(await l.signatures(THIRD)).toEqual(['community:not_needed', 'owners:refused', 'property:not_needed']);
    }
    // In words, not in colour alone.
    await expect(
      ledger.expense(THIRD).locator('.signature[data-party="community"] .signature-state').textContent(),
    ).resolves.toBe('无需签字');
    await expect(ledger.expense(THIRD).textContent()).resolves.not.toContain('待签字');
    await expect(ledger.expense(THIRD).textContent()).resolves.toContain('否决理由：灯笼去年的还能用');
  });

  it('a resident reads the whole ledger, with the private payee masked and nothing to write', async () => {
    const ledger = new LedgerPage(resident.page);
    await ledger.open(app.url, compoundId);
    await expect.poll(() => ledger.balance(FUND), { timeout: 20_000 }).toBe('¥50,000.00');
    await expect.poll(() => ledger.status(PURPOSE)).toBe('reversed');
    await expect(ledger.expense(PURPOSE).getByTestId('payee').textContent()).resolves.toBe('收款方：王*');
    expect(await resident.page.locator('main').textContent()).not.toContain('王小明');
    for (const button of ['open-fund', 'propose-expense', 'record-income', 'approve', 'refuse', 'reverse'])
      await expect(resident.page.getByTestId(button).count(), button).resolves.toBe(0);
    await expect(ledger.badge()).resolves.toBe(0);
    await resident.page.screenshot({ path: screenshotPath('zh-CN-ledger-resident.png'), fullPage: true });
    expect(await seriousViolations(resident.page)).toEqual([]);
  });

  // 30000 typed for 3000 went straight into the balance: the sum is said back in capitals and asked once more.
  it('an income is said back in capitals and asked once more before it counts', async () => {
    const ledger = new LedgerPage(property.page);
    await ledger.open(app.url, compoundId);
    const sheet = await ledger.openSheet('record-income');
    await sheet.locator('input[name="amount"]').fill('30000');
    await expect(sheet.getByTestId('amount-echo').textContent()).resolves.toBe('= ¥30,000.00（叁万元整）');
    await sheet.getByTestId('income-source').getByText('广告费', { exact: true }).click();
    await sheet.locator('input[name="payer"]').fill('12月电梯广告');
    await sheet.getByTestId('ledger-submit').click();
    const dialog = property.page.getByRole('alertdialog');
    await expect(dialog.getByTestId('income-check-amount').textContent()).resolves.toBe('¥30,000.00（叁万元整）');
    await expect(dialog.getByTestId('income-check-payer').textContent()).resolves.toBe('付款方：12月电梯广告');
    await expect(dialog.textContent()).resolves.toContain('广告费');
    // 取消 records nothing and leaves the sheet as it was, to put the amount right.
    await dialog.getByRole('button', { name: '取消' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect(sheet.locator('input[name="amount"]').inputValue()).resolves.toBe('30000');
    await sheet.getByTestId('ledger-submit').click();
    await dialog.getByRole('button', { name: '确定记入' }).click();
    await ledger.sheet.waitFor({ state: 'detached' });
    await expect.poll(() => ledger.balance(FUND), { timeout: 20_000 }).toBe('¥80,000.00');
  });

  it('an income recorded wrong is reversed: struck through, 已冲销 in words, and the right one starts from its source and payer', async () => {
    const ledger = new LedgerPage(property.page);
    const dialog = property.page.getByRole('alertdialog');
    const wrong = ledger.fund(FUND).getByTestId('income').filter({ hasText: '12月电梯广告' });
    await wrong.getByTestId('reverse').click();
    await ledger.sheet.waitFor();
    await ledger.sheet.locator('textarea[name="reason"]').fill('多打了一个零，应为3000元');
    await ledger.submit();
    await expect.poll(() => ledger.balance(FUND), { timeout: 20_000 }).toBe('¥50,000.00');
    await expect(ledger.amount(wrong)).resolves.toEqual({ text: '已冲销 ¥30,000.00', struck: true });
    await expect(wrong.getByTestId('reversed-mark').textContent()).resolves.toBe('已冲销');
    await wrong.getByTestId('record-again').click();
    await ledger.sheet.waitFor();
    await expect(ledger.sheet.locator('input[name="payer"]').inputValue()).resolves.toBe('12月电梯广告');
    await expect(
      ledger.sheet.getByTestId('income-source').getByRole('radio', { name: '广告费' }).isChecked(),
    ).resolves.toBe(true);
    await expect(ledger.sheet.locator('input[name="amount"]').inputValue()).resolves.toBe('');
    await ledger.sheet.locator('input[name="amount"]').fill('3000');
    await ledger.sheet.getByTestId('ledger-submit').click();
    await expect(dialog.getByTestId('income-check-amount').textContent()).resolves.toBe('¥3,000.00（叁仟元整）');
    await dialog.getByRole('button', { name: '确定记入' }).click();
    await ledger.sheet.waitFor({ state: 'detached' });
    await expect.poll(() => ledger.balance(FUND), { timeout: 20_000 }).toBe('¥53,000.00');
    await property.page.screenshot({ path: screenshotPath('zh-CN-ledger-income-reversed.png'), fullPage: true });
  });
});
