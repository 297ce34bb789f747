import { createHash } from 'node:crypto';
import { Hono } from 'hono';
import * as v from 'valibot';
import { ApiError } from '../../shared/api/ApiError.ts';
import type { ImageType, StoredImage } from '../../shared/api/images.ts';
import { ApiErrorCode as Code } from '../../shared/errors.ts';
import { ImageRef } from '../../shared/events/envelope.ts';
import { requireMember, sameCompound } from '../auth/requireMember.ts';
import type { AppEnv, Services } from '../http.ts';
import { checkImageQuota } from '../limits/imageQuota.ts';
import type { BlobUsage } from '../storage/Storage.ts';

/** The image type by its first bytes, never by what the client claims. */
export function sniffImageType(b: Uint8Array): ImageType | undefined {
  if (b.length > 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg';
  if (b.length > 8 && b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47) return 'image/png';
  const ascii = (from: number, to: number) => String.fromCharCode(...b.subarray(from, to));
  if (b.length > 12 && ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'image/webp';
  return undefined;
}

/** Content-addressed images of one compound, readable only by its members. */
export function imageRoutes(s: Services): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use('/compounds/:compoundId/images/*', requireMember(s.storage.accounts));

  app.put('/compounds/:compoundId/images/:hash', async (c) => {
    const member = c.get('member');
    sameCompound(member, c.req.param('compoundId'));
    const hash = c.req.param('hash');
    if (!v.is(ImageRef, hash)) throw new ApiError(400, Code.BadRequest, 'hash: 64 hex characters of sha-256');
    const declared = Number(c.req.header('content-length') ?? '0');
    if (declared > s.config.imageMaxBytes) {
      throw new ApiError(413, Code.TooLarge, `images are at most ${s.config.imageMaxBytes} bytes`);
    }
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    if (bytes.byteLength > s.config.imageMaxBytes) {
      throw new ApiError(413, Code.TooLarge, `images are at most ${s.config.imageMaxBytes} bytes`);
    }
    const type = sniffImageType(bytes);
    if (!type) throw new ApiError(415, Code.UnsupportedMedia, 'only JPEG, PNG and WebP images');
    const actual = createHash('sha256').update(bytes).digest('hex');
    if (actual !== hash) throw new ApiError(400, Code.BadRequest, 'hash does not match the content');
    const existing = await s.storage.blobs.getBlob(member.compoundId, hash);
    const stored: StoredImage = { hash, type };
    if (existing) return c.json(stored, 200);
    const admit = s.config.rateLimits
      ? (used: BlobUsage) => checkImageQuota(used, bytes.byteLength, s.config.quotas)
      : undefined;
    await s.storage.blobs.putBlob({ compoundId: member.compoundId, hash, type, bytes }, admit);
    return c.json(stored, 201);
  });

  app.get('/compounds/:compoundId/images/:hash', async (c) => {
    const member = c.get('member');
    sameCompound(member, c.req.param('compoundId'));
    const hash = c.req.param('hash');
    if (!v.is(ImageRef, hash)) throw new ApiError(400, Code.BadRequest, 'hash: 64 hex characters of sha-256');
    const blob = await s.storage.blobs.getBlob(member.compoundId, hash);
    if (!blob) throw new ApiError(404, Code.NotFound, 'no such image');
    return c.body(blob.bytes as Uint8Array<ArrayBuffer>, 200, {
      'content-type': blob.type,
      'cache-control': 'private, max-age=31536000, immutable',
      'x-content-type-options': 'nosniff',
    });
  });
  return app;
}
