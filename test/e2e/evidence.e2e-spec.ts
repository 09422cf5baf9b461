import { createHash } from 'node:crypto';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Role } from '../../src/auth/role.enum.js';
import { multipart } from './multipart.js';
import { createTestApp, type TestApp } from './test-app.js';

const ADD = `mutation($input: AddEvidenceInput!) { addEvidence(input: $input) { id status grade version collectedBy { email } } }`;
const STATUS = `mutation($input: SetEvidenceStatusInput!) { setEvidenceStatus(input: $input) { status reviewedBy { email } publishedBy { email } } }`;
const LINK = `mutation($input: LinkEvidenceInput!) { linkEvidence(input: $input) { id subjectType subjectId claim } }`;
const VERIFY = `mutation($input: VerifyEvidenceFileInput!) { verifyEvidenceFile(input: $input) { ok sha256 actualSha256 } }`;
const ONE = `query($id: ID!) { evidence(id: $id) { id title status grade files { sha256 size mediaType } links { subjectType claim }
  custodyEvents { action actor { email } sha256 note } } }`;

const sha = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');
const PHOTO = Buffer.from('JPEG-ish bytes of a circuit board recovered near Kharkiv');

describe('evidence for investigators (e2e)', () => {
  let t: TestApp;
  let dataDir: string;
  let componentId: string;
  const second = 'second.investigator@test.sanctrace';
  let secondKey: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'sanctrace-evidence-'));
    await chmod(dataDir, 0o755);
    t = await createTestApp({ env: { DATA_DIR: dataDir, EVIDENCE_MAX_BYTES: '4096' } });
    [{ id: componentId }] = await t.ds.query(
      `SELECT id FROM component WHERE normalized_part_number = 'ADXL357B'`,
    );
    const res = await t.gql(
      'mutation($e: String!) { createApiKey(input: { email: $e, role: INVESTIGATOR }) { secret } }',
      { e: second },
      { as: Role.ADMIN },
    );
    secondKey = res.data.createApiKey.secret;
  });
  afterAll(async () => {
    await t.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  const upload = async (
    id: string,
    fields: Record<string, string>,
    content: Buffer | string,
    role = Role.INVESTIGATOR,
  ) => {
    const body = multipart(fields, { name: 'board.jpg', type: 'image/jpeg', content });
    const res = await t.app
      .getHttpAdapter()
      .getInstance()
      .inject({
        method: 'POST',
        url: `/evidence/${id}/files`,
        payload: body.payload,
        headers: { ...body.headers, ...(await t.authHeader(role)) },
      });
    return { status: res.statusCode, body: res.json() };
  };
  const add = async (title: string) =>
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
    ).data.addEvidence;

  it('takes a record from draft to published with four eyes; only then does an analyst see it', async () => {
    const record = await add('Wreckage photo, Shahed-136, Kharkiv');
    expect(record).toMatchObject({
      status: 'DRAFT',
      grade: 'B2',
      collectedBy: { email: 'investigator@test.sanctrace' },
    });

    const stored = await upload(record.id, { sha256: sha(PHOTO) }, PHOTO);
    expect(stored).toEqual({
      status: 201,
      body: { sha256: sha(PHOTO), size: PHOTO.length, mediaType: 'image/jpeg' },
    });
    const link = await t.gql(
      LINK,
      {
        input: {
          evidenceId: record.id,
          subjectType: 'COMPONENT',
          subjectId: componentId,
          claim: 'ADXL357B on the IMU board',
        },
      },
      { as: Role.INVESTIGATOR },
    );
    expect(link.errors).toBeUndefined();

    expect((await t.gql(ONE, { id: record.id }, { as: Role.ANALYST })).data.evidence).toBeNull();
    const own = await t.gql(
      STATUS,
      { input: { id: record.id, status: 'REVIEWED' } },
      { as: Role.INVESTIGATOR },
    );
    expect(own.errors?.[0].extensions.code).toBe('FORBIDDEN');
    const skip = await t.gql(
      STATUS,
      { input: { id: record.id, status: 'PUBLISHED' } },
      { key: secondKey },
    );
    expect(skip.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    const reviewed = await t.gql(
      STATUS,
      { input: { id: record.id, status: 'REVIEWED', note: 'marking legible' } },
      { key: secondKey },
    );
    expect(reviewed.data.setEvidenceStatus).toMatchObject({
      status: 'REVIEWED',
      reviewedBy: { email: second },
    });
    expect((await t.gql(ONE, { id: record.id }, { as: Role.COMPLIANCE })).data.evidence).toBeNull();
    const published = await t.gql(
      STATUS,
      { input: { id: record.id, status: 'PUBLISHED' } },
      { key: secondKey },
    );
    expect(published.data.setEvidenceStatus).toMatchObject({
      status: 'PUBLISHED',
      publishedBy: { email: second },
    });

    const seen = await t.gql(ONE, { id: record.id }, { as: Role.ANALYST });
    expect(seen.data.evidence).toMatchObject({
      status: 'PUBLISHED',
      grade: 'B2',
      files: [{ sha256: sha(PHOTO), size: PHOTO.length, mediaType: 'image/jpeg' }],
      links: [{ subjectType: 'COMPONENT', claim: 'ADXL357B on the IMU board' }],
    });
    expect(seen.data.evidence.custodyEvents.map((c: any) => c.action)).toEqual([
      'COLLECTED',
      'FILE_STORED',
    ]);
    const onComponent = await t.gql(
      `query($id: ID!) { component(id: $id) { evidence { id status } } }`,
      { id: componentId },
      { as: Role.ANALYST },
    );
    expect(onComponent.data.component.evidence.map((e: any) => e.id)).toContain(record.id);

    const bytes = await t.app
      .getHttpAdapter()
      .getInstance()
      .inject({
        method: 'GET',
        url: `/evidence/files/${sha(PHOTO)}`,
        headers: await t.authHeader(Role.ANALYST),
      });
    expect(bytes.statusCode).toBe(200);
    expect(bytes.headers['x-content-sha256']).toBe(sha(PHOTO));
    expect(bytes.rawPayload.equals(PHOTO)).toBe(true);

    const edit = await t.gql(
      `mutation($id: ID!) { updateEvidence(input: { id: $id, expectedVersion: 99, title: "x" }) { id } }`,
      { id: record.id },
      { as: Role.INVESTIGATOR },
    );
    expect(edit.errors?.[0].extensions.code).toBe('CONFLICT');
  });

  it('keeps drafts and their files from analysts', async () => {
    const draft = await add('Unreviewed lead');
    const content = 'draft-only bytes';
    expect((await upload(draft.id, {}, content)).status).toBe(201);
    const list = await t.gql(
      '{ evidenceRecords(first: 100) { edges { node { id status } } } }',
      {},
      { as: Role.ANALYST },
    );
    const statuses = new Set(list.data.evidenceRecords.edges.map((e: any) => e.node.status));
    expect([...statuses].every((s) => s === 'PUBLISHED' || s === 'RETRACTED')).toBe(true);
    expect(list.data.evidenceRecords.edges.map((e: any) => e.node.id)).not.toContain(draft.id);
    const file = await t.app
      .getHttpAdapter()
      .getInstance()
      .inject({
        method: 'GET',
        url: `/evidence/files/${sha(content)}`,
        headers: await t.authHeader(Role.ANALYST),
      });
    expect(file.statusCode).toBe(404);
    const mine = await t.gql(
      '{ evidenceRecords(filter: { status: DRAFT }, first: 100) { edges { node { id } } } }',
      {},
      { as: Role.INVESTIGATOR },
    );
    expect(mine.data.evidenceRecords.edges.map((e: any) => e.node.id)).toContain(draft.id);
  });

  it('catches a stored copy changed on disk, and logs both checks', async () => {
    const record = await add('Datasheet scan');
    const content = 'original scan bytes';
    await upload(record.id, {}, content);
    const before = await t.gql(
      VERIFY,
      { input: { evidenceId: record.id, sha256: sha(content) } },
      { as: Role.INVESTIGATOR },
    );
    expect(before.data.verifyEvidenceFile).toEqual({
      ok: true,
      sha256: sha(content),
      actualSha256: sha(content),
    });

    const stored = path.join(dataDir, 'evidence', 'sha256', sha(content).slice(0, 2), sha(content));
    await chmod(stored, 0o644);
    await writeFile(stored, 'tampered bytes');
    const after = await t.gql(
      VERIFY,
      { input: { evidenceId: record.id, sha256: sha(content) } },
      { as: Role.INVESTIGATOR },
    );
    expect(after.data.verifyEvidenceFile).toEqual({
      ok: false,
      sha256: sha(content),
      actualSha256: sha('tampered bytes'),
    });

    const log = (await t.gql(ONE, { id: record.id }, { as: Role.INVESTIGATOR })).data.evidence
      .custodyEvents;
    expect(log.map((c: any) => [c.action, c.sha256])).toEqual([
      ['COLLECTED', null],
      ['FILE_STORED', sha(content)],
      ['HASH_VERIFIED', sha(content)],
      ['HASH_VERIFIED', sha('tampered bytes')],
    ]);
    expect(log[3].note).toMatch(/MISMATCH/);
    expect(log[3].actor.email).toBe('investigator@test.sanctrace');
  });

  it('rejects a file whose declared hash does not match, and stores nothing', async () => {
    const record = await add('Mismatch');
    const res = await upload(record.id, { sha256: sha('something else') }, 'real bytes');
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('BAD_USER_INPUT');
    const [{ n }] = await t.ds.query(
      'SELECT count(*)::int AS n FROM evidence_file WHERE evidence_id = $1',
      [record.id],
    );
    expect(n).toBe(0);
    const { existsSync } = await import('node:fs');
    expect(
      existsSync(
        path.join(dataDir, 'evidence', 'sha256', sha('real bytes').slice(0, 2), sha('real bytes')),
      ),
    ).toBe(false);
  });

  it('stores the same content once, refuses files over the limit, and refuses analysts', async () => {
    const a = await add('Copy A');
    const b = await add('Copy B');
    expect((await upload(a.id, {}, 'shared bytes')).status).toBe(201);
    expect((await upload(b.id, {}, 'shared bytes')).status).toBe(201);
    const [{ n }] = await t.ds.query(
      `SELECT count(*)::int AS n FROM evidence_file WHERE sha256 = $1`,
      [sha('shared bytes')],
    );
    expect(n).toBe(2);
    const big = await upload(a.id, {}, Buffer.alloc(5000, 1));
    expect(big.status).toBe(413);
    expect(big.body.error.code).toBe('PAYLOAD_TOO_LARGE');
    expect((await upload(a.id, {}, 'analyst bytes', Role.ANALYST)).status).toBe(403);
    const unknown = await upload('00000000-0000-4000-8000-000000000000', {}, 'x');
    expect(unknown.status).toBe(404);
  });

  it('records custody steps, corroboration, and a retraction that analysts see as such', async () => {
    const a = await add('Serial plate photo');
    const b = await add('Same plate, second angle');
    const custody = await t.gql(
      'mutation($id: ID!) { recordCustodyEvent(input: { evidenceId: $id, action: TRANSFERRED, note: "to lab" }) { action } }',
      { id: a.id },
      { as: Role.INVESTIGATOR },
    );
    expect(custody.data.recordCustodyEvent.action).toBe('TRANSFERRED');
    const system = await t.gql(
      'mutation($id: ID!) { recordCustodyEvent(input: { evidenceId: $id, action: HASH_VERIFIED }) { action } }',
      { id: a.id },
      { as: Role.INVESTIGATOR },
    );
    expect(system.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    const corroborate = `mutation($a: ID!, $b: ID!) { corroborateEvidence(input: { evidenceId: $a, otherEvidenceId: $b, sharedOrigin: true, note: "same wreckage" }) { sharedOrigin evidence { id } } }`;
    const c = await t.gql(corroborate, { a: a.id, b: b.id }, { as: Role.INVESTIGATOR });
    expect(c.data.corroborateEvidence).toEqual({ sharedOrigin: true, evidence: { id: b.id } });
    expect(
      (await t.gql(corroborate, { a: b.id, b: a.id }, { as: Role.INVESTIGATOR })).errors?.[0]
        .extensions.code,
    ).toBe('CONFLICT');
    const seen = await t.gql(
      `query($id: ID!) { evidence(id: $id) { corroborations { sharedOrigin note evidence { id } } } }`,
      { id: b.id },
      { as: Role.INVESTIGATOR },
    );
    expect(seen.data.evidence.corroborations).toEqual([
      { sharedOrigin: true, note: 'same wreckage', evidence: { id: a.id } },
    ]);

    const retracted = await t.gql(
      STATUS,
      { input: { id: a.id, status: 'RETRACTED', note: 'misidentified' } },
      { as: Role.INVESTIGATOR },
    );
    expect(retracted.data.setEvidenceStatus.status).toBe('RETRACTED');
    const analyst = await t.gql(ONE, { id: a.id }, { as: Role.ANALYST });
    expect(analyst.data.evidence.status).toBe('RETRACTED');
    const again = await t.gql(
      STATUS,
      { input: { id: a.id, status: 'DRAFT' } },
      { as: Role.INVESTIGATOR },
    );
    expect(again.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('filters by grade, source type and linked subject; names bad fields', async () => {
    const graded = await t.gql(
      '{ evidenceRecords(filter: { grade: "B2" }, first: 100) { totalCount } }',
      {},
      { as: Role.INVESTIGATOR },
    );
    expect(graded.data.evidenceRecords.totalCount).toBeGreaterThan(0);
    const gov = await t.gql(
      '{ evidenceRecords(filter: { sourceType: BELLIGERENT_GOVERNMENT }, first: 1) { totalCount } }',
      {},
      { as: Role.ANALYST },
    );
    expect(gov.data.evidenceRecords.totalCount).toBeGreaterThanOrEqual(61);
    const linked = await t.gql(
      'query($id: ID!) { evidenceRecords(filter: { subjectType: COMPONENT, subjectId: $id }) { totalCount } }',
      { id: componentId },
      { as: Role.INVESTIGATOR },
    );
    expect(linked.data.evidenceRecords.totalCount).toBeGreaterThanOrEqual(1);
    for (const [input, field] of [
      [{ title: '' }, 'title'],
      [{ title: 'x', informationCredibility: 7 }, 'informationCredibility'],
      [{ title: 'x', sourceUrl: 'not a url' }, 'sourceUrl'],
      [{ title: 'x', retrievedAt: '2999-01-01T00:00:00Z' }, 'retrievedAt'],
    ] as const) {
      const res = await t.gql(ADD, { input }, { as: Role.INVESTIGATOR });
      expect([field, res.errors?.[0].extensions.code]).toEqual([field, 'BAD_USER_INPUT']);
      expect(JSON.stringify(res.errors?.[0].extensions.fields)).toContain(field);
    }
    const badGrade = await t.gql(
      '{ evidenceRecords(filter: { grade: "Z9" }) { totalCount } }',
      {},
      { as: Role.ANALYST },
    );
    expect(badGrade.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
  });
});
