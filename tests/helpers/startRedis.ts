import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { Redis } from 'ioredis';
import { tempDir } from './startServer.ts';

/** A private Redis server for one test file. */
export interface TestRedis {
  url: string;
  /** A client for the test's own commands (CLIENT PAUSE, INCR...), closed by `stop`. */
  client: Redis;
  /** Stops the server with the signal and waits for the exit; the port stays this server's. */
  halt(signal: 'SIGTERM' | 'SIGKILL'): Promise<void>;
  /** Starts it again on the same port, on the data it saved or on an empty directory. */
  resume(options: { empty: boolean }): Promise<void>;
  stop(): Promise<void>;
}

const redisServer = '/usr/bin/redis-server';

/** CI sets REQUIRE_REDIS=1 so a machine without Redis fails instead of skipping. */
export const redisAvailable = existsSync(redisServer) || process.env.REQUIRE_REDIS === '1';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

async function untilAccepting(url: string, server: ChildProcess): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    if (server.exitCode !== null) throw new Error(`redis-server exited ${server.exitCode}`);
    const probe = new Redis(url, { lazyConnect: true, retryStrategy: () => null, maxRetriesPerRequest: 0 });
    probe.on('error', () => {});
    try {
      await probe.connect();
      probe.disconnect();
      return;
    } catch (e) {
      probe.disconnect();
      if (attempt > 100) throw e;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}

/**
 * Starts redis-server on a free loopback port. Nothing is saved to disk unless `persist` is set:
 * then every write goes to an append-only file first, so even a SIGKILL keeps what was acknowledged.
 */
export async function startRedis(options: { persist?: boolean } = {}): Promise<TestRedis> {
  if (!existsSync(redisServer)) throw new Error('Redis is not installed: apt-get install -y redis-server');
  const port = await freePort();
  const dir = tempDir('little-stool-redis-');
  const saving = options.persist
    ? ['--save', '', '--appendonly', 'yes', '--appendfsync', 'always']
    : ['--save', '', '--appendonly', 'no'];
  const url = `redis://127.0.0.1:${port}`;
  const launch = async () => {
    const server = spawn(redisServer, ['--port', String(port), '--bind', '127.0.0.1', ...saving, '--dir', dir], {
      stdio: 'ignore',
    });
    await untilAccepting(url, server);
    return server;
  };
  let server: ChildProcess = await launch();
  const halt = async (signal: 'SIGTERM' | 'SIGKILL') => {
    if (server.exitCode !== null || server.signalCode !== null) return;
    const exited = new Promise((r) => server.once('exit', r));
    server.kill(signal);
    await exited;
  };
  const client = new Redis(url);
  client.on('error', () => {});
  return {
    url,
    client,
    halt,
    async resume({ empty }) {
      if (empty)
        for (const name of ['appendonlydir', 'appendonly.aof', 'dump.rdb'])
          rmSync(`${dir}/${name}`, { recursive: true, force: true });
      server = await launch();
    },
    async stop() {
      client.disconnect();
      await halt('SIGTERM');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
