import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes in the order the catalogue lists read: organizations newest first, sanctions newest
 * listing first (all, and per organization), shipments of a component newest first. The two
 * single-column indexes they replace are prefixes of the new ones.
 */
export class CatalogueListIndexes1795590001000 implements MigrationInterface {
  name = 'CatalogueListIndexes1795590001000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX "idx_organization_created_at_id" ON "organization" ("created_at", "id") `,
    );
    await q.query(`CREATE INDEX "idx_sanction_listed_on_id" ON "sanction" ("listed_on", "id") `);
    await q.query(
      `CREATE INDEX "idx_sanction_organization_id_listed_on_id" ON "sanction" ("organization_id", "listed_on", "id") `,
    );
    await q.query(`DROP INDEX "public"."idx_sanction_organization_id"`);
    await q.query(
      `CREATE INDEX "idx_shipment_component_id_shipped_on_id" ON "shipment" ("component_id", "shipped_on", "id") `,
    );
    await q.query(`DROP INDEX "public"."idx_shipment_component_id"`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX "idx_shipment_component_id" ON "shipment" ("component_id") `);
    await q.query(`DROP INDEX "public"."idx_shipment_component_id_shipped_on_id"`);
    await q.query(`CREATE INDEX "idx_sanction_organization_id" ON "sanction" ("organization_id") `);
    await q.query(`DROP INDEX "public"."idx_sanction_organization_id_listed_on_id"`);
    await q.query(`DROP INDEX "public"."idx_sanction_listed_on_id"`);
    await q.query(`DROP INDEX "public"."idx_organization_created_at_id"`);
  }
}
