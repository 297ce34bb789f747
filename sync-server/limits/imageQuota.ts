import { ApiError } from '../../shared/api/ApiError.ts';
import { ApiErrorCode } from '../../shared/errors.ts';
import type { BlobStore } from '../storage/Storage.ts';

export interface ImageLimits {
  compoundImages: number;
  compoundImageBytes: number;
}

/** Throws 413 if a new image of `bytes` would take the compound past its image count or bytes. */
export async function checkImageQuota(
  blobs: BlobStore,
  compoundId: string,
  bytes: number,
  limits: ImageLimits,
): Promise<void> {
  const used = await blobs.usage(compoundId);
  if (used.count >= limits.compoundImages) {
    throw new ApiError(
      413,
      ApiErrorCode.ImageCountQuota,
      `the compound holds ${used.count} images, at most ${limits.compoundImages}`,
    );
  }
  if (used.bytes + bytes > limits.compoundImageBytes) {
    throw new ApiError(
      413,
      ApiErrorCode.ImageByteQuota,
      `the compound's images take ${used.bytes} bytes and this one ${bytes} more, at most ${limits.compoundImageBytes}`,
    );
  }
}
