import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { AppShell } from './pages/AppShell.ts';
import { MembersPage } from './pages/MembersPage.ts';
import { NeedsPage } from './pages/NeedsPage.ts';
import { OnboardingPages } from './pages/OnboardingPages.ts';
import { usePhone } from './support/browser.ts';
import { lookAtPart } from './support/lookAt.ts';
import { useServer } from './support/server.ts';

const HOLDER = '惠民药房（联系人 陈志明）';

/** Opens a partner invite link and joins under `name`; a partner lands on the needs board. */
async function joinAsPartner(page: Page, link: string, name: string): Promise<void> {
  await page.goto(link);
  await page.getByLabel('您的称呼').fill(name);
  await page.getByRole('button', { name: '加入', exact: true }).click();
  await page.waitForURL(/\/c\/[^/]+\/needs$/);
  await new AppShell(page).waitSynced();
}

describe('two partner units claim one need at once', () => {
  const app = useServer();
  const committee = usePhone(); // 王书记, community
  const pharmacy = usePhone(); // 陈志明, 惠民药房, claims offline
  const cleaners = usePhone(); // 赵师傅, 顺心家政, claims online a little later
  const resident = usePhone(); // 李叔, resident, reads the board
  const grocer = usePhone(); // 孙经理, 安心超市, a third unit that claimed nothing
  let compoundId: string;
  let needId: string;

  it('the committee publishes a need and invites two partner units', async () => {
    compoundId = await new OnboardingPages(committee.page).createCompound(app.url, '和平小区', '王书记', '社区');
    const members = new MembersPage(committee.page);
    await members.open(app.url, compoundId);
    const pharmacyLink = await members.createInvite({ role: '共建单位', unit: '惠民药房' });
    await members.closeDialog();
    const cleanersLink = await members.createInvite({ role: '共建单位', unit: '顺心家政' });
    await members.closeDialog();
    const grocerLink = await members.createInvite({ role: '共建单位', unit: '安心超市' });
    await members.closeDialog();
    const residentLink = await members.createInvite({ role: '居民' });
    await members.closeDialog();
    await joinAsPartner(pharmacy.page, pharmacyLink, '陈志明');
    await joinAsPartner(cleaners.page, cleanersLink, '赵师傅');
    await joinAsPartner(grocer.page, grocerLink, '孙经理');
    await new OnboardingPages(resident.page).joinByLink(residentLink, '李叔');
    const board = new NeedsPage(committee.page);
    await board.open(app.url, compoundId);
    needId = await board.publish({ title: '帮6号楼的李奶奶打扫屋子', forName: '李桂兰' });
  });

  it('claimed offline and online: every phone shows who holds it, and the other claim', async () => {
    const needUrl = `${app.url}/c/${compoundId}/needs/${needId}`;
    for (const phone of [pharmacy, cleaners]) {
      await phone.page.goto(needUrl);
      await expect.poll(() => new NeedsPage(phone.page).status(), { timeout: 20_000 }).toBe('open');
    }
    // 陈志明 claims in the shop's back room without a signal; 赵师傅, not knowing, a little later online.
    const offlineShell = new AppShell(pharmacy.page);
    await pharmacy.context.setOffline(true);
    await offlineShell.waitOffline();
    await pharmacy.page.getByTestId('claim').click();
    await pharmacy.page.getByRole('alertdialog').getByRole('button', { name: '确定认领' }).click();
    await expect.poll(() => new NeedsPage(pharmacy.page).status()).toBe('claimed');
    await expect.poll(() => offlineShell.unsent()).toBeGreaterThanOrEqual(1);
    await cleaners.page.getByTestId('claim').click();
    await cleaners.page.getByRole('alertdialog').getByRole('button', { name: '确定认领' }).click();
    const online = new NeedsPage(cleaners.page);
    await expect.poll(() => online.status()).toBe('claimed');
    await expect(cleaners.page.getByTestId('need-unit').textContent()).resolves.toBe('顺心家政（联系人 赵师傅）');
    await pharmacy.context.setOffline(false);
    await offlineShell.waitSynced();

    // The earlier claim holds it, on every phone; the later unit is told, and the holder too.
    await committee.page.goto(needUrl);
    for (const phone of [committee, pharmacy, cleaners]) {
      const unit = phone.page.getByTestId('need-unit');
      await expect.poll(() => unit.textContent(), { timeout: 20_000 }).toBe(HOLDER);
      await expect(new NeedsPage(phone.page).status()).resolves.toBe('claimed');
      await expect(phone.page.locator('.banner-error').filter({ hasNotText: '认领' }).count()).resolves.toBe(0);
    }
    const told = cleaners.page.getByTestId('need-claim-lost');
    await expect.poll(() => told.textContent().catch(() => null), { timeout: 20_000 }).toContain('惠民药房');
    await expect(cleaners.page.getByTestId('report-form').count()).resolves.toBe(0);
    const holder = pharmacy.page.getByTestId('need-claim-beside');
    await expect.poll(() => holder.textContent().catch(() => null), { timeout: 20_000 }).toContain('顺心家政');
    await expect(pharmacy.page.getByTestId('report-form').count()).resolves.toBe(1);
    await expect
      .poll(
        () =>
          committee.page
            .getByTestId('need-rivals')
            .textContent()
            .catch(() => null),
        { timeout: 20_000 },
      )
      .toContain('顺心家政');
    await lookAtPart(told, 'needs-claim-lost');
    await lookAtPart(holder, 'needs-claim-beside');
    await lookAtPart(committee.page.getByTestId('need-rivals'), 'needs-claim-rivals');

    // On the board, the later unit is pointed to the need it no longer holds.
    const board = new NeedsPage(cleaners.page);
    await board.open(app.url, compoundId);
    const lost = cleaners.page.getByTestId('claims-lost');
    await expect
      .poll(() => lost.textContent().catch(() => null), { timeout: 20_000 })
      .toContain('帮6号楼的李奶奶打扫屋子');
    await expect(cleaners.page.getByTestId('needs-mine').count()).resolves.toBe(0);
    await lookAtPart(lost, 'needs-board-claim-lost');
  });

  it('a resident and a unit that claimed nothing see who does it, and nothing of the other claim', async () => {
    const needUrl = `${app.url}/c/${compoundId}/needs/${needId}`;
    for (const phone of [resident, grocer]) {
      await phone.page.goto(needUrl);
      const unit = phone.page.getByTestId('need-unit');
      await expect.poll(() => unit.textContent().catch(() => null), { timeout: 20_000 }).toBe(HOLDER);
      await expect(new NeedsPage(phone.page).status()).resolves.toBe('claimed');
      await expect(phone.page.locator('.conflict-note').count()).resolves.toBe(0);
      await expect(phone.page.getByText('顺心家政').count()).resolves.toBe(0);
      // Held by a unit: nobody else is offered to claim it or to report on it.
      await expect(phone.page.getByTestId('claim').count()).resolves.toBe(0);
      await expect(phone.page.getByTestId('report-form').count()).resolves.toBe(0);
    }
    await lookAtPart(resident.page.getByTestId('need'), 'needs-claimed-twice-resident');
    await lookAtPart(grocer.page.getByTestId('need'), 'needs-claimed-twice-other-unit');
    for (const phone of [resident, grocer]) {
      await new NeedsPage(phone.page).open(app.url, compoundId);
      await expect.poll(() => new NeedsPage(phone.page).sectionOf(needId), { timeout: 20_000 }).toBe('claimed');
      await expect(phone.page.locator('.conflict-note').count()).resolves.toBe(0);
    }
  });
});
