import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readConfig } from '../../sync-server/config.ts';
import { type RunningServer, startServer } from '../../sync-server/server.ts';

export interface TestServer extends RunningServer {
  dataDir: string;
  wsUrl: string;
}

export function tempDir(prefix = 'little-stool-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** The real server in this process on a loopback port 0, with a real SQLite file. */
export async function startTestServer(env: Record<string, string> = {}): Promise<TestServer> {
  const dataDir = env.DATA_DIR ?? tempDir();
  const config = readConfig({
    HOST: '127.0.0.1',
    PORT: '0',
    LOG: 'silent',
    STATIC_DIR: join(dataDir, 'no-static'),
    // Tests open and close far more sockets per member than a phone; tests of the budget set their own.
    MEMBER_CONNECT_BURST: '100000',
    ...env,
    DATA_DIR: dataDir,
  });
  const server = await startServer(config);
  return { ...server, dataDir, wsUrl: `${server.url.replace(/^http/, 'ws')}/sync` };
}
