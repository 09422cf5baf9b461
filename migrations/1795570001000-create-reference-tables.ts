import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Reference tables: ISO countries with their risk group, HS-6 codes with their CHPL tier. */
export class CreateReferenceTables1795570001000 implements MigrationInterface {
  name = 'CreateReferenceTables1795570001000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TYPE "public"."country_risk_group" AS ENUM('PARTNER', 'TRANSSHIPMENT', 'DESTINATION_OF_CONCERN', 'OTHER')`,
    );
    await queryRunner.query(
      `CREATE TABLE "country" ("code" character(2) NOT NULL, "name" text NOT NULL, "risk_group" "public"."country_risk_group" NOT NULL DEFAULT 'OTHER', "risk_basis" text, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "chk_country_code" CHECK (code ~ '^[A-Z]{2}$'), CONSTRAINT "pk_country" PRIMARY KEY ("code"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_country_risk_group" ON "country"  ("risk_group") `);
    await queryRunner.query(
      `CREATE TYPE "public"."chpl_tier" AS ENUM('1', '2', '3.A', '3.B', '4.A', '4.B')`,
    );
    await queryRunner.query(
      `CREATE TABLE "hs_code" ("code" character(6) NOT NULL, "description" text, "chpl_tier" "public"."chpl_tier", "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "chk_hs_code_code" CHECK (code ~ '^(0[1-9]|[1-8][0-9]|9[0-7])[0-9]{4}$'), CONSTRAINT "pk_hs_code" PRIMARY KEY ("code"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_hs_code_chpl_tier" ON "hs_code"  ("chpl_tier") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."idx_hs_code_chpl_tier"`);
    await queryRunner.query(`DROP TABLE "hs_code"`);
    await queryRunner.query(`DROP TYPE "public"."chpl_tier"`);
    await queryRunner.query(`DROP INDEX "public"."idx_country_risk_group"`);
    await queryRunner.query(`DROP TABLE "country"`);
    await queryRunner.query(`DROP TYPE "public"."country_risk_group"`);
  }
}
