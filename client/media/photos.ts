import { getBlob, putBlob } from './blobStore.ts';
import { prepareImage } from './prepareImage.ts';
import { sha256Hex } from './sha256.ts';

/**
 * A picked photo made ready for an event: downscaled, hashed (the hash is the ImageRef the event
 * keeps) and stored on this phone. Uploading waits until the event is written (see queuePhotos).
 */
export async function storePhoto(file: Blob): Promise<string> {
  const { blob } = await prepareImage(file);
  const hash = await sha256Hex(new Uint8Array(await blob.arrayBuffer()));
  await putBlob(hash, blob);
  return hash;
}

export { getBlob };
