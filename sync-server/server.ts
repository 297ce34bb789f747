import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { installAppendInPlace } from '../shared/yjs/appendInPlace.ts';
import { installReadAnyFast } from '../shared/yjs/readAnyFast.ts';
import { createApp } from './app.ts';
import { readmitConnections } from './auth/readmitConnections.ts';
import { RedisBus } from './bus/RedisBus.ts';
import { RedisTickets } from './bus/RedisTickets.ts';
import type { Config } from './config.ts';
import { governance } from './governance.ts';
import type { Services } from './http.ts';
import { DailyQuotas } from './limits/DailyQuotas.ts';
import { withQuotas } from './limits/withQuotas.ts';
import { logLine } from './logLine.ts';
import { Relay } from './relay/Relay.ts';
import { openPostgresStorage } from './storage/postgres/PostgresStorage.ts';
import type { Storage } from './storage/Storage.ts';
import { openSqliteStorage } from './storage/sqlite/SqliteStorage.ts';

export interface RunningServer {
  url: string;
  port: number;
  relay: Relay;
  storage: Storage;
  services: Services;
  close(): Promise<void>;
}

const levels = { info: 0, warn: 1, error: 2, silent: 3 } as const;

/** Opens storage, builds the app and listens; port 0 ends up on a random free port. */
export async function startServer(config: Config, storage?: Storage): Promise<RunningServer> {
  // Validation and Y.applyUpdate read every string of every event: the tested fast reader halves that.
  installReadAnyFast();
  // A phone's run of events grows with every update it sends: merged in place, not copied each time.
  installAppendInPlace();
  const log: Services['log'] = (level, message, fields) => {
    if (levels[level] < levels[config.logLevel]) return;
    // Tokens never reach the log: no field carries one.
    console[level === 'info' ? 'log' : level](logLine(level, message, fields));
  };
  const store =
    storage ??
    (config.databaseUrl
      ? await openPostgresStorage(config.databaseUrl)
      : openSqliteStorage(config.dataDir, {
          synchronous: config.sqliteSync,
          onError: (e) => log('error', 'checkpoint worker failed, the writer checkpoints', { error: String(e) }),
        }));
  // RATE_LIMITS=off lifts the daily quotas with the API limits, for load tests.
  const rules = governance(config.rules);
  const policy = config.rateLimits ? withQuotas(rules, new DailyQuotas(config.quotas)) : rules;
  const bus = config.redisUrl ? new RedisBus(config.redisUrl, { log }) : undefined;
  const relay = new Relay(store.docs, { ...config.relay, log, policy, bus });
  bus?.onMissed(readmitConnections(relay, store.accounts, log));
  const tickets = config.redisUrl ? new RedisTickets(config.redisUrl, Date.now) : undefined;
  const services: Services = { config, storage: store, relay, now: Date.now, log, ...(tickets ? { tickets } : {}) };
  const { app, injectWebSocket, stop } = createApp(services);
  const server = serve({ fetch: app.fetch, hostname: config.host, port: config.port });
  injectWebSocket(server);
  await new Promise<void>((resolve, reject) => {
    if (server.listening) resolve();
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const port = (server.address() as AddressInfo).port;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  return {
    url: `http://${host}:${port}`,
    port,
    relay,
    storage: store,
    services,
    async close() {
      stop();
      // Stop listening first: phones the relay sends away reconnect at once, and a socket let in
      // while the rooms flush would keep the server from ever closing.
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
      await relay.close();
      await bus?.close();
      await tickets?.close();
      // Upgraded sockets count until their close handshake ends (ws ends it after 30 s at most).
      await closed;
      await store.close();
    },
  };
}
