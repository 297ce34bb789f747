import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { Redis } from 'ioredis';
import { tempDir } from './startServer.ts';

/** A private Redis server for one test file. */
export interface TestRedis {
  url: string;
  /** A client for the test's own commands (CLIENT PAUSE, INCR...), closed by `stop`. */
  client: Redis;
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

/** Starts redis-server on a free loopback port, nothing saved to disk. */
export async function startRedis(): Promise<TestRedis> {
  if (!existsSync(redisServer)) throw new Error('Redis is not installed: apt-get install -y redis-server');
  const port = await freePort();
  const dir = tempDir('little-stool-redis-');
  const server = spawn(
    redisServer,
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir],
    { stdio: 'ignore' },
  );
  const url = `redis://127.0.0.1:${port}`;
  for (let attempt = 0; ; attempt++) {
    if (server.exitCode !== null) throw new Error(`redis-server exited ${server.exitCode}`);
    const probe = new Redis(url, { lazyConnect: true, retryStrategy: () => null, maxRetriesPerRequest: 0 });
    probe.on('error', () => {});
    try {
      await probe.connect();
      probe.disconnect();
      break;
    } catch (e) {
      probe.disconnect();
      if (attempt > 100) throw e;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  const client = new Redis(url);
  client.on('error', () => {});
  return {
    url,
    client,
    async stop() {
      client.disconnect();
      if (server.exitCode === null) {
        const exited = new Promise((r) => server.once('exit', r));
        server.kill('SIGTERM');
        await exited;
      }
    },
  };
}
