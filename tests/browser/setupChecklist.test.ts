import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppShell } from './pages/AppShell.ts';
import { LedgerPage } from './pages/LedgerPage.ts';
import { MembersPage } from './pages/MembersPage.ts';
import { OnboardingPages } from './pages/OnboardingPages.ts';
import { SetupCard } from './pages/SetupCard.ts';
import { launchPhone, type Phone } from './support/browser.ts';
import { lookAtPart } from './support/lookAt.ts';
import { useServer } from './support/server.ts';

const todo = (name: string, button: string, note = '') => ({ name, note, button });
const done = (name: string) => ({ name, note: '已完成', button: null });

describe('a new compound’s set-up card', () => {
  const app = useServer();
  let founder: Phone; // 王书记, community, created the compound
  let owners: Phone; // 业委会老陈, owners' committee
  let resident: Phone; // 李叔

  beforeAll(async () => {
    [founder, owners, resident] = await Promise.all([launchPhone(), launchPhone(), launchPhone()]);
  });
  afterAll(async () => {
    await Promise.all([founder?.dispose(), owners?.dispose(), resident?.dispose()]);
  });

  it('leads the founder through the first steps, ticks each from what the compound holds, and stays hidden once hidden', async () => {
    const page = founder.page;
    const card = new SetupCard(page);
    const shell = new AppShell(page);
    await new OnboardingPages(page).createCompound(app.url, '和平小区', '王书记', '社区');
    await card.card.waitFor();
    expect(await card.heading()).toBe('开始使用：还有 4 步');
    expect(await card.steps()).toEqual([
      todo('邀请另外两方', '去邀请', '还差：业委会、物业'),
      todo('安排第一次会议', '去安排'),
      todo('开设三方共管账户', '去开设'),
      todo('邀请居民加入', '去邀请'),
    ]);
    await lookAtPart(card.card, 'setup-card');

    // The first step's button invites a committee member of the first party missing.
    await card.go('邀请另外两方');
    const dialog = page.getByTestId('invite-dialog');
    await dialog.waitFor();
    expect(await dialog.getByRole('radio', { name: '三方成员' }).isChecked()).toBe(true);
    expect(await dialog.getByRole('radio', { name: '业委会' }).isChecked()).toBe(true);
    await dialog.getByRole('button', { name: '生成邀请' }).click();
    const ownersLink = await dialog.getByTestId('invite-link').inputValue();
    await new MembersPage(page).closeDialog();

    // Another party joins: the founder's card says so without a reload.
    await new OnboardingPages(owners.page).joinByLink(ownersLink, '业委会老陈');
    await expect.poll(() => card.steps().then((s) => s[0]?.note)).toBe('还差：物业');
    // A committee member who is not the admin sees what is missing, with no invite they could not make.
    const ownersCard = new SetupCard(owners.page);
    await ownersCard.card.waitFor();
    expect((await ownersCard.steps())[0]).toEqual({
      name: '邀请另外两方',
      note: '还差：物业，请管理员邀请',
      button: null,
    });

    // Opening a fund ticks the third step.
    await card.go('开设三方共管账户');
    await page.waitForURL(/\/ledger$/);
    await new LedgerPage(page).openFund('公共收益账户', '三方共管账户', '¥500');
    await shell.tab('agenda');
    await expect.poll(() => card.steps().then((s) => s[2])).toEqual(done('开设三方共管账户'));
    expect(await card.heading()).toBe('开始使用：还有 3 步');
    await lookAtPart(card.card, 'setup-card-ticked');

    // The fourth step's button invites residents; the one who joins sees no card.
    await card.go('邀请居民加入');
    await dialog.waitFor();
    expect(await dialog.getByRole('radio', { name: '居民' }).isChecked()).toBe(true);
    await dialog.getByRole('button', { name: '生成邀请' }).click();
    const residentLink = await dialog.getByTestId('invite-link').inputValue();
    await new MembersPage(page).closeDialog();
    await new OnboardingPages(resident.page).joinByLink(residentLink, '李叔');
    await expect.poll(() => card.steps().then((s) => s[3])).toEqual(done('邀请居民加入'));
    expect(await card.heading()).toBe('开始使用：还有 2 步');
    await new AppShell(resident.page).waitSynced();
    await resident.page.getByTestId('agenda-search').waitFor();
    expect(await new SetupCard(resident.page).shown()).toBe(false);

    // Hidden on this phone, it stays hidden after a reload; the other committee phone still shows it.
    await card.hide();
    await page.reload();
    await shell.waitSynced();
    await page.getByTestId('agenda-search').waitFor();
    expect(await card.shown()).toBe(false);
    await expect.poll(() => ownersCard.heading()).toBe('开始使用：还有 2 步');
  });
});
