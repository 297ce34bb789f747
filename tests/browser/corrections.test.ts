import { describe, expect, it } from 'vitest';
import { shanghaiDay } from '../../shared/time.ts';
import { AppShell } from './pages/AppShell.ts';
import { MembersPage } from './pages/MembersPage.ts';
import { VolunteersPage } from './pages/VolunteersPage.ts';
import { usePhone } from './support/browser.ts';
import { setUpCompound } from './support/compound.ts';
import { drafts } from './support/drafts.ts';
import { lookAtFor } from './support/lookAt.ts';
import { useServer } from './support/server.ts';

const lookAt = lookAtFor('volunteers');

describe('a team lead corrects an offline check-in', () => {
  const app = useServer();
  const wang = usePhone();
  const li = usePhone();
  let compoundId: string;
  let dutyId: string;
  let dutyDay: string;

  it('the committee makes a resident the lead of a team with a duty', async () => {
    compoundId = await setUpCompound(app.url, { phone: wang, compound: '和平小区', name: '王书记', party: '社区' }, [
      { phone: li, name: '李叔', invite: { role: '居民' } },
    ]);
    const members = new MembersPage(wang.page);
    await expect.poll(() => members.names(), { timeout: 20_000 }).toEqual(['李叔', '王书记']);
    const committee = new VolunteersPage(wang.page);
    await committee.open(app.url, compoundId);
    await committee.createTeam('巡逻队', '李叔');
    dutyDay = shanghaiDay(Date.now());
    dutyId = await committee.createDuty('巡逻队', '东门岗亭', 2, '夜间巡逻', dutyDay);
  });

  it('a check-in and check-out made offline show as phone time', async () => {
    const shell = new AppShell(li.page);
    await li.page.goto(`${app.url}/c/${compoundId}/rosters/duty/${dutyId}?checkin=1`);
    // Check-in is for the duty's day: the phone's clock stays on it should midnight pass meanwhile.
    await new VolunteersPage(li.page).pinClockTo(dutyDay);
    await li.page.getByTestId('check-in').waitFor();
    await shell.waitSynced();
    await li.context.setOffline(true);
    await expect.poll(() => shell.syncState()).toBe('offline');
    await li.page.getByTestId('check-in').click();
    await li.page.getByTestId('check-out').click();
    await li.page.getByTestId('checked-out').waitFor();
    await new VolunteersPage(li.page).pinClockTo(null);
    await li.context.setOffline(false);
    await shell.waitSynced();
    const row = li.page.getByTestId('signup-item').filter({ hasText: '李叔' });
    await expect(row.getByTestId('phone-time').textContent()).resolves.toBe('本机时间（签到时未联网）');
  });

  it('the lead corrects the times across midnight with a reason; the phone’s record stays beside it', async () => {
    await li.page.goto(`${app.url}/c/${compoundId}/rosters/duty/${dutyId}`);
    const row = li.page.getByTestId('signup-item').filter({ hasText: '李叔' });
    await row.getByTestId('correct').click();
    const form = li.page.getByTestId('correct-form');
    await form.locator('input[name="checkIn"]').fill('21:00');
    await form.locator('input[name="checkOut"]').fill('01:30');
    await form.locator('input[name="reason"]').fill('忘了签到，巡到一点半');
    await lookAt(li.page, 'correct');
    // The tab is discarded before 保存 (a switch to WeChat): the dialog comes back with the times and reason.
    await li.page.reload();
    await form.waitFor();
    await expect.poll(() => form.locator('input[name="reason"]').inputValue()).toBe('忘了签到，巡到一点半');
    expect(await form.locator('input[name="checkIn"]').inputValue()).toBe('21:00');
    expect(await form.locator('input[name="checkOut"]').inputValue()).toBe('01:30');
    await form.getByTestId('sheet-submit').click();
    await li.page.getByTestId('correct-dialog').waitFor({ state: 'detached' });
    await expect(drafts(li.page, 'correct-attendance')).resolves.toEqual([]);
    await expect(row.locator('.row-sub').first().textContent()).resolves.toBe('已签退，服务 4 小时 30 分钟');
    await expect(row.getByTestId('correction').textContent()).resolves.toMatch(
      /^李叔更正为 .+21:00 至 .+01:30：忘了签到，巡到一点半/,
    );
    await expect(row.getByTestId('phone-record').textContent()).resolves.toMatch(/^手机原记录：.+ 签到，.+ 签退$/);
    await lookAt(li.page, 'corrected');

    const committee = new VolunteersPage(wang.page);
    await committee.openDuty(app.url, compoundId, dutyId);
    const seen = wang.page.getByTestId('signup-item').filter({ hasText: '李叔' });
    await expect.poll(() => seen.getByTestId('correction').count(), { timeout: 20_000 }).toBe(1);
    await expect(seen.locator('.row-sub').first().textContent()).resolves.toBe('已签退，服务 4 小时 30 分钟');
  });
});
