import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { type Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ByteSource } from './file-sniff.ts';

// Where file contents live. The database keeps each file's row (stored_file) and its `storage_key`; the
// bytes live behind this interface, so an object store (S3, MinIO, OSS) can replace the local directory
// without touching the service. A put is all or nothing: the bytes are checked (size, type) while still
// in a temporary place, and only then given their key.

export interface StoredObject {
  key: string;
  size: number;
  /** Hex SHA-256 of the content. */
  sha256: string;
}

export interface PutOptions<T> {
  /** More bytes than this fail the put with FileTooLargeError while streaming; nothing is kept. */
  maxBytes: number;
  /** Runs on the complete temporary content before it is kept; throwing keeps nothing. */
  verify?: (content: ByteSource & { sha256: string }) => Promise<T>;
}

export interface FileStore {
  put<T>(stream: Readable, options: PutOptions<T>): Promise<StoredObject & { verified: T }>;
  open(key: string): Promise<Readable>;
  /** Removes the content; a missing key is not an error. */
  delete(key: string): Promise<void>;
}

export class FileTooLargeError extends Error {
  override name = 'FileTooLargeError';
  constructor(readonly maxBytes: number) {
    super(`file larger than ${maxBytes} bytes`);
  }
}

const keyPattern = /^\d{4}\/\d{2}\/[0-9a-f-]{36}$/;

/**
 * DATA_DIR/uploads/<yyyy>/<mm>/<uuid> — the layout the backup archives (platform/backup). Temporary
 * content goes to DATA_DIR/tmp/uploads (same file system, so the final rename is atomic) and never into
 * the backup.
 */
export class LocalFileStore implements FileStore {
  readonly root: string;
  readonly tmpDir: string;
  readonly #now: () => Date;

  constructor(dataDir: string, now: () => Date = () => new Date()) {
    this.root = path.join(dataDir, 'uploads');
    this.tmpDir = path.join(dataDir, 'tmp', 'uploads');
    this.#now = now;
  }

  async put<T>(stream: Readable, options: PutOptions<T>): Promise<StoredObject & { verified: T }> {
    await fs.promises.mkdir(this.tmpDir, { recursive: true });
    const id = crypto.randomUUID();
    const tmp = path.join(this.tmpDir, `${id}.part`);
    const hash = crypto.createHash('sha256');
    let size = 0;
    const meter = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        size += chunk.length;
        if (size > options.maxBytes) {
          callback(new FileTooLargeError(options.maxBytes));
          return;
        }
        hash.update(chunk);
        callback(null, chunk);
      },
    });
    try {
      await pipeline(stream, meter, fs.createWriteStream(tmp, { flags: 'wx', mode: 0o600 }));
      const sha256 = hash.digest('hex');
      let verified: T = undefined as T;
      if (options.verify) {
        const handle = await fs.promises.open(tmp, 'r');
        try {
          verified = await options.verify({
            size,
            sha256,
            read: async (offset, length) => {
              const buffer = Buffer.alloc(Math.max(0, Math.min(length, size - offset)));
              const { bytesRead } = await handle.read(buffer, 0, buffer.length, offset);
              return buffer.subarray(0, bytesRead);
            },
          });
        } finally {
          await handle.close();
        }
      }
      const now = this.#now();
      const key = `${now.getUTCFullYear()}/${String(now.getUTCMonth() + 1).padStart(2, '0')}/${id}`;
      const target = this.#pathOf(key);
      await fs.promises.mkdir(path.dirname(target), { recursive: true });
      await fs.promises.rename(tmp, target);
      return { key, size, sha256, verified };
    } catch (err) {
      // The rest of a refused upload is drained so the request can still be answered.
      stream.resume();
      await fs.promises.rm(tmp, { force: true });
      throw err;
    }
  }

  async open(key: string): Promise<Readable> {
    const file = this.#pathOf(key);
    await fs.promises.access(file, fs.constants.R_OK);
    return fs.createReadStream(file);
  }

  async delete(key: string): Promise<void> {
    await fs.promises.rm(this.#pathOf(key), { force: true });
  }

  #pathOf(key: string): string {
    if (!keyPattern.test(key)) throw new Error(`not a storage key: ${key}`);
    return path.join(this.root, ...key.split('/'));
  }
}
