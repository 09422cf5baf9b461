import type { MigrationInterface, QueryRunner } from 'typeorm';

/** pgcrypto (gen_random_uuid on PG < 13), pg_trgm (fuzzy search), citext (emails), unaccent (names). */
export class EnableExtensions1795570000000 implements MigrationInterface {
  name = 'EnableExtensions1795570000000';

  public async up(q: QueryRunner): Promise<void> {
    for (const ext of ['pgcrypto', 'pg_trgm', 'citext', 'unaccent']) {
      await q.query(`CREATE EXTENSION IF NOT EXISTS ${ext}`);
    }
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const ext of ['unaccent', 'citext', 'pg_trgm', 'pgcrypto']) {
      await q.query(`DROP EXTENSION IF EXISTS ${ext}`);
    }
  }
}
