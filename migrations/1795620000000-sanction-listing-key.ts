import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One listing per organization, authority, programme and listing date (the rule `addSanction` checks),
 * so an import of sanctions can be run again to the same result. A listing without a programme is
 * the same as another without one (NULLS NOT DISTINCT, PostgreSQL 15). Fails, naming the key, where
 * a database already holds a listing twice: merge those by hand first.
 */
export class SanctionListingKey1795620000000 implements MigrationInterface {
  name = 'SanctionListingKey1795620000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE UNIQUE INDEX "uq_sanction_organization_id_authority_program_listed_on" ON "sanction" ("organization_id", "authority", "program", "listed_on") NULLS NOT DISTINCT`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "public"."uq_sanction_organization_id_authority_program_listed_on"`);
  }
}
