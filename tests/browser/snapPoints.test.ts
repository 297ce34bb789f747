import { describe, expect, it } from 'vitest';
import { AgendaPage } from './pages/AgendaPage.ts';
import { AppShell } from './pages/AppShell.ts';
import { PointsPage } from './pages/PointsPage.ts';
import { RequestPage } from './pages/RequestPage.ts';
import { SnapPage } from './pages/SnapPage.ts';
import { usePhone } from './support/browser.ts';
import { setUpCompound } from './support/compound.ts';
import { makeJpeg } from './support/images.ts';
import { lookAtFor } from './support/lookAt.ts';
import { useServer } from './support/server.ts';

const lookAt = lookAtFor('points');

describe('a snap report earns points, and the thanks wall names the reporter', () => {
  const app = useServer();
  const admin = usePhone(); // 王阿姨, owners' committee
  const rider = usePhone(); // 小张, a delivery rider living here
  let compoundId: string;

  it('a rider joins; the committee sets what an accepted snap report is worth', async () => {
    compoundId = await setUpCompound(
      app.url,
      { phone: admin, compound: '幸福里小区', name: '王阿姨', party: '业委会' },
      [{ phone: rider, name: '小张', invite: { role: '居民' } }],
    );
    const points = new PointsPage(admin.page);
    await points.open(app.url, compoundId);
    await points.addRule('随手拍上报', 5, '随手拍被受理');
  });

  it('a snap report from the home screen, accepted, is suggested on the committee’s list; one tap and the rider sees the points', async () => {
    await new AgendaPage(rider.page).open(app.url, compoundId);
    const snap = new SnapPage(rider.page);
    await snap.snap(await makeJpeg(rider.page, 1600, 1200));
    await snap.describe('井盖松了');
    // What it earns is said before it is sent.
    await expect
      .poll(() => rider.page.getByTestId('snap-points').textContent(), { timeout: 20_000 })
      .toBe('议事会受理后，您可得 5 分。');
    await snap.submit();

    const agenda = new AgendaPage(admin.page);
    await agenda.open(app.url, compoundId);
    await expect.poll(() => agenda.titles(), { timeout: 20_000 }).toEqual(['井盖松了']);
    const committee = new PointsPage(admin.page);
    await committee.open(app.url, compoundId);
    // Not yet accepted: nothing to confirm.
    expect(await committee.suggestions()).toEqual([]);
    await agenda.open(app.url, compoundId);
    await agenda.openRequest('井盖松了');
    await new RequestPage(admin.page).classify('道路', '一般');

    await committee.open(app.url, compoundId);
    await expect.poll(() => committee.suggestions(), { timeout: 20_000 }).toEqual(['小张 · 5 分']);
    await expect(admin.page.getByTestId('award-suggestion').locator('.row-sub').textContent()).resolves.toMatch(
      /^随手拍上报 · \d+月\d+日 随手拍被受理$/,
    );
    await admin.page.getByTestId('award-turns').scrollIntoViewIfNeeded();
    await lookAt(admin.page, 'snap-suggested');
    await admin.page.getByTestId('award-confirm').click();
    await expect.poll(() => committee.suggestions()).toEqual([]);

    const mine = new PointsPage(rider.page);
    await mine.open(app.url, compoundId);
    await expect.poll(() => mine.balance(), { timeout: 20_000 }).toBe('5');
    expect(await mine.historyLines()).toEqual(['随手拍上报']);
    await new AppShell(rider.page).tab('more');
    await expect(rider.page.getByTestId('more-points-balance').textContent()).resolves.toBe('5 分');
  });

  it('the thanks wall is off by default: no entry, and its page says so', async () => {
    await rider.page.getByTestId('more-points').waitFor();
    expect(await rider.page.getByTestId('thanks-wall-link').count()).toBe(0);
    await new PointsPage(rider.page).open(app.url, compoundId, 'thanks');
    await rider.page.getByTestId('thanks-wall-off').waitFor();
    expect(await rider.page.getByTestId('thanks-name').count()).toBe(0);
  });

  it('the committee turns it on; the rider reaches it from 更多 and sees names without numbers', async () => {
    const committee = new PointsPage(admin.page);
    await committee.open(app.url, compoundId);
    // One tap shows names to the whole compound: it asks once more, saying what and to whom.
    await admin.page.getByTestId('thanks-wall-toggle').click();
    await expect
      .poll(() => admin.page.getByTestId('thanks-wall-ask').textContent())
      .toMatch(/^开启后，本小区所有成员都能.*看到感谢墙：本月得到积分的邻居名字/);
    await lookAt(admin.page, 'thanks-wall-ask');
    await admin.page.getByRole('button', { name: '取消' }).click();
    await expect(admin.page.getByTestId('thanks-wall-toggle').textContent()).resolves.toBe('开启感谢墙');
    await admin.page.getByTestId('thanks-wall-toggle').click();
    await admin.page.getByRole('button', { name: '开启，让大家看到' }).click();
    await expect.poll(() => admin.page.getByTestId('thanks-wall-toggle').textContent()).toBe('关闭感谢墙');
    // Its entry on 积分 is a row of the app, not a web link (underlined, purple once visited).
    const link = admin.page.getByTestId('thanks-wall-link');
    await admin.page.reload();
    await link.waitFor();
    expect(await link.evaluate((a) => getComputedStyle(a).textDecorationLine)).toBe('none');
    await link.scrollIntoViewIfNeeded();
    await lookAt(admin.page, 'points-thanks-link');

    await new AgendaPage(rider.page).open(app.url, compoundId);
    await new AppShell(rider.page).tab('more');
    await rider.page.getByTestId('thanks-wall-link').waitFor({ timeout: 20_000 });
    await lookAt(rider.page, 'more-thanks-link');
    await rider.page.getByTestId('thanks-wall-link').click();
    await rider.page.getByTestId('thanks-wall').waitFor();
    await expect.poll(() => rider.page.getByTestId('thanks-name').allTextContents()).toEqual(['小张']);
    expect(await rider.page.getByTestId('thanks-wall').textContent()).not.toMatch(/\d+\s*分/);
    await lookAt(rider.page, 'thanks-wall');

    await admin.page.getByTestId('thanks-wall-toggle').click();
    await expect.poll(() => rider.page.getByTestId('thanks-wall-off').isVisible(), { timeout: 20_000 }).toBe(true);
  });

  it('a committee member’s own snap report waits for another committee member: no confirm button', async () => {
    await new AgendaPage(admin.page).open(app.url, compoundId);
    const snap = new SnapPage(admin.page);
    await snap.snap(await makeJpeg(admin.page, 1600, 1200));
    await snap.describe('路灯不亮');
    await snap.submit();
    const agenda = new AgendaPage(admin.page);
    await agenda.open(app.url, compoundId);
    await agenda.openRequest('路灯不亮');
    await new RequestPage(admin.page).classify('道路', '一般');

    const committee = new PointsPage(admin.page);
    await committee.open(app.url, compoundId);
    await expect.poll(() => committee.suggestions(), { timeout: 20_000 }).toEqual(['王阿姨 · 5 分']);
    const own = admin.page.getByTestId('award-suggestion');
    await expect(own.getByTestId('award-not-self').textContent()).resolves.toBe('请另一位三方成员确认');
    expect(await own.getByTestId('award-confirm').count()).toBe(0);
    await own.scrollIntoViewIfNeeded();
    await lookAt(admin.page, 'own-suggestion');
  });
});
