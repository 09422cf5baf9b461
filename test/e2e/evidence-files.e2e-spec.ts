import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  chmod,
  mkdtemp,
  open,
  readdir,
  rm,
  stat,
  symlink,
  truncate,
  writeFile,
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Role } from '../../src/auth/role.enum.js';
import { EvidenceFilesService } from '../../src/evidence/evidence-files.service.js';
import { multipart, multipartBody, type FormPart } from './multipart.js';
import { createTestApp, type TestApp } from './test-app.js';

const ADD = `mutation($input: AddEvidenceInput!) { addEvidence(input: $input) { id } }`;
const STATUS = `mutation($input: SetEvidenceStatusInput!) { setEvidenceStatus(input: $input) { status } }`;
const CUSTODY = `query($id: ID!) { evidence(id: $id) { custodyEvents { action sha256 note actor { email } } } }`;

const sha = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');

interface Custody {
  action: string;
  sha256: string | null;
  note: string | null;
  actor: { email: string } | null;
}

describe('evidence files: served intact or not at all, uploads all or nothing (e2e)', () => {
  let t: TestApp;
  let dataDir: string;
  let reviewerKey: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'sanctrace-evidence-files-'));
    await chmod(dataDir, 0o755);
    t = await createTestApp({ env: { DATA_DIR: dataDir, EVIDENCE_MAX_BYTES: String(2 << 20) } });
    const res = await t.gql(
      'mutation { createApiKey(input: { email: "reviewer@test.sanctrace", role: INVESTIGATOR }) { secret } }',
      {},
      { as: Role.ADMIN },
    );
    reviewerKey = res.data.createApiKey.secret;
  });
  afterAll(async () => {
    await t?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  const http = () => t.app.getHttpAdapter().getInstance();
  const add = async (title: string): Promise<string> =>
    (
      await t.gql(
        ADD,
        {
          input: {
            title,
            kind: 'PHOTO',
            sourceType: 'OWN_EXAMINATION',
            sourceReliability: 'B',
            informationCredibility: 2,
          },
        },
        { as: Role.INVESTIGATOR },
      )
    ).data.addEvidence.id;
  const publish = async (id: string) => {
    for (const status of ['REVIEWED', 'PUBLISHED']) {
      const res = await t.gql(STATUS, { input: { id, status } }, { key: reviewerKey });
      expect(res.data.setEvidenceStatus.status).toBe(status);
    }
  };
  const post = async (
    id: string,
    body: { payload: Buffer | string; headers: Record<string, string> },
  ) => {
    const res = await http().inject({
      method: 'POST',
      url: `/evidence/${id}/files`,
      payload: body.payload,
      headers: { ...body.headers, ...(await t.authHeader(Role.INVESTIGATOR)) },
    });
    return { status: res.statusCode, body: res.json() };
  };
  const upload = (id: string, content: Buffer | string) =>
    post(id, multipart({}, { name: 'board.jpg', type: 'image/jpeg', content }));
  const download = async (sha256: string, role = Role.INVESTIGATOR) =>
    http().inject({
      method: 'GET',
      url: `/evidence/files/${sha256}`,
      headers: await t.authHeader(role),
    });
  const custody = async (id: string): Promise<Custody[]> =>
    (await t.gql(CUSTODY, { id }, { as: Role.INVESTIGATOR })).data.evidence.custodyEvents;
  const stored = (sha256: string) =>
    path.join(dataDir, 'evidence', 'sha256', sha256.slice(0, 2), sha256);
  const expectRefused = (res: Awaited<ReturnType<typeof download>>, sha256: string) => {
    expect([res.statusCode, res.headers['x-content-sha256']]).toEqual([409, undefined]);
    expect(res.json()).toEqual({
      error: { code: 'EVIDENCE_FILE_CORRUPT', message: expect.any(String), sha256 },
    });
  };
  const tmpFiles = () => readdir(path.join(dataDir, 'evidence', 'tmp')).catch(() => []);
  const storedObjects = async () =>
    (await readdir(path.join(dataDir, 'evidence', 'sha256'), { recursive: true }).catch(() => []))
      .length;

  it('refuses a copy altered on disk (same size, same mtime) with EVIDENCE_FILE_CORRUPT, logged once', async () => {
    const id = await add('IMU board, serial plate');
    const content = Buffer.from('JPEG bytes of the IMU board, serial 4411');
    expect((await upload(id, content)).status).toBe(201);
    const fine = await download(sha(content));
    expect(fine.statusCode).toBe(200);
    expect(fine.rawPayload.equals(content)).toBe(true);

    // Same size, and its times put back to the nanosecond: only the kernel's ctime still tells.
    const file = stored(sha(content));
    const times = path.join(dataDir, 'times');
    await writeFile(times, '');
    execFileSync('touch', ['-r', file, times]);
    const tampered = Buffer.from('JPEG bytes of the IMU board, serial 4417');
    await chmod(file, 0o644);
    await writeFile(file, tampered);
    execFileSync('touch', ['-r', times, file]);
    await chmod(file, 0o444);
    expect((await stat(file, { bigint: true })).mtimeNs).toBe(
      (await stat(times, { bigint: true })).mtimeNs,
    );
    expectRefused(await download(sha(content)), sha(content));
    expectRefused(await download(sha(content)), sha(content));

    const checks = (await custody(id)).filter((c) => c.action === 'HASH_VERIFIED');
    expect(checks).toEqual([
      {
        action: 'HASH_VERIFIED',
        sha256: sha(tampered),
        note: `MISMATCH: the stored copy (${tampered.length} bytes) hashes to ${sha(tampered)} (file ${sha(content)}, found on download)`,
        actor: { email: 'investigator@test.sanctrace' },
      },
    ]);
  });

  it('refuses a truncated copy, a link out of the store (even to the right bytes) and a missing copy', async () => {
    const id = await add('Flight controller, both sides');
    const content = Buffer.from('bytes of the flight controller photograph');
    expect((await upload(id, content)).status).toBe(201);
    const file = stored(sha(content));

    await truncate(file, 4);
    expectRefused(await download(sha(content)), sha(content));

    const outside = path.join(dataDir, 'outside-the-store');
    await writeFile(outside, content);
    await rm(file);
    await symlink(outside, file);
    expectRefused(await download(sha(content)), sha(content));

    await rm(file);
    expectRefused(await download(sha(content)), sha(content));

    const notes = (await custody(id))
      .filter((c) => c.action === 'HASH_VERIFIED')
      .map((c) => c.note);
    expect(notes).toEqual([
      `MISMATCH: the stored copy (4 bytes) hashes to ${sha(content.subarray(0, 4))} (file ${sha(content)}, found on download)`,
      `MISMATCH: the stored copy is a symbolic link, not a file (file ${sha(content)}, found on download)`,
      `MISSING: no stored copy (file ${sha(content)}, found on download)`,
    ]);
  });

  it('cuts a download short, and logs it, when the copy changes while it is being sent', async () => {
    const id = await add('Changed while downloaded');
    const content = Buffer.alloc(1 << 20, 7);
    expect((await upload(id, content)).status).toBe(201);
    const email = 'investigator@test.sanctrace';
    const [{ id: userId }] = await t.ds.query('SELECT id FROM app_user WHERE email = $1', [email]);
    const viewer = { userId, email, role: Role.INVESTIGATOR, apiKeyId: '' };
    const read = await t.app
      .get(EvidenceFilesService)
      .open(viewer, { userId, requestId: null }, sha(content));

    // Checked, then changed in place before the reader gets to its last byte.
    const handle = await open(stored(sha(content)), 'r+');
    await handle.write(Buffer.from([8]), 0, 1, content.length - 1);
    await handle.close();
    let received = 0;
    let failure: unknown = null;
    try {
      for await (const chunk of read.stream) received += (chunk as Buffer).length;
    } catch (error) {
      failure = error;
    }
    expect(failure).toBeInstanceOf(Error);
    expect(received).toBeLessThan(content.length);

    const changed = Buffer.from(content);
    changed[content.length - 1] = 8;
    const note = `MISMATCH: the stored copy (${content.length} bytes) hashes to ${sha(changed)} (file ${sha(content)}, found while it was being sent, which was cut short)`;
    let checks: Custody[] = [];
    for (let i = 0; i < 100 && !checks.length; i++) {
      await new Promise((later) => setTimeout(later, 20));
      checks = (await custody(id)).filter((c) => c.action === 'HASH_VERIFIED');
    }
    expect(checks).toEqual([
      { action: 'HASH_VERIFIED', sha256: sha(changed), note, actor: { email } },
    ]);
    expectRefused(await download(sha(content)), sha(content));
  });

  it('answers a path trick in :sha256 with a 4xx and a code, never a file', async () => {
    const content = 'a file that exists';
    const id = await add('Path tricks');
    expect((await upload(id, content)).status).toBe(201);
    for (const trick of [
      '..%2F..%2F..%2F..%2Fetc%2Fpasswd',
      '%2e%2e',
      sha(content).toUpperCase(),
      `${sha(content)}%00`,
      `${sha(content).slice(0, 2)}%2F${sha(content)}`,
      `${'0'.repeat(63)}.`,
    ]) {
      const res = await download(trick);
      expect([trick, res.statusCode, res.json().error.code]).toEqual([
        trick,
        res.statusCode === 404 ? 404 : 400,
        res.statusCode === 404 ? 'NOT_FOUND' : 'BAD_USER_INPUT',
      ]);
    }
  });

  it('repairs a damaged copy when the original is uploaded again, even to a published record', async () => {
    const draft = await add('Held by a draft');
    const published = await add('Held by a published record');
    const content = Buffer.from('the original photograph of the GNSS module');
    expect((await upload(draft, content)).status).toBe(201);
    expect((await upload(published, content)).status).toBe(201);
    await publish(published);

    const file = stored(sha(content));
    await chmod(file, 0o644);
    await writeFile(file, 'overwritten by someone with disk access');
    const damagedInode = (await stat(file)).ino;
    expectRefused(await download(sha(content), Role.ANALYST), sha(content));

    const repaired = await upload(published, content);
    expect(repaired).toEqual({
      status: 201,
      body: { sha256: sha(content), size: content.length, mediaType: 'image/jpeg' },
    });
    const served = await download(sha(content), Role.ANALYST);
    expect(served.statusCode).toBe(200);
    expect(served.headers['x-content-sha256']).toBe(sha(content));
    expect(served.rawPayload.equals(content)).toBe(true);
    const after = await stat(file);
    expect(after.ino).not.toBe(damagedInode); // replaced by a rename, not rewritten in place
    expect(after.mode & 0o777).toBe(0o444);
    expect(await tmpFiles()).toEqual([]);

    for (const id of [draft, published]) {
      const log = await custody(id);
      expect(log[log.length - 1]).toEqual({
        action: 'FILE_STORED',
        sha256: sha(content),
        note: `REPAIRED: MISMATCH: the stored copy (39 bytes) hashes to ${sha('overwritten by someone with disk access')}; replaced by an upload of the original`,
        actor: { email: 'investigator@test.sanctrace' },
      });
    }
    const audit = await t.ds.query(
      `SELECT count(*)::int AS n FROM audit_event WHERE action = 'evidence.fileRepair' AND subject_id = $1`,
      [published],
    );
    expect(audit).toEqual([{ n: 1 }]);

    // An intact copy uploaded again changes nothing; a published record still takes no new file.
    const before = (await custody(draft)).length;
    expect((await upload(draft, content)).status).toBe(201);
    expect(await custody(draft)).toHaveLength(before);
    const other = await upload(published, 'a different file');
    expect([other.status, other.body.error.code]).toEqual([409, 'CONFLICT']);
  });

  it('restores a missing copy from the next upload of it, and says so in custody', async () => {
    const id = await add('Lost copy');
    const content = 'bytes whose stored copy is deleted';
    expect((await upload(id, content)).status).toBe(201);
    await rm(stored(sha(content)));
    expect((await upload(id, content)).status).toBe(201);
    expect((await download(sha(content))).rawPayload.toString()).toBe(content);
    const log = await custody(id);
    expect(log[log.length - 1]).toMatchObject({
      action: 'FILE_STORED',
      note: 'REPAIRED: MISSING: no stored copy; replaced by an upload of the original',
    });
  });

  it('answers a second file with BAD_USER_INPUT and stores neither', async () => {
    const id = await add('Two files at once');
    for (const second of ['file', 'attachment']) {
      const res = await post(
        id,
        multipartBody([
          { name: 'file', filename: 'a.jpg', type: 'image/jpeg', content: `first ${second}` },
          { name: second, filename: 'b.jpg', type: 'image/jpeg', content: `second ${second}` },
        ]),
      );
      expect([second, res.status, res.body.error.code]).toEqual([second, 400, 'BAD_USER_INPUT']);
      expect(res.body.error.fields).toEqual([{ field: second, messages: [expect.any(String)] }]);
      for (const content of [`first ${second}`, `second ${second}`]) {
        expect(await stat(stored(sha(content))).catch(() => null)).toBeNull();
      }
    }
    const [{ n }] = await t.ds.query(
      'SELECT count(*)::int AS n FROM evidence_file WHERE evidence_id = $1',
      [id],
    );
    expect(n).toBe(0);
    expect(await tmpFiles()).toEqual([]);
  });

  it('answers a malformed upload with a 4xx and a code, never a 500, and leaves nothing behind', async () => {
    const id = await add('Malformed uploads');
    const objects = await storedObjects();
    const file: FormPart = { name: 'file', filename: 'a.jpg', type: 'image/jpeg', content: 'x' };
    const form = (parts: FormPart[]) => multipartBody(parts);
    const raw = (payload: string, contentType: string) => ({
      payload,
      headers: { 'content-type': contentType },
    });
    const cut = form([{ ...file, content: 'y'.repeat(5000) }]);
    const BAD = 'BAD_USER_INPUT';
    const NOT_MULTIPART = 'UNSUPPORTED_MEDIA_TYPE';
    type Body = { payload: Buffer | string; headers: Record<string, string> };
    // [what, body, code]: no code where Fastify refuses the body before the route (any 4xx + code).
    const cases: [string, Body, string | null][] = [
      ['no boundary', raw('--b\r\n\r\nx\r\n--b--\r\n', 'multipart/form-data'), BAD],
      [
        'a boundary not in the body',
        { ...form([file]), headers: raw('', 'multipart/form-data; boundary=nope').headers },
        BAD,
      ],
      ['cut short inside the file', { ...cut, payload: cut.payload.subarray(0, 2000) }, BAD],
      ['cut short inside a part header', { ...cut, payload: cut.payload.subarray(0, 40) }, BAD],
      ['no file part', form([{ name: 'sha256', content: sha('x') }]), BAD],
      ['an empty body', raw('', 'multipart/form-data; boundary=b'), BAD],
      ['an unknown field', form([{ name: 'note', content: 'hello' }, file]), BAD],
      [
        'sha256 twice',
        form([{ name: 'sha256', content: sha('x') }, { name: 'sha256', content: sha('x') }, file]),
        BAD,
      ],
      ['sha256 not a hash', form([{ name: 'sha256', content: "' OR 1=1 --" }, file]), BAD],
      ['a huge sha256 field', form([{ name: 'sha256', content: 'a'.repeat(200_000) }, file]), BAD],
      [
        'a huge unknown field',
        form([{ name: 'x'.repeat(500), content: 'a'.repeat(200_000) }, file]),
        BAD,
      ],
      [
        'fifty fields',
        form([...Array.from({ length: 50 }, (_, i) => ({ name: `f${i}`, content: 'a' })), file]),
        BAD,
      ],
      ['a __proto__ field', form([{ name: '__proto__', content: '{}' }, file]), BAD],
      [
        'a JSON field that is not JSON',
        form([{ name: 'sha256', type: 'application/json', content: '{' }, file]),
        BAD,
      ],
      ['a 300-character file name', form([{ ...file, filename: `${'n'.repeat(296)}.jpg` }]), BAD],
      ['a control character in the file name', form([{ ...file, filename: 'a\u0001b.jpg' }]), BAD],
      ['a file type that is no media type', form([{ ...file, type: '<script>' }]), BAD],
      [
        'a file over the limit',
        form([{ ...file, content: Buffer.alloc((2 << 20) + 1, 1) }]),
        'PAYLOAD_TOO_LARGE',
      ],
      ['JSON instead of multipart', raw('{"file":"x"}', 'application/json'), NOT_MULTIPART],
      [
        'a form instead of multipart',
        raw('file=x', 'application/x-www-form-urlencoded'),
        NOT_MULTIPART,
      ],
      ['text instead of multipart', raw('x', 'text/plain'), NOT_MULTIPART],
      ['bytes instead of multipart', raw('x', 'application/octet-stream'), null],
      ['XML instead of multipart', raw('<a/>', 'application/xml'), null],
      ['broken JSON instead of multipart', raw('{"file":', 'application/json'), null],
      ['no content type', { payload: 'x', headers: {} }, null],
    ];
    for (const [what, body, code] of cases) {
      const res = await post(id, body);
      expect([what, res.status >= 400 && res.status < 500]).toEqual([what, true]);
      expect([what, typeof res.body.error?.code, typeof res.body.error?.message]).toEqual([
        what,
        'string',
        'string',
      ]);
      if (code) expect([what, res.body.error.code]).toEqual([what, code]);
      expect(JSON.stringify(res.body)).not.toMatch(/\bat .+:\d+|node_modules|\/work\//);
      expect([what, await tmpFiles()]).toEqual([what, []]);
    }
    const [{ n }] = await t.ds.query(
      'SELECT count(*)::int AS n FROM evidence_file WHERE evidence_id = $1',
      [id],
    );
    expect(n).toBe(0);
    expect(await storedObjects()).toBe(objects);
    expect((await upload(id, 'x')).status).toBe(201); // and the route still works
  });
});
