import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';

/**
 * Where attachment bytes live. The default keeps them under `<dataDir>/attachments`; an
 * S3-compatible store can implement the same interface. Keys are random, never user-chosen.
 */
export interface BlobStorage {
  /** Stores a stream; returns its key, size and SHA-256, and the first bytes (for type checks). */
  put(stream: Readable, maxBytes: number): Promise<StoredBlob>;
  open(key: string): Promise<Readable>;
  remove(key: string): Promise<void>;
}

export interface StoredBlob {
  key: string;
  sizeBytes: number;
  sha256: string;
  head: Uint8Array;
  /** True when the stream was longer than maxBytes; nothing is kept then. */
  tooLarge: boolean;
}

export class DiskStorage implements BlobStorage {
  constructor(private readonly root: string) {}

  private pathOf(key: string): string {
    if (!/^[a-f0-9]{2}\/[a-f0-9]{32}$/.test(key)) throw new Error('bad storage key');
    return path.join(this.root, key);
  }

  async put(stream: Readable, maxBytes: number): Promise<StoredBlob> {
    const id = randomBytes(16).toString('hex');
    const key = `${id.slice(0, 2)}/${id}`;
    const final = this.pathOf(key);
    await mkdir(path.dirname(final), { recursive: true });
    const tmp = `${final}.part`;
    const hash = createHash('sha256');
    let size = 0;
    let head = new Uint8Array(0);
    let tooLarge = false;
    const meter = new Transform({
      transform(chunk: Buffer, _enc, done) {
        size += chunk.length;
        if (size > maxBytes) {
          tooLarge = true;
          done(new Error('too large'));
          return;
        }
        if (head.length < 16) head = new Uint8Array([...head, ...chunk.subarray(0, 16 - head.length)]);
        hash.update(chunk);
        done(null, chunk);
      },
    });
    try {
      await pipeline(stream, meter, createWriteStream(tmp, { mode: 0o600 }));
    } catch (err) {
      await rm(tmp, { force: true });
      if (tooLarge) return { key, sizeBytes: size, sha256: '', head, tooLarge: true };
      throw err;
    }
    await rename(tmp, final);
    return { key, sizeBytes: size, sha256: hash.digest('hex'), head, tooLarge: false };
  }

  async open(key: string): Promise<Readable> {
    const p = this.pathOf(key);
    await stat(p);
    return createReadStream(p);
  }

  async remove(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }
}
