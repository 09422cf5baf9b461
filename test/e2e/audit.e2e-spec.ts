import { Role } from '../../src/auth/role.enum.js';
import { createDataSource } from '../../src/database/data-source.js';
import { createTestApp, type TestApp } from './test-app.js';

const CREATE_KEY = `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { apiKey { id } } }`;
const EVENTS = `query($filter: AuditFilter, $first: Int, $after: String) {
  auditEvents(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { id at action subjectType subjectId requestId before after actor { email } } }
  }
}`;

describe('audit trail (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ seeded: false });
  });
  afterAll(() => t.close());

  it('records each change with its actor, subject, after-image and request id', async () => {
    const res = await t.gql(
      CREATE_KEY,
      { input: { email: 'audited@example.org', role: 'ANALYST' } },
      {
        as: Role.ADMIN,
        headers: { 'x-request-id': 'req-audit-1' },
      },
    );
    const keyId = res.data.createApiKey.apiKey.id;
    const events = await t.gql(EVENTS, { filter: { subjectId: keyId } }, { as: Role.ADMIN });
    expect(events.data.auditEvents.edges.map((e: any) => e.node)).toEqual([
      expect.objectContaining({
        action: 'apiKey.create',
        subjectType: 'apiKey',
        subjectId: keyId,
        requestId: 'req-audit-1',
        actor: { email: 'admin@test.sanctrace' },
        before: null,
        after: expect.objectContaining({ id: keyId, role: 'ANALYST' }),
      }),
    ]);
    expect(JSON.stringify(events.data)).not.toMatch(/keyHash|key_hash/);
    const userCreated = await t.gql(
      EVENTS,
      { filter: { action: 'user.create', subjectType: 'user' } },
      { as: Role.ADMIN },
    );
    const emails = userCreated.data.auditEvents.edges.map((e: any) => e.node.after.email);
    expect(emails).toContain('audited@example.org');
  });

  it('filters by actor and period, newest first, and pages', async () => {
    for (const email of ['p1@example.org', 'p2@example.org', 'p3@example.org']) {
      await t.gql(CREATE_KEY, { input: { email, role: 'ANALYST' } }, { as: Role.ADMIN });
    }
    const byActor = await t.gql(
      EVENTS,
      { filter: { actorEmail: 'admin@test.sanctrace' }, first: 2 },
      { as: Role.ADMIN },
    );
    const conn = byActor.data.auditEvents;
    expect(conn.totalCount).toBeGreaterThanOrEqual(6);
    const next = await t.gql(
      EVENTS,
      {
        filter: { actorEmail: 'admin@test.sanctrace' },
        first: 100,
        after: conn.pageInfo.endCursor,
      },
      { as: Role.ADMIN },
    );
    const all = [...conn.edges, ...next.data.auditEvents.edges].map((e: any) => e.node);
    expect(all).toHaveLength(conn.totalCount);
    expect(new Set(all.map((n: any) => n.id)).size).toBe(all.length);
    const times = all.map((n: any) => Date.parse(n.at));
    expect(times).toEqual([...times].sort((a, b) => b - a));

    const future = await t.gql(
      EVENTS,
      { filter: { from: new Date(Date.now() + 60_000).toISOString() } },
      { as: Role.ADMIN },
    );
    expect(future.data.auditEvents.totalCount).toBe(0);
    const past = await t.gql(
      EVENTS,
      { filter: { to: new Date(Date.now() + 60_000).toISOString() } },
      { as: Role.ADMIN },
    );
    expect(past.data.auditEvents.totalCount).toBeGreaterThanOrEqual(6);
  });

  it('writes no event when the change fails', async () => {
    const [{ n: before }] = await t.ds.query('SELECT count(*)::int AS n FROM audit_event');
    const res = await t.gql(
      'mutation { updateUser(input: { id: "00000000-0000-4000-8000-000000000000", expectedVersion: 1, name: "x" }) { id } }',
      {},
      { as: Role.ADMIN },
    );
    expect(res.errors?.[0].extensions.code).toBe('NOT_FOUND');
    const [{ n: after }] = await t.ds.query('SELECT count(*)::int AS n FROM audit_event');
    expect(after).toBe(before);
  });

  it.each(['audit_event', 'custody_event'])(
    '%s is append-only in the database itself',
    async (table) => {
      if (table === 'custody_event') {
        const [{ id }] = await t.ds.query(`INSERT INTO evidence (title) VALUES ('t') RETURNING id`);
        await t.ds.query(
          `INSERT INTO custody_event (evidence_id, action) VALUES ($1, 'COLLECTED')`,
          [id],
        );
      }
      // As the tables' owner: the triggers hold even where privileges would not (the service's
      // own role has none to lose: append-only-role.e2e-spec.ts).
      const owner = await createDataSource(t.url).initialize();
      await expect(
        owner.query(
          `UPDATE ${table} SET note = 'x'`.replace(
            'note',
            table === 'audit_event' ? 'action' : 'note',
          ),
        ),
      ).rejects.toThrow(/append-only/);
      await expect(owner.query(`DELETE FROM ${table}`)).rejects.toThrow(/append-only/);
      await expect(owner.query(`TRUNCATE ${table} CASCADE`)).rejects.toThrow(/append-only/);
      await owner.destroy();
      const [{ n }] = await t.ds.query(`SELECT count(*)::int AS n FROM ${table}`);
      expect(n).toBeGreaterThan(0);
    },
  );
});
