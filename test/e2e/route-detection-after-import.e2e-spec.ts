import { Role } from '../../src/auth/role.enum.js';
import { createTestApp, type TestApp } from './test-app.js';

const HEADER =
  'source_record_id,shipped_on,exporter_name,exporter_country,importer_name,importer_country,origin_country,export_country,import_country,hs_code,part_number,manufacturer_name,description,quantity,value_usd';
const FILE = [
  HEADER,
  'AI-1,2024-03-01,After Import Trading Ltd,HK,OOO After Import,RU,US,HK,RU,854231,,,processors,100,5000.00',
].join('\n');

/** An import of shipments that wrote rows runs incremental detection (DETECT_ROUTES_AFTER_IMPORT). */
describe('route detection after an import (e2e)', () => {
  const post = (t: TestApp, source: string) =>
    t.authHeader(Role.INVESTIGATOR).then((auth) =>
      t.app
        .getHttpAdapter()
        .getInstance()
        .inject({
          method: 'POST',
          url: `/imports/shipments?source=${source}`,
          headers: { ...auth, 'content-type': 'text/csv' },
          payload: FILE,
        }),
    );
  const routesOf = (t: TestApp) =>
    t.ds.query(
      `SELECT r.id FROM route r JOIN organization o ON o.id = r.party_path[1]
        WHERE o.name = 'After Import Trading Ltd'`,
    );

  it('finds the new route and reports the run in the import report', async () => {
    const t = await createTestApp();
    try {
      const res = await post(t, 'after-import');
      expect(res.statusCode).toBe(201);
      expect(res.json().followUps.routeDetection).toMatchObject({
        mode: 'INCREMENTAL',
        newRoutes: 1,
        runId: expect.any(String),
      });
      expect(await routesOf(t)).toHaveLength(1);
      // The same file again writes nothing: no run.
      expect((await post(t, 'after-import')).json().followUps).toBeUndefined();
    } finally {
      await t.close();
    }
  });

  it('runs nothing with DETECT_ROUTES_AFTER_IMPORT=false', async () => {
    const t = await createTestApp({ env: { DETECT_ROUTES_AFTER_IMPORT: 'false' } });
    try {
      const res = await post(t, 'after-import');
      expect(res.json().inserted).toBe(1);
      expect(res.json().followUps).toBeUndefined();
      expect(await routesOf(t)).toHaveLength(0);
    } finally {
      await t.close();
    }
  });
});
