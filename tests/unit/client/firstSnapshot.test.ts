import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { firstSnapshot } from '../../../client/sync/firstSnapshot.ts';

/** A document's whole state, as the relay's snapshot route answers it. */
function stateOf(n: number): Uint8Array {
  const doc = new Y.Doc();
  doc.getArray('events').push(Array.from({ length: n }, (_, i) => ({ id: `e${i}`, note: '一'.repeat(50) })));
  return Y.encodeStateAsUpdate(doc);
}

describe('a first join’s snapshot on a weak link', () => {
  const state = stateOf(200);
  let server: Server;
  let base: string;
  beforeAll(async () => {
    // Two answers: one that stops after its first bytes, one that trickles in slower than the stall
    // limit in all but faster between its pieces.
    server = createServer((req, res) => {
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      if (req.url?.includes('/stalls/')) {
        res.write(state.subarray(0, 10));
        return;
      }
      let at = 0;
      const step = Math.ceil(state.byteLength / 10);
      const next = () => {
        res.write(state.subarray(at, at + step));
        at += step;
        if (at >= state.byteLength) res.end();
        else setTimeout(next, 60);
      };
      next();
    }).listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const from = (docName: string) => ({ compoundId: 'c1', docName, ticket: async () => 't', token: () => 'k', base });

  it('gives up a download that stopped moving, so the socket can bring the document', async () => {
    const doc = new Y.Doc();
    await firstSnapshot(from('stalls'), doc, 300);
    expect(doc.getArray('events').length).toBe(0);
    server.closeAllConnections();
  });

  it('keeps a slow download that keeps moving, however long it takes in all', async () => {
    // Ten pieces 60 ms apart: longer in all than the 300 ms without a byte that gives a download up.
    const doc = new Y.Doc();
    await firstSnapshot(from('public'), doc, 300);
    expect(doc.getArray('events').length).toBe(200);
  });
});
