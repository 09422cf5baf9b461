import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Strike reports and findings get the natural key of imported records: source + source record id. */
export class SourceRecordIdsOfStrikesAndFindings1795630000000 implements MigrationInterface {
  name = 'SourceRecordIdsOfStrikesAndFindings1795630000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "strike_report" ADD "source" character varying(100)`);
    await queryRunner.query(
      `ALTER TABLE "strike_report" ADD "source_record_id" character varying(200)`,
    );
    await queryRunner.query(`ALTER TABLE "component_finding" ADD "source" character varying(100)`);
    await queryRunner.query(
      `ALTER TABLE "component_finding" ADD "source_record_id" character varying(200)`,
    );
    await queryRunner.query(
      `ALTER TABLE "strike_report" ADD CONSTRAINT "chk_strike_report_source_record" CHECK ((source IS NULL) = (source_record_id IS NULL))`,
    );
    await queryRunner.query(
      `ALTER TABLE "component_finding" ADD CONSTRAINT "chk_component_finding_source_record" CHECK ((source IS NULL) = (source_record_id IS NULL))`,
    );
    await queryRunner.query(
      `ALTER TABLE "strike_report" ADD CONSTRAINT "uq_strike_report_source_source_record_id" UNIQUE ("source", "source_record_id")`,
    );
    await queryRunner.query(
      `ALTER TABLE "component_finding" ADD CONSTRAINT "uq_component_finding_source_source_record_id" UNIQUE ("source", "source_record_id")`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "component_finding" DROP CONSTRAINT "uq_component_finding_source_source_record_id"`,
    );
    await queryRunner.query(
      `ALTER TABLE "strike_report" DROP CONSTRAINT "uq_strike_report_source_source_record_id"`,
    );
    await queryRunner.query(
      `ALTER TABLE "component_finding" DROP CONSTRAINT "chk_component_finding_source_record"`,
    );
    await queryRunner.query(
      `ALTER TABLE "strike_report" DROP CONSTRAINT "chk_strike_report_source_record"`,
    );
    await queryRunner.query(`ALTER TABLE "component_finding" DROP COLUMN "source_record_id"`);
    await queryRunner.query(`ALTER TABLE "component_finding" DROP COLUMN "source"`);
    await queryRunner.query(`ALTER TABLE "strike_report" DROP COLUMN "source_record_id"`);
    await queryRunner.query(`ALTER TABLE "strike_report" DROP COLUMN "source"`);
  }
}
