import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `organizations(filter: { search })`: a trigram match on the name and every alias, folded (lower
 * case, accents stripped) the same way on both sides and served by a GIN index on the expression.
 * The functions are IMMUTABLE so an index can use them; unaccent is called with its dictionary named,
 * which is what makes that true (the one-argument form depends on search_path).
 */
export class OrganizationSearch1795590000000 implements MigrationInterface {
  name = 'OrganizationSearch1795590000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION organization_search_key(value text) RETURNS text
        LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
        RETURN lower(public.unaccent('public.unaccent'::regdictionary, value))`);
    await q.query(`
      CREATE FUNCTION organization_search_text(name text, aliases text[]) RETURNS text
        LANGUAGE sql IMMUTABLE PARALLEL SAFE
        RETURN organization_search_key(name || ' ' || coalesce(array_to_string(aliases, ' '), ''))`);
    await q.query(
      `CREATE INDEX "idx_organization_search_trgm" ON "organization" USING gin (organization_search_text(name, aliases) gin_trgm_ops)`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "public"."idx_organization_search_trgm"`);
    await q.query(`DROP FUNCTION organization_search_text(text, text[])`);
    await q.query(`DROP FUNCTION organization_search_key(text)`);
  }
}
