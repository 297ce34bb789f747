import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { type ServerProcess, startServerProcess } from '../helpers/serverProcess.ts';
import { tempDir } from '../helpers/startServer.ts';

export const root = join(import.meta.dirname, '..', '..');

const children = new Set<ChildProcess>();

/** Remembers a child so that `killAll` ends it whatever happens to the bench. */
export function track(proc: ChildProcess): ChildProcess {
  children.add(proc);
  proc.once('exit', () => children.delete(proc));
  return proc;
}

/** SIGKILLs every child still running; synchronous, so it is safe in an 'exit' handler. */
export function killAll(): void {
  for (const proc of children) if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGKILL');
  children.clear();
}

export function exited(proc: ChildProcess): Promise<void> {
  if (proc.exitCode !== null || proc.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => proc.once('exit', () => resolve()));
}

const dirs: string[] = [];

/** A fresh temporary directory, removed by `removeBenchDirs`. */
export function benchDir(): string {
  const dir = tempDir('little-stool-bench-');
  dirs.push(dir);
  return dir;
}

export function removeBenchDirs(): void {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

let compiled = false;
/** Compiles the server as `npm start` runs it (plain JS from tsc), once per bench run, so it is never stale. */
export function compileServer(): void {
  if (compiled) return;
  execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'sync-server/tsconfig.json'], {
    cwd: root,
    stdio: 'inherit',
  });
  compiled = true;
}

/** Our server in its own process, tracked for clean-up; `built`: as shipped (see compileServer), else via tsx. */
export async function startOurs(
  env: Record<string, string>,
  dataDir = benchDir(),
  built = false,
): Promise<ServerProcess> {
  if (built) compileServer();
  const server = await startServerProcess({
    env: { STATIC_DIR: join(root, 'no-static-for-bench'), ...env },
    dataDir,
    built,
  });
  track(server.proc);
  return server;
}

export interface ReferenceServer {
  url: string;
  proc: ChildProcess;
  stop(): Promise<void>;
}

/** Binding to port 0 ends up on a random free port; the reference server cannot do that itself. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

/**
 * @y/websocket-server 0.1.1 as shipped: no auth, no validation; rooms in memory, or with `persist`
 * stored as it ships the option (`YPERSISTENCE`: y-leveldb, every update written to LevelDB).
 */
/** `profileDir`: the reference is CPU-profiled into it, as ours is (cpuProfile.mjs). */
export async function startReference(persist = false, profileDir?: string): Promise<ReferenceServer> {
  const port = await freePort();
  const persistence = persist ? { YPERSISTENCE: benchDir() } : {};
  const profile = profileDir
    ? {
        NODE_OPTIONS: `--import ${join(root, 'tests/bench/cpuProfile.mjs')}`,
        BENCH_PROFILE_DIR: profileDir,
        BENCH_PROFILE_EXIT_ON_TERM: '1',
      }
    : {};
  const proc = track(
    spawn(process.execPath, [join(root, 'node_modules/@y/websocket-server/src/server.js')], {
      cwd: root,
      env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), ...persistence, ...profile },
      stdio: ['ignore', 'pipe', 'pipe'],
    }),
  );
  let out = '';
  await new Promise<void>((resolve, reject) => {
    const onData = (d: Buffer) => {
      out += String(d);
      if (out.includes('running at')) {
        proc.stdout?.off('data', onData);
        resolve();
      }
    };
    proc.stdout?.on('data', onData);
    proc.stderr?.on('data', (d) => {
      out += String(d);
    });
    proc.once('exit', (code) => reject(new Error(`reference server exited with ${code}: ${out}`)));
  });
  proc.stdout?.resume();
  return {
    url: `ws://127.0.0.1:${port}`,
    proc,
    async stop() {
      if (proc.exitCode === null) proc.kill('SIGTERM');
      await exited(proc);
    },
  };
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Polls `check` every `everyMs` until it returns true or `timeoutMs` passes; returns whether it did. */
export async function waitFor(check: () => boolean, timeoutMs: number, everyMs = 100): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (check()) return true;
    await sleep(everyMs);
  }
  return check();
}
