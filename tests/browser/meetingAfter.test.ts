import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AgendaPage } from './pages/AgendaPage.ts';
import { AppShell } from './pages/AppShell.ts';
import { MeetingsPage } from './pages/MeetingsPage.ts';
import { MembersPage } from './pages/MembersPage.ts';
import { MinutesAfterPage } from './pages/MinutesAfterPage.ts';
import { MinutesPage } from './pages/MinutesPage.ts';
import { OnboardingPages } from './pages/OnboardingPages.ts';
import { RequestPage } from './pages/RequestPage.ts';
import { seriousViolations, sizeProblems } from './support/audit.ts';
import { launchPhone, type Phone, waitForController } from './support/browser.ts';
import { screenshotPath } from './support/lookAt.ts';
import { useServer } from './support/server.ts';

const artifacts = join(import.meta.dirname, '..', '..', 'artifacts');
const _shots = join(artifacts, 'screenshots');
const title = '东门停车位重新划线';

describe('the meeting, after: decisions, actions, sign-off, a paper anyone can verify', () => {
  const app = useServer();
  let wang: Phone;
  let li: Phone;
  let zhao: Phone;
  let a: MinutesAfterPage;
  let b: MinutesAfterPage;
  let c: MinutesAfterPage;
  let compoundId: string;
  let meetingId: string;
  let requestId: string;
  let printed: string;
  beforeAll(async () => {
    [wang, li, zhao] = await Promise.all([launchPhone(), launchPhone(), launchPhone()]);
  });
  afterAll(async () => {
    await Promise.all([wang?.dispose(), li?.dispose(), zhao?.dispose()]);
  });

  const openMinutes = async (phone: Phone) => {
    await new MinutesPage(phone.page).open(app.url, compoundId, meetingId);
    return new MinutesAfterPage(phone.page);
  };

  it('a decided request is scheduled for a three-party meeting and three committee phones open its minutes', async () => {
    compoundId = await new OnboardingPages(wang.page).createCompound(app.url, '和平小区', '王阿姨', '社区');
    const members = new MembersPage(wang.page);
    await members.open(app.url, compoundId);
    const toLi = await members.createInvite({ role: '三方成员', party: '业委会' });
    await members.closeDialog();
    const toZhao = await members.createInvite({ role: '三方成员', party: '社区' });
    await members.closeDialog();
    await new OnboardingPages(li.page).joinByLink(toLi, '李叔');
    await new OnboardingPages(zhao.page).joinByLink(toZhao, '赵书记');

    const meetings = new MeetingsPage(wang.page);
    await meetings.open(app.url, compoundId);
    meetingId = await meetings.schedule('三方联席会议', '社区活动室', { time: '15:00' });
    const agenda = new AgendaPage(wang.page);
    await agenda.open(app.url, compoundId);
    await agenda.raise(title, '停车');
    requestId = await agenda.requestId(title);
    const item = new RequestPage(wang.page);
    await item.open(app.url, compoundId, requestId);
    await item.classify('停车', '较急');
    await item.schedule('社区活动室');
    await item.decide('通过', '同意重新划线');
    await expect.poll(() => item.stage()).toBe('decided');

    a = await openMinutes(wang);
    b = await openMinutes(li);
    c = await openMinutes(zhao);
    await Promise.all([wang, li, zhao].map((p) => new AppShell(p.page).waitSynced()));
    await new MinutesPage(wang.page).signIn();
    await new MinutesPage(li.page).signIn();
    await a.takeUp(requestId);
    await expect.poll(() => b.page.getByTestId('minutes-item').allTextContents(), { timeout: 20_000 }).toEqual([title]);
  });

  it('two offline phones each record a decision on the request: both stay, shown as a conflict', async () => {
    await Promise.all([waitForController(wang.page), waitForController(li.page)]);
    await Promise.all([wang.context.setOffline(true), li.context.setOffline(true)]);
    await a.recordDecision('东门划20个车位', requestId, [9, 1, 2]);
    await b.recordDecision('东门划18个车位，留出消防通道', requestId);
    await Promise.all([wang.context.setOffline(false), li.context.setOffline(false)]);
    for (const phone of [a, b]) {
      await expect
        .poll(async () => (await phone.decisions()).sort(), { timeout: 30_000 })
        .toEqual(['东门划18个车位，留出消防通道', '东门划20个车位']);
      await expect.poll(() => phone.conflicts()).toBe(2);
    }
    await expect(a.page.getByTestId('decision').first().textContent()).resolves.toContain('赞成 9 · 反对 1 · 弃权 2');
  });

  it('an action item from the other party’s phone shows on both', async () => {
    await b.addAction('物业重新划线并立牌', 'property', requestId);
    await expect.poll(() => a.actions(), { timeout: 20_000 }).toEqual([expect.stringContaining('负责：物业')]);
    await expect(a.actions()).resolves.toEqual([expect.stringContaining('物业重新划线并立牌')]);
  });

  it('a third phone goes offline; the two present parties sign off and the minutes lock on both phones', async () => {
    await new MinutesPage(wang.page).caretAt();
    await new MinutesPage(wang.page).commit('今天讨论东门停车。');
    await expect.poll(() => c.page.getByTestId('notes').inputValue(), { timeout: 20_000 }).toBe('今天讨论东门停车。');
    await new AppShell(zhao.page).waitSynced();
    await waitForController(zhao.page);
    await zhao.context.setOffline(true);
    await expect.poll(() => new AppShell(zhao.page).syncState()).toBe('offline');

    // The two decisions recorded offline are named in the sign-off question; signing stays possible.
    const warning = await a.signOffWarning(() =>
      wang.page.screenshot({ path: screenshotPath('zh-CN-minutes-sign-off-conflicts.png') }).then(() => undefined),
    );
    expect(warning).toEqual({ conflicts: [`「${title}」记了 2 个决定，还没商定以哪个为准。`], confirm: '仍然签字' });
    await expect(a.signOffConsequence()).resolves.toBe('签字后不能撤回。到会的各方都签了，纪要就锁定。');
    await expect(a.signOff()).resolves.toBe('代表社区签字');
    await expect.poll(() => b.signatures(), { timeout: 20_000 }).toContainEqual(expect.stringContaining('王阿姨 签字'));
    expect(await b.locked()).toBe(false);
    // The last party is told its signature locks the minutes.
    await expect(b.signOffConsequence()).resolves.toContain('您是最后一方');
    await expect(b.signOff()).resolves.toBe('代表业委会签字');
    for (const phone of [a, b]) {
      await expect.poll(() => phone.locked(), { timeout: 20_000 }).toBe(true);
      await expect(phone.lockedText()).resolves.toContain('已签字锁定');
      await expect(phone.page.getByTestId('notes').getAttribute('readonly')).resolves.not.toBeNull();
      await expect(phone.page.getByTestId('decision-form').count()).resolves.toBe(0);
      await expect(phone.page.getByTestId('action-form').count()).resolves.toBe(0);
      await expect(phone.page.getByTestId('take-up').count()).resolves.toBe(0);
      await expect(phone.page.getByTestId('amend-form').count()).resolves.toBe(1);
      // Held and signed: the meeting is not offered to be run, moved, cancelled or added to any more.
      await expect.poll(() => phone.page.getByTestId('meeting-held').count()).toBe(1);
      for (const gone of ['meeting-mode', 'meeting-move', 'meeting-cancel', 'add-topic']) {
        await expect(phone.page.getByTestId(gone).count()).resolves.toBe(0);
      }
    }
    await wang.page.evaluate(() => document.fonts.ready.then(() => undefined));
    await wang.page.screenshot({ path: screenshotPath('zh-CN-minutes-locked.png'), fullPage: true });
    expect(await sizeProblems(wang.page)).toEqual([]);
    expect(await seriousViolations(wang.page)).toEqual([]);
  });

  it('the request shows the meeting’s decisions, and the action item as its assignment', async () => {
    const item = new RequestPage(li.page);
    await item.open(app.url, compoundId, requestId);
    const mention = li.page.getByTestId('meeting-mention');
    await expect.poll(() => mention.textContent(), { timeout: 20_000 }).toContain('上决定');
    await expect(mention.textContent()).resolves.toContain('东门划20个车位');
    await expect(mention.textContent()).resolves.toContain('三方联席会议');
    await expect.poll(() => item.stage()).toBe('assigned');
    await expect(li.page.getByTestId('assignment').textContent()).resolves.toContain('负责：物业');
    await expect(li.page.getByTestId('assignment').textContent()).resolves.toContain('物业重新划线并立牌');
    await expect(li.page.getByTestId('assignment-from-minutes').count()).resolves.toBe(1);
  });

  it('the print view is an A4 copy with a short hash and a QR; the verify page says the paper matches', async () => {
    printed = await a.openPrint(app.url, compoundId, meetingId);
    expect(printed).toMatch(/^[0-9a-f]{4} [0-9a-f]{4} [0-9a-f]{4}$/);
    const print = wang.page.getByTestId('minutes-print');
    await expect(print.textContent()).resolves.toContain('东门划18个车位，留出消防通道');
    // The paper says the two decisions on one request are in conflict, as the screen does.
    await expect(wang.page.getByTestId('print-decision-conflict').allTextContents()).resolves.toEqual([
      ' （注意：这件事记了 2 个决定，以哪个为准见更正）',
      ' （注意：这件事记了 2 个决定，以哪个为准见更正）',
    ]);
    await expect(print.textContent()).resolves.toContain('今天讨论东门停车。');
    await expect(wang.page.getByTestId('print-attendance').textContent()).resolves.toContain('王阿姨');
    await wang.page.evaluate(() => document.fonts.ready.then(() => undefined));
    await wang.page.emulateMedia({ media: 'print' });
    await wang.page.screenshot({ path: screenshotPath('zh-CN-minutes-print.png'), fullPage: true });
    await wang.page.pdf({ path: join(artifacts, 'minutes-print.pdf'), format: 'A4', printBackground: true });
    // The PDF's pages as an A4-wide screenshot (210 mm at 96 dpi), to look at.
    await wang.page.setViewportSize({ width: 794, height: 1123 });
    await wang.page.screenshot({ path: screenshotPath('zh-CN-minutes-print-a4.png'), fullPage: true });
    await wang.page.setViewportSize({ width: 390, height: 844 });
    await wang.page.emulateMedia({ media: 'screen' });

    const hash = printed.replace(/ /g, '');
    await li.page.goto(`${app.url}/verify/minutes/${compoundId}/${meetingId}#${hash}`);
    await li.page.getByTestId('verify-page').waitFor({ timeout: 30_000 });
    await expect.poll(async () => (await b.verdict()).result, { timeout: 20_000 }).toBe('matches');
    await expect(b.verdict()).resolves.toMatchObject({ text: '一致：这张纸和签字锁定的纪要完全一样。', tone: 'ok' });
    await li.page.screenshot({ path: screenshotPath('zh-CN-verify-matches.png'), fullPage: true });
  });

  it('the offline phone’s late notes are refused with words, kept, and become an amendment', async () => {
    await c.page.getByTestId('notes').focus();
    const late = new MinutesPage(zhao.page);
    await late.caretAt();
    await late.commit('补记：物业答应下周划线。');
    await zhao.context.setOffline(false);
    await c.late.waitFor({ timeout: 30_000 });
    await expect(c.late.textContent()).resolves.toContain('您离线时写的内容没有被接受');
    await expect(c.page.getByTestId('minutes-late-text').textContent()).resolves.toBe('补记：物业答应下周划线。');
    // The page says it in its own words; the general "reloaded" dialog does not pile on top.
    await expect.poll(() => zhao.page.getByTestId('recovered-dialog').count()).toBe(0);
    await expect.poll(() => c.locked(), { timeout: 20_000 }).toBe(true);
    await expect(c.page.getByTestId('notes').inputValue()).resolves.toBe('今天讨论东门停车。');
    await zhao.page.screenshot({ path: screenshotPath('zh-CN-minutes-late.png'), fullPage: true });
    await c.page.getByTestId('late-use').click();
    await expect(c.amendDraft()).resolves.toBe('补记：物业答应下周划线。');
    await c.amend();
    await expect.poll(() => c.late.count()).toBe(0);
    await expect.poll(() => c.amendments()).toEqual(['补记：物业答应下周划线。']);
  });

  it('after the amendment the verify page says the paper matches the signed minutes and lists what changed', async () => {
    await expect.poll(async () => (await b.verdict()).text, { timeout: 30_000 }).toContain('之后又有 1 条更正');
    await expect(b.verdict()).resolves.toMatchObject({ tone: 'warn' });
    await expect(li.page.getByTestId('verify-amendments').textContent()).resolves.toContain('补记：物业答应下周划线。');
    await expect(li.page.getByTestId('verify-amendments').textContent()).resolves.toContain('赵书记 更正');
    await li.page.screenshot({ path: screenshotPath('zh-CN-verify-amended.png'), fullPage: true });
    // A paper whose hash is off by one character does not match.
    await li.page.getByTestId('verify-hash').fill(`${printed.slice(0, -1)}${printed.endsWith('0') ? '1' : '0'}`);
    await expect.poll(async () => (await b.verdict()).result).toBe('no_match');
  });
});
