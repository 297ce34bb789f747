import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

let ticksPerSecond: number | undefined;
function clockTicks(): number {
  if (ticksPerSecond === undefined) {
    try {
      ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      ticksPerSecond = 100;
    }
  }
  return ticksPerSecond;
}

/** CPU seconds (user + system) a process has used so far, from /proc/<pid>/stat. */
export function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name (field 2) may contain spaces: count fields after its closing parenthesis.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // Fields 14 and 15 of the man page (utime, stime) are 11 and 12 here, counting from field 3.
  return (Number(fields[11]) + Number(fields[12])) / clockTicks();
}

/** Resident set size of a process in bytes, from /proc/<pid>/status. */
export function rssBytes(pid: number): number {
  const m = /VmRSS:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) * 1024 : Number.NaN;
}

/** Highest resident set size a process has had so far, in bytes (VmHWM in /proc/<pid>/status). */
export function peakRssBytes(pid: number): number {
  const m = /VmHWM:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) * 1024 : Number.NaN;
}

/** Percentile of an ascending array (nearest rank); NaN when empty. */
export function percentile(sorted: ArrayLike<number>, q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

/** Machine-wide CPU seconds from /proc/stat: busy (all states but idle and iowait) and iowait. */
export function machineCpuSeconds(): { busy: number; iowait: number } {
  const line = readFileSync('/proc/stat', 'utf8').split('\n')[0]!;
  const [user, nice, system, , iowait, irq, softirq, steal] = line.trim().split(/\s+/).slice(1).map(Number) as number[];
  const t = clockTicks();
  return { busy: (user! + nice! + system! + irq! + softirq! + steal!) / t, iowait: iowait! / t };
}

/** Resident memory of a process by kind of mapping, in bytes, from /proc/<pid>/smaps. */
export interface MemoryMap {
  /** glibc's main heap (`[heap]`): malloc'd memory of the main arena. */
  heap: number;
  /** Anonymous mappings: V8's heap, malloc's other arenas and large blocks, thread stacks. */
  anon: number;
  /** Mapped files: code, shared libraries, SQLite's WAL index. */
  files: number;
}

export function memoryMap(pid: number): MemoryMap {
  const out: MemoryMap = { heap: 0, anon: 0, files: 0 };
  let kind: keyof MemoryMap = 'anon';
  for (const line of readFileSync(`/proc/${pid}/smaps`, 'utf8').split('\n')) {
    const head = /^[0-9a-f]+-[0-9a-f]+ \S+ \S+ \S+ \S+\s*(.*)$/.exec(line);
    if (head) {
      const name = head[1]!;
      kind = name === '[heap]' ? 'heap' : name === '' || name.startsWith('[') ? 'anon' : 'files';
      continue;
    }
    const rss = /^Rss:\s+(\d+) kB/.exec(line);
    if (rss) out[kind] += Number(rss[1]) * 1024;
  }
  return out;
}
