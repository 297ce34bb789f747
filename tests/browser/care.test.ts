import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shanghaiDay } from '../../shared/time.ts';
import { AppShell } from './pages/AppShell.ts';
import { CarePage } from './pages/CarePage.ts';
import { MembersPage } from './pages/MembersPage.ts';
import { OnboardingPages } from './pages/OnboardingPages.ts';
import { VolunteersPage } from './pages/VolunteersPage.ts';
import { launchPhone, type Phone } from './support/browser.ts';
import { lookAtFor } from './support/lookAt.ts';
import { useServer } from './support/server.ts';

const lookAt = lookAtFor('care');

const databases = (page: Page) =>
  page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name ?? '').sort());

describe('care visits on three phones', () => {
  const app = useServer();
  let wang: Phone;
  let zhao: Phone;
  let li: Phone;
  let compoundId: string;
  let householdId: string;
  beforeAll(async () => {
    [wang, zhao, li] = await Promise.all([launchPhone(), launchPhone(), launchPhone()]);
  });
  afterAll(async () => {
    await Promise.all([wang?.dispose(), zhao?.dispose(), li?.dispose()]);
  });

  it('a committee member and a resident join the compound', async () => {
    compoundId = await new OnboardingPages(wang.page).createCompound(app.url, '和平小区', '王书记', '社区');
    const members = new MembersPage(wang.page);
    await members.open(app.url, compoundId);
    const committeeLink = await members.createInvite({ role: '三方成员', party: '物业' });
    await members.closeDialog();
    const residentLink = await members.createInvite({ role: '居民' });
    await members.closeDialog();
    await new OnboardingPages(zhao.page).joinByLink(committeeLink, '赵经理');
    await new OnboardingPages(li.page).joinByLink(residentLink, '李叔');
    await Promise.all([new AppShell(zhao.page).waitSynced(), new AppShell(li.page).waitSynced()]);
    await expect.poll(() => members.names(), { timeout: 20_000 }).toEqual(['李叔', '王书记', '赵经理']);
  });

  it('the committee registers a weekly household carried over from paper, last visited 20 days ago: it is overdue', async () => {
    const volunteers = new VolunteersPage(wang.page);
    await volunteers.open(app.url, compoundId);
    await wang.page.getByTestId('open-care').click();
    await wang.page.getByTestId('new-household').waitFor();
    const care = new CarePage(wang.page);
    householdId = await care.register({
      label: '王奶奶家',
      building: '3号楼',
      unit: '2单元401',
      reason: '独居老人',
      cadence: '每周',
      visitor: '赵经理',
      lastVisitedOn: shanghaiDay(Date.now() - 20 * 86_400_000),
    });
    await expect.poll(() => care.due()).toMatchObject({ overdue: 'yes' });
    expect((await care.due()).text).toMatch(/^已超期 13 天（应在.+前走访）$/);
    await lookAt(wang.page, 'household');
    await care.open(app.url, compoundId);
    const item = wang.page.getByTestId('care-item');
    await expect(item.getAttribute('data-overdue')).resolves.toBe('yes');
    await expect(item.getByTestId('care-due').textContent()).resolves.toMatch(/^已超期 13 天/);
    await lookAt(wang.page, 'list');
  });

  it('the overdue visit waits on the visitor under 我的, and the volunteers tab counts it', async () => {
    await zhao.page.goto(`${app.url}/c/${compoundId}/agenda?f=mine`);
    const todo = zhao.page.getByTestId('care-todo');
    await expect.poll(() => todo.count(), { timeout: 20_000 }).toBe(1);
    await expect(todo.textContent()).resolves.toContain('王奶奶家');
    const badge = zhao.page.locator('.bottom-nav a[data-tab="rosters"]').getByTestId('care-badge');
    await expect(badge.getAttribute('data-count')).resolves.toBe('1');
    await lookAt(zhao.page, 'mine');
    // The household has a visitor: it is not on the other committee member's list.
    await wang.page.goto(`${app.url}/c/${compoundId}/agenda?f=mine`);
    await wang.page.getByTestId('agenda-tabs').waitFor();
    expect(await wang.page.getByTestId('care-todo').count()).toBe(0);
  });

  it('the visitor logs a visit with a concern and the overdue flag clears on every committee phone', async () => {
    await zhao.page.getByTestId('care-todo').click();
    const care = new CarePage(zhao.page);
    await zhao.page.getByTestId('household-facts').waitFor();
    await care.logVisit('精神不错，药够吃', '想在卫生间装扶手');
    await expect.poll(() => care.due()).toMatchObject({ overdue: 'no' });
    expect((await care.due()).text).toMatch(/^.+前走访（还有 7 天）$/);
    await expect(zhao.page.getByTestId('visit-concern').textContent()).resolves.toBe('需关注：想在卫生间装扶手');
    await lookAt(zhao.page, 'visited');

    await zhao.page.goto(`${app.url}/c/${compoundId}/agenda?f=mine`);
    await zhao.page.getByTestId('agenda-tabs').waitFor();
    expect(await zhao.page.getByTestId('care-todo').count()).toBe(0);
    expect(await zhao.page.getByTestId('care-badge').count()).toBe(0);

    const list = new CarePage(wang.page);
    await list.open(app.url, compoundId);
    await expect
      .poll(() => wang.page.getByTestId('care-item').getAttribute('data-overdue'), { timeout: 20_000 })
      .toBe('no');
    await expect(wang.page.getByTestId('care-concern').textContent()).resolves.toBe('需关注：想在卫生间装扶手');
    expect(await databases(wang.page)).toContainEqual(expect.stringContaining('committee'));
  });

  it('the committee hands the household over to the committee taking turns', async () => {
    await wang.page.getByTestId('care-item').click();
    await wang.page.getByTestId('change-visitor').click();
    const form = wang.page.getByTestId('visitor-form');
    await form.locator('select[name="visitor"]').selectOption({ label: '三方委员轮流走访' });
    await form.getByTestId('save-visitor').click();
    await expect.poll(() => wang.page.getByTestId('household-facts').textContent()).toContain('走访人三方委员轮流走访');
    await lookAt(wang.page, 'handed-over');
  });

  it('a resident’s phone shows no care page, holds no committee document and has no care text', async () => {
    const volunteers = new VolunteersPage(li.page);
    await volunteers.open(app.url, compoundId);
    expect(await li.page.getByTestId('care-section').count()).toBe(0);
    await li.page.goto(`${app.url}/c/${compoundId}/rosters/care/${householdId}`);
    await li.page.getByTestId('not-for-role').waitFor();
    expect(await li.page.getByTestId('household-facts').count()).toBe(0);
    await lookAt(li.page, 'not-for-role');
    await li.page.goto(`${app.url}/c/${compoundId}/agenda?f=mine`);
    await li.page.getByTestId('agenda-tabs').waitFor();
    await new AppShell(li.page).waitSynced();
    const text = await li.page.evaluate(() => document.documentElement.outerHTML);
    for (const secret of ['王奶奶', '关爱走访', '扶手']) expect(text).not.toContain(secret);
    const names = await databases(li.page);
    expect(names.length).toBeGreaterThan(0);
    expect(names.filter((n) => n.includes('committee'))).toEqual([]);
  });
});
