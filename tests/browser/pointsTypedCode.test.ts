import { describe, expect, it } from 'vitest';
import { PointsPage } from './pages/PointsPage.ts';
import { usePhone } from './support/browser.ts';
import { setUpCompound } from './support/compound.ts';
import { fieldNamed } from './support/fields.ts';
import { lookAtPart } from './support/lookAt.ts';
import { useServer } from './support/server.ts';
import { offlineAtTheCounter } from './support/shop.ts';

describe('a redemption code typed at the counter, and no points by hand for oneself', () => {
  const app = useServer();
  const wang = usePhone(); // 王书记, community, runs the counter
  const zhang = usePhone(); // 张主任, owners' committee
  const li = usePhone(); // 李叔, resident, whose phone screen is cracked
  let compoundId: string;

  it('two committee members and a resident join; each committee member gives the others points by hand', async () => {
    compoundId = await setUpCompound(app.url, { phone: wang, compound: '果园小区', name: '王书记', party: '社区' }, [
      { phone: zhang, name: '张主任', invite: { role: '三方成员', party: '业委会' } },
      { phone: li, name: '李叔', invite: { role: '居民' } },
    ]);
    const owners = new PointsPage(zhang.page);
    for (const [name, points] of [
      ['王书记', 10],
      ['李叔', 30],
    ] as const) {
      await owners.open(app.url, compoundId);
      await owners.openMember(name);
      const form = await owners.fillAward(null, '帮忙布置会场', points);
      await form.getByTestId('sheet-submit').click();
      await form.waitFor({ state: 'detached' });
      await expect.poll(() => owners.memberBalance()).toBe(`积分余额 ${points} 分`);
    }
  });

  it('on one’s own points page neither 记分 nor a correction is offered', async () => {
    const own = new PointsPage(wang.page);
    await own.open(app.url, compoundId);
    await own.openMember('王书记');
    await expect.poll(() => own.memberBalance(), { timeout: 20_000 }).toBe('积分余额 10 分');
    await expect(wang.page.getByTestId('award-points').count()).resolves.toBe(0);
    await wang.page.getByTestId('points-line').first().waitFor();
    await expect(wang.page.getByTestId('points-correct').count()).resolves.toBe(0);
    await expect(wang.page.getByTestId('award-not-self').textContent()).resolves.toContain('更正自己的积分');
  });

  it('offline, the counter types the digits under the QR and records the redemption as a scan would', async () => {
    const { member } = await offlineAtTheCounter(app.url, compoundId, wang, li, {
      name: '洗洁精',
      price: 10,
      stock: 3,
    });

    const qr = await member.redemptionQr('洗洁精');
    const shown = (await li.page.getByTestId('redeem-short-code').textContent())?.trim() ?? '';
    expect(shown).toMatch(/^\d{4} \d{3} \d{3}$/);
    await lookAtPart(li.page.getByTestId('redeem-short-code'), 'points-qr-digits');

    await wang.page.getByTestId('type-code').click();
    const form = wang.page.getByTestId('code-form');
    const code = fieldNamed(form, 'code');
    await expect(code.control.getAttribute('inputmode')).resolves.toBe('numeric');
    // Too few digits, then digits no redemption of this copy has: said at the field, with the code.
    await code.control.pressSequentially('48219');
    await form.getByTestId('code-find').click();
    await expect(code.error.textContent()).resolves.toBe('兑换码是 10 位数字，请输完整。');
    const digits = shown.replaceAll(' ', '');
    const wrong = `${digits.slice(0, 9)}${(Number(digits[9]) + 1) % 10}`;
    await code.control.fill('');
    await code.control.pressSequentially(wrong);
    await form.getByTestId('code-find').click();
    await expect(code.error.textContent()).resolves.toBe(
      `找不到兑换码 ${wrong.slice(0, 4)} ${wrong.slice(4, 7)} ${wrong.slice(7)}。请核对数字；居民刚加入或商品刚上架时，请联网同步后再试。`,
    );
    await code.control.fill('');
    await code.control.pressSequentially(digits);
    // Said back in the groups the member's phone shows.
    await expect(form.getByTestId('code-echo').textContent()).resolves.toBe(shown);
    await lookAtPart(form, 'points-counter-typed-code');
    await form.getByTestId('code-find').click();

    const request = wang.page.getByTestId('redeem-request');
    await expect(request.locator('.card-title').textContent()).resolves.toBe('李叔');
    await expect(request.getByTestId('request-goods').textContent()).resolves.toBe('洗洁精 × 1');
    await expect(request.getByTestId('request-balance').textContent()).resolves.toBe('积分余额 30 分');
    await wang.page.getByTestId('redeem-confirm').click();
    await request.getByTestId('redeemed').waitFor();
    await expect(request.getByTestId('request-balance').textContent()).resolves.toBe('兑换后余额 20 分');

    // The QR of the same code, scanned next, and the digits typed again: used, as a second scan is.
    await wang.page.getByTestId('scan-next').click();
    await wang.page.getByTestId('scan-photo').setInputFiles({ name: 'qr.png', mimeType: 'image/png', buffer: qr });
    await expect(request.getByTestId('redeem-problem').textContent({ timeout: 20_000 })).resolves.toBe(
      '这张兑换码已经用过了。',
    );
    await wang.page.getByTestId('scan-next').click();
    await wang.page.getByTestId('type-code').click();
    await fieldNamed(form, 'code').control.pressSequentially(digits);
    await form.getByTestId('code-find').click();
    await expect(request.getByTestId('redeem-problem').textContent()).resolves.toBe('这张兑换码已经用过了。');
    await expect(request.getByTestId('redeem-confirm').count()).resolves.toBe(0);

    // Back online, the member's open code gives way to 已兑换: the typed code was that QR's.
    await Promise.all([wang.context.setOffline(false), li.context.setOffline(false)]);
    await expect.poll(() => member.redeemedShown(), { timeout: 30_000 }).toBe('洗洁精 · 余额 20 分');
    await li.page.getByRole('button', { name: '完成' }).click();
    await member.open(app.url, compoundId);
    await expect
      .poll(() => member.historyLines(), { timeout: 20_000 })
      .toEqual(['爱心超市兑换：洗洁精 × 1', '帮忙布置会场']);
  });

  it('with every number of the goods shown on the member’s phone, the QR alone carries the code, says so, and scans', async () => {
    const { member } = await offlineAtTheCounter(app.url, compoundId, wang, li, { name: '毛巾', price: 5, stock: 2 });
    await member.redemptionQr('毛巾');
    await li.page.getByRole('button', { name: '关闭' }).click();
    // The phone has shown all 1,000 numbers of its goods (a heavy user, over years).
    await li.page.evaluate(() => {
      const all = JSON.stringify(Array.from({ length: 1000 }, (_, n) => n));
      for (const key of Object.keys(localStorage))
        if (key.startsWith('little-stool:tickets:')) localStorage.setItem(key, all);
    });
    const qr = await member.redemptionQr('毛巾');
    await expect(li.page.getByTestId('redeem-no-digits').textContent()).resolves.toBe(
      '这件物品的数字兑换码已经用完，这次只能扫二维码。扫不出来时，请调亮屏幕再试。',
    );
    await expect(li.page.getByTestId('redeem-short-code').count()).resolves.toBe(0);

    await wang.page.getByTestId('scan-photo').setInputFiles({ name: 'qr.png', mimeType: 'image/png', buffer: qr });
    const request = wang.page.getByTestId('redeem-request');
    await expect(request.getByTestId('request-goods').textContent({ timeout: 20_000 })).resolves.toBe('毛巾 × 1');
    await wang.page.getByTestId('redeem-confirm').click();
    await expect(request.getByTestId('request-balance').textContent()).resolves.toBe('兑换后余额 15 分');
    await Promise.all([wang.context.setOffline(false), li.context.setOffline(false)]);
    await expect.poll(() => member.redeemedShown(), { timeout: 30_000 }).toBe('毛巾 · 余额 15 分');
  });
});
