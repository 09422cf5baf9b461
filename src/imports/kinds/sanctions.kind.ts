import { normalizeOrganizationName } from '../../organizations/normalize-name.js';
import { SanctionAuthority } from '../../sanctions/sanction.enums.js';
import { affected, type ImportKind, rejectRows } from '../import-kind.js';
import { memoize } from '../memoize.js';
import type { RowError } from '../row-error.js';
import { stageRegistrationIds } from './registration-ids.js';
import { organizationMatchJoins } from './shared-sql.js';

const AUTHORITIES = Object.values(SanctionAuthority);
const orgName = memoize(normalizeOrganizationName);
const WEB_ADDRESS = /^https?:\/\/[^\s/?#]+\.[^\s/?#]+\S*$/i;

/**
 * Creates one organization for each name and country of the batch that no live organization matches
 * (by registration id or by name and country). A line sharing a registration id with an earlier line
 * of another name waits for the next round, where it finds the organization just created for that
 * line: two spellings of one listed company become one organization. Each round creates at least the
 * organization of the earliest line still unmatched, so the rounds end.
 */
const insertMissingOrganizations = `
  WITH unmatched AS (
    SELECT s.line, s.name, s.norm, s.country, s.registration_ids::jsonb AS ids
      FROM import_stage s ${organizationMatchJoins}
     WHERE by_id.id IS NULL AND by_name.id IS NULL
  ), ids AS (
    SELECT u.line, u.norm, u.country, r.key, r.value FROM unmatched u, jsonb_each_text(u.ids) r
  ), waiting AS (
    SELECT DISTINCT later.line FROM ids later
      JOIN ids earlier ON earlier.key = later.key AND earlier.value = later.value AND earlier.line < later.line
     WHERE (earlier.norm, earlier.country) IS DISTINCT FROM (later.norm, later.country)
  )
  INSERT INTO organization (name, normalized_name, country, registration_ids, synthetic)
  SELECT DISTINCT ON (u.norm, u.country) u.name, u.norm, u.country, u.ids, $1::boolean
    FROM unmatched u
   WHERE u.line NOT IN (SELECT line FROM waiting)
   ORDER BY u.norm, u.country, u.line`;

/**
 * Sanctions: listings of organizations by an authority. Natural key: organization + authority +
 * program + listed_on (the rule `addSanction` applies), held by a unique index. The organization is
 * found by a registration id it shares with the line, else by normalized name and country, else created.
 * A known listing takes the line's delisting date and reference URL when given (an empty one keeps
 * what is recorded).
 */
export const sanctionsKind: ImportKind = {
  name: 'sanctions',
  stageColumns: [
    'name',
    'norm',
    'country',
    'registration_ids',
    'authority',
    'program',
    'listed_on',
    'delisted_on',
    'reference_url',
  ],

  stage(c) {
    const name = c.text('name', { required: true, max: 300 });
    const norm = c.derived('name', name ? orgName(name) : null, 'name has no letters or digits');
    const listedOn = c.date('listed_on', { required: true });
    // As `addSanction`: a delisting may be announced ahead of the day it takes effect.
    const delistedOn = c.date('delisted_on', { future: true });
    if (listedOn && delistedOn && delistedOn < listedOn) {
      c.reject('delisted_on', `delisted_on ${delistedOn} is before listed_on ${listedOn}`);
    }
    const url = c.text('reference_url');
    if (url && !WEB_ADDRESS.test(url)) {
      c.reject('reference_url', 'reference_url must be a web address (https://…)');
    }
    const row = [
      name,
      norm,
      c.country('country'),
      stageRegistrationIds(c),
      c.oneOf('authority', AUTHORITIES, { required: true }),
      c.text('program', { max: 200 }),
      listedOn,
      delistedOn,
      url,
    ];
    return c.ok ? (row as (string | null)[]) : null;
  },

  async merge(q, ctx) {
    const rejected: RowError[] = [];
    for (let created = 1; created > 0;) {
      created = await affected(q, insertMissingOrganizations, [ctx.synthetic]);
    }
    await q.query('DROP TABLE IF EXISTS import_match');
    await q.query(
      `CREATE TEMP TABLE import_match AS
       SELECT s.*, coalesce(by_id.id, by_name.id) AS organization_id
         FROM import_stage s ${organizationMatchJoins}`,
    );
    rejected.push(
      ...(await rejectRows(
        q,
        `DELETE FROM import_match m USING (
           SELECT organization_id, authority, program, listed_on, min(line) AS first
             FROM import_match GROUP BY 1, 2, 3, 4 HAVING count(*) > 1
         ) d
         WHERE m.organization_id = d.organization_id AND m.authority = d.authority
           AND m.program IS NOT DISTINCT FROM d.program AND m.listed_on = d.listed_on AND m.line > d.first
         RETURNING m.line, 'listed_on' AS column, 'the same listing as line ' || d.first AS message`,
      )),
    );
    const rows = (await q.query(
      `INSERT INTO sanction AS t (organization_id, authority, program, listed_on, delisted_on, reference_url)
       SELECT organization_id, authority::sanction_authority, program, listed_on::date, delisted_on::date, reference_url
         FROM import_match
       ON CONFLICT (organization_id, authority, program, listed_on) DO UPDATE SET
         delisted_on = coalesce(EXCLUDED.delisted_on, t.delisted_on),
         reference_url = coalesce(EXCLUDED.reference_url, t.reference_url),
         version = t.version + 1, updated_at = now()
       WHERE (t.delisted_on, t.reference_url) IS DISTINCT FROM
             (coalesce(EXCLUDED.delisted_on, t.delisted_on), coalesce(EXCLUDED.reference_url, t.reference_url))
       RETURNING (xmax = 0) AS inserted`,
    )) as { inserted: boolean }[];
    await q.query('DROP TABLE import_match');
    const inserted = rows.filter((r) => r.inserted).length;
    return { inserted, updated: rows.length - inserted, rejected };
  },
};
