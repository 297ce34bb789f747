import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CloseCode } from '../../shared/errors.ts';
import { addMember, createCompound, raised, type Session, synced, type TestClient } from '../helpers/clients.ts';
import { eventually } from '../helpers/eventually.ts';
import { type UsedServer, useTestServer } from '../helpers/useTestServer.ts';

const titles = (client: TestClient) => client.events.toArray().map((e) => (e as { title: string }).title);

/** A compound with a writer and a watcher of `public`, both synced. */
async function writerAndWatcher(server: UsedServer) {
  const admin = await createCompound(server.url);
  const writer = await addMember(server.url, admin, { role: 'resident' }, '发帖很多的居民');
  const watcher = server.connect(admin, 'public');
  const phone = server.connect(writer, 'public');
  await Promise.all([synced(watcher), synced(phone)]);
  return { admin, writer, watcher, phone };
}

/** Writes one event per title, each after the last reached the watcher, until the writer is closed. */
async function writeUntilClosed(phone: TestClient, writer: Session, watcher: TestClient, list: string[]) {
  for (const title of list) {
    phone.events.push([raised(writer, title)]);
    await eventually(() => expect(titles(watcher).includes(title) || phone.closes.length > 0).toBe(true));
    if (phone.closes.length > 0) return;
  }
}

describe('a member’s daily quota of events', () => {
  const server = useTestServer({ MEMBER_EVENTS_PER_DAY: '2' });

  it('refuses the member’s changes past it with 4430 event_quota; others keep writing', async () => {
    const { admin, writer, watcher, phone } = await writerAndWatcher(server);
    await writeUntilClosed(phone, writer, watcher, ['第一条', '第二条', '第三条']);
    expect(phone.closes[0]?.code).toBe(CloseCode.QuotaExceeded);
    expect(phone.closes[0]?.reason).toMatch(/^event_quota/);
    expect(titles(watcher)).toEqual(['第一条', '第二条']);
    watcher.events.push([raised(admin, '管理员照常发')]);
    const other = server.connect(admin, 'public');
    await eventually(() => expect(titles(other)).toContain('管理员照常发'));
    expect(titles(other)).not.toContain('第三条');
  });
});

describe('a member’s daily quota of bytes', () => {
  const server = useTestServer({ MEMBER_BYTES_PER_DAY: '1800' });

  it('refuses an update that would take the member past it with 4430 byte_quota', async () => {
    const { writer, watcher, phone } = await writerAndWatcher(server);
    // About 720 bytes an update: two fit in 1800, a third does not.
    const long = (n: number) => `第${n}条：${'楼道灯不亮'.repeat(39)}`;
    await writeUntilClosed(phone, writer, watcher, [long(1), long(2), long(3), long(4)]);
    expect(phone.closes[0]?.code).toBe(CloseCode.QuotaExceeded);
    expect(phone.closes[0]?.reason).toMatch(/^byte_quota/);
    expect(titles(watcher)).toEqual([long(1), long(2)]);
  });
});

describe('quotas with RATE_LIMITS=off', () => {
  const server = useTestServer({ RATE_LIMITS: 'off', MEMBER_EVENTS_PER_DAY: '2', COMPOUND_IMAGES: '1' });

  it('are lifted, for load tests', async () => {
    const { writer, watcher, phone } = await writerAndWatcher(server);
    await writeUntilClosed(phone, writer, watcher, ['一', '二', '三', '四']);
    expect(phone.closes).toEqual([]);
    expect(titles(watcher)).toEqual(['一', '二', '三', '四']);
    const put = (n: number) => putImage(server, writer, n);
    expect([(await put(1)).status, (await put(2)).status]).toEqual([201, 201]);
  });
});

/** A tiny JPEG-looking image, different for each `n`. */
function jpeg(n: number): Uint8Array<ArrayBuffer> {
  return new Uint8Array([0xff, 0xd8, 0xff, 0xe0, n, n >> 8, 3, 4, 5]);
}

async function putImage(server: UsedServer, session: Session, n: number) {
  const bytes = jpeg(n);
  const hash = createHash('sha256').update(bytes).digest('hex');
  const res = await fetch(`${server.url}/api/compounds/${session.compoundId}/images/${hash}`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${session.token}` },
    body: bytes,
  });
  return { status: res.status, code: ((await res.json()) as { error?: { code: string } }).error?.code };
}

describe('a compound’s image quota', () => {
  const byCount = useTestServer({ COMPOUND_IMAGES: '2' }, { per: 'block' });
  const byBytes = useTestServer({ COMPOUND_IMAGE_BYTES: '20' }, { per: 'block' });

  it('refuses a new image past the count with 413 image_count_quota; images already there still answer 200', async () => {
    const admin = await createCompound(byCount.url);
    const bob = await addMember(byCount.url, admin, { role: 'resident' }, '爱拍照的居民');
    expect((await putImage(byCount, admin, 1)).status).toBe(201);
    expect((await putImage(byCount, bob, 2)).status).toBe(201);
    expect(await putImage(byCount, bob, 3)).toEqual({ status: 413, code: 'image_count_quota' });
    expect((await putImage(byCount, bob, 1)).status).toBe(200);
    const other = await createCompound(byCount.url, { name: '隔壁小区' });
    expect((await putImage(byCount, other, 3)).status).toBe(201);
  });

  it('refuses an image that would take the compound past its bytes with 413 image_byte_quota', async () => {
    const admin = await createCompound(byBytes.url);
    expect((await putImage(byBytes, admin, 1)).status).toBe(201);
    expect((await putImage(byBytes, admin, 2)).status).toBe(201);
    expect(await putImage(byBytes, admin, 3)).toEqual({ status: 413, code: 'image_byte_quota' });
  });
});
