import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { chmod, mkdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

export interface StagedFile {
  tmpPath: string;
  sha256: string;
  size: number;
}

/**
 * The evidentiary copies, under `DATA_DIR/evidence/sha256/<ab>/<sha256>`: named by their SHA-256,
 * read-only once stored, stored once whatever the number of records that hold them. Uploads stream
 * to a temporary file while being hashed, so memory stays flat whatever the size.
 */
export class FileStore {
  private readonly objects: string;
  private readonly tmp: string;

  constructor(dataDir: string) {
    this.objects = path.join(dataDir, 'evidence', 'sha256');
    this.tmp = path.join(dataDir, 'evidence', 'tmp');
  }

  pathOf(sha256: string): string {
    return path.join(this.objects, sha256.slice(0, 2), sha256);
  }

  /** Streams `source` to a temporary file, hashing it. Throws `TooLarge` past `maxBytes`. */
  async stage(source: Readable, maxBytes: number): Promise<StagedFile> {
    await mkdir(this.tmp, { recursive: true });
    const tmpPath = path.join(this.tmp, randomUUID());
    const hash = createHash('sha256');
    let size = 0;
    const meter = new Transform({
      transform(chunk: Buffer, _enc, done) {
        size += chunk.length;
        if (size > maxBytes) return done(new FileTooLargeError(maxBytes));
        hash.update(chunk);
        done(null, chunk);
      },
    });
    try {
      await pipeline(source, meter, createWriteStream(tmpPath, { mode: 0o600 }));
    } catch (error) {
      await rm(tmpPath, { force: true });
      throw error;
    }
    return { tmpPath, sha256: hash.digest('hex'), size };
  }

  /** Moves a staged file into place (read-only); if that content is already stored, keeps the old copy. */
  async commit(file: StagedFile): Promise<void> {
    const target = this.pathOf(file.sha256);
    if (await this.exists(file.sha256)) return this.discard(file);
    await mkdir(path.dirname(target), { recursive: true });
    await chmod(file.tmpPath, 0o444);
    await rename(file.tmpPath, target);
  }

  discard(file: StagedFile): Promise<void> {
    return rm(file.tmpPath, { force: true });
  }

  async exists(sha256: string): Promise<boolean> {
    return stat(this.pathOf(sha256)).then(
      () => true,
      () => false,
    );
  }

  /** Re-reads the stored copy and hashes it: null when it is missing. */
  async rehash(sha256: string): Promise<string | null> {
    if (!(await this.exists(sha256))) return null;
    const hash = createHash('sha256');
    await pipeline(createReadStream(this.pathOf(sha256)), hash);
    return hash.digest('hex');
  }

  open(sha256: string): Readable {
    return createReadStream(this.pathOf(sha256));
  }
}

export class FileTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`The file is larger than the limit of ${maxBytes} bytes`);
    this.name = 'FileTooLargeError';
  }
}
