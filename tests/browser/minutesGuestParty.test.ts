import { describe, expect, it } from 'vitest';
import { MeetingDoorPage } from './pages/MeetingDoorPage.ts';
import { MeetingsPage } from './pages/MeetingsPage.ts';
import { MinutesAfterPage } from './pages/MinutesAfterPage.ts';
import { MinutesPage } from './pages/MinutesPage.ts';
import { usePhone } from './support/browser.ts';
import { setUpCompound } from './support/compound.ts';
import { screenshotPath } from './support/lookAt.ts';
import { useServer } from './support/server.ts';

// A guest signed in for the property company (帮别人签到 → 来宾) made the property company a required
// signer: with no app member of it at the meeting the minutes could never lock, and a property
// member's phone offered a signature that could land after the others locked them.
describe('a party present at the meeting only through a guest', () => {
  const app = useServer();
  const wang = usePhone(); // 王阿姨, community, the admin and chair
  const li = usePhone(); // 李叔, owners' committee
  const liu = usePhone(); // 刘经理, property company, not at the meeting
  let compoundId: string;
  let meetingId: string;

  const minutesOn = async (phone: typeof wang) => {
    await new MinutesPage(phone.page).open(app.url, compoundId, meetingId);
    return new MinutesAfterPage(phone.page);
  };

  it('the chair and the owners’ committee sign in; a guest is signed in for the property company', async () => {
    compoundId = await setUpCompound(app.url, { phone: wang, compound: '和平小区', name: '王阿姨', party: '社区' }, [
      { phone: li, name: '李叔', invite: { role: '三方成员', party: '业委会' } },
      { phone: liu, name: '刘经理', invite: { role: '三方成员', party: '物业' } },
    ]);
    const meetings = new MeetingsPage(wang.page);
    await meetings.open(app.url, compoundId);
    meetingId = await meetings.schedule('三方联席会议', '社区活动室', { time: '15:00' });
    const a = new MinutesPage(wang.page);
    await a.notes.waitFor({ timeout: 30_000 });
    await a.signIn();
    const b = new MinutesPage(li.page);
    await b.open(app.url, compoundId, meetingId);
    await b.signIn();
    await new MeetingDoorPage(wang.page).assistGuest('赵师傅', '物业');
    await expect.poll(() => a.threeParties(), { timeout: 20_000 }).toBe('三方到齐');
  });

  it('the property company’s member is not offered the sign-off; its row says only a guest came', async () => {
    const c = await minutesOn(liu);
    await expect
      .poll(() => c.signatures(), { timeout: 20_000 })
      .toEqual(['社区还没签字', '业委会还没签字', '物业只有来宾到会，不用在手机上签字']);
    await expect(liu.page.getByTestId('sign-off-button').count()).resolves.toBe(0);
    // The two parties present through a member are each offered theirs.
    await expect.poll(() => wang.page.getByTestId('sign-off-button').textContent()).toBe('代表社区签字');
    await expect.poll(() => li.page.getByTestId('sign-off-button').textContent()).toBe('代表业委会签字');
  });

  it('the two parties present through a member sign and the minutes lock on every phone', async () => {
    const a = await minutesOn(wang);
    const b = await minutesOn(li);
    const c = await minutesOn(liu);
    expect(await a.signOffConsequence()).toBe('签字后不能撤回。到会的各方都签了，纪要就锁定。');
    await a.signOff();
    // The owners' committee is the last party that signs: its phone says signing locks the minutes.
    await expect.poll(() => b.signatures().then((s) => s[0]), { timeout: 20_000 }).toMatch(/^社区王阿姨/);
    expect(await b.signOffConsequence()).toMatch(/^您是最后一方/);
    await b.signOff();
    for (const page of [a, b, c]) await expect.poll(() => page.locked(), { timeout: 20_000 }).toBe(true);
    await expect.poll(() => c.lockedText()).toMatch(/^已签字锁定/);
    expect(await c.signatures()).toContain('物业只有来宾到会，不用在手机上签字');
    await liu.page.getByTestId('sign-off').screenshot({ path: screenshotPath('zh-CN-minutes-guest-party.png') });
  });
});
