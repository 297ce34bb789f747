import { parentPort } from 'node:worker_threads';
import { installAppendInPlace } from '../../shared/yjs/appendInPlace.ts';
import { installReadAnyFast } from '../../shared/yjs/readAnyFast.ts';
import { type MergeAnswer, type MergeRequest, mergeAny, unpack } from './mergeRequest.ts';

// The thread `RowMerger` starts: it merges rows as the relay's own thread would, with the same Yjs patches.
installReadAnyFast();
installAppendInPlace();

parentPort?.on('message', (request: MergeRequest) => {
  let answer: MergeAnswer;
  try {
    answer = { id: request.id, ...mergeAny(unpack(request), request.scope) };
  } catch (e) {
    answer = { id: request.id, error: String(e) };
  }
  const moved = 'merged' in answer ? [answer.merged.buffer, answer.covers?.buffer] : [];
  parentPort?.postMessage(answer, moved.filter((b) => b !== undefined) as ArrayBuffer[]);
});
