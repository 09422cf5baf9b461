import { Role } from '../../src/auth/role.enum.js';
import { createTestApp, type TestApp } from './test-app.js';

const UPDATE = `mutation($input: UpdateUserInput!) { updateUser(input: $input) { name version } }`;

describe('optimistic locking (e2e)', () => {
  let t: TestApp;
  let userId: string;
  beforeAll(async () => {
    t = await createTestApp({ seeded: false });
    await t.keyFor(Role.ANALYST);
    [{ id: userId }] = await t.ds.query(
      `SELECT id FROM app_user WHERE email = 'analyst@test.sanctrace'`,
    );
  });
  afterAll(() => t.close());

  const version = async (): Promise<number> =>
    (await t.ds.query('SELECT version FROM app_user WHERE id = $1', [userId]))[0].version;

  /** Opens every connection of the service's pool, so the racers below really run at once. */
  const warmPool = () =>
    Promise.all(Array.from({ length: 10 }, () => t.ds.query('SELECT pg_sleep(0.05)')));

  /** The version each audited update started from: one update per version, none lost, none doubled. */
  const auditedFromVersions = async (namePattern: string): Promise<number[]> =>
    (
      await t.ds.query(
        `SELECT (before->>'version')::int AS v FROM audit_event
          WHERE action = 'user.update' AND subject_id = $1 AND after->>'name' LIKE $2 ORDER BY 1`,
        [userId, namePattern],
      )
    ).map((r: { v: number }) => r.v);

  it('lets exactly one of several updates from the same version through; the others are CONFLICT', async () => {
    const v = await version();
    await warmPool();
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        t.gql(
          UPDATE,
          { input: { id: userId, expectedVersion: v, name: `racer ${i}` } },
          { as: Role.ADMIN },
        ),
      ),
    );
    const won = results.filter((r) => !r.errors);
    const lost = results.filter((r) => r.errors);
    expect(won).toHaveLength(1);
    expect(lost.map((r) => r.errors![0].extensions.code)).toEqual(Array(7).fill('CONFLICT'));
    expect(lost[0].errors![0].extensions.currentVersion).toBe(v + 1);
    expect(await version()).toBe(v + 1);
    expect(await auditedFromVersions('racer %')).toEqual([v]);
  });

  it('loses no update when concurrent writers retry on CONFLICT', async () => {
    const start = await version();
    const writers = 10;
    const write = async (i: number) => {
      for (;;) {
        const v = await version();
        const res = await t.gql(
          UPDATE,
          { input: { id: userId, expectedVersion: v, name: `writer ${i}` } },
          { as: Role.ADMIN },
        );
        if (!res.errors) return;
        expect(res.errors[0].extensions.code).toBe('CONFLICT');
      }
    };
    await warmPool();
    await Promise.all(Array.from({ length: writers }, (_, i) => write(i)));
    expect(await version()).toBe(start + writers);
    // Each writer's update is audited once, each from a version no other update started from.
    expect(await auditedFromVersions('writer %')).toEqual(
      Array.from({ length: writers }, (_, i) => start + i),
    );
  });
});
