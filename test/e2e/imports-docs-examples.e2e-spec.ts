import { parse } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { SYSTEM_ACTOR } from '../../src/auth/auth-user.js';
import { projectRoot } from '../../src/common/project-root.js';
import { ImportsService } from '../../src/imports/imports.service.js';
import { normalizeOrganizationName } from '../../src/organizations/normalize-name.js';
import { createTestApp, type TestApp } from './test-app.js';

/** The sections of docs/import.md and the kind each one's example is imported as. */
const KINDS: Record<string, string> = {
  Shipments: 'shipments',
  Organizations: 'organizations',
  Sanctions: 'sanctions',
  Components: 'components',
  Strikes: 'strikes',
  Findings: 'findings',
};

/** Every CSV example of docs/import.md, in the order a reader meets them, with its section's kind. */
function examples(): { kind: string; text: string }[] {
  const found: { kind: string; text: string }[] = [];
  let section = '';
  let block: string[] | null = null;
  for (const line of readFileSync(path.join(projectRoot, 'docs/import.md'), 'utf8').split('\n')) {
    if (block) {
      if (line.startsWith('```')) {
        found.push({ kind: KINDS[section], text: `${block.join('\n')}\n` });
        block = null;
      } else block.push(line);
    } else if (line.startsWith('## ')) section = line.slice(3).trim();
    else if (line === '```csv') block = [];
  }
  return found;
}

const rows = (text: string) => parse<Record<string, string>>(text, { columns: true });
const norm = normalizeOrganizationName;

describe('the examples of docs/import.md, run in order (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('import without an error, and every row lands on the organization it names', async () => {
    const all = examples();
    expect(all.map((e) => e.kind)).toEqual(Object.values(KINDS));
    const imports = t.app.get(ImportsService);
    for (const { kind, text } of all) {
      const report = await imports.run(SYSTEM_ACTOR, Readable.from([text]), {
        kind,
        format: 'csv',
        source: 'docs',
      });
      expect({ kind, errors: report.errors, rejected: report.rejected }).toEqual({
        kind,
        errors: [],
        rejected: 0,
      });
    }
    const example = (kind: string) => rows(all.find((e) => e.kind === kind)!.text);

    // Each listing is on the organization of the line's name and country: an OFAC listing of
    // OOO Vektor is never put on another company that an example gave the same registration id.
    for (const line of example('sanctions')) {
      const holders = await t.ds.query(
        `SELECT o.normalized_name, o.country FROM sanction s JOIN organization o ON o.id = s.organization_id
          WHERE s.authority = $1 AND s.program IS NOT DISTINCT FROM $2 AND s.listed_on = $3`,
        [
          line.authority.toUpperCase().replace(/[\s-]+/g, '_'),
          line.program || null,
          line.listed_on,
        ],
      );
      expect(holders).toEqual([{ normalized_name: norm(line.name), country: line.country }]);
    }
    for (const line of example('organizations')) {
      const [org] = await t.ds.query(
        `SELECT normalized_name, country, registration_ids FROM organization
          WHERE normalized_name = $1 AND country = $2`,
        [norm(line.name), line.country],
      );
      for (const pair of line.registration_ids.split(';')) {
        const [register, number] = pair.split('=');
        expect(org.registration_ids).toMatchObject({ [register]: number });
      }
    }
    for (const line of example('shipments')) {
      const [shipment] = await t.ds.query(
        `SELECT e.normalized_name AS exporter, e.country AS exporter_country,
                i.normalized_name AS importer, i.country AS importer_country
           FROM shipment s JOIN organization e ON e.id = s.exporter_id JOIN organization i ON i.id = s.importer_id
          WHERE s.source = 'docs' AND s.source_record_id = $1`,
        [line.source_record_id],
      );
      expect(shipment).toEqual({
        exporter: norm(line.exporter_name),
        exporter_country: line.exporter_country,
        importer: norm(line.importer_name),
        importer_country: line.importer_country,
      });
    }
  });
});
