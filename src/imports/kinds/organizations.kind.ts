import { OrganizationRole } from '../../organizations/organization.enums.js';
import { normalizeOrganizationName } from '../../organizations/normalize-name.js';
import { affected, type ImportKind, rejectRows } from '../import-kind.js';
import { memoize } from '../memoize.js';
import type { RowError } from '../row-error.js';
import { splitList as list, stageRegistrationIds } from './registration-ids.js';
import { organizationMatchJoins } from './shared-sql.js';

const ROLES = Object.values(OrganizationRole);
const orgName = memoize(normalizeOrganizationName);

/**
 * Organizations. An organization is found by a registration id it shares with the line (any of them),
 * else by normalized name and country, and updated (roles and aliases added, registration ids merged,
 * address, website and incorporation date set when given); else it is created.
 */
export const organizationsKind: ImportKind = {
  name: 'organizations',
  stageColumns: [
    'name',
    'norm',
    'country',
    'roles',
    'aliases',
    'registration_ids',
    'address',
    'website',
    'incorporated_on',
  ],

  stage(c) {
    const name = c.text('name', { required: true, max: 300 });
    const norm = c.derived('name', name ? orgName(name) : null, 'name has no letters or digits');
    const roles = list(c.text('roles')).map((r) => r.toUpperCase().replace(/[\s-]+/g, '_'));
    const badRole = roles.find((r) => !ROLES.includes(r as OrganizationRole));
    if (badRole) c.reject('roles', `unknown role ${badRole}: use ${ROLES.join(', ')}`);
    const row = [
      name,
      norm,
      c.country('country'),
      `{${[...new Set(roles)].join(',')}}`,
      JSON.stringify(list(c.text('aliases')).filter((a) => a !== name)),
      stageRegistrationIds(c),
      c.text('address'),
      c.text('website', { max: 500 }),
      c.date('incorporated_on'),
    ];
    return c.ok ? (row as (string | null)[]) : null;
  },

  async merge(q, ctx) {
    const rejected: RowError[] = [];
    rejected.push(
      ...(await rejectRows(
        q,
        `DELETE FROM import_stage s USING (
           SELECT norm, country, min(line) AS first FROM import_stage GROUP BY 1, 2 HAVING count(*) > 1
         ) d
         WHERE s.norm = d.norm AND s.country IS NOT DISTINCT FROM d.country AND s.line > d.first
         RETURNING s.line, 'name' AS column, 'the same organization as line ' || d.first AS message`,
      )),
    );
    rejected.push(
      ...(await rejectRows(
        q,
        `WITH ids AS (
           SELECT line, r.key, r.value FROM import_stage, jsonb_each_text(registration_ids::jsonb) r
         ), dups AS (
           SELECT later.line, min(earlier.line) AS first FROM ids later
             JOIN ids earlier ON earlier.key = later.key AND earlier.value = later.value AND earlier.line < later.line
            GROUP BY later.line
         )
         DELETE FROM import_stage s USING dups d WHERE s.line = d.line
         RETURNING s.line, 'registration_ids' AS column, 'the same organization as line ' || d.first AS message`,
      )),
    );
    await q.query('DROP TABLE IF EXISTS import_match');
    await q.query(
      `CREATE TEMP TABLE import_match AS
       SELECT s.*, coalesce(by_id.id, by_name.id) AS id
         FROM import_stage s ${organizationMatchJoins}`,
    );
    const updated = await affected(
      q,
      `WITH merged AS (
         SELECT o.id,
                ARRAY(SELECT DISTINCT unnest(o.roles || m.roles::organization_role[]) ORDER BY 1) AS roles,
                ARRAY(SELECT DISTINCT a FROM unnest(o.aliases || ARRAY[m.name] || ARRAY(SELECT jsonb_array_elements_text(m.aliases::jsonb))) a
                       WHERE a <> o.name ORDER BY 1) AS aliases,
                o.registration_ids || m.registration_ids::jsonb AS registration_ids,
                coalesce(m.address, o.address) AS address, coalesce(m.website, o.website) AS website,
                coalesce(m.incorporated_on::date, o.incorporated_on) AS incorporated_on
           FROM import_match m JOIN organization o ON o.id = m.id)
       UPDATE organization o SET roles = x.roles, aliases = x.aliases, registration_ids = x.registration_ids,
              address = x.address, website = x.website, incorporated_on = x.incorporated_on,
              version = o.version + 1, updated_at = now()
         FROM merged x
        WHERE o.id = x.id
          AND (o.roles, o.aliases, o.registration_ids, o.address, o.website, o.incorporated_on)
              IS DISTINCT FROM (x.roles, x.aliases, x.registration_ids, x.address, x.website, x.incorporated_on)`,
    );
    const inserted = await affected(
      q,
      `INSERT INTO organization (name, normalized_name, country, roles, aliases, registration_ids, address, website,
                                 incorporated_on, synthetic)
       SELECT name, norm, country,
              ARRAY(SELECT DISTINCT unnest(roles::organization_role[]) ORDER BY 1),
              ARRAY(SELECT DISTINCT a FROM jsonb_array_elements_text(aliases::jsonb) a WHERE a <> name ORDER BY 1),
              registration_ids::jsonb, address, website, incorporated_on::date, $1
         FROM import_match WHERE id IS NULL`,
      [ctx.synthetic],
    );
    await q.query('DROP TABLE import_match');
    return { inserted, updated, rejected };
  },
};
