import { createHash, randomUUID } from 'node:crypto';
import { constants, createWriteStream, type BigIntStats } from 'node:fs';
import { chmod, lstat, mkdir, open, rename, rm, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { pipeline as pipe, Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

export interface StagedFile {
  tmpPath: string;
  sha256: string;
  size: number;
}

/** What a look at a stored copy found: intact, or what is wrong with it (worded for the custody log). */
export type CopyCheck =
  { intact: true; size: number } | { intact: false; actualSha256: string | null; finding: string };

/** A stored copy checked before a byte is sent, and checked again as it streams out. */
export interface VerifiedRead {
  intact: true;
  size: number;
  stream: Readable;
}

const SHA256 = /^[0-9a-f]{64}$/;
const HASH_CHUNK = 1024 * 1024;

/**
 * The evidentiary copies, under `DATA_DIR/evidence/sha256/<ab>/<sha256>`: named by their SHA-256,
 * read-only once stored, stored once whatever the number of records that hold them. Uploads stream
 * to a temporary file while being hashed, so memory stays flat whatever the size; they enter the
 * store by an atomic rename of a synced file, which is also how a damaged copy is replaced.
 *
 * A copy is read through one open descriptor (never through a symbolic link) and is served only
 * once it hashes to its name. The full re-read is skipped when the file is exactly as it was at its
 * last full check (same device, inode, size, mtime and ctime, which any write changes); the bytes
 * are hashed again as they stream out in any case, and the last chunk is held back until they
 * match, so a copy that changes under a reader never reaches it whole.
 */
export class FileStore {
  private readonly objects: string;
  private readonly tmp: string;
  /** sha256 → stat signature of the copy when it last hashed right (bounded, oldest dropped first). */
  private readonly verified = new Map<string, string>();

  constructor(
    dataDir: string,
    private readonly rememberAtMost = 10_000,
  ) {
    this.objects = path.join(dataDir, 'evidence', 'sha256');
    this.tmp = path.join(dataDir, 'evidence', 'tmp');
  }

  pathOf(sha256: string): string {
    if (!SHA256.test(sha256)) throw new Error('A stored file is named by 64 lower-case hex digits');
    return path.join(this.objects, sha256.slice(0, 2), sha256);
  }

  /**
   * Streams `source` to a temporary file (synced to disk), hashing it. Throws `FileTooLargeError`
   * past `maxBytes`, `UploadReadError` when the source fails; leaves nothing behind when it throws.
   */
  async stage(source: Readable, maxBytes: number): Promise<StagedFile> {
    // Whichever stream fails first is the cause (the others are then destroyed with its error).
    // Listening before any await: a source that fails meanwhile is never an unhandled error.
    const first: { failed?: 'source' | 'disk' } = source.errored ? { failed: 'source' } : {};
    source.once('error', () => (first.failed ??= 'source'));
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
    const sink = createWriteStream(tmpPath, { flags: 'wx', mode: 0o600, flush: true });
    sink.once('error', () => (first.failed ??= 'disk'));
    try {
      await pipeline(source, meter, sink);
    } catch (error) {
      // The sink opens its file asynchronously: wait until it is closed, or the file could appear
      // after it was removed.
      if (!sink.closed) await new Promise<void>((closed) => sink.once('close', () => closed()));
      await rm(tmpPath, { force: true });
      if (error instanceof FileTooLargeError || first.failed === 'disk') throw error;
      throw new UploadReadError(source.errored ?? error);
    }
    return { tmpPath, sha256: hash.digest('hex'), size };
  }

  /**
   * Puts a staged file in place and answers what was there before. An intact copy is kept (the
   * staged one is dropped); a missing or damaged one is replaced atomically by the staged file,
   * made read-only first, and the folder is synced so the rename survives a crash.
   */
  async commit(file: StagedFile): Promise<CopyCheck> {
    const target = this.pathOf(file.sha256);
    const before = await this.inspect(file.sha256, { trustUnchanged: false });
    if (before.intact) {
      await this.discard(file);
      return before;
    }
    const folder = path.dirname(target);
    await mkdir(folder, { recursive: true });
    if ((await lstat(folder)).isSymbolicLink())
      throw new Error(`The store folder ${folder} is a symbolic link`);
    await chmod(file.tmpPath, 0o444);
    await rename(file.tmpPath, target);
    await syncFolder(folder);
    this.remember(file.sha256, await lstat(target, { bigint: true }));
    return before;
  }

  discard(file: StagedFile): Promise<void> {
    return rm(file.tmpPath, { force: true });
  }

  /** Re-reads the whole stored copy and says whether it still hashes to its name. */
  check(sha256: string): Promise<CopyCheck> {
    return this.inspect(sha256, { trustUnchanged: false });
  }

  /**
   * The stored copy, checked before a byte is sent; as it streams, its bytes are hashed again and
   * the last chunk is held back until they match (on a late mismatch the stream fails, so the
   * reader gets a cut-short body, and `onLateMismatch` is told).
   */
  async read(
    sha256: string,
    onLateMismatch: (found: CopyCheck & { intact: false }) => void,
  ): Promise<VerifiedRead | (CopyCheck & { intact: false })> {
    const handle = await this.openCopy(sha256);
    if ('finding' in handle) return handle;
    try {
      const found = await this.checkHandle(sha256, handle, { trustUnchanged: true });
      if (!found.intact) {
        await handle.close();
        return found;
      }
      const check = new HashCheck(sha256, found.size, (actual, size) => {
        this.verified.delete(sha256);
        onLateMismatch({ intact: false, actualSha256: actual, finding: mismatch(actual, size) });
      });
      const stream = pipe(handle.createReadStream({ start: 0 }), check, () => undefined);
      return { intact: true, size: found.size, stream };
    } catch (error) {
      await handle.close();
      throw error;
    }
  }

  private async inspect(sha256: string, how: { trustUnchanged: boolean }): Promise<CopyCheck> {
    const handle = await this.openCopy(sha256);
    if ('finding' in handle) return handle;
    try {
      return await this.checkHandle(sha256, handle, how);
    } finally {
      await handle.close();
    }
  }

  /** Opens the copy itself: never through a symbolic link, never a folder or a device. */
  private async openCopy(sha256: string): Promise<FileHandle | (CopyCheck & { intact: false })> {
    const target = this.pathOf(sha256);
    const folder = await lstat(path.dirname(target)).catch(() => null);
    if (folder && !folder.isDirectory())
      return damaged(
        null,
        `MISMATCH: the store folder ${path.basename(path.dirname(target))} is not a folder`,
      );
    let handle: FileHandle;
    try {
      handle = await open(target, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') return damaged(null, 'MISSING: no stored copy');
      if (code === 'ELOOP')
        return damaged(null, 'MISMATCH: the stored copy is a symbolic link, not a file');
      if (code === 'EACCES' || code === 'EPERM')
        return damaged(null, 'MISMATCH: the stored copy cannot be read');
      throw error;
    }
    if (!(await handle.stat()).isFile()) {
      await handle.close();
      return damaged(null, 'MISMATCH: the stored copy is not a regular file');
    }
    return handle;
  }

  private async checkHandle(
    sha256: string,
    handle: FileHandle,
    { trustUnchanged }: { trustUnchanged: boolean },
  ): Promise<CopyCheck> {
    const stat = await handle.stat({ bigint: true });
    const size = Number(stat.size);
    if (trustUnchanged && this.verified.get(sha256) === signature(stat)) {
      return { intact: true, size };
    }
    const hash = createHash('sha256');
    await pipeline(
      handle.createReadStream({ start: 0, autoClose: false, highWaterMark: HASH_CHUNK }),
      hash,
    );
    const actual = hash.digest('hex');
    if (actual !== sha256) {
      this.verified.delete(sha256);
      return damaged(actual, mismatch(actual, size));
    }
    this.remember(sha256, stat);
    return { intact: true, size };
  }

  private remember(sha256: string, stat: BigIntStats): void {
    this.verified.delete(sha256);
    this.verified.set(sha256, signature(stat));
    if (this.verified.size > this.rememberAtMost) {
      this.verified.delete(this.verified.keys().next().value as string);
    }
  }
}

/** Hashes what streams through and holds the last chunk back until the whole hashes right. */
class HashCheck extends Transform {
  private readonly hash = createHash('sha256');
  private held: Buffer | null = null;
  private seen = 0;

  constructor(
    private readonly expected: string,
    private readonly expectedSize: number,
    private readonly onMismatch: (actual: string, size: number) => void,
  ) {
    super();
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: (error?: Error) => void): void {
    this.hash.update(chunk);
    this.seen += chunk.length;
    if (this.held) this.push(this.held);
    this.held = chunk;
    done();
  }

  override _flush(done: (error?: Error) => void): void {
    const actual = this.hash.digest('hex');
    if (actual !== this.expected || this.seen !== this.expectedSize) {
      this.onMismatch(actual, this.seen);
      return done(new StoredCopyChangedError(this.expected));
    }
    if (this.held) this.push(this.held);
    done();
  }
}

const damaged = (actualSha256: string | null, finding: string): CopyCheck & { intact: false } => ({
  intact: false,
  actualSha256,
  finding,
});

const mismatch = (actual: string, size: number) =>
  `MISMATCH: the stored copy (${size} bytes) hashes to ${actual}`;

/** Any write, truncation, replacement or chmod changes at least one of these (ctime is the kernel's). */
const signature = (s: BigIntStats) =>
  [s.dev, s.ino, s.size, s.mtimeNs, s.ctimeNs].map(String).join(':');

async function syncFolder(folder: string): Promise<void> {
  const handle = await open(folder, constants.O_RDONLY);
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export class FileTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`The file is larger than the limit of ${maxBytes} bytes`);
    this.name = 'FileTooLargeError';
  }
}

/** The upload's own stream failed (a body cut short, malformed, or over a parser limit). */
export class UploadReadError extends Error {
  constructor(override readonly cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause));
    this.name = 'UploadReadError';
  }
}

/** The stored copy changed while it was being sent: the reader gets a cut-short body. */
export class StoredCopyChangedError extends Error {
  constructor(readonly sha256: string) {
    super(`The stored copy of ${sha256} changed while it was being read`);
    this.name = 'StoredCopyChangedError';
  }
}
