import { describe, expect, it } from 'vitest';
import { shanghaiDay } from '../../shared/time.ts';
import { AppShell } from './pages/AppShell.ts';
import { MembersPage } from './pages/MembersPage.ts';
import { VolunteersPage } from './pages/VolunteersPage.ts';
import { usePhone } from './support/browser.ts';
import { setUpCompound } from './support/compound.ts';
import { lookAtFor, lookAtPart } from './support/lookAt.ts';
import { useServer } from './support/server.ts';

const lookAt = lookAtFor('volunteers');

/** Three one-place duties tomorrow: each taken by 李叔 (the lead) online and by 张姐 offline. */
const titles = { standby: '清扫楼道', raise: '搬运物资', overfull: '修剪绿篱' } as const;

describe('over-full duties settled by the lead: standby taken back, more places, the hours they count', () => {
  const app = useServer();
  const wang = usePhone();
  const li = usePhone();
  const zhang = usePhone();
  let compoundId: string;
  const ids: Record<keyof typeof titles, string> = { standby: '', raise: '', overfull: '' };
  const dutyPage = (phone: { page: VolunteersPage['page'] }, key: keyof typeof titles) =>
    new VolunteersPage(phone.page).openDuty(app.url, compoundId, ids[key]);

  it('张姐 signs up offline for three places 李叔 takes meanwhile: each duty is over-full', async () => {
    compoundId = await setUpCompound(app.url, { phone: wang, compound: '和平小区', name: '王书记', party: '社区' }, [
      { phone: li, name: '李叔', invite: { role: '居民' } },
      { phone: zhang, name: '张姐', invite: { role: '居民' } },
    ]);
    const members = new MembersPage(wang.page);
    await expect.poll(() => members.names(), { timeout: 20_000 }).toEqual(['张姐', '李叔', '王书记']);
    const committee = new VolunteersPage(wang.page);
    await committee.open(app.url, compoundId);
    await committee.createTeam('巡逻队', '李叔');
    for (const key of Object.keys(titles) as (keyof typeof titles)[]) {
      await committee.open(app.url, compoundId);
      ids[key] = await committee.createDuty('巡逻队', '3号楼', 1, titles[key]);
    }

    // 张姐 has seen a duty page (its code is loaded) and holds the three duties, then loses the network.
    const volunteer = new VolunteersPage(zhang.page);
    await dutyPage(zhang, 'standby');
    await volunteer.open(app.url, compoundId);
    const open = zhang.page.getByTestId('open-duties').getByTestId('duty-item');
    await expect.poll(() => open.count(), { timeout: 20_000 }).toBe(3);
    const shell = new AppShell(zhang.page);
    await shell.waitSynced();
    await zhang.context.setOffline(true);
    await shell.waitOffline();

    for (const key of Object.keys(titles) as (keyof typeof titles)[]) {
      await dutyPage(li, key);
      await li.page.getByTestId('sign-up').click();
      await li.page.getByTestId('signed-up').waitFor();
    }
    for (const title of Object.values(titles)) await volunteer.signUpFromTab(title);
    await expect.poll(() => shell.unsent()).toBe(3);
    await zhang.context.setOffline(false);
    await shell.waitSynced();

    const lead = new VolunteersPage(li.page);
    for (const key of Object.keys(titles) as (keyof typeof titles)[]) {
      await dutyPage(li, key);
      await expect.poll(() => lead.overfull(), { timeout: 20_000 }).toEqual(['张姐']);
      await expect(lead.signups()).resolves.toEqual(['李叔']);
    }
  });

  it('the lead moves 张姐 to standby and takes it back: she is over-full again on her phone; 改为候补 is never beside a place', async () => {
    const lead = new VolunteersPage(li.page);
    await dutyPage(li, 'standby');
    await lead.page.getByTestId('duty-overfull').waitFor();
    await expect(li.page.getByTestId('signups').getByTestId('make-standby').count()).resolves.toBe(0);
    await li.page.getByTestId('overfull-item').getByTestId('make-standby').click();
    await expect.poll(() => lead.standby()).toEqual(['张姐']);
    await expect(li.page.getByTestId('duty-overfull').count()).resolves.toBe(0);
    await expect(li.page.getByTestId('signups').getByTestId('undo-standby').count()).resolves.toBe(0);
    await lookAt(li.page, 'standby-undo');

    await dutyPage(zhang, 'standby');
    await expect.poll(() => zhang.page.getByTestId('my-standby').count(), { timeout: 20_000 }).toBe(1);

    await li.page.getByTestId('standby').getByTestId('undo-standby').click();
    await expect.poll(() => lead.overfull()).toEqual(['张姐']);
    await expect(li.page.getByTestId('standby').count()).resolves.toBe(0);
    await expect(lead.signups()).resolves.toEqual(['李叔']);
    await expect.poll(() => zhang.page.getByTestId('my-overfull').count(), { timeout: 20_000 }).toBe(1);
    await expect(zhang.page.getByTestId('my-standby').count()).resolves.toBe(0);

    // Settled for good: standby again, and the lead writes the hour she helped anyway.
    await li.page.getByTestId('overfull-item').getByTestId('make-standby').click();
    await expect.poll(() => lead.standby()).toEqual(['张姐']);
    const row = li.page.getByTestId('standby').getByTestId('signup-item');
    await row.getByTestId('correct').click();
    const form = li.page.getByTestId('correct-form');
    await form.locator('input[name="checkIn"]').fill('08:00');
    await form.locator('input[name="checkOut"]').fill('09:00');
    await form.locator('input[name="reason"]').fill('候补也来帮忙了');
    // The sheet of a standby's correction comes back after a reload, as a seated volunteer's does.
    await li.page.reload();
    await form.waitFor();
    await expect.poll(() => form.locator('input[name="reason"]').inputValue()).toBe('候补也来帮忙了');
    await form.getByTestId('sheet-submit').click();
    await li.page.getByTestId('correct-dialog').waitFor({ state: 'detached' });
    await expect(row.locator('.row-sub').first().textContent()).resolves.toBe('候补 已签退，服务 1 小时');
  });

  it('增加名额 gives 张姐 a place: the duty says who raised it, and her phone says she is in', async () => {
    const lead = new VolunteersPage(li.page);
    await dutyPage(li, 'raise');
    const raise = li.page.getByTestId('raise-places');
    await expect(raise.textContent()).resolves.toBe('增加名额（多 1 人，共 2 人）');
    await lookAtPart(li.page.getByTestId('duty-overfull'), 'volunteers-overfull-settle');
    await raise.click();
    await expect.poll(() => li.page.getByTestId('duty-overfull').count()).toBe(0);
    await expect(lead.signups()).resolves.toEqual(['李叔', '张姐']);
    await expect(li.page.getByTestId('duty-slots').textContent()).resolves.toBe('已报 2 人，共需 2 人');
    await expect(li.page.getByTestId('duty-raised').textContent()).resolves.toBe('李叔把名额从 1 人增加到 2 人');
    await lookAt(li.page, 'places-raised');

    await dutyPage(zhang, 'raise');
    await zhang.page.getByTestId('signed-up').waitFor({ timeout: 20_000 });
    await expect(zhang.page.getByTestId('my-overfull').count()).resolves.toBe(0);
    await expect(zhang.page.getByTestId('duty-overfull').count()).resolves.toBe(0);
    await dutyPage(wang, 'raise');
    await expect
      .poll(() => wang.page.getByTestId('duty-raised').textContent(), { timeout: 20_000 })
      .toBe('李叔把名额从 1 人增加到 2 人');
  });

  it('张姐’s hours page lists the over-full and the standby duty whose time its total counts', async () => {
    // Over-full, she still checks in and out at the place on the duty's day.
    const volunteer = new VolunteersPage(zhang.page);
    const tomorrow = shanghaiDay(Date.now() + 86_400_000);
    await zhang.page.goto(`${app.url}/c/${compoundId}/rosters/duty/${ids.overfull}?checkin=1`);
    await zhang.page.getByTestId('my-overfull').waitFor();
    // The app's clock (its code is loaded now) on the duty's day, should midnight pass meanwhile.
    await volunteer.pinClockTo(tomorrow);
    await new AppShell(zhang.page).waitSynced();
    await zhang.page.getByTestId('check-in').click();
    await zhang.page.getByTestId('check-out').click();
    await expect(zhang.page.getByTestId('checked-out').textContent()).resolves.toBe(
      '已签退，这次服务了 1 分钟。谢谢您！',
    );
    await volunteer.pinClockTo(null);

    await volunteer.open(app.url, compoundId);
    await zhang.page.getByTestId('my-hours').click();
    await expect.poll(() => volunteer.hoursTotal(), { timeout: 20_000 }).toBe('累计服务 1 小时 1 分钟');
    await expect(zhang.page.getByTestId('month-hours').textContent()).resolves.toBe('1 小时 1 分钟');
    await expect(volunteer.hoursRows().then((rows) => rows.sort())).resolves.toEqual(
      [`${titles.standby}: 1 小时`, `${titles.overfull}: 1 分钟`].sort(),
    );
    await lookAt(zhang.page, 'hours-overfull-standby');
  });
});
