import type { QueryRunner } from 'typeorm';
import { normalizeOrganizationName } from '../organizations/normalize-name.js';

/** A known manufacturer as an import stages it: its name, normalized name and home countries. */
export interface KnownMaker {
  name: string;
  norm: string;
  countries: ReadonlySet<string | null>;
}

/** A live manufacturer as `load` reads it. */
export interface Manufacturer {
  name: string;
  norm: string;
  country: string | null;
  aliases: string[];
}

/**
 * The other names of the known manufacturers (organizations with the MANUFACTURER role), read once
 * at the start of an import: a trade file writes `Infineon Technologies AG` or `ISSI` where the
 * catalogue has Infineon and Integrated Silicon Solution, and a maker named by one of its aliases is
 * that maker, not a new organization that would split its parts. A manufacturer's own name wins over
 * another's alias, and an alias two manufacturers share means neither.
 */
export class MakerNames {
  static readonly NONE = new MakerNames(new Map());

  private constructor(private readonly byAlias: ReadonlyMap<string, KnownMaker>) {}

  static async load(q: QueryRunner): Promise<MakerNames> {
    return MakerNames.of(
      (await q.query(
        `SELECT name, normalized_name AS norm, country, aliases FROM organization
          WHERE archived_at IS NULL AND 'MANUFACTURER' = ANY (roles) ORDER BY created_at, id`,
      )) as Manufacturer[],
    );
  }

  /** From the live manufacturers, oldest first. */
  static of(rows: readonly Manufacturer[]): MakerNames {
    const own = new Set(rows.map((r) => r.norm));
    const byAlias = new Map<string, KnownMaker & { countries: Set<string | null> }>();
    const shared = new Set<string>();
    for (const row of rows) {
      for (const alias of row.aliases) {
        const norm = normalizeOrganizationName(alias);
        if (!norm || own.has(norm) || shared.has(norm)) continue;
        const known = byAlias.get(norm);
        if (!known)
          byAlias.set(norm, { name: row.name, norm: row.norm, countries: new Set([row.country]) });
        else if (known.norm === row.norm) known.countries.add(row.country);
        else {
          byAlias.delete(norm);
          shared.add(norm);
        }
      }
    }
    return new MakerNames(byAlias);
  }

  /** The manufacturer a maker's normalized name is an alias of. */
  maker(norm: string | null | undefined): KnownMaker | undefined {
    return norm ? this.byAlias.get(norm) : undefined;
  }

  /** The same for a name given with a country (a party, a placed maker): the countries must agree. */
  placed(
    norm: string | null | undefined,
    country: string | null | undefined,
  ): KnownMaker | undefined {
    const known = this.maker(norm);
    return known?.countries.has(country ?? null) ? known : undefined;
  }
}
