import type { HttpBindings } from '@hono/node-server';
import type { Member } from '../../shared/roles.ts';
import type { Config } from '../config.ts';
import type { Relay } from '../relay/Relay.ts';
import type { Storage } from '../storage/Storage.ts';

/** What every route can reach. */
export interface Services {
  config: Config;
  storage: Storage;
  relay: Relay;
  now: () => number;
  log: (level: 'info' | 'warn' | 'error', message: string, fields?: Record<string, unknown>) => void;
}

export type AppEnv = { Bindings: HttpBindings; Variables: { member: Member } };
