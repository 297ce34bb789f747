import { seedMembers } from '../helpers/seedMembers.ts';
import { LoadClient } from './fanout.ts';
import { closeIdle, type IdleSocket, openIdle } from './idleSockets.ts';
import { benchDir, startOurs } from './processes.ts';
import { rssBytes } from './procStats.ts';
import { f, mb, table } from './report.ts';

/** Limits off: the bench measures the relay's cost, not its refusals. */
export const openLimits = {
  RATE_LIMITS: 'off',
  WS_MESSAGES_PER_SECOND: '1000000',
  WS_MESSAGE_BURST: '1000000',
  WS_BYTES_PER_SECOND: String(1 << 30),
  WS_BYTE_BURST: String(1 << 30),
  MAX_CONNECTIONS_PER_MEMBER: '10000',
  LOG: 'error',
};

/**
 * Idle phones next to active ones on one relay (SQLite). An idle connection is an admitted socket
 * in a loaded room that finished the sync handshake and then sends nothing (ws answers pings):
 * a phone left open on the agenda. BENCH_IDLE (10,000) of them in rooms of 20, BENCH_ACTIVE_ROOMS
 * (100) active rooms of 10 stock providers (one writer), BENCH_IDLE_RATE (2) events/s per active room.
 * BENCH_IDLE_DEFLATE=1: idle sockets offer permessage-deflate, as browsers do.
 */
export async function benchIdle(log: (s: string) => void): Promise<string> {
  const idle = Number(process.env.BENCH_IDLE ?? 10_000);
  const activeRooms = Number(process.env.BENCH_ACTIVE_ROOMS ?? 100);
  const rate = Number(process.env.BENCH_IDLE_RATE ?? 2);
  const seconds = Number(process.env.BENCH_SECONDS ?? 10);
  const deflate = process.env.BENCH_IDLE_DEFLATE === '1';
  const perIdleRoom = 20;
  const dataDir = benchDir();
  const t0 = Date.now();
  const active = await seedMembers(dataDir, activeRooms, 10);
  const idleRooms = await seedMembers(dataDir, Math.ceil(idle / perIdleRoom), perIdleRoom);
  log(`idle: ${activeRooms * 10 + idleRooms.length * perIdleRoom} accounts seeded in ${Date.now() - t0} ms`);
  const server = await startOurs(openLimits, dataDir);
  const pid = server.proc.pid!;
  const load = new LoadClient('idle', {
    serverPid: pid,
    rooms: active.map((members) => ({
      serverUrl: server.wsUrl,
      room: `${members[0]!.compoundId}/public`,
      writer: { memberId: members[0]!.memberId, token: members[0]!.token },
      readers: members.slice(1).map((m) => ({ token: m.token })),
    })),
  });
  const sockets: IdleSocket[] = [];
  try {
    await load.connected;
    const phase = { ratePerRoom: rate, warmupMs: 2000, durationMs: seconds * 1000, drainMs: 3000 };
    const alone = await load.phase(phase);
    log(`idle: ${activeRooms * 10} active alone: p99 ${f(alone.p99, 1)} ms`);
    const rssBefore = rssBytes(pid);
    const opening = Date.now();
    for (const members of idleRooms) {
      for (const m of members) sockets.push(openIdle(server.wsUrl, `${m.compoundId}/public`, m.token, deflate));
      // A few hundred handshakes in flight at a time, as phones coming back after a night would be.
      if (sockets.length % 500 === 0) await Promise.all(sockets.slice(-500).map((s) => s.synced));
    }
    await Promise.all(sockets.map((s) => s.synced));
    const openMs = Date.now() - opening;
    const rssAfter = rssBytes(pid);
    log(
      `idle: ${sockets.length} idle sockets open in ${openMs} ms, server RSS ${mb(rssBefore)} -> ${mb(rssAfter)} MiB`,
    );
    const beside = await load.phase(phase);
    log(`idle: ${activeRooms * 10} active beside ${sockets.length} idle: p99 ${f(beside.p99, 1)} ms`);
    const perIdle = (rssAfter - rssBefore) / sockets.length;
    table(
      `Idle connections (${sockets.length} idle in rooms of ${perIdleRoom}, ${deflate ? 'offering' : 'without'} permessage-deflate; ${activeRooms} active rooms x 10, ${rate} events/s per room, ${seconds} s)`,
      [
        'active clients',
        'p50 ms',
        'p99 ms',
        'deliveries/s',
        'delivered',
        'server CPU %',
        'load client CPU %',
        'other CPU %',
        'server RSS MiB',
      ],
      [
        [
          'alone',
          f(alone.p50, 1),
          f(alone.p99, 1),
          f(alone.deliveriesPerSec, 0),
          `${alone.delivered}/${alone.expected}`,
          f(alone.serverCpuPct, 0),
          f(alone.clientCpuPct, 0),
          f(alone.otherCpuPct, 0),
          mb(alone.serverRssBytes),
        ],
        [
          `beside ${sockets.length} idle`,
          f(beside.p50, 1),
          f(beside.p99, 1),
          f(beside.deliveriesPerSec, 0),
          `${beside.delivered}/${beside.expected}`,
          f(beside.serverCpuPct, 0),
          f(beside.clientCpuPct, 0),
          f(beside.otherCpuPct, 0),
          mb(beside.serverRssBytes),
        ],
      ],
    );
    console.log(
      `memory per idle connection: ${f(perIdle / 1024, 1)} KiB (server RSS delta / ${sockets.length}, rooms' docs included); ${sockets.length} opened in ${openMs} ms`,
    );
    return `idle connections: ${f(perIdle / 1024, 1)} KiB each; active p99 ${f(alone.p99, 1)} ms alone, ${f(beside.p99, 1)} ms beside ${sockets.length} idle`;
  } finally {
    await closeIdle(sockets);
    await load.leave().catch(() => load.kill());
    await server.stop();
  }
}
