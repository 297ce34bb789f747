/**
 * First join on weak mobile data: a new committee member opens the invite link of the five-year
 * sample compound in headless Chromium, through a TCP proxy that makes the link 2 Mbit/s each way
 * with 150 ms round trips; figures are the time from the tap on 加入 to the first agenda list and
 * the bytes carried, with permessage-deflate off and on, then with the first-join snapshot, and on
 * loopback for comparison.
 * Needs `npm run build`. Run alone: `node --import tsx tests/bench/weakLink.ts`.
 * BENCH_WEAK_CDP=1 adds a run throttled by Chromium's own network emulation instead of the proxy.
 */
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launchPhone } from '../browser/support/browser.ts';
import { type ServerProcess, startServerProcess } from '../helpers/serverProcess.ts';
import { tempDir } from '../helpers/startServer.ts';
import { deflateMemory } from './deflateMemory.ts';
import { type SeededCompound, seedFiveYearCompound } from './fiveYearCompound.ts';
import { f, table } from './report.ts';
import { startThrottleProxy } from './throttleProxy.ts';

const root = join(import.meta.dirname, '..', '..');
const WEAK = { bitsPerSecond: 2_000_000, oneWayMs: 75 };
/** Loopback through the same proxy, so its bytes are counted the same way. */
const LOOPBACK = { bitsPerSecond: 80_000_000_000, oneWayMs: 0 };
/** Four times the goal: a join that has not shown the list by then is reported as never. */
const WAIT_MS = 40_000;

export interface JoinFigures {
  /** Opening the link to the join form: the app itself over the link. */
  openMs: number;
  /** The tap on 加入 to the first request in the list; NaN when it did not show within the wait. */
  firstListMs: number;
  /** The tap to the list from the phone's own copy (the first list may be the relay's first screen); NaN as above. */
  ownListMs: number;
  /** TCP connections the phone opened from the tap on (each socket the provider retried is one). */
  connections: number;
  /** Bytes server -> phone and phone -> server from the tap to the first list. */
  down: number;
  up: number;
}

/** One fresh phone joins through the link and waits for the first request in the agenda list. */
export async function joinOnce(
  server: ServerProcess,
  seeded: SeededCompound,
  link: { bitsPerSecond: number; oneWayMs: number },
  cdpThrottle = false,
): Promise<JoinFigures> {
  const proxy = await startThrottleProxy(server.port, link);
  const phone = await launchPhone();
  const page = phone.page;
  try {
    if (cdpThrottle) {
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: WEAK.oneWayMs * 2,
        downloadThroughput: WEAK.bitsPerSecond / 8,
        uploadThroughput: WEAK.bitsPerSecond / 8,
      });
    }
    const opened = performance.now();
    await page.goto(`${proxy.url}/join/${seeded.inviteCode}`);
    const name = page.getByLabel('您的称呼');
    await name.waitFor({ timeout: 120_000 });
    const openMs = performance.now() - opened;
    await name.fill('新委员');
    proxy.reset();
    const tapped = performance.now();
    await page.getByRole('button', { name: '加入', exact: true }).click();
    const shown = await page
      .locator('[data-testid="request-item"]')
      .first()
      .waitFor({ timeout: WAIT_MS })
      .then(
        () => true,
        () => false,
      );
    const firstListMs = shown ? performance.now() - tapped : Number.NaN;
    const bytes = proxy.bytes();
    const own = await page
      .locator('[data-testid="request-list"][data-live="true"]')
      .waitFor({ timeout: Math.max(1, WAIT_MS - (performance.now() - tapped)) })
      .then(
        () => true,
        () => false,
      );
    const ownListMs = own ? performance.now() - tapped : Number.NaN;
    return { openMs, firstListMs, ownListMs, connections: proxy.connections(), ...bytes };
  } finally {
    await phone.dispose();
    await proxy.close();
  }
}

/** Runs the first-join figures, prints their table and returns the summary line. */
export async function benchWeakLink(log: (s: string) => void = () => {}): Promise<string> {
  console.log('\n== First join on weak data (five-year sample, 2 Mbit/s each way, 150 ms round trip)');
  if (!existsSync(join(root, 'dist', 'index.html'))) {
    console.log('skipped: run npm run build first');
    return 'weak link: skipped (no build)';
  }
  const dataDir = tempDir();
  try {
    log('writing the five-year sample compound into a data directory');
    const seeded = await seedFiveYearCompound(dataDir);
    const rows: string[][] = [];
    let weakOn: JoinFigures | undefined;
    for (const [deflate, snapshot] of [
      ['off', 'off'],
      ['on', 'off'],
      ['off', 'on'],
      ['on', 'on'],
    ] as const) {
      const server = await startServerProcess({
        built: true,
        dataDir,
        env: { RATE_LIMITS: 'off', WS_DEFLATE: deflate, FIRST_JOIN_SNAPSHOT: snapshot },
      });
      try {
        const runs: [string, JoinFigures][] = [];
        log(`deflate ${deflate}, snapshot ${snapshot}: joining on loopback`);
        runs.push(['loopback', await joinOnce(server, seeded, LOOPBACK)]);
        log(`deflate ${deflate}, snapshot ${snapshot}: joining on the weak link`);
        runs.push(['2 Mbit/s, 150 ms', await joinOnce(server, seeded, WEAK)]);
        if (process.env.BENCH_WEAK_CDP === '1') {
          log(`deflate ${deflate}, snapshot ${snapshot}: joining with Chromium's network emulation`);
          runs.push(["Chromium's emulation", await joinOnce(server, seeded, LOOPBACK, true)]);
        }
        for (const [link, r] of runs) log(`  ${link}: ${JSON.stringify(r)}`);
        for (const [link, r] of runs) {
          rows.push([
            deflate,
            snapshot,
            link,
            f(r.openMs / 1000, 2),
            f(r.firstListMs / 1000, 2),
            f(r.ownListMs / 1000, 2),
            f(r.down / 1e6, 2),
            f(r.up / 1e3, 1),
            String(r.connections),
          ]);
        }
        // The defaults: the snapshot on, deflate off.
        if (snapshot === 'on' && deflate === 'off') weakOn = runs[1]?.[1];
      } finally {
        await server.stop();
      }
    }
    table(
      `First join: ${seeded.requests} requests, public document ${f(seeded.docBytes.public! / 1e6, 2)} MB`,
      [
        'deflate',
        'snapshot',
        'link',
        'open link -> form (s)',
        'tap join -> first list (s)',
        'tap join -> own copy (s)',
        'down (MB)',
        'up (KB)',
        'connections',
      ],
      rows,
    );
    const memory: string[][] = [];
    for (const [events, answer] of [
      [100, 'under 32 KiB'],
      [1000, 'over 32 KiB'],
    ] as const) {
      log(`server memory per connection, a ${events}-event document`);
      const off = await deflateMemory('off', events);
      const on = await deflateMemory('on', events);
      memory.push([answer, f(off.kbPerConnection, 0), f(on.kbPerConnection, 0)]);
    }
    table('Server RSS per idle connection after its sync (KB)', ['sync answer', 'deflate off', 'deflate on'], memory);
    return weakOn
      ? `weak link: first join -> first agenda list ${f(weakOn.firstListMs / 1000, 1)} s on 2 Mbit/s / 150 ms (the relay's first screen; target <= 10 s), the phone's own copy ${f(weakOn.ownListMs / 1000, 1)} s (${f(weakOn.down / 1e6, 2)} MB down)`
      : 'weak link: no figure';
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(await benchWeakLink((s) => console.log(`  ${s}`)));
}
