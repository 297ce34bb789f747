import { describe, expect, it } from 'vitest';
import { shanghaiDay } from '../../shared/time.ts';
import { AppShell } from './pages/AppShell.ts';
import { PointsPage } from './pages/PointsPage.ts';
import { VolunteersPage } from './pages/VolunteersPage.ts';
import { seriousViolations, sizeProblems } from './support/audit.ts';
import { usePhone } from './support/browser.ts';
import { setUpCompound } from './support/compound.ts';
import { fieldNamed } from './support/fields.ts';
import { lookAtPart } from './support/lookAt.ts';
import { useServer } from './support/server.ts';

describe('points given or taken on two phones at once', () => {
  const app = useServer();
  const wang = usePhone(); // 王书记, community, online
  const zhang = usePhone(); // 张主任, owners' committee, offline downstairs
  const li = usePhone(); // 李叔, resident
  let compoundId: string;

  /** The committee's view of 李叔's points, from the points page's member picker. */
  async function openLi(page: PointsPage): Promise<void> {
    await page.open(app.url, compoundId);
    await page.page.getByTestId('member-pick').selectOption({ label: '李叔' });
    await page.page.getByTestId('member-balance').waitFor();
  }

  it('two committee members and a resident join; 李叔 finishes a duty', async () => {
    compoundId = await setUpCompound(app.url, { phone: wang, compound: '果园小区', name: '王书记', party: '社区' }, [
      { phone: zhang, name: '张主任', invite: { role: '三方成员', party: '业委会' } },
      { phone: li, name: '李叔', invite: { role: '居民' } },
    ]);
    await new PointsPage(wang.page).open(app.url, compoundId);
    await new PointsPage(wang.page).addRule('志愿值班每小时', 10, '志愿值班（每小时）');
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
    // A minute served earns nothing: the lead (李叔) writes the hour served.
    await volunteer.correctTimes('李叔', '19:00', '20:00', '签退按早了');
    await new AppShell(li.page).waitSynced();
  });

  it('an award for one shift confirmed on two phones at once counts once, and the member sees why', async () => {
    const online = new PointsPage(wang.page);
    const offline = new PointsPage(zhang.page);
    for (const p of [online, offline]) {
      await p.open(app.url, compoundId);
      await expect.poll(() => p.suggestions(), { timeout: 20_000 }).toEqual(['李叔 · 10 分']);
    }
    const shell = new AppShell(zhang.page);
    await zhang.context.setOffline(true);
    await shell.waitOffline();
    await zhang.page.getByTestId('award-confirm').click();
    await expect.poll(() => offline.suggestions()).toEqual([]);
    await expect.poll(() => shell.unsent()).toBeGreaterThanOrEqual(1);
    await wang.page.getByTestId('award-confirm').click();
    await expect.poll(() => online.suggestions()).toEqual([]);
    await zhang.context.setOffline(false);
    await shell.waitSynced();

    const member = new PointsPage(li.page);
    await member.open(app.url, compoundId);
    await expect.poll(() => member.historyLines(), { timeout: 20_000 }).toEqual(['志愿值班每小时', '志愿值班每小时']);
    await expect(member.balance()).resolves.toBe('10');
    const twice = li.page.getByTestId('points-line').filter({ has: li.page.getByTestId('points-twice') });
    await expect(twice.count()).resolves.toBe(1);
    await expect(twice.getByTestId('points-twice').textContent()).resolves.toBe(
      '另一部手机也发了这次积分。这条不加分，只算一次。',
    );
    await expect(twice.locator('.points-delta').textContent()).resolves.toBe('0');
    for (const p of [online, offline]) {
      await openLi(p);
      await expect
        .poll(() => p.page.getByTestId('member-balance').textContent(), { timeout: 20_000 })
        .toBe('积分余额 10 分');
      await expect(
        p.page.getByTestId('points-line').filter({ hasText: '另一部手机也发了这次积分' }).count(),
      ).resolves.toBe(1);
    }
    await lookAtPart(twice, 'points-awarded-twice');
  });

  it('one redemption code scanned at two counters at once takes the points and the goods once, and says so', async () => {
    const online = new PointsPage(wang.page);
    const offline = new PointsPage(zhang.page);
    await online.open(app.url, compoundId, 'shop');
    await online.listGoods('洗洁精', 10, 3);
    const member = new PointsPage(li.page);
    await member.open(app.url, compoundId, 'shop');
    await expect.poll(() => member.stock('洗洁精'), { timeout: 20_000 }).toBe('库存 3');
    const qr = await member.redemptionQr('洗洁精');
    for (const p of [online, offline]) {
      await p.open(app.url, compoundId, 'shop');
      await expect.poll(() => p.stock('洗洁精'), { timeout: 20_000 }).toBe('库存 3');
      await p.page.getByTestId('open-counter').click();
      await p.page.getByTestId('scan-panel').waitFor();
    }
    const shell = new AppShell(zhang.page);
    await shell.waitSynced();
    await zhang.context.setOffline(true);
    await shell.waitOffline();
    // The same picture of 李叔's code reaches both counters: the online one, then the offline one.
    for (const p of [online, offline]) {
      await p.page.getByTestId('scan-photo').setInputFiles({ name: 'qr.png', mimeType: 'image/png', buffer: qr });
      const request = p.page.getByTestId('redeem-request');
      await expect(request.getByTestId('request-goods').textContent({ timeout: 20_000 })).resolves.toBe('洗洁精 × 1');
      await expect(request.getByTestId('request-balance').textContent()).resolves.toBe('积分余额 10 分');
      await p.page.getByTestId('redeem-confirm').click();
      await request.getByTestId('redeemed').waitFor();
    }
    await expect.poll(() => shell.unsent()).toBeGreaterThanOrEqual(1);
    await zhang.context.setOffline(false);
    await shell.waitSynced();

    // The offline counter's screen, still open, no longer says to hand the goods over: 王书记 used the code first.
    const usedElsewhere = zhang.page.getByTestId('redeem-used-elsewhere');
    await expect
      .poll(() => usedElsewhere.textContent(), { timeout: 20_000 })
      .toMatch(/^这张兑换码已经在另一个柜台用过了（见下）。这次不扣分。商品还没给，就不要给了；已经给了，请核对库存。/);
    await expect(usedElsewhere.getByTestId('used-by').textContent()).resolves.toBe('王书记扫的：扣了 10 分');
    await expect(zhang.page.getByTestId('redeemed').count()).resolves.toBe(0);
    await lookAtPart(usedElsewhere, 'points-counter-used-elsewhere');
    // The counter whose scan counts still says to hand them over.
    await expect(wang.page.getByTestId('redeemed').textContent()).resolves.toBe('已兑换，请把商品交给居民。');
    await expect(wang.page.getByTestId('redeem-used-elsewhere').count()).resolves.toBe(0);

    await li.page.keyboard.press('Escape');
    await member.open(app.url, compoundId);
    await expect
      .poll(() => member.historyLines(), { timeout: 20_000 })
      .toEqual(['爱心超市兑换：洗洁精 × 1', '爱心超市兑换：洗洁精 × 1', '志愿值班每小时', '志愿值班每小时']);
    await expect(member.balance()).resolves.toBe('0');
    const used = li.page.getByTestId('points-line').filter({ hasText: '洗洁精' }).filter({ hasText: '只算一次' });
    await expect(used.count()).resolves.toBe(1);
    await expect(used.getByTestId('points-twice').textContent()).resolves.toBe(
      '这张兑换码已经在另一个柜台用过了（王书记扫的）。这条不扣分，只算一次。',
    );
    await expect(used.locator('.points-delta').textContent()).resolves.toBe('0');
    for (const p of [online, offline, member]) {
      await p.open(app.url, compoundId, 'shop');
      await expect.poll(() => p.stock('洗洁精'), { timeout: 20_000 }).toBe('库存 2');
    }
    for (const p of [online, offline]) {
      await openLi(p);
      await expect
        .poll(() => p.page.getByTestId('member-balance').textContent(), { timeout: 20_000 })
        .toBe('积分余额 0 分');
      await expect(p.page.getByTestId('points-line').filter({ hasText: '另一个柜台用过了' }).count()).resolves.toBe(1);
      if (p === online)
        await lookAtPart(
          p.page.getByTestId('points-line').filter({ hasText: '另一个柜台用过了' }),
          'points-scanned-twice-committee',
        );
      // Not an overdraft: the second scan took nothing.
      await p.open(app.url, compoundId);
      await expect(p.page.getByTestId('overdrafts').count()).resolves.toBe(0);
      await expect(p.page.locator('.banner-error').count()).resolves.toBe(0);
      // But the goods may have left both counters: the committee is told to count the shelf.
      const code = p.page.getByTestId('scanned-twice-code');
      await expect.poll(() => code.count(), { timeout: 20_000 }).toBe(1);
      await expect(code.locator('.conflict-text').textContent()).resolves.toBe(
        '李叔的兑换码（洗洁精 × 1）在两个柜台都扫了。请核对库存：两个柜台可能都给了商品。积分只扣了一次，库存只减了一次。',
      );
      await expect(code.getByTestId('scanned-twice-scan').allTextContents()).resolves.toEqual([
        '王书记扫的：扣了 10 分',
        '张主任扫的：没有扣分',
      ]);
      await expect(code.locator('.conflict-item .muted').count()).resolves.toBe(2);
      await expect(code.getByTestId('scanned-twice-count-hint').textContent()).resolves.toBe(
        '盘点过洗洁精以后，这条提醒就不再显示。',
      );
      if (p === offline) await lookAtPart(code, 'points-scanned-twice-list');
    }
    // A resident has no such list.
    await member.open(app.url, compoundId);
    await expect(li.page.getByTestId('scanned-twice').count()).resolves.toBe(0);
    await lookAtPart(
      li.page.getByTestId('points-line').filter({ hasText: '另一个柜台用过了' }),
      'points-scanned-twice',
    );
  });

  it('the committee counts the shelf (盘点): the stock follows the count, and the note goes away', async () => {
    const online = new PointsPage(wang.page);
    const offline = new PointsPage(zhang.page);
    await online.open(app.url, compoundId, 'shop');
    await expect.poll(() => online.stock('洗洁精'), { timeout: 20_000 }).toBe('库存 2');
    await online.goods('洗洁精').getByTestId('count').click();
    const form = wang.page.getByTestId('count-form');
    await expect(form.getByTestId('count-expected').textContent()).resolves.toBe(
      '账上库存 2 件。数一数货架上的，填实有的件数，库存就按实有的算。',
    );
    await lookAtPart(form, 'points-count-form');
    expect(await seriousViolations(wang.page)).toEqual([]);
    // Nothing typed is no count (it once read as 0 and emptied the shelf).
    await form.getByTestId('sheet-submit').click();
    await expect(fieldNamed(form, 'counted').error.textContent()).resolves.toBe('请填一个整数。');
    await wang.page.keyboard.press('Escape');
    await expect.poll(() => online.stock('洗洁精')).toBe('库存 2');
    // Both counters gave a bottle: one is missing from the shelf.
    await online.countShelf('洗洁精', 1);
    for (const p of [online, offline]) {
      await p.open(app.url, compoundId, 'shop');
      await expect.poll(() => p.stock('洗洁精'), { timeout: 20_000 }).toBe('库存 1');
      await expect(p.goods('洗洁精').getByTestId('goods-last-count').textContent()).resolves.toMatch(
        /^上次盘点：.+ 王书记，实有 1 件（比账上少 1 件）$/,
      );
      if (p === online) {
        await lookAtPart(p.page.locator('main'), 'points-goods-counted');
        expect(await sizeProblems(p.page)).toEqual([]);
      }
      await p.open(app.url, compoundId);
      await expect.poll(() => p.page.getByTestId('scanned-twice-code').count(), { timeout: 20_000 }).toBe(0);
    }
    // A resident sees the stock, neither who counted nor the button.
    const member = new PointsPage(li.page);
    await member.open(app.url, compoundId, 'shop');
    await expect.poll(() => member.stock('洗洁精'), { timeout: 20_000 }).toBe('库存 1');
    await expect(member.goods('洗洁精').getByTestId('goods-last-count').count()).resolves.toBe(0);
    await expect(member.goods('洗洁精').getByTestId('count').count()).resolves.toBe(0);

    // Counted again by 张主任: it matches; what the counts together moved the stock by stays in sight.
    await offline.open(app.url, compoundId, 'shop');
    await offline.countShelf('洗洁精', 1);
    await online.open(app.url, compoundId, 'shop');
    const goods = online.goods('洗洁精');
    await expect
      .poll(() => goods.getByTestId('goods-last-count').textContent(), { timeout: 20_000 })
      .toMatch(/^上次盘点：.+ 张主任，实有 1 件（与账上相符）$/);
    await expect(goods.getByTestId('goods-counted-off').textContent()).resolves.toBe('历次盘点合计：比账上少 1 件');
    await expect(online.stock('洗洁精')).resolves.toBe('库存 1');
    await lookAtPart(goods, 'points-goods-counted-twice');
  });
});
