/**
 * Files sent by the browser face (which cannot hand over a local path) are kept here until a
 * handler reads them. Held in memory and bounded, so an abandoned upload cannot fill the disk.
 */
import { randomUUID } from 'node:crypto';

export interface Upload {
  name: string;
  bytes: Buffer;
  receivedAt: number;
}

export interface UploadStore {
  put(name: string, bytes: Buffer): string;
  get(id: string): Upload | undefined;
  delete(id: string): void;
}

export function createUploadStore(maxUploads = 4): UploadStore {
  const uploads = new Map<string, Upload>();
  return {
    put(name, bytes) {
      const id = randomUUID();
      uploads.set(id, { name, bytes, receivedAt: Date.now() });
      // Oldest first: Map keeps insertion order.
      while (uploads.size > maxUploads) uploads.delete(uploads.keys().next().value!);
      return id;
    },
    get: (id) => uploads.get(id),
    delete: (id) => void uploads.delete(id),
  };
}
