import type { MergeScope } from '../storage/Storage.ts';
import { mergeCovering, mergeTail } from './mergeRows.ts';

/** Rows to merge as `RowMerger` sends them to its worker: one buffer, and where each row ends. */
export interface MergeRequest {
  id: number;
  scope: MergeScope;
  bytes: Uint8Array;
  ends: number[];
}

/** A merged update; for a full merge also the state vector of what it holds. */
export interface Merged {
  merged: Uint8Array;
  covers?: Uint8Array;
}

export type MergeAnswer = ({ id: number } & Merged) | { id: number; error: string };

/** Merges rows: every row of a room (full), or a tail's rows that build on rows before them. */
export function mergeAny(rows: Uint8Array[], scope: MergeScope): Merged {
  return scope === 'full' ? mergeCovering(rows) : { merged: mergeTail(rows) };
}

/** The request for `rows`, packed into one buffer that the worker can take over without a copy. */
export function pack(id: number, scope: MergeScope, rows: readonly Uint8Array[]): MergeRequest {
  let total = 0;
  for (const row of rows) total += row.byteLength;
  const bytes = new Uint8Array(total);
  const ends: number[] = [];
  let at = 0;
  for (const row of rows) {
    bytes.set(row, at);
    at += row.byteLength;
    ends.push(at);
  }
  return { id, scope, bytes, ends };
}

/** The rows of a packed request, as views of its buffer. */
export function unpack({ bytes, ends }: MergeRequest): Uint8Array[] {
  let start = 0;
  return ends.map((end) => {
    const row = bytes.subarray(start, end);
    start = end;
    return row;
  });
}
