import { describe, expect, it } from 'vitest';
import { AppShell } from './pages/AppShell.ts';
import { MeetingsPage } from './pages/MeetingsPage.ts';
import { MeetingTopicsPage } from './pages/MeetingTopicsPage.ts';
import { MinutesAfterPage } from './pages/MinutesAfterPage.ts';
import { MinutesPage } from './pages/MinutesPage.ts';
import { RequestPage } from './pages/RequestPage.ts';
import { usePhone, waitForController } from './support/browser.ts';
import { setUpCompound } from './support/compound.ts';
import { lookAtPart } from './support/lookAt.ts';
import { useServer } from './support/server.ts';

const TOPIC = '东门停车位重新划线';
const TWENTY = '东门划20个车位';
const LATER = '先不划，等消防验收后再议';

describe('以这条为准: two decisions recorded on one topic at once, settled by the chair', () => {
  const app = useServer();
  const wang = usePhone(); // 王阿姨, community, the chair
  const li = usePhone(); // 李叔, owners' committee
  let compoundId: string;
  let meetingId: string;
  let requestId: string;
  const minutesOf = (phone: typeof wang) => new MinutesAfterPage(phone.page);

  it('a topic of the meeting is taken up on both committee phones', async () => {
    compoundId = await setUpCompound(app.url, { phone: wang, compound: '和平小区', name: '王阿姨', party: '社区' }, [
      { phone: li, name: '李叔', invite: { role: '三方成员', party: '业委会' } },
    ]);
    const meetings = new MeetingsPage(wang.page);
    await meetings.open(app.url, compoundId);
    meetingId = await meetings.schedule('小板凳见面会', '3号楼下', { time: '23:30' });
    const door = wang.page.getByTestId('add-topic');
    await door.locator('input[name="topic"]').fill(TOPIC);
    await door.getByTestId('add-topic-submit').click();
    const chair = new MeetingTopicsPage(wang.page);
    await expect.poll(() => chair.topicTitles()).toEqual([TOPIC]);
    requestId = (await chair.topic(TOPIC).getAttribute('data-id')) ?? '';
    await new MinutesPage(wang.page).signIn();
    await chair.takeUp(TOPIC);
    await new MinutesPage(li.page).open(app.url, compoundId, meetingId);
    await new MinutesPage(li.page).signIn();
    await expect.poll(() => new MeetingTopicsPage(li.page).status(TOPIC), { timeout: 20_000 }).toBe('正在讨论');
  });

  it('offline, one phone records an approval and the other a rejection: both stand as a conflict', async () => {
    await Promise.all([waitForController(wang.page), waitForController(li.page)]);
    await Promise.all([new AppShell(wang.page).waitSynced(), new AppShell(li.page).waitSynced()]);
    await Promise.all([wang.context.setOffline(true), li.context.setOffline(true)]);
    await minutesOf(wang).recordDecision(TWENTY, requestId, [6, 2, 1], '通过');
    await minutesOf(li).recordDecision(LATER, requestId, undefined, '不通过');
    await Promise.all([wang.context.setOffline(false), li.context.setOffline(false)]);
    for (const phone of [wang, li]) {
      await expect
        .poll(async () => (await minutesOf(phone).decisions()).sort(), { timeout: 30_000 })
        .toEqual([TWENTY, LATER].sort());
      await expect.poll(() => minutesOf(phone).conflicts()).toBe(2);
      await expect(phone.page.getByTestId('decision-uphold').count()).resolves.toBe(2);
    }
    // The request holds both; by the rule the approval stands until someone settles it.
    const item = new RequestPage(li.page);
    await item.open(app.url, compoundId, requestId);
    await expect.poll(() => item.stage(), { timeout: 20_000 }).toBe('decided');
    await expect.poll(() => item.root.getByTestId('concurrent-decisions').count()).toBe(1);
  });

  it('the chair taps 以这条为准 on the rejection: minutes and request show one decision, the other 已被取代', async () => {
    await new MinutesPage(wang.page).open(app.url, compoundId, meetingId);
    const chair = minutesOf(wang);
    await expect.poll(() => chair.conflicts(), { timeout: 20_000 }).toBe(2);
    await lookAtPart(chair.decision(LATER), 'minutes-uphold-before');
    await expect(chair.uphold(LATER)).resolves.toBe('这件事在议事里的决定也跟着改成这一条。');
    await new MinutesPage(li.page).open(app.url, compoundId, meetingId);
    for (const phone of [wang, li]) {
      const minutes = minutesOf(phone);
      await expect
        .poll(() => minutes.decisionStates(), { timeout: 20_000 })
        .toEqual(
          expect.arrayContaining([
            { text: TWENTY, superseded: true, upheld: null },
            { text: LATER, superseded: false, upheld: '王阿姨 定下以这条为准' },
          ]),
        );
      await expect(minutes.conflicts()).resolves.toBe(0);
      await expect(minutes.decision(TWENTY).getByTestId('decision-superseded').textContent()).resolves.toBe('已被取代');
      await expect(phone.page.getByTestId('decision-uphold').count()).resolves.toBe(0);
    }
    // Settled: the sign-off names no conflict any more.
    await expect(minutesOf(li).signOffWarning()).resolves.toEqual({ conflicts: [], confirm: '确定签字' });
    await lookAtPart(minutesOf(li).decision(TWENTY), 'minutes-uphold-after');

    const item = new RequestPage(li.page);
    await item.open(app.url, compoundId, requestId);
    await expect.poll(() => item.stage(), { timeout: 20_000 }).toBe('closed');
    await expect(item.root.getByTestId('decision').textContent()).resolves.toContain(LATER);
    await expect(item.root.getByTestId('decision-upheld').textContent()).resolves.toBe('王阿姨 定下以这条为准');
    await expect(item.root.getByTestId('concurrent-decisions').count()).resolves.toBe(0);
    const superseded = item.root.getByTestId('superseded-decision');
    await expect(superseded.count()).resolves.toBe(1);
    await expect(superseded.textContent()).resolves.toContain(TWENTY);
    await expect(superseded.textContent()).resolves.toContain('已被取代');
    // Struck through, its count too: the count shown above is not the superseded decision's.
    await expect(superseded.locator('s').allTextContents()).resolves.toEqual([
      '决定：通过',
      TWENTY,
      '举手表决：赞成 6，反对 2，弃权 1',
    ]);
    await expect(item.root.getByTestId('tally').count()).resolves.toBe(0);
    // Under 会上, the meeting's two entries read the same way.
    await expect
      .poll(() => li.page.locator('[data-testid="meeting-decision"][data-superseded="true"]').textContent())
      .toContain(TWENTY);
    await lookAtPart(item.root.getByTestId('deliberation'), 'request-decision-upheld');
  });
});
