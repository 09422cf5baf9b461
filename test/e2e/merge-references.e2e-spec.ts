import { MERGED_FOREIGN_KEYS } from '../../src/organizations/organization-merge.service.js';
import { createTestApp, type TestApp } from './test-app.js';

/** `mergeOrganizations` moves every reference: the list it handles is the database's own. */
describe('organization merge covers every foreign key (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ seeded: false });
  });
  afterAll(() => t.close());

  it.each(['organization', 'component'] as const)(
    'moves every foreign key that points at %s',
    async (table) => {
      const rows: { ref: string }[] = await t.ds.query(
        `SELECT c.conrelid::regclass::text || '.' || a.attname AS ref
           FROM pg_constraint c
           JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = ANY (c.conkey)
          WHERE c.contype = 'f' AND c.confrelid = $1::regclass
          ORDER BY 1`,
        [table],
      );
      expect(rows.map((r) => r.ref)).toEqual([...MERGED_FOREIGN_KEYS[table]].sort());
    },
  );
});
