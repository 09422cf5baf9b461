import { Role } from '../../src/auth/role.enum.js';
import { createTestApp, type TestApp } from './test-app.js';

/** Every DateTime argument reads RFC 3339 with a real calendar date, and nothing else. */
describe('date-times (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const REPORT = `mutation($input: ReportStrikeInput!) { reportStrike(input: $input) { id occurredAt } }`;
  const report = (occurredAt: unknown) =>
    t.gql(
      REPORT,
      { input: { occurredAt, place: 'Datetime Test Place', country: 'UA' } },
      { as: Role.INVESTIGATOR },
    );

  it.each([
    ['2024-02-30T00:00:00Z'],
    ['1'],
    ['0'],
    ['March 7, 2024'],
    ['-000001-01-01T00:00:00Z'],
    ['2024-02-29'],
    [1709164800000],
  ])('refuses occurredAt %j with BAD_USER_INPUT and stores nothing', async (occurredAt) => {
    const res = await report(occurredAt);
    expect(res.status).toBeLessThan(500);
    expect(res.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0].message).toMatch(/RFC 3339/);
    const [{ n }] = await t.ds.query(
      `SELECT count(*)::int AS n FROM strike_report WHERE place = 'Datetime Test Place'`,
    );
    expect(n).toBe(0);
  });

  it('refuses a date-time written in the query itself the same way', async () => {
    const res = await t.gql(
      `mutation { reportStrike(input: { occurredAt: "2023-02-29T10:00:00Z", place: "Odesa", country: "UA" }) { id } }`,
      {},
      { as: Role.INVESTIGATOR },
    );
    expect(res.status).toBeLessThan(500);
    expect(res.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('reads a real date-time with an offset, and answers it in UTC', async () => {
    const res = await report('2024-02-29T16:05:00+03:00');
    expect(res.errors).toBeUndefined();
    expect(res.data.reportStrike.occurredAt).toBe('2024-02-29T13:05:00.000Z');
  });

  it('checks date-time filters too', async () => {
    const res = await t.gql(
      `{ strikeReports(filter: { from: "2024-02-30T00:00:00Z" }) { totalCount } }`,
    );
    expect(res.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    const audit = await t.gql(
      `query($to: DateTime) { auditEvents(filter: { to: $to }) { totalCount } }`,
      { to: 'March 7, 2024' },
      { as: Role.ADMIN },
    );
    expect(audit.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
  });
});
