import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppShell } from './pages/AppShell.ts';
import { MembersPage } from './pages/MembersPage.ts';
import { OnboardingPages } from './pages/OnboardingPages.ts';
import { launchPhone, type Phone } from './support/browser.ts';
import { screenshotPath } from './support/lookAt.ts';
import { useServer } from './support/server.ts';

describe('invites an admin can see and revoke', () => {
  const app = useServer();
  let compoundId: string;
  let admin: Phone; // 张书记, community, created the compound
  let owners: Phone; // 业委会老陈, owners' committee

  beforeAll(async () => {
    [admin, owners] = await Promise.all([launchPhone(), launchPhone()]);
  });
  afterAll(async () => {
    await Promise.all([admin?.dispose(), owners?.dispose()]);
  });

  it('lists live invites with their maker, revokes one so its link is refused, and a committee member invites only their own party', async () => {
    compoundId = await new OnboardingPages(admin.page).createCompound(app.url, '和平小区', '张书记', '社区');
    const members = new MembersPage(admin.page);
    await members.open(app.url, compoundId);
    await admin.page.getByText('现在没有可用的邀请。').waitFor();
    const propertyLink = await members.createInvite({ role: '三方成员', party: '物业' });
    await members.closeDialog();
    const ownersLink = await members.createInvite({ role: '三方成员', party: '业委会' });
    await members.closeDialog();
    await new AppShell(admin.page).waitSynced();
    await expect
      .poll(() => members.invites().then((l) => l.map((i) => i.kind).sort()))
      .toEqual(['三方成员 · 物业', '三方成员 · 业委会'].sort());
    const [first] = await members.invites();
    // A committee invite is one person's, for three days, unless chosen otherwise.
    expect(first?.lines[0]).toBe('还能用 1 次（共 1 次）');
    expect(first?.lines[1]).toMatch(/前有效$/);
    expect(first?.lines[2]).toBe('由张书记生成');
    await admin.page.getByTestId('invite-list').scrollIntoViewIfNeeded();
    await admin.page.screenshot({ path: screenshotPath('zh-CN-members-invites.png') });

    await members.revokeInvite('三方成员 · 物业');
    await expect.poll(() => members.invites().then((l) => l.map((i) => i.kind))).toEqual(['三方成员 · 业委会']);

    // The revoked link says so as it opens, before anyone types a name.
    await owners.page.goto(propertyLink);
    await expect
      .poll(() => owners.page.getByRole('alert').textContent())
      .toBe('这个邀请已被撤销，或者发出邀请的人已不是成员。请向管理员要一个新的。');
    expect(await owners.page.getByLabel('您的称呼').count()).toBe(0);

    await new OnboardingPages(owners.page).joinByLink(ownersLink, '业委会老陈');
    const ownersMembers = new MembersPage(owners.page);
    await ownersMembers.open(app.url, compoundId);
    await owners.page.getByTestId('open-invite').click();
    expect(await ownersMembers.partyChoices()).toEqual(['业委会']);
    await expect(
      owners.page.getByTestId('invite-dialog').getByText('您只能邀请自己这一方的三方成员', { exact: false }).count(),
    ).resolves.toBe(1);
    // Only admins see the invite list.
    await expect(owners.page.getByRole('heading', { name: '可用的邀请' }).count()).resolves.toBe(0);
  });

  it('the founder hands the admin role to the owners’ committee and steps back; both phones follow without a reload', async () => {
    const members = new MembersPage(admin.page);
    await members.open(app.url, compoundId);
    // The only admin is told to hand the role over before leaving it.
    await expect(admin.page.getByTestId('sole-admin').textContent()).resolves.toContain('唯一的管理员');
    expect(await admin.page.getByTestId('step-back').count()).toBe(0);
    const ownersMembers = new MembersPage(owners.page);
    await ownersMembers.open(app.url, compoundId);

    await members.makeAdmin('业委会老陈');
    await expect.poll(() => members.roleOf('业委会老陈'), { timeout: 20_000 }).toBe('管理员 · 业委会');
    expect(await admin.page.getByTestId('sole-admin').count()).toBe(0);
    // The new admin's open page gains the invite list and every party, with no reload.
    await owners.page.getByRole('heading', { name: '可用的邀请' }).waitFor({ timeout: 20_000 });
    await owners.page.getByTestId('open-invite').click();
    expect(await ownersMembers.partyChoices()).toEqual(['社区', '业委会', '物业']);
    await ownersMembers.closeDialog();
    await admin.page.screenshot({ path: screenshotPath('zh-CN-members-two-admins.png'), fullPage: true });

    await members.stepBack();
    await expect.poll(() => members.roleOf('张书记'), { timeout: 20_000 }).toBe('三方成员 · 社区');
    await expect.poll(() => admin.page.getByRole('heading', { name: '可用的邀请' }).count()).toBe(0);
    expect(await admin.page.getByRole('button', { name: '移除' }).count()).toBe(0);
    await expect.poll(() => ownersMembers.roleOf('张书记'), { timeout: 20_000 }).toBe('三方成员 · 社区');
    await expect.poll(() => owners.page.getByTestId('sole-admin').count(), { timeout: 20_000 }).toBe(1);
    await owners.page.screenshot({ path: screenshotPath('zh-CN-members-handed-over.png'), fullPage: true });
  });
});
