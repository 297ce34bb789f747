import { type FloodOptions, type FloodPhase, type FloodRun, hostileCount } from './flood.ts';
import { invalidShapes } from './hostileFlood.ts';
import { f, mb, ratio, table } from './report.ts';

export function printFloodHeader(o: FloodOptions): void {
  const { valid, invalid, awareness } = o.members;
  console.log(
    `\n== 1b. Flood: ${o.rooms} honest rooms x ${o.clients} clients at ${o.ratePerRoom} events/s per room, measured alone, then while` +
      ` ${hostileCount(o)} hostile members flood one other room; ${o.warmupMs / 1000} s warm-up + ${o.durationMs / 1000} s window each.` +
      '\n   ours: sync-server/main.ts via tsx, sync limits as shipped (per connection and per member), API limits and daily quotas raised out of the way.' +
      `\n   hostile: ${valid} send maximum-size valid frames as fast as the byte limit allows; ${invalid} send invalid frames, a new` +
      ` connection for each (${invalidShapes.join('; ')}); ${awareness} send a maximum-size awareness state likewise.`,
  );
}

/** Prints the flood's tables; returns its summary line. */
export function printFlood(o: FloodOptions, r: FloodRun): string {
  const pct = (p: FloodPhase) => f((100 * p.honest.delivered) / Math.max(1, p.honest.expected), 2);
  const row = (name: string, pick: (p: FloodPhase) => number, digits = 1, withRatio = true) => [
    name,
    f(pick(r.quiet), digits),
    f(pick(r.flood), digits),
    withRatio ? ratio(pick(r.flood), pick(r.quiet)) : '',
  ];
  table(
    `Honest rooms (${o.rooms * o.ratePerRoom} updates/s in, ${o.rooms * o.ratePerRoom * (o.clients - 1)} deliveries/s)`,
    ['metric', 'quiet', 'flood', 'flood/quiet'],
    [
      row('latency p50 ms', (p) => p.honest.p50, 2),
      row('latency p99 ms (goal: flood <= 2x quiet)', (p) => p.honest.p99, 2),
      row('latency max ms', (p) => p.honest.max, 1),
      ['delivered within window+drain %', pct(r.quiet), pct(r.flood), ''],
      row('deliveries/s (observed by readers)', (p) => p.honest.deliveriesPerSec, 0),
      row('server CPU % of one core', (p) => p.honest.serverCpuPct),
      row('server max RSS MB', (p) => p.maxRssBytes / 1048576),
      row('load client CPU % of one core', (p) => p.honest.clientCpuPct, 1, false),
      row('hostile members CPU % (bench process)', (p) => p.benchCpuPct, 1, false),
      row('other processes CPU % (noise)', (p) => p.honest.otherCpuPct - p.benchCpuPct, 0, false),
    ],
  );
  const codes = (refused: Record<string, number>) =>
    Object.entries(refused)
      .map(([code, n]) => `${n}x ${code}`)
      .join(', ') || '0';
  table(
    `The flood (${f(r.flood.seconds, 0)} s)`,
    ['members', 'sent', 'accepted', 'refused, by close code', 'unanswered', 'MB sent', 'frames/s', 'connections'],
    r.tallies
      .filter((t) => t.members > 0)
      .map((t) => [
        `${t.members} ${t.kind}`,
        String(t.sent),
        String(t.accepted),
        codes(t.refused),
        String(t.unanswered),
        mb(t.bytes),
        f(t.sent / r.flood.seconds, 1),
        `${t.connections}${t.connectFailures ? ` (${t.connectFailures} refused)` : ''}`,
      ]),
  );
  console.log(
    `the server stored ${r.stored.rows} updates (${mb(r.stored.bytes)} MB) in the flooded room` +
      " (the valid members' 'accepted' counts frames not followed by a close, an upper bound)",
  );
  console.log(`honest clients disconnected: ${r.disconnects}${r.closes ? ` (${r.closes})` : ''}`);
  const refused = r.tallies.reduce((n, t) => n + Object.values(t.refused).reduce((a, b) => a + b, 0), 0);
  const noise = Math.max(...[r.quiet, r.flood].map((p) => p.honest.otherCpuPct - p.benchCpuPct));
  // A quiet phase that already queues makes the ratio meaningless: say so next to it.
  const noisy =
    noise > 20
      ? ` NOTE: other processes used up to ${f(noise, 0)}% of a core (of 200%) meanwhile: figures are noisy.`
      : '';
  if (noisy) console.log(noisy.trim());
  return (
    `Flood in another room (${hostileCount(o)} hostile members): honest p99 ${f(r.quiet.honest.p99, 1)} ms quiet, ` +
    `${f(r.flood.honest.p99, 1)} ms flooded = ${ratio(r.flood.honest.p99, r.quiet.honest.p99)} (goal <= 2x); ` +
    `p50 ${f(r.quiet.honest.p50, 1)}/${f(r.flood.honest.p50, 1)} ms; server CPU ${f(r.quiet.honest.serverCpuPct, 0)}/` +
    `${f(r.flood.honest.serverCpuPct, 0)}%, max RSS ${mb(r.quiet.maxRssBytes)}/${mb(r.flood.maxRssBytes)} MB; ` +
    `${r.stored.rows} maximum-size frames stored, ${refused} refused; honest disconnects ${r.disconnects}.${noisy}`
  );
}
