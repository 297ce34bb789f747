import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from './startServer.ts';

export interface ServerProcess {
  url: string;
  wsUrl: string;
  port: number;
  dataDir: string;
  proc: ChildProcess;
  /** SIGTERM and wait for the exit. */
  stop(): Promise<void>;
  /** SIGKILL: no flush, no goodbye. */
  kill(): Promise<void>;
  output(): string;
}

const root = join(import.meta.dirname, '..', '..');

/** The flags `npm start` (its `serve` script) gives node: the build runs as shipped. */
export function servedWith(): string[] {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: { serve: string } };
  const m = /^node ((?:--\S+ )*)dist-server\/sync-server\/main\.js$/.exec(pkg.scripts.serve);
  if (!m) throw new Error(`package.json's serve script is not "node [flags] dist-server/sync-server/main.js"`);
  return m[1]!.split(' ').filter(Boolean);
}
/** Past a websocket's 30 s close handshake timeout, the longest a clean shutdown may wait. */
const STOP_WITHIN_MS = 40_000;

/**
 * The server as its own process on a free loopback port. Uses the build (dist-server/) when
 * `built` is set, as the browser tests do; otherwise runs the sources through tsx.
 */
export async function startServerProcess(
  options: { env?: Record<string, string>; dataDir?: string; port?: number; built?: boolean } = {},
): Promise<ServerProcess> {
  const dataDir = options.dataDir ?? tempDir();
  const built = options.built ?? false;
  const mainJs = join(root, 'dist-server', 'sync-server', 'main.js');
  if (built && !existsSync(mainJs)) throw new Error('dist-server is missing: run npm run build first');
  const args = built ? [...servedWith(), mainJs] : ['--import', 'tsx', join(root, 'sync-server', 'main.ts')];
  const proc = spawn(process.execPath, args, {
    cwd: root,
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: String(options.port ?? 0),
      DATA_DIR: dataDir,
      LOG: 'warn',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  proc.stdout?.on('data', (d) => {
    out += String(d);
  });
  proc.stderr?.on('data', (d) => {
    out += String(d);
  });
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    const onData = () => {
      const m = /listening on (http:\/\/[^\s]+)/.exec(out);
      if (m?.[1]) {
        proc.stdout?.off('data', onData);
        resolve(m[1]);
      }
    };
    proc.stdout?.on('data', onData);
    proc.once('exit', (code) => reject(new Error(`server exited with ${code}: ${out}`)));
  });
  return {
    url,
    wsUrl: `${url.replace(/^http/, 'ws')}/sync`,
    port: Number(new URL(url).port),
    dataDir,
    proc,
    output: () => out,
    async stop() {
      if (proc.exitCode === null) proc.kill('SIGTERM');
      // A server that never exits would hold a test until its own timeout with nothing to show:
      // kill it and say so, with what it printed.
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<'late'>((resolve) => {
        timer = setTimeout(() => resolve('late'), STOP_WITHIN_MS);
      });
      const outcome = await Promise.race([exited, late]);
      clearTimeout(timer);
      if (outcome === 'late') {
        proc.kill('SIGKILL');
        await exited;
        throw new Error(
          `the server did not exit within ${STOP_WITHIN_MS} ms of SIGTERM; it printed:\n${out.slice(-4000)}`,
        );
      }
    },
    async kill() {
      if (proc.exitCode === null) proc.kill('SIGKILL');
      await exited;
    },
  };
}
