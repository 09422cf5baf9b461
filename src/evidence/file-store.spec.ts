import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { FileStore, FileTooLargeError } from './file-store.js';

describe('FileStore', () => {
  let dir: string;
  let store: FileStore;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'file-store-'));
    store = new FileStore(dir);
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  const sha = (s: string) => createHash('sha256').update(s).digest('hex');

  it('stores a file read-only under its SHA-256, once', async () => {
    const first = await store.stage(Readable.from([Buffer.from('wreck'), Buffer.from('age')]), 100);
    expect(first).toMatchObject({ sha256: sha('wreckage'), size: 8 });
    await store.commit(first);
    const second = await store.stage(Readable.from([Buffer.from('wreckage')]), 100);
    await store.commit(second);
    const stored = store.pathOf(sha('wreckage'));
    expect(await readFile(stored, 'utf8')).toBe('wreckage');
    expect((await stat(stored)).mode & 0o777).toBe(0o444);
    expect(await readdir(path.join(dir, 'evidence', 'tmp'))).toEqual([]);
    expect(await store.rehash(sha('wreckage'))).toBe(sha('wreckage'));
    expect(await store.rehash(sha('other'))).toBeNull();
  });

  it('refuses a file over the limit and leaves nothing behind', async () => {
    await expect(
      store.stage(Readable.from([Buffer.alloc(50), Buffer.alloc(60)]), 100),
    ).rejects.toBeInstanceOf(FileTooLargeError);
    expect(await readdir(path.join(dir, 'evidence', 'tmp'))).toEqual([]);
  });
});
