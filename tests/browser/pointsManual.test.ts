import { describe, expect, it } from 'vitest';
import { MembersPage } from './pages/MembersPage.ts';
import { PointsPage } from './pages/PointsPage.ts';
import { usePhone } from './support/browser.ts';
import { setUpCompound } from './support/compound.ts';
import { drafts } from './support/drafts.ts';
import { lookAtFor } from './support/lookAt.ts';
import { useServer } from './support/server.ts';

const lookAt = lookAtFor('points');

describe('the committee awards and deducts points by hand under 手动记分 rules', () => {
  const app = useServer();
  const wang = usePhone(); // 王秀英, committee
  const li = usePhone(); // 李叔, resident
  let compoundId: string;

  it('a resident joins; the committee sets two 手动记分 rules', async () => {
    compoundId = await setUpCompound(app.url, { phone: wang, compound: '和平小区', name: '王秀英', party: '社区' }, [
      { phone: li, name: '李叔', invite: { role: '居民' } },
    ]);
    const members = new MembersPage(wang.page);
    await expect.poll(() => members.names(), { timeout: 20_000 }).toEqual(['李叔', '王秀英']);
    const committee = new PointsPage(wang.page);
    await committee.open(app.url, compoundId);
    await committee.addRule('门前三包整洁', 10, '手动记分');
    await committee.addRule('飞线充电', -10, '手动记分');
  });

  it('门前三包 +10 with a reason shows on the resident’s phone with the awarder’s name', async () => {
    const committee = new PointsPage(wang.page);
    // Points for oneself are given by another party's member: one's own page offers no 记分.
    await committee.openMember('王秀英');
    await expect(wang.page.getByTestId('award-not-self').textContent()).resolves.toContain('请另一位三方成员');
    await expect(wang.page.getByTestId('award-points').count()).resolves.toBe(0);
    await committee.open(app.url, compoundId);
    await committee.openMember('李叔');
    const form = await committee.fillAward('门前三包整洁（加 10 分）', '5月10日门前打扫得很干净');
    // The rule fills in its points, said in words.
    await expect(form.locator('input[name="amount"]').inputValue()).resolves.toBe('10');
    await expect(form.getByTestId('amount-echo').textContent()).resolves.toBe('加 10 分');
    await lookAt(wang.page, 'award-sheet');
    await form.getByTestId('sheet-submit').click();
    await form.waitFor({ state: 'detached' });
    await expect.poll(() => committee.memberBalance()).toBe('积分余额 10 分');
    await expect(drafts(wang.page, 'award-points')).resolves.toEqual([]);

    const member = new PointsPage(li.page);
    await member.open(app.url, compoundId);
    await expect.poll(() => member.balance(), { timeout: 20_000 }).toBe('10');
    await expect(member.historyLines()).resolves.toEqual(['门前三包整洁']);
    await expect(member.historySubs()).resolves.toEqual([
      expect.stringMatching(/^5月10日门前打扫得很干净 · \d+月\d+日 · 王秀英 记分$/),
    ]);
    await lookAt(li.page, 'manual-mine');
  });

  it('a deduction reads 扣 10 分 and shows as -10', async () => {
    const committee = new PointsPage(wang.page);
    const form = await committee.fillAward('飞线充电（扣 10 分）', '楼道飞线给电动车充电');
    await expect(form.getByTestId('amount-echo').textContent()).resolves.toBe('扣 10 分');
    await form.getByTestId('sheet-submit').click();
    await form.waitFor({ state: 'detached' });
    await expect.poll(() => committee.memberBalance()).toBe('积分余额 0 分');

    const member = new PointsPage(li.page);
    await expect.poll(() => member.balance(), { timeout: 20_000 }).toBe('0');
    await expect(member.historyLines()).resolves.toEqual(['飞线充电', '门前三包整洁']);
    await expect(li.page.getByTestId('points-line').first().locator('.points-delta').textContent()).resolves.toBe(
      '-10',
    );
  });

  it('a correction names its line, warns of a balance below zero, and can give the right points instead', async () => {
    const committee = new PointsPage(wang.page);
    await wang.page
      .getByTestId('points-line')
      .filter({ hasText: '门前三包整洁' })
      .getByTestId('points-correct')
      .click();
    const form = wang.page.getByTestId('correct-form');
    await expect(form.getByTestId('correcting-line').textContent()).resolves.toMatch(
      /^门前三包整洁5月10日门前打扫得很干净 · .+ · 王秀英 记分\+10$/,
    );
    await form.locator('input[name="reason"]').fill('打扫的是邻居，记错人了');
    await expect(form.getByTestId('balance-below-zero').textContent()).resolves.toBe(
      '更正后余额将变为 -10 分，低于零。',
    );
    await lookAt(wang.page, 'correct-below-zero');
    await form.locator('input[name="reAward"]').fill('5');
    await expect(form.getByTestId('reAward-echo').textContent()).resolves.toBe('撤销后改为加 5 分');
    await expect(form.getByTestId('balance-below-zero').textContent()).resolves.toBe(
      '更正后余额将变为 -5 分，低于零。',
    );
    await form.getByTestId('sheet-submit').click();
    await form.waitFor({ state: 'detached' });
    await expect.poll(() => committee.memberBalance()).toBe('积分余额 -5 分');
    await expect(committee.historySubs()).resolves.toContainEqual(expect.stringMatching(/王秀英 更正/));
    await lookAt(wang.page, 'member-after');

    const member = new PointsPage(li.page);
    await expect.poll(() => member.balance(), { timeout: 20_000 }).toBe('-5');
    // The correction and the right award are made in one step: in either order on the same minute.
    await expect(member.historyLines().then((l) => l.sort())).resolves.toEqual(
      ['门前三包整洁', '门前三包整洁：5月10日门前打扫得很干净', '更正：打扫的是邻居，记错人了', '飞线充电'].sort(),
    );
  });
});
