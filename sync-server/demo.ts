import type { Services } from './api/context.ts';

/** Placeholder until the sample-data generator lands: creates nothing yet. */
export async function createDemoCompound(_s: Services): Promise<{ inviteCode: string }> {
  throw new Error('DEMO=1 is not available yet');
}
