import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shanghaiDay } from '../../shared/time.ts';
import { AppShell } from './pages/AppShell.ts';
import { MembersPage } from './pages/MembersPage.ts';
import { OnboardingPages } from './pages/OnboardingPages.ts';
import { PointsPage } from './pages/PointsPage.ts';
import { VolunteersPage } from './pages/VolunteersPage.ts';
import { launchPhone, type Phone } from './support/browser.ts';
import { drafts } from './support/drafts.ts';
import { lookAtFor } from './support/lookAt.ts';
import { useServer } from './support/server.ts';
import { offlineAtTheCounter } from './support/shop.ts';

const lookAt = lookAtFor('points');

describe('points and the love supermarket on a committee phone and a resident’s', () => {
  const app = useServer();
  let wang: Phone; // 王书记, committee, also runs the supermarket's counter
  let li: Phone; // 李叔, resident
  let compoundId: string;

  beforeAll(async () => {
    [wang, li] = await Promise.all([launchPhone(), launchPhone()]);
  });
  afterAll(async () => {
    await Promise.all([wang?.dispose(), li?.dispose()]);
  });

  it('a resident joins the committee member’s compound', async () => {
    compoundId = await new OnboardingPages(wang.page).createCompound(app.url, '果园小区', '王书记', '社区');
    const members = new MembersPage(wang.page);
    await members.open(app.url, compoundId);
    const link = await members.createInvite({ role: '居民' });
    await members.closeDialog();
    await new OnboardingPages(li.page).joinByLink(link, '李叔');
    await new AppShell(li.page).waitSynced();
    await expect.poll(() => members.names(), { timeout: 20_000 }).toEqual(['李叔', '王书记']);
  });

  it('the committee sets a rule; a finished duty suggests an award; one tap confirms it and the member sees it', async () => {
    const committee = new PointsPage(wang.page);
    await committee.open(app.url, compoundId);
    await committee.addRule('志愿值班每小时', 10, '志愿值班（每小时）');
    await committee.addRule('占用消防通道', -10, '手动记分');
    await expect(
      wang.page.getByTestId('points-rule').filter({ hasText: '占用消防通道' }).locator('.points-delta').textContent(),
    ).resolves.toBe('-10 分');

    const roster = new VolunteersPage(wang.page);
    await roster.open(app.url, compoundId);
    await roster.createTeam('巡逻队', '李叔');
    const today = shanghaiDay(Date.now());
    const dutyId = await roster.createDuty('巡逻队', '东门岗亭', 2, '夜间巡逻', today);
    await li.page.goto(`${app.url}/c/${compoundId}/rosters/duty/${dutyId}?checkin=1`);
    // Check-in is for the duty's day: the phone's clock stays on it should midnight pass meanwhile.
    const volunteer = new VolunteersPage(li.page);
    await volunteer.pinClockTo(today);
    await li.page.getByTestId('check-in').click();
    await li.page.getByTestId('check-out').click();
    await li.page.getByTestId('checked-out').waitFor();
    await volunteer.pinClockTo(null);

    // Checked in and out a minute apart: under a whole hour served (50 minutes or more), nothing is suggested.
    await roster.openDuty(app.url, compoundId, dutyId);
    const served = wang.page.getByTestId('signup-item').filter({ hasText: '李叔' }).locator('.row-sub').first();
    await expect.poll(() => served.textContent(), { timeout: 20_000 }).toMatch(/^已签退，服务 1 分钟/);
    await committee.open(app.url, compoundId);
    await wang.page.getByTestId('my-points').waitFor();
    expect(await committee.suggestions()).toEqual([]);

    // The lead (李叔) writes the times served: 1 h 05 min is one hour's points, the minutes shown beside.
    await li.page.goto(`${app.url}/c/${compoundId}/rosters/duty/${dutyId}`);
    await volunteer.correctTimes('李叔', '19:00', '20:05', '签退按早了');

    await expect.poll(() => committee.suggestions(), { timeout: 20_000 }).toEqual(['李叔 · 10 分']);
    await expect(wang.page.getByTestId('award-what').textContent()).resolves.toMatch(
      /^志愿值班每小时 · 夜间巡逻 \d+月\d+日 值班 1 小时 · 服务 1 小时 05 分$/,
    );
    await lookAt(wang.page, 'suggested');
    await wang.page.getByTestId('award-confirm').click();
    await expect.poll(() => committee.suggestions()).toEqual([]);

    const member = new PointsPage(li.page);
    await member.open(app.url, compoundId);
    await expect.poll(() => member.balance(), { timeout: 20_000 }).toBe('10');
    await expect.poll(() => member.historyLines()).toEqual(['志愿值班每小时']);
    await expect(li.page.getByTestId('points-line').locator('.row-sub').textContent()).resolves.toMatch(
      /^值班：夜间巡逻 · \d+月\d+日 · 王书记 记分$/,
    );
    await lookAt(li.page, 'mine');
    await new AppShell(li.page).tab('more');
    await expect(li.page.getByTestId('more-points-balance').textContent()).resolves.toBe('10 分');
  });

  it('with both phones offline the counter scans the member’s QR from a photo and records it; the balance drops on both', async () => {
    const { counter, member } = await offlineAtTheCounter(app.url, compoundId, wang, li, {
      name: '洗洁精',
      price: 10,
      stock: 3,
    });

    // Linux Chromium has no BarcodeDetector: the photo is read by the zxing fallback, offline.
    expect(await wang.page.evaluate(() => 'BarcodeDetector' in window)).toBe(false);
    const qr = await member.redemptionQr('洗洁精');
    await lookAt(li.page, 'qr');
    await wang.page.getByTestId('scan-photo').setInputFiles({ name: 'qr.png', mimeType: 'image/png', buffer: qr });
    const request = wang.page.getByTestId('redeem-request');
    await expect(request.getByTestId('request-goods').textContent({ timeout: 20_000 })).resolves.toBe('洗洁精 × 1');
    await expect(request.locator('.card-title').textContent()).resolves.toBe('李叔');
    await expect(request.getByTestId('request-balance').textContent()).resolves.toBe('积分余额 10 分');
    await lookAt(wang.page, 'counter');
    await wang.page.getByTestId('redeem-confirm').click();
    await expect(request.getByTestId('request-balance').textContent()).resolves.toBe('兑换后余额 0 分');
    await request.getByTestId('redeemed').waitFor();

    // The member's QR is still open: once the scan reaches it, the code gives way to 已兑换 and the real balance.
    expect(await member.redeemedShown()).toBeNull();
    await Promise.all([wang.context.setOffline(false), li.context.setOffline(false)]);
    await expect.poll(() => member.redeemedShown(), { timeout: 30_000 }).toBe('洗洁精 · 余额 0 分');
    expect(await li.page.getByTestId('redeem-qr-code').count()).toBe(0);
    await lookAt(li.page, 'qr-done');
    await li.page.getByRole('button', { name: '完成' }).click();
    await expect.poll(() => li.page.getByTestId('shop-balance').textContent()).toBe('积分余额 0 分');
    // Short of the price, the button says by how much.
    await expect.poll(() => member.redeemLabel('洗洁精')).toBe('还差 10 分');
    await lookAt(li.page, 'shop-short');
    await expect.poll(() => member.stock('洗洁精')).toBe('库存 2');
    await counter.open(app.url, compoundId, 'shop');
    await expect.poll(() => counter.stock('洗洁精')).toBe('库存 2');
    await member.open(app.url, compoundId);
    await expect.poll(() => member.historyLines()).toEqual(['爱心超市兑换：洗洁精 × 1', '志愿值班每小时']);
  });

  it('the committee reverses a redemption with a reason; the member sees both lines and the points back', async () => {
    const committee = new PointsPage(wang.page);
    await committee.open(app.url, compoundId);
    await wang.page.getByTestId('member-pick').selectOption({ label: '李叔' });
    await wang.page.getByTestId('member-balance').waitFor();
    await expect(wang.page.getByTestId('member-balance').textContent()).resolves.toBe('积分余额 0 分');
    await wang.page.getByTestId('points-line').filter({ hasText: '洗洁精' }).getByTestId('points-correct').click();
    const form = wang.page.getByTestId('correct-form');
    await form.locator('input[name="reason"]').fill('洗洁精漏液，已退回');
    // The tab is discarded before 更正 (a switch to WeChat): the dialog comes back with the reason.
    await wang.page.reload();
    await form.waitFor();
    await expect.poll(() => form.locator('input[name="reason"]').inputValue()).toBe('洗洁精漏液，已退回');
    await form.getByTestId('sheet-submit').click();
    await expect.poll(() => wang.page.getByTestId('member-balance').textContent()).toBe('积分余额 10 分');
    await expect(drafts(wang.page, 'correct-points')).resolves.toEqual([]);
    await lookAt(wang.page, 'member');

    const member = new PointsPage(li.page);
    await member.open(app.url, compoundId);
    await expect.poll(() => member.balance(), { timeout: 20_000 }).toBe('10');
    await expect(member.historyLines()).resolves.toEqual([
      '更正：洗洁精漏液，已退回',
      '爱心超市兑换：洗洁精 × 1',
      '志愿值班每小时',
    ]);
  });
});
