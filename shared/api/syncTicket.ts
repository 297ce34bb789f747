import * as v from 'valibot';
import { Timestamp } from '../time.ts';

/** 201 from POST /api/compounds/:compoundId/sync-ticket: opens `/sync/...?ticket=` until `expiresAt`. */
export const SyncTicket = v.object({ ticket: v.pipe(v.string(), v.minLength(1)), expiresAt: Timestamp });
export type SyncTicket = v.InferOutput<typeof SyncTicket>;
