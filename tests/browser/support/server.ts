import { afterAll, beforeAll } from 'vitest';
import { type ServerProcess, startServerProcess } from '../../helpers/serverProcess.ts';

/** The built app and relay in their own process, one per test file. */
export function useServer(env: Record<string, string> = {}): { readonly url: string; readonly server: ServerProcess } {
  let server: ServerProcess | undefined;
  beforeAll(async () => {
    server = await startServerProcess({ built: true, env: { RATE_LIMITS: 'off', ...env } });
  });
  afterAll(async () => {
    await server?.stop();
  });
  return {
    get url() {
      return server!.url;
    },
    get server() {
      return server!;
    },
  };
}
