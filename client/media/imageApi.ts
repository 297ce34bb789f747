/** The relay's content-addressed image store: PUT and GET /api/compounds/:compoundId/images/:sha256hex (Bearer). */
import { apiErrorOf, apiFetch } from '../sync/apiFetch.ts';

/** `refused`: retrying the same bytes cannot help now; `code` is the relay's reason (`image_count_quota`...). */
export type UploadResult = 'stored' | 'retry' | { refused: string };

const path = (compoundId: string, hash: string) =>
  `/api/compounds/${encodeURIComponent(compoundId)}/images/${encodeURIComponent(hash)}`;

/** 'stored' on 201/200, refused when retrying cannot help (bad hash, too large, not an image, quota full), else 'retry'. */
export async function uploadImage(compoundId: string, hash: string, blob: Blob, token: string): Promise<UploadResult> {
  let res: Response;
  try {
    res = await apiFetch('PUT', path(compoundId, hash), {
      token,
      body: blob,
      contentType: blob.type || 'image/jpeg',
      timeoutMs: 60_000,
    });
  } catch {
    return 'retry';
  }
  if (res.ok) return 'stored';
  if (res.status === 400 || res.status === 413 || res.status === 415) return { refused: (await apiErrorOf(res)).code };
  return 'retry';
}

export type FetchResult = { kind: 'ok'; blob: Blob } | { kind: 'missing' } | { kind: 'failed' };

/** 'missing' when the relay has no such image (yet: the phone that took it may not have uploaded it). */
export async function fetchImage(compoundId: string, hash: string, token: string): Promise<FetchResult> {
  try {
    // Images never change under their hash: the browser's cache may answer.
    const res = await apiFetch('GET', path(compoundId, hash), { token, timeoutMs: 60_000, cache: 'default' });
    if (res.status === 404) return { kind: 'missing' };
    if (!res.ok) return { kind: 'failed' };
    return { kind: 'ok', blob: await res.blob() };
  } catch {
    return { kind: 'failed' };
  }
}
