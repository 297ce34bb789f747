import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileSummary {
  file: string;
  busyMs: number;
  idleMs: number;
  /** Self time of the heaviest functions, in ms. */
  self: [string, number][];
  /** Inclusive time of the relay's main steps (`function` or `function file`), in ms. */
  steps: [string, number][];
  eventLoop?: { p50: number; p99: number; max: number; elu: number };
}

const name = (n: ProfileNode) =>
  `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber + 1}`;

/** Reads the newest server profile written by cpuProfile.mjs in `dir`. */
export function summarizeProfile(dir: string, steps: string[], top = 12): ProfileSummary | undefined {
  const file = readdirSync(dir)
    .filter((f) => f.endsWith('.cpuprofile'))
    .sort((a, b) => statSync(join(dir, a)).mtimeMs - statSync(join(dir, b)).mtimeMs)
    .pop();
  if (!file) return undefined;
  const p = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Profile;
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  let idle = 0;
  let busy = 0;
  p.samples.forEach((id, i) => {
    const dt = (p.timeDeltas[i] ?? 0) / 1000;
    const node = byId.get(id)!;
    const own = name(node);
    if (own.startsWith('(idle)')) {
      idle += dt;
      return;
    }
    busy += dt;
    self.set(own, (self.get(own) ?? 0) + dt);
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const frame = byId.get(at)!.callFrame;
      // A step is a function name, or a name and its file's base name for a name used elsewhere too.
      const named = `${frame.functionName} ${frame.url
        .split('/')
        .pop()
        ?.replace(/\.[cm]?[jt]s$/, '')}`;
      for (const fn of [frame.functionName, named]) {
        if (steps.includes(fn) && !seen.has(fn)) {
          seen.add(fn);
          inclusive.set(fn, (inclusive.get(fn) ?? 0) + dt);
        }
      }
    }
  });
  const lagFile = join(dir, file.replace('.cpuprofile', '.eventloop.json'));
  let eventLoop: ProfileSummary['eventLoop'];
  try {
    eventLoop = JSON.parse(readFileSync(lagFile, 'utf8'));
  } catch {
    eventLoop = undefined;
  }
  return {
    file: join(dir, file),
    busyMs: busy,
    idleMs: idle,
    self: [...self].sort((a, b) => b[1] - a[1]).slice(0, top),
    steps: steps.map((s) => [s, inclusive.get(s) ?? 0]),
    ...(eventLoop ? { eventLoop } : {}),
  };
}
