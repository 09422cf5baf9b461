import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Re-export routes and the shipments along them. */
export class CreateRouteTables1795570005000 implements MigrationInterface {
  name = 'CreateRouteTables1795570005000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE "public"."route_source" AS ENUM('DETECTED', 'MANUAL')`);
    await queryRunner.query(
      `CREATE TYPE "public"."route_status" AS ENUM('OPEN', 'UNDER_REVIEW', 'CONFIRMED', 'DISMISSED')`,
    );
    await queryRunner.query(
      `CREATE TABLE "route" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', "identity_hash" character(64) NOT NULL, "party_path" uuid array NOT NULL, "component_id" uuid, "hs_code" character(6), "first_shipped_on" date, "last_shipped_on" date, "value_usd" numeric(18,2) NOT NULL DEFAULT '0', "score" smallint NOT NULL DEFAULT '0', "red_flags" jsonb NOT NULL DEFAULT '[]', "source" "public"."route_source" NOT NULL, "status" "public"."route_status" NOT NULL DEFAULT 'OPEN', "reviewer_id" uuid, "reviewed_at" TIMESTAMP(3) WITH TIME ZONE, "review_note" text, "note" text, CONSTRAINT "uq_route_identity_hash" UNIQUE ("identity_hash"), CONSTRAINT "chk_route_value_usd" CHECK (value_usd >= 0), CONSTRAINT "chk_route_score" CHECK (score BETWEEN 0 AND 100), CONSTRAINT "pk_route" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_route_hs_code" ON "route"  ("hs_code") `);
    await queryRunner.query(`CREATE INDEX "idx_route_component_id" ON "route"  ("component_id") `);
    await queryRunner.query(`CREATE INDEX "idx_route_status" ON "route"  ("status") `);
    await queryRunner.query(`CREATE INDEX "idx_route_score_id" ON "route"  ("score", "id") `);
    await queryRunner.query(
      `CREATE TABLE "route_leg" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "route_id" uuid NOT NULL, "shipment_id" uuid NOT NULL, "position" smallint NOT NULL, CONSTRAINT "uq_route_leg_route_id_shipment_id" UNIQUE ("route_id", "shipment_id"), CONSTRAINT "chk_route_leg_position" CHECK (position >= 0), CONSTRAINT "pk_route_leg" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_route_leg_shipment_id" ON "route_leg"  ("shipment_id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "route" ADD CONSTRAINT "fk_route_component_id" FOREIGN KEY ("component_id") REFERENCES "component"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "route" ADD CONSTRAINT "fk_route_hs_code" FOREIGN KEY ("hs_code") REFERENCES "hs_code"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "route" ADD CONSTRAINT "fk_route_reviewer_id" FOREIGN KEY ("reviewer_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "route_leg" ADD CONSTRAINT "fk_route_leg_route_id" FOREIGN KEY ("route_id") REFERENCES "route"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "route_leg" ADD CONSTRAINT "fk_route_leg_shipment_id" FOREIGN KEY ("shipment_id") REFERENCES "shipment"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_route_party_path" ON "route" USING gin ("party_path")`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."idx_route_party_path"`);
    await queryRunner.query(`ALTER TABLE "route_leg" DROP CONSTRAINT "fk_route_leg_shipment_id"`);
    await queryRunner.query(`ALTER TABLE "route_leg" DROP CONSTRAINT "fk_route_leg_route_id"`);
    await queryRunner.query(`ALTER TABLE "route" DROP CONSTRAINT "fk_route_reviewer_id"`);
    await queryRunner.query(`ALTER TABLE "route" DROP CONSTRAINT "fk_route_hs_code"`);
    await queryRunner.query(`ALTER TABLE "route" DROP CONSTRAINT "fk_route_component_id"`);
    await queryRunner.query(`DROP INDEX "public"."idx_route_leg_shipment_id"`);
    await queryRunner.query(`DROP TABLE "route_leg"`);
    await queryRunner.query(`DROP INDEX "public"."idx_route_score_id"`);
    await queryRunner.query(`DROP INDEX "public"."idx_route_status"`);
    await queryRunner.query(`DROP INDEX "public"."idx_route_component_id"`);
    await queryRunner.query(`DROP INDEX "public"."idx_route_hs_code"`);
    await queryRunner.query(`DROP TABLE "route"`);
    await queryRunner.query(`DROP TYPE "public"."route_status"`);
    await queryRunner.query(`DROP TYPE "public"."route_source"`);
  }
}
