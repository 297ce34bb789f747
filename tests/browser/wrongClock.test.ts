import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shanghaiDay } from '../../shared/time.ts';
import { AgendaPage } from './pages/AgendaPage.ts';
import { AppShell } from './pages/AppShell.ts';
import { MembersPage } from './pages/MembersPage.ts';
import { OnboardingPages } from './pages/OnboardingPages.ts';
import { RequestPage } from './pages/RequestPage.ts';
import { launchPhone, type Phone } from './support/browser.ts';
import { useServer } from './support/server.ts';

const DAY = 86_400_000;
const TITLE = '3号楼电梯按钮失灵';

/** "12月4日" as the app writes a day, in Asia/Shanghai. */
const monthDay = (ms: number) => {
  const [, month, day] = shanghaiDay(ms).split('-').map(Number);
  return `${month}月${day}日`;
};

/**
 * A resident's phone set two days ahead (by hand, or a reset after a flat battery). The relay
 * refuses events stamped more than a day ahead of its clock, so before phones took the relay's time
 * this phone's every write was refused and its copy reset.
 */
describe('a phone whose clock is wrong', () => {
  const app = useServer();
  let admin: Phone;
  let resident: Phone;
  let compoundId: string;

  beforeAll(async () => {
    [admin, resident] = await Promise.all([launchPhone(), launchPhone()]);
    await resident.context.clock.setSystemTime(Date.now() + 2 * DAY);
  });
  afterAll(async () => {
    await Promise.all([admin?.dispose(), resident?.dispose()]);
  });

  it('writes on the relay’s time: its request is kept, and every phone shows today’s date', async () => {
    expect(await resident.page.evaluate(() => Date.now())).toBeGreaterThan(Date.now() + DAY);
    compoundId = await new OnboardingPages(admin.page).createCompound(app.url, '和平里小区', '王阿姨', '业委会');
    const members = new MembersPage(admin.page);
    await members.open(app.url, compoundId);
    const link = await members.createInvite({ role: '居民' });
    await members.closeDialog();
    await new OnboardingPages(resident.page).joinByLink(link, '李叔');
    const shell = new AppShell(resident.page);
    await shell.waitSynced();

    const agenda = new AgendaPage(resident.page);
    await agenda.raise(TITLE, '电梯');
    await expect.poll(() => shell.unsent(), { timeout: 20_000 }).toBe(0);
    // A refusal would reset the copy and open the dialog that offers its saved copy.
    await expect(resident.page.getByRole('dialog').count()).resolves.toBe(0);

    const adminAgenda = new AgendaPage(admin.page);
    await adminAgenda.open(app.url, compoundId);
    await expect.poll(() => adminAgenda.titles(), { timeout: 20_000 }).toEqual([TITLE]);

    const today = monthDay(Date.now());
    for (const phone of [resident, admin]) {
      const page = new AgendaPage(phone.page);
      await page.openRequest(TITLE);
      const facts = await new RequestPage(phone.page).root.innerText();
      expect(facts).toContain(today);
      expect(facts).not.toContain(monthDay(Date.now() + 2 * DAY));
    }
    // The phone's copy still holds it after a reload: nothing was refused and reset.
    await agenda.open(app.url, compoundId);
    await resident.page.reload();
    await expect.poll(() => agenda.titles(), { timeout: 20_000 }).toEqual([TITLE]);
  });
});
