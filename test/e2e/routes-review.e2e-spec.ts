import { Role } from '../../src/auth/role.enum.js';
import { createTestApp, type TestApp } from './test-app.js';
import { insertOrganization, insertRoute } from './routes-fixture.js';

const REVIEW = `mutation($input: ReviewRouteInput!) { reviewRoute(input: $input) {
  id status reviewNote reviewer { email } reviewedAt version score } }`;
const ONE = `query($id: ID!) { reExportRoute(id: $id) {
  status reviewNote reviewer { email } reviewedAt version evidence { id title } } }`;
const ADD_EVIDENCE = `mutation($input: AddEvidenceInput!) { addEvidence(input: $input) { id } }`;
const LINK = `mutation($input: LinkEvidenceInput!) { linkEvidence(input: $input) { subjectType subjectId claim } }`;
const STATUS = `mutation($input: SetEvidenceStatusInput!) { setEvidenceStatus(input: $input) { status } }`;

describe('re-export routes: review and evidence (e2e)', () => {
  let t: TestApp;
  let routeId: string;

  beforeAll(async () => {
    t = await createTestApp();
    const trader = await insertOrganization(t.ds, 'Reviewtest Silk Road LLP', 'KZ');
    const buyer = await insertOrganization(t.ds, 'OOO Reviewtest Vostok', 'RU');
    routeId = await insertRoute(t.ds, {
      path: [trader, buyer],
      originCountry: 'US',
      hsCode: '854231',
      firstShippedOn: '2023-04-01',
      lastShippedOn: '2023-05-01',
      valueUsd: 9000,
      score: 75,
    });
  });
  afterAll(() => t.close());

  const read = async (as: Role = Role.COMPLIANCE) =>
    (await t.gql(ONE, { id: routeId }, { as })).data.reExportRoute;
  const review = (input: Record<string, unknown>, as: Role = Role.COMPLIANCE) =>
    t.gql(REVIEW, { input: { id: routeId, ...input } }, { as });
  const audits = (): Promise<{ action: string; before: string; after: string; note: string }[]> =>
    t.ds.query(
      `SELECT action, before->>'status' AS before, after->>'status' AS after,
              after->>'reviewNote' AS note
         FROM audit_event WHERE subject_type = 'route' AND subject_id = $1 ORDER BY at, id`,
      [routeId],
    );

  it('lets COMPLIANCE confirm a route with a note: who, when, audited', async () => {
    const res = await review({
      status: 'CONFIRMED',
      note: '  Matches the FinCEN alert of May 2023  ',
      expectedVersion: 1,
    });
    expect(res.errors).toBeUndefined();
    const r = res.data.reviewRoute;
    expect(r).toMatchObject({
      id: routeId,
      status: 'CONFIRMED',
      reviewNote: 'Matches the FinCEN alert of May 2023',
      reviewer: { email: 'compliance@test.sanctrace' },
      version: 2,
      score: 75,
    });
    expect(Date.now() - Date.parse(r.reviewedAt)).toBeLessThan(60_000);
    expect(await audits()).toEqual([
      {
        action: 'route.review',
        before: 'OPEN',
        after: 'CONFIRMED',
        note: 'Matches the FinCEN alert of May 2023',
      },
    ]);
    const [{ actor }] = await t.ds.query(
      `SELECT u.email AS actor FROM audit_event a JOIN app_user u ON u.id = a.actor_id
        WHERE a.subject_id = $1`,
      [routeId],
    );
    expect(actor).toBe('compliance@test.sanctrace');
  });

  it('answers CONFLICT on a stale version and changes nothing', async () => {
    const res = await review({
      status: 'DISMISSED',
      note: 'Legitimate distributor',
      expectedVersion: 1,
    });
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 2 });
    expect(await read()).toMatchObject({ status: 'CONFIRMED', version: 2 });
    expect(await audits()).toHaveLength(1);
  });

  const REQUIRED = 'note is required to CONFIRM or DISMISS a route';
  it.each([
    ['CONFIRMED without a note', { status: 'CONFIRMED' }, REQUIRED],
    ['DISMISSED with a blank note', { status: 'DISMISSED', note: '   ' }, REQUIRED],
    ['DISMISSED with a null note', { status: 'DISMISSED', note: null }, REQUIRED],
    [
      'a note over 2000 characters',
      { status: 'UNDER_REVIEW', note: 'x'.repeat(2001) },
      'note must be at most 2000 characters',
    ],
  ])('refuses %s with BAD_USER_INPUT on note, writing nothing', async (_label, input, message) => {
    const res = await review({ ...input, expectedVersion: 2 });
    expect(res.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0].extensions.fields).toEqual([{ field: 'note', messages: [message] }]);
    expect(await read()).toMatchObject({ status: 'CONFIRMED', version: 2 });
  });

  it('refuses an ANALYST (FORBIDDEN), and answers NOT_FOUND and BAD_USER_INPUT on bad ids', async () => {
    const analyst = await review(
      { status: 'DISMISSED', note: 'Not my call', expectedVersion: 2 },
      Role.ANALYST,
    );
    expect(analyst.errors?.[0].extensions.code).toBe('FORBIDDEN');
    expect(await read()).toMatchObject({ status: 'CONFIRMED', version: 2 });
    const unknown = await t.gql(
      REVIEW,
      { input: { id: '00000000-0000-4000-8000-000000000000', status: 'OPEN', expectedVersion: 1 } },
      { as: Role.COMPLIANCE },
    );
    expect(unknown.errors?.[0].extensions.code).toBe('NOT_FOUND');
    const bad = await review({ id: 'route', status: 'OPEN', expectedVersion: 2 });
    expect(bad.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    const badStatus = await review({ status: 'CLOSED', expectedVersion: 2 });
    expect(badStatus.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('lets a reviewer reopen: any status may follow any; a review without a note clears it', async () => {
    const reopened = await review({ status: 'OPEN', expectedVersion: 2 }, Role.ADMIN);
    expect(reopened.errors).toBeUndefined();
    expect(reopened.data.reviewRoute).toMatchObject({
      status: 'OPEN',
      reviewNote: null,
      reviewer: { email: 'admin@test.sanctrace' },
      version: 3,
    });
    const under = await review({
      status: 'UNDER_REVIEW',
      note: 'Asked customs',
      expectedVersion: 3,
    });
    expect(under.data.reviewRoute).toMatchObject({ status: 'UNDER_REVIEW', version: 4 });
    const dismissed = await review({
      status: 'DISMISSED',
      note: 'Licensed sale',
      expectedVersion: 4,
    });
    expect(dismissed.data.reviewRoute).toMatchObject({
      status: 'DISMISSED',
      reviewNote: 'Licensed sale',
      reviewer: { email: 'compliance@test.sanctrace' },
      version: 5,
    });
    expect((await audits()).map((a) => [a.before, a.after])).toEqual([
      ['OPEN', 'CONFIRMED'],
      ['CONFIRMED', 'OPEN'],
      ['OPEN', 'UNDER_REVIEW'],
      ['UNDER_REVIEW', 'DISMISSED'],
    ]);
  });

  it('takes evidence linked to a route, shown as on any subject (published only below INVESTIGATOR)', async () => {
    const added = await t.gql(
      ADD_EVIDENCE,
      {
        input: {
          title: 'Customs declaration, Almaty, April 2023',
          kind: 'DOCUMENT',
          sourceType: 'COMMERCIAL_DATA',
          sourceReliability: 'B',
          informationCredibility: 2,
        },
      },
      { as: Role.INVESTIGATOR },
    );
    expect(added.errors).toBeUndefined();
    const evidenceId = added.data.addEvidence.id;
    const link = await t.gql(
      LINK,
      {
        input: {
          evidenceId,
          subjectType: 'ROUTE',
          subjectId: routeId,
          claim: 'The second leg, declared as radio parts',
        },
      },
      { as: Role.INVESTIGATOR },
    );
    expect(link.errors).toBeUndefined();
    expect(link.data.linkEvidence).toEqual({
      subjectType: 'ROUTE',
      subjectId: routeId,
      claim: 'The second leg, declared as radio parts',
    });
    expect((await read(Role.INVESTIGATOR)).evidence).toEqual([
      { id: evidenceId, title: 'Customs declaration, Almaty, April 2023' },
    ]);
    expect((await read(Role.ANALYST)).evidence).toEqual([]);
    for (const status of ['REVIEWED', 'PUBLISHED']) {
      const res = await t.gql(STATUS, { input: { id: evidenceId, status } }, { as: Role.ADMIN });
      expect(res.errors).toBeUndefined();
    }
    expect((await read(Role.ANALYST)).evidence).toEqual([
      { id: evidenceId, title: 'Customs declaration, Almaty, April 2023' },
    ]);
    const unknown = await t.gql(
      LINK,
      {
        input: {
          evidenceId,
          subjectType: 'ROUTE',
          subjectId: '00000000-0000-4000-8000-000000000000',
        },
      },
      { as: Role.INVESTIGATOR },
    );
    expect(unknown.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
  });
});
