import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  chmod,
  mkdir,
  mkdtemp,
  open,
  readdir,
  readFile,
  rename,
  rm,
  stat,
  symlink,
  writeFile,
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import {
  type CopyCheck,
  FileStore,
  FileTooLargeError,
  StoredCopyChangedError,
  UploadReadError,
  type VerifiedRead,
} from './file-store.js';

describe('FileStore', () => {
  let dir: string;
  let store: FileStore;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'file-store-'));
    store = new FileStore(dir);
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  const sha = (s: string | Buffer) => createHash('sha256').update(s).digest('hex');
  const put = async (content: string | Buffer) => {
    const staged = await store.stage(Readable.from([Buffer.from(content)]), 1 << 20);
    await store.commit(staged);
    return store.pathOf(staged.sha256);
  };
  const tmpFiles = () => readdir(path.join(dir, 'evidence', 'tmp'));
  const drain = async (stream: Readable) => {
    const chunks: Buffer[] = [];
    try {
      for await (const chunk of stream) chunks.push(chunk as Buffer);
      return { bytes: Buffer.concat(chunks), error: null };
    } catch (error) {
      return { bytes: Buffer.concat(chunks), error };
    }
  };
  const intact = (r: VerifiedRead | CopyCheck): VerifiedRead => {
    if (!('stream' in r)) throw new Error(`expected an intact copy, got ${JSON.stringify(r)}`);
    return r;
  };

  it('stores a file read-only under its SHA-256, once', async () => {
    const first = await store.stage(Readable.from([Buffer.from('wreck'), Buffer.from('age')]), 100);
    expect(first).toMatchObject({ sha256: sha('wreckage'), size: 8 });
    expect(await store.commit(first)).toEqual({
      intact: false,
      actualSha256: null,
      finding: 'MISSING: no stored copy',
    });
    const second = await store.stage(Readable.from([Buffer.from('wreckage')]), 100);
    expect(await store.commit(second)).toEqual({ intact: true, size: 8 });
    const stored = store.pathOf(sha('wreckage'));
    expect(await readFile(stored, 'utf8')).toBe('wreckage');
    expect((await stat(stored)).mode & 0o777).toBe(0o444);
    expect(await tmpFiles()).toEqual([]);
    expect(await store.check(sha('wreckage'))).toEqual({ intact: true, size: 8 });
    expect(await store.check(sha('other'))).toMatchObject({ intact: false, actualSha256: null });
  });

  it('refuses a file over the limit and leaves nothing behind', async () => {
    await expect(
      store.stage(Readable.from([Buffer.alloc(50), Buffer.alloc(60)]), 100),
    ).rejects.toBeInstanceOf(FileTooLargeError);
    expect(await tmpFiles()).toEqual([]);
  });

  it('tells an upload cut short from a disk error, and leaves nothing behind', async () => {
    const cut = new Readable({ read() {} });
    cut.push(Buffer.alloc(10, 1));
    setImmediate(() => cut.destroy(new Error('Unexpected end of form')));
    const failed = store.stage(cut, 100);
    await expect(failed).rejects.toBeInstanceOf(UploadReadError);
    await expect(failed).rejects.toThrow('Unexpected end of form');
    expect(await tmpFiles()).toEqual([]);
  });

  it('replaces a damaged copy atomically with a good one, and says what it found', async () => {
    const stored = await put('original scan');
    await chmod(stored, 0o644);
    await writeFile(stored, 'tampered');
    const again = await store.stage(Readable.from([Buffer.from('original scan')]), 100);
    expect(await store.commit(again)).toEqual({
      intact: false,
      actualSha256: sha('tampered'),
      finding: `MISMATCH: the stored copy (8 bytes) hashes to ${sha('tampered')}`,
    });
    expect(await readFile(stored, 'utf8')).toBe('original scan');
    expect((await stat(stored)).mode & 0o777).toBe(0o444);
    expect(await tmpFiles()).toEqual([]);
    expect(await drain(intact(await store.read(sha('original scan'), () => {})).stream)).toEqual({
      bytes: Buffer.from('original scan'),
      error: null,
    });
  });

  it('serves an intact copy, and refuses a tampered, truncated, replaced or missing one', async () => {
    const content = Buffer.from('x-ray of the flight controller');
    const stored = await put(content);
    const served = intact(await store.read(sha(content), () => {}));
    expect(served.size).toBe(content.length);
    expect((await drain(served.stream)).bytes.equals(content)).toBe(true);

    // Same size, times put back to the nanosecond: only the kernel's ctime tells.
    const times = path.join(dir, 'times');
    await writeFile(times, '');
    execFileSync('touch', ['-r', stored, times]);
    await writeFile(stored, Buffer.from('x-ray of the flight CONTROLLER'));
    execFileSync('touch', ['-r', times, stored]);
    expect((await stat(stored, { bigint: true })).mtimeNs).toBe(
      (await stat(times, { bigint: true })).mtimeNs,
    );
    expect(await store.read(sha(content), () => {})).toMatchObject({
      intact: false,
      actualSha256: sha('x-ray of the flight CONTROLLER'),
    });

    await writeFile(stored, content.subarray(0, 5));
    expect(await store.read(sha(content), () => {})).toMatchObject({
      intact: false,
      finding: expect.stringMatching(/^MISMATCH: the stored copy \(5 bytes\)/),
    });

    const other = path.join(dir, 'other');
    await writeFile(other, 'another file');
    await rename(other, stored);
    expect(await store.read(sha(content), () => {})).toMatchObject({
      intact: false,
      actualSha256: sha('another file'),
    });

    await rm(stored);
    expect(await store.read(sha(content), () => {})).toEqual({
      intact: false,
      actualSha256: null,
      finding: 'MISSING: no stored copy',
    });
  });

  it('never reads through a symbolic link, a device or a pipe, even one with the right bytes', async () => {
    const content = 'bytes kept outside the store';
    const stored = await put(content);
    const outside = path.join(dir, 'outside');
    await writeFile(outside, content);
    await rm(stored);
    await symlink(outside, stored);
    expect(await store.read(sha(content), () => {})).toEqual({
      intact: false,
      actualSha256: null,
      finding: 'MISMATCH: the stored copy is a symbolic link, not a file',
    });
    expect(await store.check(sha(content))).toMatchObject({ intact: false, actualSha256: null });

    await rm(stored);
    execFileSync('mkfifo', [stored]);
    expect(await store.read(sha(content), () => {})).toMatchObject({
      intact: false,
      finding: 'MISMATCH: the stored copy is not a regular file',
    });

    // The fan-out folder itself swapped for a link to a folder holding the right bytes.
    const folder = path.dirname(stored);
    const elsewhere = path.join(dir, 'elsewhere');
    await mkdir(elsewhere);
    await writeFile(path.join(elsewhere, sha(content)), content);
    await rm(folder, { recursive: true });
    await symlink(elsewhere, folder);
    expect(await store.read(sha(content), () => {})).toMatchObject({ intact: false });
    expect(() => store.pathOf('../../etc/passwd')).toThrow();
  });

  it('cuts the stream short, holding back its last chunk, when the copy changes while it is sent', async () => {
    const content = Buffer.alloc(1 << 20, 7);
    const stored = await put(content);
    const late: CopyCheck[] = [];
    const served = intact(await store.read(sha(content), (found) => late.push(found)));
    // In place, after the check and before the reader gets there: the last byte changes.
    const handle = await open(stored, 'r+');
    await handle.write(Buffer.from([8]), 0, 1, content.length - 1);
    await handle.close();
    const { bytes, error } = await drain(served.stream);
    expect(error).toBeInstanceOf(StoredCopyChangedError);
    expect(bytes.length).toBeLessThan(content.length);
    expect(bytes.equals(content.subarray(0, bytes.length))).toBe(true);
    const changed = Buffer.from(content);
    changed[content.length - 1] = 8;
    expect(late).toEqual([
      {
        intact: false,
        actualSha256: sha(changed),
        finding: `MISMATCH: the stored copy (${content.length} bytes) hashes to ${sha(changed)}`,
      },
    ]);
    // Not trusted again without a full re-read.
    expect(await store.read(sha(content), () => {})).toMatchObject({ intact: false });
  });
});
