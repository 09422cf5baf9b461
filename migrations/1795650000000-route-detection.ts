import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Route detection: where a route starts (an origin party, or only an origin country), when detection
 * last found it, and a record of each detection run. `route_identity` is the one definition of a
 * route's identity (its party path and its goods: the component, else the HS code), used by
 * detection to find a route again and by merges to recompute it.
 */
export class RouteDetection1795650000000 implements MigrationInterface {
  name = 'RouteDetection1795650000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TYPE "public"."route_detection_mode" AS ENUM('FULL', 'INCREMENTAL')`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."route_detection_status" AS ENUM('RUNNING', 'DONE', 'FAILED')`,
    );
    await queryRunner.query(
      `CREATE TABLE "route_detection_run" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "mode" "public"."route_detection_mode" NOT NULL, "status" "public"."route_detection_status" NOT NULL, "started_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "finished_at" TIMESTAMP(3) WITH TIME ZONE, "since" TIMESTAMP(3) WITH TIME ZONE, "actor_id" uuid, "routes_found" integer NOT NULL DEFAULT '0', "new_routes" integer NOT NULL DEFAULT '0', "updated_routes" integer NOT NULL DEFAULT '0', "removed_routes" integer NOT NULL DEFAULT '0', "duration_ms" integer, "error" text, CONSTRAINT "chk_route_detection_run_error" CHECK ((status = 'FAILED') = (error IS NOT NULL)), CONSTRAINT "pk_route_detection_run" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_route_detection_run_status_started_at" ON "route_detection_run"  ("status", "started_at") `,
    );
    await queryRunner.query(
      `ALTER TABLE "route" ADD "has_origin_party" boolean NOT NULL DEFAULT false`,
    );
    await queryRunner.query(`ALTER TABLE "route" ADD "origin_country" character(2)`);
    await queryRunner.query(`ALTER TABLE "route" ADD "detected_at" TIMESTAMP(3) WITH TIME ZONE`);
    await queryRunner.query(
      `CREATE INDEX "idx_route_last_shipped_on_id" ON "route"  ("last_shipped_on", "id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_route_value_usd_id" ON "route"  ("value_usd", "id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "route_detection_run" ADD CONSTRAINT "fk_route_detection_run_actor_id" FOREIGN KEY ("actor_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "route" ADD CONSTRAINT "fk_route_origin_country" FOREIGN KEY ("origin_country") REFERENCES "country"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(`
      CREATE FUNCTION route_identity(party_path uuid[], component_id uuid, hs_code char(6))
        RETURNS char(64) LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
          SELECT encode(sha256(convert_to(
            array_to_string(party_path, ',') || '|' ||
            coalesce('component:' || component_id::text, 'hs:' || hs_code),
            'UTF8')), 'hex')
        $$`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION route_identity(uuid[], uuid, char)`);
    await queryRunner.query(`ALTER TABLE "route" DROP CONSTRAINT "fk_route_origin_country"`);
    await queryRunner.query(
      `ALTER TABLE "route_detection_run" DROP CONSTRAINT "fk_route_detection_run_actor_id"`,
    );
    await queryRunner.query(`DROP INDEX "public"."idx_route_value_usd_id"`);
    await queryRunner.query(`DROP INDEX "public"."idx_route_last_shipped_on_id"`);
    await queryRunner.query(`ALTER TABLE "route" DROP COLUMN "detected_at"`);
    await queryRunner.query(`ALTER TABLE "route" DROP COLUMN "origin_country"`);
    await queryRunner.query(`ALTER TABLE "route" DROP COLUMN "has_origin_party"`);
    await queryRunner.query(`DROP INDEX "public"."idx_route_detection_run_status_started_at"`);
    await queryRunner.query(`DROP TABLE "route_detection_run"`);
    await queryRunner.query(`DROP TYPE "public"."route_detection_status"`);
    await queryRunner.query(`DROP TYPE "public"."route_detection_mode"`);
  }
}
