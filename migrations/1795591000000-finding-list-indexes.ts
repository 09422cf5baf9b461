import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes in the order finding lists read, newest first: all findings, and the findings of one
 * component or one strike report. The two single-column indexes they replace are prefixes of the
 * new ones.
 */
export class FindingListIndexes1795591000000 implements MigrationInterface {
  name = 'FindingListIndexes1795591000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX "idx_component_finding_created_at_id" ON "component_finding" ("created_at", "id") `,
    );
    await q.query(
      `CREATE INDEX "idx_component_finding_component_id_created_at_id" ON "component_finding" ("component_id", "created_at", "id") `,
    );
    await q.query(`DROP INDEX "public"."idx_component_finding_component_id"`);
    await q.query(
      `CREATE INDEX "idx_component_finding_strike_report_id_created_at_id" ON "component_finding" ("strike_report_id", "created_at", "id") `,
    );
    await q.query(`DROP INDEX "public"."idx_component_finding_strike_report_id"`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX "idx_component_finding_strike_report_id" ON "component_finding" ("strike_report_id") `,
    );
    await q.query(`DROP INDEX "public"."idx_component_finding_strike_report_id_created_at_id"`);
    await q.query(
      `CREATE INDEX "idx_component_finding_component_id" ON "component_finding" ("component_id") `,
    );
    await q.query(`DROP INDEX "public"."idx_component_finding_component_id_created_at_id"`);
    await q.query(`DROP INDEX "public"."idx_component_finding_created_at_id"`);
  }
}
