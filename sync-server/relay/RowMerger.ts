import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { MergeScope } from '../storage/Storage.ts';
import { type MergeAnswer, type Merged, mergeAny, pack } from './mergeRequest.ts';

/** A worker with nothing to merge for this long ends, giving its memory back; the next merge starts one. */
const IDLE_MS = 30_000;

/**
 * The build (npm start) runs the worker's plain JS; the sources (tests, dev) run under tsx, whose
 * loader a worker does not inherit on Node 20, so the worker registers it before importing the file.
 */
function startWorker(): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./mergeWorker.js', import.meta.url));
  const file = new URL('./mergeWorker.ts', import.meta.url).href;
  // tsx's ESM api (the CommonJS one resolves its own files wrongly from an eval'd worker).
  const tsxDir = dirname(createRequire(import.meta.url).resolve('tsx/package.json'));
  const api = pathToFileURL(join(tsxDir, 'dist/esm/api/index.mjs')).href;
  const boot = `import(${JSON.stringify(api)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(file)}); });`;
  return new Worker(boot, { eval: true, execArgv: [] });
}

interface Waiting {
  rows: Uint8Array[];
  scope: MergeScope;
  resolve: (merged: Merged) => void;
  reject: (e: unknown) => void;
}

/**
 * Merges stored rows on a worker thread, so a compaction's merge never holds the relay's event
 * loop: a room's rows are applied to a fresh Y.Doc and encoded again there (a five-year compound's
 * 9 MB: about a second of CPU), while the relay's own thread only reads and writes the rows.
 * Merges from the live doc stay in the relay's thread (a tail of a few hundred events costs a few
 * ms). One worker per relay, started on the first merge and ended after `IDLE_MS` without one;
 * should it fail, what it had not answered, and every merge after, runs in the relay's thread.
 */
export class RowMerger {
  #worker: Worker | undefined;
  #broken = false;
  #next = 0;
  readonly #waiting = new Map<number, Waiting>();
  #idle: NodeJS.Timeout | undefined;
  /** Merges the worker answered (for tests and monitoring). */
  merged = 0;

  constructor(private readonly onError: (e: unknown) => void = () => undefined) {}

  /** What `rows` hold, merged: every row of a room for a full merge, a tail's rows as updates. */
  merge(rows: Uint8Array[], scope: MergeScope): Promise<Merged> {
    const worker = this.#start();
    if (!worker) return new Promise((resolve) => resolve(mergeAny(rows, scope)));
    clearTimeout(this.#idle);
    return new Promise((resolve, reject) => {
      const id = ++this.#next;
      this.#waiting.set(id, { rows, scope, resolve, reject });
      // While a merge is out, the worker keeps the process up: a relay closing awaits it.
      worker.ref();
      // One buffer, moved rather than copied: rows read from storage may be views of larger buffers.
      const request = pack(id, scope, rows);
      worker.postMessage(request, [request.bytes.buffer as ArrayBuffer]);
    });
  }

  /** Ends the worker; merges it had not answered run in this thread. */
  async close(): Promise<void> {
    const worker = this.#worker;
    this.#broken = true;
    if (!worker) return;
    this.#stop(worker);
    await worker.terminate();
  }

  /** Ends the worker the way a crash would, without asking it to stop (for tests). */
  async crash(): Promise<void> {
    await this.#worker?.terminate();
  }

  #start(): Worker | undefined {
    if (this.#broken) return undefined;
    if (this.#worker) return this.#worker;
    const worker = startWorker();
    worker.unref();
    worker.on('message', (answer: MergeAnswer) => this.#answer(worker, answer));
    worker.on('error', (e) => this.#fail(worker, e));
    worker.on('exit', (code) => this.#fail(worker, new Error(`merge worker exited with code ${code}`)));
    this.#worker = worker;
    return worker;
  }

  #answer(worker: Worker, answer: MergeAnswer): void {
    const waiting = this.#waiting.get(answer.id);
    if (!waiting) return;
    this.#waiting.delete(answer.id);
    if ('merged' in answer) {
      this.merged++;
      waiting.resolve(answer);
    } else waiting.reject(new Error(answer.error));
    if (this.#waiting.size > 0) return;
    worker.unref();
    this.#idle = setTimeout(() => {
      if (this.#worker !== worker || this.#waiting.size > 0) return;
      this.#stop(worker);
      void worker.terminate();
    }, IDLE_MS);
    this.#idle.unref();
  }

  /** Forgets the worker and merges here what it still held. */
  #stop(worker: Worker): void {
    if (this.#worker !== worker) return;
    this.#worker = undefined;
    clearTimeout(this.#idle);
    for (const w of this.#waiting.values()) {
      try {
        w.resolve(mergeAny(w.rows, w.scope));
      } catch (e) {
        w.reject(e);
      }
    }
    this.#waiting.clear();
  }

  #fail(worker: Worker, e: unknown): void {
    if (this.#worker !== worker) return;
    this.#broken = true;
    this.onError(e);
    this.#stop(worker);
  }
}
