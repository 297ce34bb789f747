// What this device says about its network and storage, for the pages that show it.
export { online } from '../sync/network.ts';
export { type StorageInfo, storageError, storageInfo } from '../sync/storage.ts';
