import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import type * as Y from 'yjs';
import { connect, type Session, type TestClient } from './clients.ts';
import { startTestServer, type TestServer } from './startServer.ts';

export interface UsedServer {
  /** The running server; only inside a test or a hook of the describe block. */
  readonly server: TestServer;
  readonly url: string;
  readonly wsUrl: string;
  readonly storage: TestServer['storage'];
  readonly relay: TestServer['relay'];
  readonly services: TestServer['services'];
  /** A stock y-websocket client, destroyed when the server closes. */
  connect(session: Session, docName?: string, doc?: Y.Doc): TestClient;
  /** Closes the server (and its clients) and starts it again on the same data directory. */
  restart(): Promise<void>;
}

/**
 * The real server for a describe block, in this process on port 0: a fresh one for each test
 * (`per: 'test'`, the default) or one for the whole block (`per: 'block'`). It closes after them,
 * and every client opened through `connect` is destroyed first.
 */
export function useTestServer(
  env: Record<string, string> = {},
  { per = 'test' }: { per?: 'test' | 'block' } = {},
): UsedServer {
  let server: TestServer | undefined;
  let clients: TestClient[] = [];
  const [before, after] = per === 'test' ? [beforeEach, afterEach] : [beforeAll, afterAll];
  before(async () => {
    server = await startTestServer(env);
  });
  const stop = async () => {
    for (const c of clients) c.destroy();
    clients = [];
    await server?.close();
    server = undefined;
  };
  after(stop);
  const running = () => {
    if (!server) throw new Error('the test server runs only inside its describe block');
    return server;
  };
  return {
    get server() {
      return running();
    },
    get url() {
      return running().url;
    },
    get wsUrl() {
      return running().wsUrl;
    },
    get storage() {
      return running().storage;
    },
    get relay() {
      return running().relay;
    },
    get services() {
      return running().services;
    },
    connect(session, docName, doc) {
      const c = connect(running().wsUrl, session, docName, doc);
      clients.push(c);
      return c;
    },
    async restart() {
      const { dataDir } = running();
      await stop();
      server = await startTestServer({ ...env, DATA_DIR: dataDir });
    },
  };
}
