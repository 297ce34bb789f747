import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shanghaiDay } from '../../shared/time.ts';
import { AppShell } from './pages/AppShell.ts';
import { MembersPage } from './pages/MembersPage.ts';
import { OnboardingPages } from './pages/OnboardingPages.ts';
import { VolunteersPage } from './pages/VolunteersPage.ts';
import { launchPhone, type Phone } from './support/browser.ts';
import { lookAtFor } from './support/lookAt.ts';
import { useServer } from './support/server.ts';

const lookAt = lookAtFor('volunteers');

describe('volunteers on three phones', () => {
  const app = useServer();
  let wang: Phone;
  let li: Phone;
  let zhang: Phone;
  let compoundId: string;
  let dutyId: string;
  beforeAll(async () => {
    [wang, li, zhang] = await Promise.all([launchPhone(), launchPhone(), launchPhone()]);
  });
  afterAll(async () => {
    await Promise.all([wang?.dispose(), li?.dispose(), zhang?.dispose()]);
  });

  it('two residents join the committee member’s compound by invite', async () => {
    compoundId = await new OnboardingPages(wang.page).createCompound(app.url, '和平小区', '王书记', '社区');
    const members = new MembersPage(wang.page);
    await members.open(app.url, compoundId);
    const link = await members.createInvite({ role: '居民' });
    await members.closeDialog();
    await new OnboardingPages(li.page).joinByLink(link, '李叔');
    await new OnboardingPages(zhang.page).joinByLink(link, '张姐');
    await Promise.all([new AppShell(li.page).waitSynced(), new AppShell(zhang.page).waitSynced()]);
    await expect.poll(() => members.names(), { timeout: 20_000 }).toEqual(['张姐', '李叔', '王书记']);
  });

  it('the committee creates a team with its lead and a duty; members see it open', async () => {
    const committee = new VolunteersPage(wang.page);
    await committee.open(app.url, compoundId);
    await committee.createTeam('巡逻队', '李叔');
    await expect(wang.page.getByTestId('team-item').textContent()).resolves.toContain('队长：李叔');
    dutyId = await committee.createDuty('巡逻队', '东门岗亭', 2, '夜间巡逻');
    await expect(committee.page.getByTestId('duty-slots').textContent()).resolves.toBe('已报 0 人，共需 2 人');

    const member = new VolunteersPage(li.page);
    await member.open(app.url, compoundId);
    const card = li.page.getByTestId('open-duties').getByTestId('duty-item');
    await expect.poll(() => card.locator('.card-title').allTextContents(), { timeout: 20_000 }).toEqual(['夜间巡逻']);
    await expect(card.getByTestId('free-slots').textContent()).resolves.toBe('还差 2 人（共 2 人）');
    await lookAt(li.page, 'tab');
  });

  it('two members sign up, one offline; both hold a slot once it reconnects', async () => {
    const offline = new VolunteersPage(zhang.page);
    await offline.openDuty(app.url, compoundId, dutyId);
    const shell = new AppShell(zhang.page);
    await shell.waitSynced();
    await zhang.context.setOffline(true);
    await expect.poll(() => shell.syncState()).toBe('offline');
    await zhang.page.getByTestId('sign-up').click();
    await zhang.page.getByTestId('signed-up').waitFor();
    await expect.poll(() => shell.unsent()).toBe(1);

    const online = new VolunteersPage(li.page);
    await online.openDuty(app.url, compoundId, dutyId);
    await li.page.getByTestId('sign-up').click();
    await li.page.getByTestId('signed-up').waitFor();

    await zhang.context.setOffline(false);
    await shell.waitSynced();
    const committee = new VolunteersPage(wang.page);
    await committee.openDuty(app.url, compoundId, dutyId);
    await expect.poll(async () => (await committee.signups()).sort(), { timeout: 20_000 }).toEqual(['张姐', '李叔']);
    await expect(committee.page.getByTestId('duty-slots').textContent()).resolves.toBe('已报 2 人，共需 2 人');
  });

  it('the QR code at the place checks a volunteer in and out on the day; the hours show on their page', async () => {
    const committee = new VolunteersPage(wang.page);
    await committee.open(app.url, compoundId);
    // Today's duty: the place's QR checks in on the duty's own day only.
    const day = shanghaiDay(Date.now());
    const today = await committee.createDuty('巡逻队', '东门岗亭', 2, '今天巡逻', day);
    const link = await committee.posterLink();
    expect(link).toBe(`${app.url}/c/${compoundId}/rosters/duty/${today}?checkin=1`);
    await lookAt(wang.page, 'poster');
    // On paper: the sheet alone, without the app's bars or the page's buttons.
    await wang.page.emulateMedia({ media: 'print' });
    for (const part of ['.top-bar', '.bottom-nav', '[data-testid="print"]'])
      expect(await wang.page.locator(part).isVisible()).toBe(false);
    expect(await wang.page.getByTestId('duty-poster').isVisible()).toBe(true);
    await wang.page.emulateMedia({ media: null });

    const volunteer = new VolunteersPage(li.page);
    await li.page.goto(link);
    // Check-in is for the duty's day: the phone's clock stays on it should midnight pass meanwhile.
    await volunteer.pinClockTo(day);
    // Online at the place: a tap before the socket is up would rightly be marked phone time.
    await new AppShell(li.page).waitSynced();
    await li.page.getByTestId('check-in').click();
    await expect(li.page.getByTestId('checked-in').textContent()).resolves.toMatch(/^已签到：.*（本机时间）$/);
    await lookAt(li.page, 'checked-in');
    await li.page.getByTestId('check-out').click();
    await expect(li.page.getByTestId('checked-out').textContent()).resolves.toBe('已签退，这次服务了 1 分钟。谢谢您！');
    await volunteer.pinClockTo(null);

    await committee.openDuty(app.url, compoundId, today);
    await expect
      .poll(() => wang.page.getByTestId('signup-item').filter({ hasText: '李叔' }).locator('.row-sub').textContent(), {
        timeout: 20_000,
      })
      .toBe('已签退，服务 1 分钟');

    await volunteer.open(app.url, compoundId);
    await li.page.getByTestId('my-hours').click();
    await expect.poll(() => volunteer.hoursTotal()).toBe('累计服务 1 分钟');
    await expect(li.page.getByTestId('member-month').getByTestId('month-hours').textContent()).resolves.toBe('1 分钟');
  });

  it('the place’s QR scanned the day before says when the duty is and offers no check-in', async () => {
    const committee = new VolunteersPage(wang.page);
    await committee.open(app.url, compoundId);
    const today = shanghaiDay(Date.now());
    const tomorrow = shanghaiDay(Date.now() + 86_400_000);
    const later = await committee.createDuty('巡逻队', '北门', 2, '明天巡逻', tomorrow);
    const link = await committee.posterLink();
    expect(link).toBe(`${app.url}/c/${compoundId}/rosters/duty/${later}?checkin=1`);

    await li.page.goto(link);
    // Still the day before the duty's, should midnight pass meanwhile.
    const volunteer = new VolunteersPage(li.page);
    await volunteer.pinClockTo(today);
    await new AppShell(li.page).waitSynced();
    const note = li.page.getByTestId('check-in-off-day');
    await expect
      .poll(() => note.textContent(), { timeout: 20_000 })
      .toMatch(/^这个值班在.+ 08:00，请到那天再扫码签到。$/);
    await expect(li.page.getByTestId('check-in').count()).resolves.toBe(0);
    // Signing up for tomorrow is still offered.
    await expect(li.page.getByTestId('sign-up').count()).resolves.toBe(1);
    await lookAt(li.page, 'qr-off-day');
    await volunteer.pinClockTo(null);
  });

  it('signed up on the duty’s day, hours before it: the sign-up is confirmed and withdrawing stays until an hour before', async () => {
    const committee = new VolunteersPage(wang.page);
    await committee.open(app.url, compoundId);
    const day = shanghaiDay(Date.now() + 2 * 86_400_000);
    const duty = await committee.createDuty('巡逻队', '南门', 2, '早班巡逻', day);
    const at = (clock: string) => Date.parse(`${day}T${clock}:00+08:00`);
    const volunteer = new VolunteersPage(li.page);
    await volunteer.openDuty(app.url, compoundId, duty);
    await li.page.evaluate((ms) => window.littleStoolClock?.set(ms), at('05:00'));
    try {
      await li.page.getByTestId('sign-up').click();
      await li.page.getByTestId('signed-up').waitFor();
      await expect(li.page.getByTestId('check-in-from').textContent()).resolves.toBe('07:00 起可以在这里签到。');
      await expect(li.page.getByTestId('withdraw').count()).resolves.toBe(1);
      await expect(li.page.getByTestId('check-in').count()).resolves.toBe(0);
      // From an hour before the start, check-in is the button.
      await li.page.evaluate((ms) => window.littleStoolClock?.set(ms), at('07:30'));
      await li.page.getByTestId('check-in').waitFor();
      await expect(li.page.getByTestId('check-in').textContent()).resolves.toBe('签到');
    } finally {
      await li.page.evaluate(() => window.littleStoolClock?.set(null));
    }
  });

  it('the last slot taken twice offline stays taken twice: the duty shows over-full to its lead', async () => {
    const committee = new VolunteersPage(wang.page);
    await committee.open(app.url, compoundId);
    const lastSlot = await committee.createDuty('巡逻队', '西门', 1, '清扫落叶');

    const zhangShell = new AppShell(zhang.page);
    await new VolunteersPage(zhang.page).openDuty(app.url, compoundId, lastSlot);
    await zhangShell.waitSynced();
    await zhang.context.setOffline(true);
    await expect.poll(() => zhangShell.syncState()).toBe('offline');
    await zhang.page.getByTestId('sign-up').click();

    const lead = new VolunteersPage(li.page);
    await lead.openDuty(app.url, compoundId, lastSlot);
    await li.page.getByTestId('sign-up').click();
    await li.page.getByTestId('signed-up').waitFor();

    await zhang.context.setOffline(false);
    await zhangShell.waitSynced();
    await expect.poll(() => lead.signups(), { timeout: 20_000 }).toHaveLength(1);
    await expect.poll(() => lead.overfull(), { timeout: 20_000 }).toHaveLength(1);
    expect([...(await lead.signups()), ...(await lead.overfull())].sort()).toEqual(['张姐', '李叔']);
    await expect(li.page.getByTestId('duty-overfull').textContent()).resolves.toContain('请队长联系他们');
    await lookAt(li.page, 'overfull');
    await lead.open(app.url, compoundId);
    const card = li.page.getByTestId('duty-item').filter({ hasText: '清扫落叶' }).first();
    await expect(card.getByTestId('overfull').textContent()).resolves.toBe('超员 1 人');
    await expect(card.getByTestId('mine').textContent()).resolves.toBe('我的报名待协调');

    // The lead settles it: the extra sign-up (his own) becomes standby; the note goes on every phone.
    await lead.openDuty(app.url, compoundId, lastSlot);
    await li.page.getByTestId('overfull-item').getByTestId('make-standby').click();
    await expect.poll(() => li.page.getByTestId('duty-overfull').count()).toBe(0);
    await expect(li.page.getByTestId('standby').locator('.row-title').allTextContents()).resolves.toEqual(['李叔']);
    await expect(li.page.getByTestId('my-standby').textContent()).resolves.toContain('您是候补');
    await expect(li.page.getByTestId('my-overfull').count()).resolves.toBe(0);
    await lookAt(li.page, 'standby');
    await new VolunteersPage(zhang.page).openDuty(app.url, compoundId, lastSlot);
    await expect.poll(() => zhang.page.getByTestId('standby-mark').count(), { timeout: 20_000 }).toBe(1);
    await expect(zhang.page.getByTestId('duty-overfull').count()).resolves.toBe(0);
    await expect(new VolunteersPage(zhang.page).signups()).resolves.toEqual(['张姐', '李叔']);
  });
});
