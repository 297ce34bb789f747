import { addMember, createCompound, type Session } from '../helpers/clients.ts';
import { startPostgres, type TestPostgres } from '../helpers/startPostgres.ts';
import { startRedis, type TestRedis } from '../helpers/startRedis.ts';
import { benchAppendCost } from './appendCost.ts';
import { LoadClient, mapLimit } from './fanout.ts';
import { benchIdle, openLimits } from './idle.ts';
import { benchInstances } from './instances.ts';
import { startOurs } from './processes.ts';
import { f, table } from './report.ts';

/**
 * `BENCH_SECTIONS=multi`, in parts (BENCH_MULTI_PARTS, all by default): `cross` (below),
 * `instances` (one relay vs two, instances.ts), `append` (Postgres vs SQLite, appendCost.ts) and
 * `idle` (10,000 idle connections beside 1,000 active, idle.ts).
 */
export async function benchMulti(log: (s: string) => void): Promise<string> {
  const parts = new Set((process.env.BENCH_MULTI_PARTS ?? 'cross,instances,append,idle').split(','));
  const out: string[] = [];
  if (parts.has('cross') || parts.has('instances') || parts.has('append')) {
    const [pg, redis] = await Promise.all([startPostgres(), startRedis()]);
    try {
      if (parts.has('cross')) out.push(await benchCross(log, pg, redis));
      if (parts.has('instances')) out.push(await benchInstances(log, pg, redis));
      if (parts.has('append')) out.push(await benchAppendCost(log, pg));
    } finally {
      await Promise.all([pg.stop(), redis.stop()]);
    }
  }
  if (parts.has('idle')) out.push(await benchIdle(log));
  return out.join('\n');
}

/**
 * The same load on one relay with SQLite, one relay on Postgres, and two
 * relays on Postgres and Redis with every room's writer on the first and its readers on the second
 * (each delivery crosses Redis). Needs `postgresql` and `redis-server`; the tests' helpers start
 * private ones. BENCH_MULTI_ROOMS (50) rooms of 3 clients, BENCH_MULTI_RATE (20) events/s per room.
 */
async function benchCross(log: (s: string) => void, pg: TestPostgres, redis: TestRedis): Promise<string> {
  const rooms = Number(process.env.BENCH_MULTI_ROOMS ?? 50);
  const rate = Number(process.env.BENCH_MULTI_RATE ?? 20);
  const seconds = Number(process.env.BENCH_SECONDS ?? 10);
  const open = openLimits;
  const setups: { name: string; env: () => Promise<Record<string, string>>; instances: 1 | 2 }[] = [
    { name: 'one relay, SQLite', env: async () => ({}), instances: 1 },
    { name: 'one relay, Postgres', env: async () => ({ DATABASE_URL: await pg.newDatabase() }), instances: 1 },
    {
      name: 'two relays, Postgres + Redis, readers on the other',
      env: async () => ({ DATABASE_URL: await pg.newDatabase(), REDIS_URL: redis.url }),
      instances: 2,
    },
  ];
  const rows: string[][] = [];
  for (const setup of setups) {
    const env = { ...open, ...(await setup.env()) };
    const servers = [await startOurs(env)];
    if (setup.instances === 2) servers.push(await startOurs(env));
    const [a, b] = [servers[0]!, servers.at(-1)!];
    try {
      const plan = await mapLimit(
        Array.from({ length: rooms }, (_, i) => i),
        8,
        async () => {
          const admin = await createCompound(a.url);
          const readers: Session[] = [];
          for (let j = 0; j < 2; j++) readers.push(await addMember(b.url, admin, { role: 'resident' }));
          return {
            serverUrl: a.wsUrl,
            readerUrl: b.wsUrl,
            room: `${admin.compoundId}/public`,
            writer: { memberId: admin.memberId, token: admin.token },
            readers: readers.map((r) => ({ token: r.token })),
          };
        },
      );
      const load = new LoadClient(setup.name, { serverPid: a.proc.pid!, rooms: plan });
      const connectMs = await load.connected;
      const r = await load.phase({ ratePerRoom: rate, warmupMs: 3000, durationMs: seconds * 1000, drainMs: 3000 });
      await load.leave();
      log(`${setup.name}: p50 ${f(r.p50, 1)} ms, p99 ${f(r.p99, 1)} ms, ${f(r.deliveriesPerSec, 0)} deliveries/s`);
      rows.push([
        setup.name,
        f(connectMs, 0),
        f(r.deliveriesPerSec, 0),
        `${r.delivered}/${r.expected}`,
        f(r.p50, 1),
        f(r.p99, 1),
        f(r.serverCpuPct, 0),
        String(r.disconnects),
      ]);
    } finally {
      for (const s of servers) await s.stop();
    }
  }
  table(
    `Several instances (${rooms} rooms x 3 clients, ${rate} events/s per room, ${seconds} s)`,
    ['setup', 'connect ms', 'deliveries/s', 'delivered', 'p50 ms', 'p99 ms', 'CPU % (writer’s relay)', 'disconnects'],
    rows,
  );
  const [sqlite, postgres, multi] = rows;
  return `several instances: p99 ${sqlite?.[5]} ms (SQLite), ${postgres?.[5]} ms (Postgres), ${multi?.[5]} ms across two relays through Redis`;
}
