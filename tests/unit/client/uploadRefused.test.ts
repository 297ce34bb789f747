import './support/offlineBrowser.ts';
import { createHash } from 'node:crypto';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { createCompound } from '../../helpers/clients.ts';
import { useTestServer } from '../../helpers/useTestServer.ts';

const { getBlob, pendingUploads, putBlob } = await import('../../../client/media/blobStore.ts');
const { kickUploads, pendingPhotos, queuePhotos, refusedPhotos, QUOTA_RETRY_MS, uploadsSettled } = await import(
  '../../../client/media/uploadQueue.ts'
);
const { saveAccount } = await import('../../../client/sync/accounts.ts');

/** A small PNG the relay takes for an image, different for each `n`. */
function png(n: number): { bytes: Uint8Array<ArrayBuffer>; hash: string } {
  const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...Buffer.from(`photo-${n}`)]);
  return { bytes, hash: createHash('sha256').update(bytes).digest('hex') };
}

describe('a photo the relay refuses because the compound’s photo space is full', () => {
  // Room for one image.
  const server = useTestServer({ COMPOUND_IMAGES: '1' });
  const realFetch = globalThis.fetch;
  afterAll(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  it('stays on the phone and in the queue, is shown as refused with why, and is offered again later', async () => {
    // The phone's API paths are relative to the app's origin: here, the test relay.
    vi.stubGlobal('fetch', (url: string, init?: RequestInit) =>
      realFetch(url.startsWith('/') ? `${server.url}${url}` : url, init),
    );
    (globalThis.navigator as { onLine: boolean }).onLine = true;
    const admin = await createCompound(server.url);
    await saveAccount({
      ...admin,
      compoundName: '和平小区',
      name: '王阿姨',
      role: 'admin',
      party: 'community',
      addedAt: 0,
    });
    const [first, second] = [png(1), png(2)];
    for (const p of [first, second]) await putBlob(p.hash, new Blob([p.bytes], { type: 'image/png' }));

    await queuePhotos(admin.compoundId, [first.hash]);
    await uploadsSettled();
    await queuePhotos(admin.compoundId, [second.hash]);
    await uploadsSettled();
    expect(refusedPhotos().get(second.hash)).toBe('image_count_quota');
    expect(pendingPhotos().size).toBe(0);
    expect((await pendingUploads()).map((u) => u.hash)).toEqual([second.hash]);
    expect(await getBlob(second.hash)).toBeDefined();

    // Not offered again at once: the space is still full.
    const attempts = async () => (await pendingUploads())[0]?.attempts;
    expect(await attempts()).toBe(1);
    kickUploads();
    await uploadsSettled();
    expect(await attempts()).toBe(1);
    // An hour on (space freed, or the limit raised) it is: here the relay refuses it again.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + QUOTA_RETRY_MS);
    kickUploads();
    await uploadsSettled();
    expect(await attempts()).toBe(2);
    expect(refusedPhotos().get(second.hash)).toBe('image_count_quota');
  });
});
