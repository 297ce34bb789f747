import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { minutesDocName } from '../../shared/rooms.ts';
import { type FrontProxy, startFrontProxy } from '../helpers/frontProxy.ts';
import { type ServerProcess, startServerProcess } from '../helpers/serverProcess.ts';
import { postgresAndRedisAvailable, usePostgresAndRedis } from '../helpers/usePostgresAndRedis.ts';
import { AppShell } from './pages/AppShell.ts';
import { MeetingsPage } from './pages/MeetingsPage.ts';
import { MembersPage } from './pages/MembersPage.ts';
import { MinutesPage } from './pages/MinutesPage.ts';
import { OnboardingPages } from './pages/OnboardingPages.ts';
import { launchPhone, type Phone } from './support/browser.ts';
import { storedAccount } from './support/storedAccount.ts';

/** Types `text` where the caret is, one character at a time, at a person's pace (about 6 a second). */
const typeSlowly = (minutes: MinutesPage, text: string) => minutes.page.keyboard.type(text, { delay: 150 });

describe.skipIf(!postgresAndRedisAvailable)('two instances behind one proxy, one killed mid-meeting', () => {
  const servers = usePostgresAndRedis();
  let instances: ServerProcess[] = [];
  let proxy: FrontProxy;
  let wang: Phone;
  let li: Phone;
  beforeAll(async () => {
    const env = { ...(await servers.env()), RATE_LIMITS: 'off' };
    instances = await Promise.all([0, 1].map(() => startServerProcess({ built: true, env })));
    proxy = await startFrontProxy(instances.map((s) => s.port));
    [wang, li] = await Promise.all([launchPhone(), launchPhone()]);
  });
  afterAll(async () => {
    await Promise.all([wang?.dispose(), li?.dispose()]);
    await proxy?.close();
    await Promise.all(instances.map((s) => s.stop()));
  });

  it('both phones keep typing the minutes through the kill, and every character is stored', async () => {
    const url = proxy.url;
    const compoundId = await new OnboardingPages(wang.page).createCompound(url, '和平小区', '王阿姨', '社区');
    const members = new MembersPage(wang.page);
    await members.open(url, compoundId);
    const link = await members.createInvite({ role: '三方成员', party: '业委会' });
    await members.closeDialog();
    await new OnboardingPages(li.page).joinByLink(link, '李叔');
    const meetings = new MeetingsPage(wang.page);
    await meetings.open(url, compoundId);
    const meetingId = await meetings.schedule('三方联席会议', '社区活动室', { time: '15:00' });
    const a = new MinutesPage(wang.page);
    const b = new MinutesPage(li.page);
    await a.open(url, compoundId, meetingId);
    await b.open(url, compoundId, meetingId);
    await Promise.all([new AppShell(wang.page).waitSynced(), new AppShell(li.page).waitSynced()]);
    // Both instances serve the phones: the proxy handed connections to each.
    expect(proxy.routed.every((n) => n > 0)).toBe(true);

    await a.caretAt();
    await a.commit('议题：东门停车。');
    await expect.poll(() => b.value(), { timeout: 20_000 }).toBe('议题：东门停车。');

    // Wang types at the end and Li at the start, both at a person's pace; an instance dies under
    // them once each has typed a few characters.
    const wangSays = '王阿姨：晚上车位不够，先划临时车位，下周再议收费。';
    const liSays = '李叔记录。';
    await b.caretAt(0);
    await a.caretAt();
    const typing = Promise.all([typeSlowly(a, wangSays), typeSlowly(b, liSays)]);
    await expect.poll(() => a.value(), { timeout: 20_000 }).toContain(wangSays.slice(0, 4));
    await expect.poll(() => a.value(), { timeout: 20_000 }).toContain(liSays.slice(0, 2));
    // The instance holding more of the phones' minutes sockets dies: the kill cuts the ones typed into.
    const minutes = (backend: number) => proxy.websockets(backend, `/${minutesDocName(meetingId)}`);
    const victim = minutes(0) >= minutes(1) ? 0 : 1;
    const cut = minutes(victim);
    await instances[victim]!.kill();
    expect(cut).toBeGreaterThan(0);
    await typing;

    const whole = `${liSays}议题：东门停车。${wangSays}`;
    await expect.poll(() => a.value(), { timeout: 60_000 }).toBe(whole);
    await expect.poll(() => b.value(), { timeout: 60_000 }).toBe(whole);
    await Promise.all([new AppShell(wang.page).waitSynced(), new AppShell(li.page).waitSynced()]);

    // What Postgres holds: a fresh copy from the surviving instance, through the stock client.
    const { token } = await storedAccount(wang.page, compoundId);
    const fresh = new Y.Doc();
    const provider = new WebsocketProvider(
      instances[1 - victim]!.wsUrl,
      `${compoundId}/${minutesDocName(meetingId)}`,
      fresh,
      {
        params: { token },
        WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
        disableBc: true,
      },
    );
    try {
      await expect.poll(() => fresh.getText('notes').toString(), { timeout: 20_000 }).toBe(whole);
    } finally {
      provider.destroy();
      fresh.destroy();
    }
  });
});
