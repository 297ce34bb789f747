import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../shared/csv.ts';
import { periodOf } from '../../shared/ledgerPeriod.ts';
import { formatDay, shanghaiDay } from '../../shared/time.ts';
import { LedgerNoticePage } from './pages/LedgerNoticePage.ts';
import { LedgerPage } from './pages/LedgerPage.ts';
import { seriousViolations, sizeProblems } from './support/audit.ts';
import { usePhone } from './support/browser.ts';
import { setUpCompound, threePartiesAndResident } from './support/compound.ts';
import { makeJpeg } from './support/images.ts';
import { screenshotPath } from './support/lookAt.ts';
import { useServer } from './support/server.ts';

const artifacts = join(import.meta.dirname, '..', '..', 'artifacts');
const _shots = join(artifacts, 'screenshots');
const FUND = '三方共管账户';
const PURPOSE = '5号楼门口路灯维修';
const PAYEE = '=HYPERLINK("http://x.example","点我")';

describe('the ledger’s public notice: printed, checked against the app, exported', () => {
  const app = useServer();
  const community = usePhone(); // 王阿姨, community, the admin
  const owners = usePhone(); // 张主任, owners' committee
  const property = usePhone(); // 物业小刘, property company
  const resident = usePhone(); // 李叔
  let compoundId: string;
  let hash: string;
  const period = periodOf(shanghaiDay(Date.now()), 'quarter');

  it('three parties run a quarter’s money: an opening balance, a donation, an expense approved by all three and paid', async () => {
    compoundId = await setUpCompound(app.url, ...threePartiesAndResident(community, owners, property, resident));

    const ledgers = [community, owners, property].map((p) => new LedgerPage(p.page));
    await Promise.all(ledgers.map((l) => l.open(app.url, compoundId)));
    const [mine, theirs, prop] = ledgers as [LedgerPage, LedgerPage, LedgerPage];
    await mine.openFund(FUND, '三方共管账户', '¥50,000');
    await expect.poll(() => prop.balance(FUND), { timeout: 20_000 }).toBe('¥50,000.00');

    await prop.recordIncome({ amount: '500', source: '捐款', payer: '王小明' });

    const sheet = await prop.openSheet('propose-expense');
    await sheet.locator('input[name="amount"]').fill('12,860.5');
    await sheet.locator('input[name="payee"]').fill(PAYEE);
    await sheet.locator('textarea[name="purpose"]').fill(PURPOSE);
    await prop.submit();
    for (const l of ledgers) {
      await expect.poll(() => l.status(PURPOSE), { timeout: 20_000 }).toBe('proposed');
      await l.approve(PURPOSE);
    }
    await expect.poll(() => prop.status(PURPOSE), { timeout: 20_000 }).toBe('approved');
    await prop.recordPayment(PURPOSE, await makeJpeg(property.page, 1000, 1400));
    await expect.poll(() => theirs.balance(FUND), { timeout: 20_000 }).toBe('¥37,639.50');
  });

  it('a resident opens the quarter’s notice from the ledger tab: lines, three approvals, masked names, totals, closing balance', async () => {
    const ledger = new LedgerPage(resident.page);
    await ledger.open(app.url, compoundId);
    await expect.poll(() => ledger.balance(FUND), { timeout: 20_000 }).toBe('¥37,639.50');
    await resident.page.getByTestId('notice-period').scrollIntoViewIfNeeded();
    await resident.page.screenshot({ path: screenshotPath('zh-CN-ledger-notice-chooser.png') });
    const notice = new LedgerNoticePage(resident.page);
    hash = await notice.openFromTab(period.id);
    expect(hash).toMatch(/^[0-9a-f]{12}$/);
    await expect(resident.page.getByTestId('print-hash').textContent()).resolves.toMatch(
      /^[0-9a-f]{4} [0-9a-f]{4} [0-9a-f]{4}$/,
    );
    const lines = await notice.lines();
    expect(lines).toEqual([
      expect.stringMatching(/^income:.*期初余额.*\+50,000\.00/),
      expect.stringMatching(/^income:.*捐款.*付款方：王\*.*\+500\.00/),
      expect.stringMatching(
        /^expense:.*5号楼门口路灯维修.*收款方：=HYPERLINK.*−12,860\.50.*三方同意：社区 王阿姨 .*业委会 张主任 .*物业 物业小刘 /,
      ),
    ]);
    expect(await notice.notice.textContent()).not.toContain('王小明');
    await expect(resident.page.getByTestId('notice-opening').getAttribute('data-fen')).resolves.toBe('0');
    await expect(resident.page.getByTestId('notice-closing').getAttribute('data-fen')).resolves.toBe('3763950');
    // The four figures stand above the lines: opening, in, out, closing.
    const summary = resident.page.getByTestId('notice-summary');
    await expect(summary.locator('dt').allTextContents()).resolves.toEqual([
      '期初余额',
      '本期收入合计',
      '本期支出合计',
      '期末余额',
    ]);
    await expect(summary.locator('dd').last().textContent()).resolves.toContain('37,639.50');
    const above = await resident.page.evaluate(() => {
      const s = document.querySelector('[data-testid="notice-summary"]');
      const line = document.querySelector('[data-testid="notice-line"]');
      return !!s && !!line && (s.compareDocumentPosition(line) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
    });
    expect(above).toBe(true);
    await expect(resident.page.getByTestId('notice-tier').count()).resolves.toBe(0);
    await resident.page.screenshot({ path: screenshotPath('zh-CN-ledger-notice.png'), fullPage: true });
    expect(await seriousViolations(resident.page)).toEqual([]);
    expect(await sizeProblems(resident.page)).toEqual([]);
    // The notice's table fits a phone's width: nothing to scroll sideways.
    expect(await resident.page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);

    await resident.page.evaluate(() => document.fonts.ready.then(() => undefined));
    await resident.page.emulateMedia({ media: 'print' });
    await resident.page.pdf({ path: join(artifacts, 'ledger-notice.pdf'), format: 'A4', printBackground: true });
    // The PDF's pages as an A4-wide screenshot (210 mm at 96 dpi), to look at.
    await resident.page.setViewportSize({ width: 794, height: 1123 });
    await resident.page.screenshot({ path: screenshotPath('zh-CN-ledger-notice-a4.png'), fullPage: true });
    await resident.page.setViewportSize({ width: 390, height: 844 });
    await resident.page.emulateMedia({ media: 'screen' });
  });

  it('the notice’s CSV downloads with a BOM and CRLF and parses back to the notice’s lines, the formula payee as text', async () => {
    const { text, name, bytes } = await new LedgerNoticePage(resident.page).downloadCsv();
    expect(name).toBe(`公示-${period.id}.csv`);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(text.split('\r\n').length).toBe(7);
    const rows = parseCsv(text)!;
    expect(rows[0]).toEqual(['账户', '日期', '类别', '来源或用途', '付款方或收款方', '金额（元）', '三方同意', '冲销']);
    expect(rows.slice(1).map((r) => [r[0], r[2], r[4], r[5]])).toEqual([
      [FUND, '期初余额', '', '0.00'],
      [FUND, '收入', '期初余额', '50000.00'],
      [FUND, '收入', '王*', '500.00'],
      [FUND, '支出', `'${PAYEE}`, '-12860.50'],
      [FUND, '期末余额', '', '37639.50'],
    ]);
    expect(rows[4]![3]).toBe(PURPOSE);
    expect(rows[4]![6]).toMatch(/^社区 王阿姨 .*；业委会 张主任 .*；物业 物业小刘 /);
  });

  it('the verify page opened from the QR says the paper matches', async () => {
    await resident.page.goto(`${app.url}/verify/ledger/${compoundId}/${period.id}#${hash}`);
    await resident.page.getByTestId('verify-page').waitFor({ timeout: 30_000 });
    const check = new LedgerNoticePage(resident.page);
    await expect.poll(async () => (await check.verdict()).result, { timeout: 20_000 }).toBe('matches');
    await expect(check.verdict()).resolves.toMatchObject({
      text: `一致：这张公示和账本到 ${formatDay(period.endDay)} 为止的记录完全一样。`,
      tone: 'ok',
    });
    await resident.page.screenshot({ path: screenshotPath('zh-CN-verify-ledger-matches.png'), fullPage: true });
  });

  it('after a reversal the verify page says the ledger changed since and lists it; a wrong code does not match', async () => {
    const ledger = new LedgerPage(community.page);
    await ledger.open(app.url, compoundId);
    await ledger.expense(PURPOSE).getByTestId('reverse').click();
    await ledger.sheet.waitFor();
    await ledger.sheet.locator('textarea[name="reason"]').fill('重复付款，已退回');
    await ledger.submit();
    const check = new LedgerNoticePage(resident.page);
    await expect.poll(async () => (await check.verdict()).result, { timeout: 30_000 }).toBe('changed');
    // Not the green tick of a full match: the paper lacks what came later.
    await expect(check.verdict()).resolves.toMatchObject({ tone: 'warn' });
    await expect(resident.page.getByTestId('verify-late').textContent()).resolves.toContain('重复付款，已退回');
    await expect(resident.page.getByTestId('verify-late').textContent()).resolves.toContain('王阿姨');
    await resident.page.screenshot({ path: screenshotPath('zh-CN-verify-ledger-changed.png'), fullPage: true });
    await resident.page.getByTestId('verify-hash').fill(`${hash.slice(0, -1)}${hash.endsWith('0') ? '1' : '0'}`);
    await expect.poll(async () => (await check.verdict()).result).toBe('no_match');
    await expect(check.verdict()).resolves.toMatchObject({ tone: 'bad' });
  });
});
