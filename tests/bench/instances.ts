import { addMember, createCompound, type Session } from '../helpers/clients.ts';
import type { TestPostgres } from '../helpers/startPostgres.ts';
import type { TestRedis } from '../helpers/startRedis.ts';
import { LoadClient, mapLimit, type PhaseResult } from './fanout.ts';
import { openLimits } from './idle.ts';
import { startOurs } from './processes.ts';
import { cpuSeconds } from './procStats.ts';
import { f, table } from './report.ts';

type Placement = 'one' | 'split' | 'crossed';

/**
 * One relay against two on the same total load, all on Postgres and Redis so only the number of
 * processes differs. `split`: each room lives on one instance (a proxy that keeps a compound on one
 * instance); `crossed`: each room's writer on one instance and its readers on the other.
 * BENCH_MULTI_ROOMS (50) rooms of 3, at BENCH_INSTANCES_RATES (20,60) events/s per room.
 */
export async function benchInstances(log: (s: string) => void, pg: TestPostgres, redis: TestRedis): Promise<string> {
  const rooms = Number(process.env.BENCH_MULTI_ROOMS ?? 50);
  const rates = (process.env.BENCH_INSTANCES_RATES ?? '20,60').split(',').map(Number);
  const seconds = Number(process.env.BENCH_SECONDS ?? 10);
  const rows: string[][] = [];
  const p99: Record<Placement, number[]> = { one: [], split: [], crossed: [] };
  for (const placement of ['one', 'split', 'crossed'] as Placement[]) {
    const env = { ...openLimits, DATABASE_URL: await pg.newDatabase(), REDIS_URL: redis.url };
    const servers = [await startOurs(env)];
    if (placement !== 'one') servers.push(await startOurs(env));
    const on = (i: number) => servers[i % servers.length]!;
    try {
      const plan = await mapLimit(
        Array.from({ length: rooms }, (_, i) => i),
        8,
        async (i) => {
          const admin = await createCompound(on(i).url);
          const readers: Session[] = [];
          for (let j = 0; j < 2; j++) readers.push(await addMember(on(i).url, admin, { role: 'resident' }));
          return {
            serverUrl: on(i).wsUrl,
            readerUrl: placement === 'crossed' ? on(i + 1).wsUrl : on(i).wsUrl,
            room: `${admin.compoundId}/public`,
            writer: { memberId: admin.memberId, token: admin.token },
            readers: readers.map((r) => ({ token: r.token })),
          };
        },
      );
      const load = new LoadClient(`instances ${placement}`, { serverPid: servers[0]!.proc.pid!, rooms: plan });
      await load.connected;
      for (const rate of rates) {
        const cpu = () => servers.reduce((s, x) => s + cpuSeconds(x.proc.pid!), 0);
        const start = { cpu: cpu(), at: Date.now() };
        const r: PhaseResult = await load.phase({
          ratePerRoom: rate,
          warmupMs: 3000,
          durationMs: seconds * 1000,
          drainMs: 3000,
        });
        // Over the whole phase (warm-up and drain too), every instance together.
        const cpuPct = ((cpu() - start.cpu) / ((Date.now() - start.at) / 1000)) * 100;
        const name = {
          one: 'one relay',
          split: 'two relays, rooms split',
          crossed: 'two relays, readers on the other',
        }[placement];
        log(`instances: ${name} at ${rate}/s: p50 ${f(r.p50, 1)} ms, p99 ${f(r.p99, 1)} ms, CPU ${f(cpuPct, 0)} %`);
        p99[placement].push(r.p99);
        rows.push([
          name,
          String(rate * rooms),
          f(r.deliveriesPerSec, 0),
          `${r.delivered}/${r.expected}`,
          f(r.p50, 1),
          f(r.p99, 1),
          f(cpuPct, 0),
          f(r.otherCpuPct, 0),
        ]);
      }
      await load.leave();
    } finally {
      for (const s of servers) await s.stop();
    }
  }
  table(
    `One relay vs two on Postgres + Redis (${rooms} rooms x 3 clients, ${seconds} s; the load client and Postgres/Redis share the same 2 cores)`,
    ['setup', 'events/s offered', 'deliveries/s', 'delivered', 'p50 ms', 'p99 ms', 'relays CPU %', 'other CPU %'],
    rows,
  );
  const at = (k: Placement) => p99[k].map((x) => f(x, 1)).join('/');
  return `one vs two relays, p99 at ${rates.join('/')} events/s per room: one ${at('one')} ms, split ${at('split')} ms, crossed ${at('crossed')} ms`;
}
