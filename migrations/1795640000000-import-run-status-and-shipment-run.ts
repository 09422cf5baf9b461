import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An import run is written RUNNING before its first batch and ends DONE, or FAILED with the reason;
 * each shipment names the import run that last inserted or changed it. Runs recorded before this
 * migration were written once they had finished: they are DONE.
 */
export class ImportRunStatusAndShipmentRun1795640000000 implements MigrationInterface {
  name = 'ImportRunStatusAndShipmentRun1795640000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TYPE "public"."import_run_status" AS ENUM('RUNNING', 'DONE', 'FAILED')`,
    );
    await queryRunner.query(
      `ALTER TABLE "import_run" ADD "status" "public"."import_run_status" NOT NULL DEFAULT 'DONE'`,
    );
    await queryRunner.query(`ALTER TABLE "import_run" ALTER COLUMN "status" DROP DEFAULT`);
    await queryRunner.query(`ALTER TABLE "import_run" ADD "error" text`);
    await queryRunner.query(`ALTER TABLE "shipment" ADD "import_run_id" uuid`);
    await queryRunner.query(
      `CREATE INDEX "idx_shipment_import_run_id" ON "shipment"  ("import_run_id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "import_run" ADD CONSTRAINT "chk_import_run_error" CHECK ((status = 'FAILED') = (error IS NOT NULL))`,
    );
    await queryRunner.query(
      `ALTER TABLE "shipment" ADD CONSTRAINT "fk_shipment_import_run_id" FOREIGN KEY ("import_run_id") REFERENCES "import_run"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "shipment" DROP CONSTRAINT "fk_shipment_import_run_id"`);
    await queryRunner.query(`ALTER TABLE "import_run" DROP CONSTRAINT "chk_import_run_error"`);
    await queryRunner.query(`DROP INDEX "public"."idx_shipment_import_run_id"`);
    await queryRunner.query(`ALTER TABLE "shipment" DROP COLUMN "import_run_id"`);
    await queryRunner.query(`ALTER TABLE "import_run" DROP COLUMN "error"`);
    await queryRunner.query(`ALTER TABLE "import_run" DROP COLUMN "status"`);
    await queryRunner.query(`DROP TYPE "public"."import_run_status"`);
  }
}
