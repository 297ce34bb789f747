// This device's storage (persistence, quota, the latest IndexedDB error), for the settings page.
export { type StorageInfo, storageError, storageInfo } from '../sync/storage.ts';
