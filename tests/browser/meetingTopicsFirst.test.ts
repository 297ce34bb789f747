import { describe, expect, it } from 'vitest';
import { AgendaPage } from './pages/AgendaPage.ts';
import { MeetingsPage } from './pages/MeetingsPage.ts';
import { MeetingTopicsPage } from './pages/MeetingTopicsPage.ts';
import { MinutesAfterPage } from './pages/MinutesAfterPage.ts';
import { MinutesPage } from './pages/MinutesPage.ts';
import { usePhone } from './support/browser.ts';
import { setUpCompound } from './support/compound.ts';
import { lookAtPart } from './support/lookAt.ts';
import { useServer } from './support/server.ts';

const DANCE = '小广场跳舞音量';
const CHARGING = '3号楼电动车充电难';
const LAMP = '东门路灯不亮';

/** The top of an element on the page, to compare where two parts of it sit. */
const topOf = (page: MeetingTopicsPage['page'], testId: string) =>
  page.getByTestId(testId).evaluate((el) => el.getBoundingClientRect().top + window.scrollY);

describe('the meeting page at a little-stool meeting: topics near the top, decisions started from them', () => {
  const app = useServer();
  const wang = usePhone();
  let compoundId: string;
  const topics = () => new MeetingTopicsPage(wang.page);

  it('the topics come right after sign-in and attendance, before the notes', async () => {
    compoundId = await setUpCompound(app.url, { phone: wang, compound: '和平小区', name: '王阿姨', party: '社区' }, []);
    // Another open request of the compound, not a topic of the meeting.
    const agenda = new AgendaPage(wang.page);
    await agenda.open(app.url, compoundId);
    await agenda.raise(LAMP, '路灯照明');
    const meetings = new MeetingsPage(wang.page);
    await meetings.open(app.url, compoundId);
    await meetings.schedule('小板凳见面会', '3号楼下', { time: '23:30' });
    const door = wang.page.getByTestId('add-topic');
    for (const title of [CHARGING, DANCE]) {
      await door.locator('input[name="topic"]').fill(title);
      await door.getByTestId('add-topic-submit').click();
    }
    await expect.poll(() => topics().topicTitles()).toEqual([DANCE, CHARGING]);
    const minutes = new MinutesPage(wang.page);
    await minutes.signIn();
    const signIn = await topOf(wang.page, 'minutes-sign-in');
    const list = await topOf(wang.page, 'meeting-topics-section');
    const notes = await topOf(wang.page, 'notes');
    expect(signIn).toBeLessThan(list);
    expect(list).toBeLessThan(notes);
  });

  it("the decision's picker lists the meeting's topics; the compound's other requests wait behind 显示其他诉求", async () => {
    const chair = topics();
    await expect(chair.pickerOptions('decision-request')).resolves.toEqual({
      topics: [expect.stringContaining(DANCE), expect.stringContaining(CHARGING)],
      others: [],
    });
    await expect(chair.toggleOthers('decision-request')).resolves.toBe('显示其他诉求（1 件）');
    await expect(chair.pickerOptions('decision-request')).resolves.toEqual({
      topics: [expect.stringContaining(DANCE), expect.stringContaining(CHARGING)],
      others: [expect.stringContaining(LAMP)],
    });
    await expect(chair.toggleOthers('decision-request')).resolves.toBe('只看本次议题');
    await expect.poll(() => chair.pickerOptions('decision-request')).toMatchObject({ others: [] });
  });

  it('a topic taken up is under discussion, and the decision form takes it; 记下决定 on another takes that one', async () => {
    const chair = topics();
    const dance = await chair.topic(DANCE).getAttribute('data-id');
    const charging = await chair.topic(CHARGING).getAttribute('data-id');
    await chair.takeUp(DANCE);
    await expect(chair.status(DANCE)).resolves.toBe('正在讨论');
    await expect.poll(() => chair.pickerValue('decision-request')).toBe(dance);
    await expect.poll(() => chair.pickerValue('action-request')).toBe(dance);
    // Words begun in the decision form keep its request when the meeting takes up another topic;
    // an empty form follows the topic under discussion.
    const words = wang.page.getByTestId('decision-form').getByLabel('决定的内容');
    await words.fill('晚上八点后');
    await chair.takeUp(CHARGING);
    await expect.poll(() => chair.status(DANCE)).toBe('已讨论');
    await expect(chair.status(CHARGING)).resolves.toBe('正在讨论');
    await expect.poll(() => chair.pickerValue('action-request')).toBe(charging);
    await expect(chair.pickerValue('decision-request')).resolves.toBe(dance);
    await words.fill('');
    await expect.poll(() => chair.pickerValue('decision-request')).toBe(charging);

    // Back to the first topic: 记下决定 on its card brings the decision form, with it chosen.
    await chair.decide(DANCE);
    await expect.poll(() => chair.pickerValue('decision-request')).toBe(dance);
    const form = wang.page.getByTestId('decision-form');
    await expect
      .poll(() =>
        form.evaluate((el) => {
          const r = el.getBoundingClientRect();
          return r.top >= 0 && r.top < window.innerHeight / 2;
        }),
      )
      .toBe(true);
    await lookAtPart(form.getByTestId('decision-request'), 'meeting-decide-from-topic');
    const after = new MinutesAfterPage(wang.page);
    await after.recordDecision('晚上八点后音量调小', dance ?? '', [6, 1, 0], '通过');
    await expect.poll(() => after.decisions()).toEqual(['晚上八点后音量调小']);
    await expect(wang.page.getByTestId('decision').locator('.minutes-entry-about').textContent()).resolves.toBe(DANCE);
    await lookAtPart(chair.topic(DANCE), 'meeting-topic-discussed');
  });

  it('an action item tied to no request is listed under 等谁办 for its party, with owner and deadline', async () => {
    const after = new MinutesAfterPage(wang.page);
    await after.addAction('联系电力公司查东门线路', 'property', '', '2026-12-31');
    await expect.poll(() => after.actions()).toContainEqual(expect.stringContaining('联系电力公司查东门线路'));
    const agenda = new AgendaPage(wang.page);
    await agenda.open(app.url, compoundId);
    const property = wang.page.getByTestId('turns').locator('[data-turn="property"]');
    await expect.poll(() => property.locator('.list-tab-count').textContent(), { timeout: 20_000 }).toBe('1');
    await property.click();
    const list = wang.page.getByTestId('turn-actions');
    await expect.poll(() => list.locator('h2').textContent(), { timeout: 20_000 }).toBe('会上交给物业办的事（1）');
    const row = list.getByTestId('meeting-todo');
    await expect(row.locator('.row-title').textContent()).resolves.toBe('联系电力公司查东门线路');
    await expect(row.getByTestId('meeting-todo-owner').textContent()).resolves.toBe(
      '负责：物业，2026年12月31日 前办完',
    );
    await lookAtPart(list, 'agenda-turn-actions');
  });
});
