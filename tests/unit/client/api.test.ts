import { afterEach, describe, expect, it, vi } from 'vitest';
import { fetchImage, uploadImage } from '../../../client/media/imageApi.ts';
import { api } from '../../../client/sync/api.ts';
import { ApiError } from '../../../shared/api/ApiError.ts';

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

function answer(res: Response | Error) {
  const fetch = vi.fn(async (_url: string, _init?: RequestInit) => {
    if (res instanceof Error) throw res;
    return res;
  });
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

const caught = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error('expected a failure');
    },
    (e: unknown) => e as ApiError,
  );

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the HTTP client', () => {
  it('sends JSON with the bearer token and returns the checked answer', async () => {
    const me = { memberId: 'm1', compoundId: 'c1', name: '王秀英', role: 'admin', party: 'owners' };
    const fetch = answer(json(200, me));
    expect(await api.me('tok')).toEqual(me);
    const [url, init] = fetch.mock.calls[0]!;
    expect(url).toBe('/api/me');
    expect(init?.method).toBe('GET');
    expect(init?.headers).toEqual({ Authorization: 'Bearer tok' });
    expect(init?.cache).toBe('no-store');
  });

  it('an answer that does not match the schema is an internal error naming the field', async () => {
    answer(json(201, { compoundId: 'c1', memberId: 'm1', token: 't', role: 'emperor', party: 'owners' }));
    const e = await caught(api.join({ code: 'x', name: '李' }));
    expect(e).toBeInstanceOf(ApiError);
    expect(e.code).toBe('internal');
    expect(e.message).toMatch(/role/);
  });

  it('an error answer keeps the server’s code and message', async () => {
    answer(json(410, { error: { code: 'invite_expired', message: 'this invite has expired' } }));
    const e = await caught(api.join({ code: 'x', name: '李' }));
    expect([e.status, e.code, e.message]).toEqual([410, 'invite_expired', 'this invite has expired']);
  });

  it('an error answer without a known code gets one from its status', async () => {
    answer(new Response('<html>bad gateway</html>', { status: 502, statusText: 'Bad Gateway' }));
    expect((await caught(api.me('tok'))).code).toBe('internal');
    answer(json(429, { error: { code: 'slow_down_please', message: '?' } }));
    expect((await caught(api.me('tok'))).code).toBe('rate_limited');
  });

  it('no answer at all is a network error with status 0', async () => {
    answer(new TypeError('fetch failed'));
    const e = await caught(api.me('tok'));
    expect([e.status, e.code]).toEqual([0, 'network']);
  });

  it('removing a member expects an empty 204', async () => {
    const fetch = answer(new Response(null, { status: 204 }));
    await expect(api.revokeMember('c1', 'm 2', 'tok')).resolves.toBeUndefined();
    expect(fetch.mock.calls[0]![0]).toBe('/api/compounds/c1/members/m%202');
  });
});

describe('the image client', () => {
  const hash = 'a'.repeat(64);
  const blob = new Blob([new Uint8Array([0xff, 0xd8, 0xff])], { type: 'image/jpeg' });

  it('an upload is stored on 201 or 200, refused with the relay’s code on 400/413/415, retried otherwise', async () => {
    for (const [status, result] of [
      [201, 'stored'],
      [200, 'stored'],
      [400, { refused: 'bad_request' }],
      [413, { refused: 'too_large' }],
      [415, { refused: 'bad_request' }],
      [401, 'retry'],
      [500, 'retry'],
    ] as const) {
      answer(new Response(null, { status }));
      expect(await uploadImage('c1', hash, blob, 'tok'), String(status)).toEqual(result);
    }
    const full = { error: { code: 'image_count_quota', message: 'the compound holds 2 images, at most 2' } };
    answer(new Response(JSON.stringify(full), { status: 413 }));
    expect(await uploadImage('c1', hash, blob, 'tok')).toEqual({ refused: 'image_count_quota' });
    answer(new TypeError('offline'));
    expect(await uploadImage('c1', hash, blob, 'tok')).toBe('retry');
  });

  it('an upload sends the bytes with their type and the bearer token', async () => {
    const fetch = answer(new Response(null, { status: 201 }));
    await uploadImage('c1', hash, blob, 'tok');
    const [url, init] = fetch.mock.calls[0]!;
    expect(url).toBe(`/api/compounds/c1/images/${hash}`);
    expect(init?.method).toBe('PUT');
    expect(init?.body).toBe(blob);
    expect(init?.headers).toEqual({ 'Content-Type': 'image/jpeg', Authorization: 'Bearer tok' });
  });

  it('a fetch is ok, missing on 404, or failed', async () => {
    answer(new Response(new Uint8Array([1, 2]), { status: 200 }));
    expect((await fetchImage('c1', hash, 'tok')).kind).toBe('ok');
    answer(new Response(null, { status: 404 }));
    expect(await fetchImage('c1', hash, 'tok')).toEqual({ kind: 'missing' });
    answer(new Response(null, { status: 500 }));
    expect(await fetchImage('c1', hash, 'tok')).toEqual({ kind: 'failed' });
    answer(new TypeError('offline'));
    expect(await fetchImage('c1', hash, 'tok')).toEqual({ kind: 'failed' });
  });
});
