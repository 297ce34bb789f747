import { describe, expect, it } from 'vitest';
import { formatDate, shanghaiDay, shanghaiDayStart } from '../../shared/time.ts';
import { AgendaPage } from './pages/AgendaPage.ts';
import { GridPage } from './pages/GridPage.ts';
import { MeetingsPage } from './pages/MeetingsPage.ts';
import { usePhone } from './support/browser.ts';
import { setUpCompound } from './support/compound.ts';
import { lookAtFor } from './support/lookAt.ts';
import { useServer } from './support/server.ts';

const lookAt = lookAtFor('grid');

describe('the micro-grid and the meeting cadence on two phones', () => {
  const app = useServer();
  const wang = usePhone();
  const li = usePhone();
  let compoundId: string;

  it('a resident registers to their building as a party member and raises a request there', async () => {
    compoundId = await setUpCompound(app.url, { phone: wang, compound: '和平小区', name: '王书记', party: '社区' }, [
      { phone: li, name: '李叔', invite: { role: '居民' } },
    ]);

    const grid = new GridPage(li.page);
    await grid.open(app.url, compoundId);
    await lookAt(li.page, 'register');
    await grid.register('3号楼', '2单元', true);
    expect(await grid.registration()).toBe('您已报到：3号楼 2单元 · 党员报到服务');

    const agenda = new AgendaPage(li.page);
    await agenda.open(app.url, compoundId);
    await agenda.openForm();
    await agenda.titleInput.fill('楼道灯不亮');
    await agenda.chooseCategory('路灯照明');
    await li.page.getByTestId('raise-form').locator('input[name="building"]').fill('3号楼');
    await li.page.getByTestId('raise-form').locator('input[name="location"]').fill('3号楼2单元楼道');
    await agenda.submit();
  });

  it('the committee names a 楼栋长 and the lead sees their building’s open request', async () => {
    const committee = new GridPage(wang.page);
    await committee.open(app.url, compoundId);
    await wang.page.locator('[data-testid="grid-building"][data-building="3号楼"]').waitFor({ timeout: 20_000 });
    await committee.openBuilding('3号楼');
    await expect(wang.page.getByTestId('registered').textContent()).resolves.toContain('李叔');
    await committee.nameBuildingLead('李叔');
    await expect.poll(() => committee.leadName()).toBe('李叔');
    // 卸任 sits under 保存: it asks, naming who and which post, and 取消 keeps the lead.
    await wang.page.getByTestId('name-building-lead').click();
    await wang.page.getByTestId('end-post').click();
    const ask = wang.page.getByRole('alertdialog');
    await expect(ask.textContent()).resolves.toContain('让李叔卸任3号楼楼栋长？');
    await ask.getByRole('button', { name: '取消' }).click();
    await ask.waitFor({ state: 'detached' });
    await wang.page.goBack();
    await expect.poll(() => committee.leadName()).toBe('李叔');
    await committee.nameNeighbourLead('王书记', '2单元101 102 103');
    const neighbour = wang.page.getByTestId('neighbour-lead');
    await expect
      .poll(() => neighbour.getByTestId('households').textContent())
      .toBe('3 户：2单元101、2单元102、2单元103');
    await expect(neighbour.getByTestId('household-warning').textContent()).resolves.toBe(
      '只联系 3 户，邻长一般联系 5 到 15 户。',
    );
    await lookAt(wang.page, 'building');

    const lead = new GridPage(li.page);
    await lead.open(app.url, compoundId);
    await expect.poll(() => lead.leadRequests(), { timeout: 20_000 }).toEqual(['楼道灯不亮']);
    await expect(li.page.getByTestId('my-post').getByTestId('post-title').textContent()).resolves.toBe('3号楼 楼栋长');
    await lookAt(li.page, 'lead');
    await li.page.goto(`${app.url}/c/${compoundId}/rosters`);
    await li.page.getByTestId('my-hours').click();
    await expect
      .poll(() => li.page.getByTestId('grid-profile').textContent())
      .toBe('报到：3号楼 2单元 · 党员报到服务 · 3号楼 楼栋长');
  });

  it('the meetings tab warns of an overdue three-party meeting and opens the schedule form set to it', async () => {
    const meetings = new MeetingsPage(wang.page);
    await meetings.open(app.url, compoundId);
    const longAgo = shanghaiDay(Date.now() - 100 * 86_400_000);
    await meetings.schedule('三方联席会议', '社区会议室', { day: longAgo, time: '19:00' });
    await meetings.open(app.url, compoundId);
    const warning = wang.page.locator('[data-testid="cadence-warning"][data-kind="three-party"]');
    await expect
      .poll(() => warning.locator('p').textContent())
      .toBe(`三方联席会议已经 100 天没有开了（上次是 ${formatDate(shanghaiDayStart(longAgo))}），应每季度至少开一次。`);
    await lookAt(wang.page, 'cadence');
    await warning.getByTestId('cadence-schedule').click();
    const form = wang.page.getByTestId('schedule-form');
    await form.waitFor();
    const chosen = form.getByTestId('meeting-kind').locator('input[type="radio"]:checked');
    await expect(chosen.getAttribute('value')).resolves.toBe('three-party');

    const resident = new MeetingsPage(li.page);
    await resident.open(app.url, compoundId);
    await expect.poll(() => li.page.getByTestId('cadence-warning').count(), { timeout: 20_000 }).toBe(1);
    expect(await li.page.getByTestId('cadence-schedule').count()).toBe(0);
  });
});
