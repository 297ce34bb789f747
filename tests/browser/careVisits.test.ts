import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zhCN } from '../../client/i18n/zh-CN.ts';
import { addDays, formatMonthDay, shanghaiDay, shanghaiDayStart } from '../../shared/time.ts';
import { AppShell } from './pages/AppShell.ts';
import { CarePage } from './pages/CarePage.ts';
import { OnboardingPages } from './pages/OnboardingPages.ts';
import { launchPhone, type Phone } from './support/browser.ts';
import { lookAtPart } from './support/lookAt.ts';
import { useServer } from './support/server.ts';

/** 12月3日, as the app says a day without its year. */
const monthDay = (day: string) => formatMonthDay(shanghaiDayStart(day), 'zh-CN');
/** 2026年12月, as the history heads a month. */
const monthHeading = (day: string) => `${Number(day.slice(0, 4))}年${Number(day.slice(5, 7))}月`;

describe('a care visit written down the day after (补记)', () => {
  const app = useServer();
  let phone: Phone;
  let compoundId: string;
  let householdUrl: string;
  const today = shanghaiDay(Date.now());
  const yesterday = addDays(today, -1);
  // The visit's line and the saved notice: the day of the visit, then the day it was written down.
  const writtenLine = zhCN['care.writtenLate'].replace('{day}', monthDay(today));

  beforeAll(async () => {
    phone = await launchPhone();
  });
  afterAll(async () => {
    await phone?.dispose();
  });

  it('a committee member registers a weekly household they visit', async () => {
    compoundId = await new OnboardingPages(phone.page).createCompound(app.url, '和平小区', '王书记', '社区');
    const care = new CarePage(phone.page);
    await care.open(app.url, compoundId);
    await care.register({
      label: '李大爷家',
      building: '5号楼',
      unit: '1单元302',
      reason: '独居老人',
      cadence: '每周',
      visitor: '王书记',
    });
    householdUrl = phone.page.url();
    await expect.poll(() => care.lastVisited()).toEqual({ day: '', text: zhCN['care.notVisitedYet'] });
  });

  it('records yesterday’s visit: 上次走访 is yesterday, next due a week after it, and the line says it was written down today', async () => {
    const care = new CarePage(phone.page);
    const form = phone.page.getByTestId('visit-form');
    await expect.poll(() => care.visitDay()).toBe(today);
    await care.pickVisitDay('昨天');
    await expect.poll(() => care.visitDay()).toBe(yesterday);
    const yesterdayChoice = form.getByRole('button', { name: '昨天', exact: true });
    await expect(yesterdayChoice.getAttribute('aria-pressed')).resolves.toBe('true');
    await form.locator('textarea[name="note"]').fill('血压正常，冰箱里有菜');
    await lookAtPart(form, 'care-visit-form-yesterday');

    await form.getByTestId('log-visit').click();
    await phone.page.getByTestId('visit-logged').waitFor();
    expect(await care.savedNotice()).toBe(
      zhCN['care.visitLoggedLate'].replace('{day}', monthDay(yesterday)).replace('{written}', monthDay(today)),
    );
    // The form is back on today for the next visit.
    await expect.poll(() => care.visitDay()).toBe(today);
    await expectYesterdaysVisit(care);
    await lookAtPart(phone.page.getByTestId('visits'), 'care-visit-history');
  });

  it('a reload keeps it', async () => {
    await new AppShell(phone.page).waitSynced();
    await phone.page.goto(householdUrl);
    const care = new CarePage(phone.page);
    await phone.page.getByTestId('household-facts').waitFor();
    await expectYesterdaysVisit(care);
    await lookAtPart(phone.page.getByTestId('household-facts'), 'care-visit-last-visited');
  });

  async function expectYesterdaysVisit(care: CarePage): Promise<void> {
    await expect.poll(() => care.lastVisited().then((l) => l.day)).toBe(yesterday);
    expect((await care.lastVisited()).text).toContain(monthDay(yesterday));
    await expect.poll(() => care.due()).toMatchObject({ overdue: 'no' });
    expect((await care.due()).text).toMatch(/^.+前走访（还有 6 天）$/);
    expect(await care.visitHistory()).toEqual([
      {
        month: monthHeading(yesterday),
        visits: [{ day: yesterday, title: expect.stringContaining('王书记'), written: writtenLine }],
      },
    ]);
    expect((await care.visitHistory())[0]?.visits[0]?.title).toContain(monthDay(yesterday));
  }
});
