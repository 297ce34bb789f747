import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shanghaiDay } from '../../shared/time.ts';
import { AppShell } from './pages/AppShell.ts';
import { MembersPage } from './pages/MembersPage.ts';
import { NeedsPage } from './pages/NeedsPage.ts';
import { OnboardingPages } from './pages/OnboardingPages.ts';
import { launchPhone, type Phone } from './support/browser.ts';
import { makeJpeg } from './support/images.ts';
import { lookAtFor } from './support/lookAt.ts';
import { useServer } from './support/server.ts';

const lookAt = lookAtFor('needs');

const databases = (page: Page) =>
  page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name ?? '').sort());

describe('a partner unit fulfils a micro-wish', () => {
  const app = useServer();
  let wang: Phone;
  let chen: Phone;
  let li: Phone;
  let compoundId: string;
  let wishId: string;
  beforeAll(async () => {
    [wang, chen, li] = await Promise.all([launchPhone(), launchPhone(), launchPhone()]);
  });
  afterAll(async () => {
    await Promise.all([wang?.dispose(), chen?.dispose(), li?.dispose()]);
  });

  it('the committee publishes a resident’s wish; the board shows the name masked', async () => {
    compoundId = await new OnboardingPages(wang.page).createCompound(app.url, '和平小区', '王书记', '社区');
    const board = new NeedsPage(wang.page);
    await board.open(app.url, compoundId);
    await lookAt(wang.page, 'empty');
    // A half-written need survives a reload (the camera can kill the tab); a new visit starts empty.
    await wang.page.getByTestId('publish-need').click();
    const form = wang.page.getByTestId('need-form');
    await form.getByLabel('需要什么').fill('换电扇');
    await form.getByLabel('为谁（居民）').fill('王小明');
    await wang.page.reload();
    await form.waitFor();
    await expect.poll(() => form.getByLabel('需要什么').inputValue()).toBe('换电扇');
    expect(await form.getByLabel('为谁（居民）').inputValue()).toBe('王小明');
    await wang.page.evaluate(() => history.back());
    await wang.page.getByRole('alertdialog').getByRole('button', { name: '离开，不要了' }).click();
    await wang.page.getByTestId('publish-need').click();
    expect(await form.getByLabel('需要什么').inputValue()).toBe('');
    await wang.page.evaluate(() => history.back());
    await wang.page.getByTestId('needs-open').waitFor();
    // The unit that takes it needs someone to talk to: the publisher, by party and name, to start with.
    await wang.page.getByTestId('publish-need').click();
    expect(await form.getByLabel('对接人').inputValue()).toBe('社区 王书记');
    await wang.page.evaluate(() => history.back());
    await wang.page.getByTestId('needs-open').waitFor();
    wishId = await board.publish({
      title: '给独居的王奶奶换一台电扇',
      forName: '王小明',
      due: shanghaiDay(Date.now() + 10 * 86_400_000),
      contact: '社区 王书记 13800138000',
    });
    // The name in 为谁 is masked, but the title tells the unit who and what: the form said so.
    expect(board.privacyNote).toContain('「王奶奶」「独居」');
    await expect(wang.page.getByTestId('need').textContent()).resolves.toContain('王*');
    expect(await wang.page.getByTestId('need').textContent()).not.toContain('王小明');
    await lookAt(wang.page, 'published');
  });

  it('a partner joins by a partner invite and sees only the board', async () => {
    const members = new MembersPage(wang.page);
    await members.open(app.url, compoundId);
    const partnerLink = await members.createInvite({ role: '共建单位', unit: '惠民药房' });
    await members.closeDialog();
    const residentLink = await members.createInvite({ role: '居民' });
    await members.closeDialog();
    // The admin's list names the partner's unit, as the join page does.
    await expect
      .poll(() => members.invites().then((l) => l.map((i) => i.kind).sort()))
      .toEqual(['共建单位 · 惠民药房', '居民']);
    await new OnboardingPages(li.page).joinByLink(residentLink, '李叔');

    await chen.page.goto(partnerLink);
    await chen.page.getByLabel('您的称呼').fill('陈志明');
    await chen.page.getByRole('button', { name: '加入', exact: true }).click();
    await chen.page.waitForURL(/\/c\/[^/]+\/needs$/);
    await new AppShell(chen.page).waitSynced();
    const board = new NeedsPage(chen.page);
    await expect.poll(() => board.sectionOf(wishId), { timeout: 20_000 }).toBe('open');
    await expect(board.card(wishId).textContent()).resolves.toContain('为 王*');
    const tabs = await chen.page
      .locator('.bottom-nav a')
      .evaluateAll((as) => as.map((a) => a.getAttribute('data-tab')));
    expect(tabs).toEqual(['needs', 'more']);
    const text = (await chen.page.locator('.app-frame').textContent()) ?? '';
    for (const other of ['议事', '账目', '会议', '王小明']) expect(text).not.toContain(other);
    const names = await databases(chen.page);
    expect(names.some((n) => n.endsWith(`${compoundId}/needs`))).toBe(true);
    expect(names.filter((n) => /\/(public|members|committee|minutes-[^/]+)$/.test(n))).toEqual([]);
    await lookAt(chen.page, 'partner-board');

    // An old link into the agenda lands on the board: nothing asks for the documents a partner cannot read.
    await chen.page.goto(`${app.url}/c/${compoundId}/agenda`);
    await chen.page.waitForURL(/\/needs$/);
    await chen.page.getByTestId('needs-open').waitFor();
    expect((await databases(chen.page)).filter((n) => n.endsWith('/public'))).toEqual([]);
  });

  it('the partner claims with one tap and reports delivery with a photo', async () => {
    const board = new NeedsPage(chen.page);
    await board.card(wishId).click();
    await chen.page.getByTestId('claim').click();
    // One tap does not put the unit's name to the work: the question says what claiming means.
    await expect(chen.page.getByRole('alertdialog').textContent()).resolves.toContain('认领后不能撤回');
    await chen.page.getByRole('alertdialog').getByRole('button', { name: '确定认领' }).click();
    await expect.poll(() => board.status()).toBe('claimed');
    await expect(chen.page.getByTestId('need-unit').textContent()).resolves.toBe('惠民药房（联系人 陈志明）');
    // The unit knows whom to call to arrange it: a partner reads no members list.
    await expect(chen.page.getByTestId('need-contact').textContent()).resolves.toBe('社区 王书记 13800138000');
    const form = chen.page.getByTestId('report-form');
    await form.getByLabel('做了什么').fill('电扇已经送到王奶奶家并装好了。');
    const photo = await makeJpeg(chen.page, 1200, 900);
    await form.getByTestId('photo-camera').setInputFiles({ name: 'fan.jpg', mimeType: 'image/jpeg', buffer: photo });
    await form.locator('[data-testid="photo-chosen"] img[data-state="ready"]').waitFor();
    await lookAt(chen.page, 'report');
    await chen.page.getByTestId('report-submit').click();
    await expect.poll(() => board.status()).toBe('reported');
    await lookAt(chen.page, 'reported');
  });

  it('a resident sees the board from More but cannot accept; the committee accepts and every phone shows done', async () => {
    await li.page.goto(`${app.url}/c/${compoundId}/more`);
    await li.page.getByRole('link', { name: '需求榜（揭榜领办·微心愿）' }).click();
    const residentBoard = new NeedsPage(li.page);
    await expect.poll(() => residentBoard.sectionOf(wishId), { timeout: 20_000 }).toBe('claimed');
    await li.page.locator(`[data-id="${wishId}"] a`).click();
    await expect.poll(() => residentBoard.status()).toBe('reported');
    expect(await li.page.getByTestId('accept').count()).toBe(0);
    expect(await li.page.getByTestId('claim').count()).toBe(0);

    await wang.page.goto(`${app.url}/c/${compoundId}/needs/${wishId}`);
    const committee = new NeedsPage(wang.page);
    await expect.poll(() => committee.status(), { timeout: 20_000 }).toBe('reported');
    await expect(wang.page.getByTestId('need-report').textContent()).resolves.toContain('电扇已经送到');
    // The partner's photo reached the committee's phone.
    await wang.page.locator('[data-testid="need"] img[data-state="ready"]').waitFor({ timeout: 20_000 });
    await wang.page.getByTestId('accept').click();
    await expect.poll(() => committee.status()).toBe('done');
    await lookAt(wang.page, 'done');

    for (const phone of [wang, chen, li]) {
      const board = new NeedsPage(phone.page);
      await board.open(app.url, compoundId);
      await expect.poll(() => board.sectionOf(wishId), { timeout: 20_000 }).toBe('done');
    }
    await lookAt(chen.page, 'partner-done');
  });
});
