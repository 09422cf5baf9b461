import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit trail and the chain of custody are append-only in the database itself: UPDATE, DELETE and
 * TRUNCATE are rejected by triggers, whatever the application (or a person with psql) tries.
 */
export class AppendOnlyLogs1795580000000 implements MigrationInterface {
  name = 'AppendOnlyLogs1795580000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION reject_change_to_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP
          USING ERRCODE = 'insufficient_privilege';
      END $$`);
    for (const table of ['audit_event', 'custody_event']) {
      await q.query(
        `CREATE TRIGGER trg_${table}_append_only BEFORE UPDATE OR DELETE ON ${table}
           FOR EACH ROW EXECUTE FUNCTION reject_change_to_append_only()`,
      );
      await q.query(
        `CREATE TRIGGER trg_${table}_no_truncate BEFORE TRUNCATE ON ${table}
           FOR EACH STATEMENT EXECUTE FUNCTION reject_change_to_append_only()`,
      );
    }
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const table of ['custody_event', 'audit_event']) {
      await q.query(`DROP TRIGGER trg_${table}_no_truncate ON ${table}`);
      await q.query(`DROP TRIGGER trg_${table}_append_only ON ${table}`);
    }
    await q.query(`DROP FUNCTION reject_change_to_append_only()`);
  }
}
