import type { MigrationInterface, QueryRunner } from 'typeorm';

/** People, their API keys (prefix and hash only) and the audit trail. */
export class CreateAccessTables1795570002000 implements MigrationInterface {
  name = 'CreateAccessTables1795570002000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TYPE "public"."app_role" AS ENUM('ANALYST', 'COMPLIANCE', 'INVESTIGATOR', 'ADMIN')`,
    );
    await queryRunner.query(
      `CREATE TABLE "app_user" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', "email" citext NOT NULL, "name" text, "role" "public"."app_role" NOT NULL, "disabled_at" TIMESTAMP(3) WITH TIME ZONE, CONSTRAINT "uq_app_user_email" UNIQUE ("email"), CONSTRAINT "pk_app_user" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "audit_event" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "actor_id" uuid, "action" character varying(100) NOT NULL, "subject_type" character varying(50), "subject_id" uuid, "before" jsonb, "after" jsonb, "request_id" character varying(100), CONSTRAINT "pk_audit_event" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_audit_event_subject_type_subject_id" ON "audit_event"  ("subject_type", "subject_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_audit_event_actor_id_at" ON "audit_event"  ("actor_id", "at") `,
    );
    await queryRunner.query(`CREATE INDEX "idx_audit_event_at_id" ON "audit_event"  ("at", "id") `);
    await queryRunner.query(
      `CREATE TABLE "api_key" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "user_id" uuid NOT NULL, "prefix" character varying(16) NOT NULL, "key_hash" character(64) NOT NULL, "role" "public"."app_role" NOT NULL, "label" text, "last_used_at" TIMESTAMP(3) WITH TIME ZONE, "revoked_at" TIMESTAMP(3) WITH TIME ZONE, CONSTRAINT "uq_api_key_prefix" UNIQUE ("prefix"), CONSTRAINT "chk_api_key_key_hash" CHECK (key_hash ~ '^[0-9a-f]{64}$'), CONSTRAINT "pk_api_key" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_api_key_user_id" ON "api_key"  ("user_id") `);
    await queryRunner.query(
      `ALTER TABLE "audit_event" ADD CONSTRAINT "fk_audit_event_actor_id" FOREIGN KEY ("actor_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "api_key" ADD CONSTRAINT "fk_api_key_user_id" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "api_key" DROP CONSTRAINT "fk_api_key_user_id"`);
    await queryRunner.query(`ALTER TABLE "audit_event" DROP CONSTRAINT "fk_audit_event_actor_id"`);
    await queryRunner.query(`DROP INDEX "public"."idx_api_key_user_id"`);
    await queryRunner.query(`DROP TABLE "api_key"`);
    await queryRunner.query(`DROP INDEX "public"."idx_audit_event_at_id"`);
    await queryRunner.query(`DROP INDEX "public"."idx_audit_event_actor_id_at"`);
    await queryRunner.query(`DROP INDEX "public"."idx_audit_event_subject_type_subject_id"`);
    await queryRunner.query(`DROP TABLE "audit_event"`);
    await queryRunner.query(`DROP TABLE "app_user"`);
    await queryRunner.query(`DROP TYPE "public"."app_role"`);
  }
}
