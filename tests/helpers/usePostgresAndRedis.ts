import { afterAll, beforeAll } from 'vitest';
import { postgresAvailable, startPostgres, type TestPostgres } from './startPostgres.ts';
import { redisAvailable, startRedis, type TestRedis } from './startRedis.ts';

/** Both servers are installed (or required): the files using them skip otherwise. */
export const postgresAndRedisAvailable = postgresAvailable && redisAvailable;

export interface PostgresAndRedis {
  readonly postgres: TestPostgres;
  readonly redis: TestRedis;
  /** A relay's environment for the distributed mode: a new empty database and the file's Redis. */
  env(): Promise<{ DATABASE_URL: string; REDIS_URL: string }>;
}

/**
 * A Postgres and a Redis started for the test file (on free loopback ports, in temporary
 * directories) and removed after it; nothing is started where either is missing.
 */
export function usePostgresAndRedis(): PostgresAndRedis {
  let postgres: TestPostgres | undefined;
  let redis: TestRedis | undefined;
  beforeAll(async () => {
    if (!postgresAndRedisAvailable) return;
    [postgres, redis] = await Promise.all([startPostgres(), startRedis()]);
  }, 60_000);
  afterAll(async () => {
    await Promise.all([postgres?.stop(), redis?.stop()]);
  });
  const running = <T>(server: T | undefined, name: string): T => {
    if (!server) throw new Error(`${name} is not running`);
    return server;
  };
  return {
    get postgres() {
      return running(postgres, 'Postgres');
    },
    get redis() {
      return running(redis, 'Redis');
    },
    async env() {
      return {
        DATABASE_URL: await running(postgres, 'Postgres').newDatabase(),
        REDIS_URL: running(redis, 'Redis').url,
      };
    },
  };
}
