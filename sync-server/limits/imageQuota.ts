import { ApiError } from '../../shared/api/ApiError.ts';
import { ApiErrorCode } from '../../shared/errors.ts';
import type { BlobUsage } from '../storage/Storage.ts';

export interface ImageLimits {
  compoundImages: number;
  compoundImageBytes: number;
}

/** Throws 413 if a new image of `bytes` would take a compound using `used` past its image count or bytes. */
export function checkImageQuota(used: BlobUsage, bytes: number, limits: ImageLimits): void {
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
