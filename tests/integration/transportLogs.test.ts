import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { CloseCode } from '../../shared/errors.ts';
import { addMember, createCompound } from '../helpers/clients.ts';
import { openRaw, syncFrame } from '../helpers/rawSocket.ts';
import { useTestServer } from '../helpers/useTestServer.ts';

describe('what the relay logs about a refusal', () => {
  const server = useTestServer({ LOG: 'warn' });
  afterEach(() => vi.restoreAllMocks());

  it('an unknown event type of a megabyte is logged in a few hundred characters, not whole', async () => {
    const lines: string[] = [];
    vi.spyOn(console, 'warn').mockImplementation((line: string) => void lines.push(line));
    const admin = await createCompound(server.url);
    const attacker = await addMember(server.url, admin, { role: 'resident' }, '捣乱者');
    const doc = new Y.Doc();
    doc.getArray('events').push([{ id: 'x1', type: 'x'.repeat(1_000_000), at: Date.now(), by: attacker.memberId }]);
    const raw = await openRaw(server.wsUrl, attacker);
    raw.send(syncFrame(2, Y.encodeStateAsUpdate(doc)));
    expect((await raw.closed).code).toBe(CloseCode.UpdateRejected);
    const refusal = lines.find((l) => l.includes('connection refused'));
    expect(refusal).toBeDefined();
    expect(refusal!.length).toBeLessThan(1000);
    expect(refusal).toContain('unknown_type');
  });
});
