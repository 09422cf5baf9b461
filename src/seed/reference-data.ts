import type { EntityManager } from 'typeorm';
import { ChplTier, CountryRiskGroup } from '../reference/reference.enums.js';
import { WeaponType } from '../weapon-systems/weapon-system.enums.js';
import { readDataCsv } from './csv.js';

/** Rows added or changed by one run: zero everywhere when the data is already in place. */
export interface ReferenceReport {
  countries: number;
  hsCodes: number;
  weaponSystems: number;
}

export interface WeaponSystemSeed {
  name: string;
  designations: string[];
  type: WeaponType;
  designCountry: string | null;
  productionCountry: string | null;
  description: string;
}

/** The Shahed family, by the Iranian names; Russian service names are the designations. */
export const REFERENCE_WEAPON_SYSTEMS: WeaponSystemSeed[] = [
  {
    name: 'Shahed-136',
    designations: ['Geran-2'],
    type: WeaponType.ONE_WAY_ATTACK_UAV,
    designCountry: 'IR',
    productionCountry: 'RU',
    description:
      'Iranian-designed one-way attack drone with a piston engine; supplied by Iran from 2022 and ' +
      'produced in Russia as Geran-2 at the Alabuga special economic zone (Tatarstan).',
  },
  {
    name: 'Shahed-131',
    designations: ['Geran-1'],
    type: WeaponType.ONE_WAY_ATTACK_UAV,
    designCountry: 'IR',
    productionCountry: 'IR',
    description:
      'Smaller Iranian one-way attack drone, used by Russia as Geran-1 from Iranian supplies.',
  },
  {
    name: 'Shahed-238',
    designations: ['Geran-3'],
    type: WeaponType.ONE_WAY_ATTACK_UAV,
    designCountry: 'IR',
    productionCountry: 'RU',
    description:
      'Jet-powered development of the Shahed-136, used by Russia as Geran-3 and produced in Russia.',
  },
];

/**
 * Loads the reference data from `data/`: every ISO country with its risk group, the CHPL HS codes with
 * their tiers and the other HS codes the data uses, the Shahed weapon systems. Idempotent: set-based
 * upserts that change a row only when its content differs, so a second run writes nothing.
 */
export async function seedReferenceData(em: EntityManager): Promise<ReferenceReport> {
  return {
    countries: await upsertCountries(em),
    hsCodes: await upsertHsCodes(em),
    weaponSystems: await upsertWeaponSystems(em, REFERENCE_WEAPON_SYSTEMS),
  };
}

async function upsertCountries(em: EntityManager): Promise<number> {
  const risk = new Map(
    readDataCsv<'country' | 'group' | 'basis'>('country-risk.csv').map((r) => [r.country, r]),
  );
  const countries = readDataCsv<'code' | 'name'>('countries.csv');
  for (const code of risk.keys()) {
    if (!countries.some((c) => c.code === code))
      throw new Error(`country-risk.csv: unknown ${code}`);
  }
  const rows: unknown[] = await em.query(
    `INSERT INTO country (code, name, risk_group, risk_basis)
     SELECT code, name, risk_group::country_risk_group, risk_basis
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS t(code, name, risk_group, risk_basis)
     ON CONFLICT (code) DO UPDATE
        SET name = excluded.name, risk_group = excluded.risk_group,
            risk_basis = excluded.risk_basis, updated_at = now()
      WHERE (country.name, country.risk_group, country.risk_basis)
            IS DISTINCT FROM (excluded.name, excluded.risk_group, excluded.risk_basis)
     RETURNING code`,
    [
      countries.map((c) => c.code),
      countries.map((c) => c.name),
      countries.map((c) => (risk.get(c.code)?.group as CountryRiskGroup) ?? CountryRiskGroup.OTHER),
      countries.map((c) => risk.get(c.code)?.basis ?? null),
    ],
  );
  return rows.length;
}

async function upsertHsCodes(em: EntityManager): Promise<number> {
  const tiers = new Set<string>(Object.values(ChplTier));
  const chpl = readDataCsv<'hs6' | 'tier' | 'description'>('chpl-hs-codes.csv').map((r) => {
    if (!tiers.has(r.tier))
      throw new Error(`chpl-hs-codes.csv: ${r.hs6} has unknown tier ${r.tier}`);
    return { code: r.hs6, tier: r.tier, description: r.description };
  });
  const others = readDataCsv<'hs6' | 'description'>('hs-descriptions.csv').map((r) => ({
    code: r.hs6,
    tier: null,
    description: r.description,
  }));
  const all = [...chpl, ...others];
  const rows: unknown[] = await em.query(
    `INSERT INTO hs_code (code, description, chpl_tier)
     SELECT code, description, tier::chpl_tier
       FROM unnest($1::text[], $2::text[], $3::text[]) AS t(code, description, tier)
     ON CONFLICT (code) DO UPDATE
        SET description = excluded.description, chpl_tier = excluded.chpl_tier, updated_at = now()
      WHERE (hs_code.description, hs_code.chpl_tier)
            IS DISTINCT FROM (excluded.description, excluded.chpl_tier)
     RETURNING code`,
    [all.map((r) => r.code), all.map((r) => r.description), all.map((r) => r.tier)],
  );
  return rows.length;
}

/** Upserts weapon systems on their name; an edited row gets its version bumped. */
export async function upsertWeaponSystems(
  em: EntityManager,
  systems: WeaponSystemSeed[],
): Promise<number> {
  const rows: unknown[] = await em.query(
    `INSERT INTO weapon_system (name, designations, type, design_country, production_country, description)
     SELECT name, designations, type, design_country, production_country, description
       FROM jsonb_to_recordset($1::jsonb) AS t(name text, designations text[], type weapon_type,
            design_country char(2), production_country char(2), description text)
     ON CONFLICT (name) DO UPDATE
        SET designations = excluded.designations, type = excluded.type,
            design_country = excluded.design_country,
            production_country = excluded.production_country,
            description = excluded.description,
            version = weapon_system.version + 1, updated_at = now()
      WHERE (weapon_system.designations, weapon_system.type, weapon_system.design_country,
             weapon_system.production_country, weapon_system.description)
            IS DISTINCT FROM (excluded.designations, excluded.type, excluded.design_country,
             excluded.production_country, excluded.description)
     RETURNING id`,
    [
      JSON.stringify(
        systems.map((s) => ({
          name: s.name,
          designations: s.designations,
          type: s.type,
          design_country: s.designCountry,
          production_country: s.productionCountry,
          description: s.description,
        })),
      ),
    ],
  );
  return rows.length;
}
