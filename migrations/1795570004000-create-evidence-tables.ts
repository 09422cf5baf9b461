import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Evidence records, their links to claims, and the chain of custody. */
export class CreateEvidenceTables1795570004000 implements MigrationInterface {
  name = 'CreateEvidenceTables1795570004000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TYPE "public"."evidence_kind" AS ENUM('REPORT', 'WEB_PAGE', 'DOCUMENT', 'PHOTO', 'VIDEO', 'DATASET', 'PHYSICAL_EXAMINATION', 'OTHER')`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."evidence_source_type" AS ENUM('GOVERNMENT', 'BELLIGERENT_GOVERNMENT', 'NGO', 'MEDIA', 'COMMERCIAL_DATA', 'OWN_EXAMINATION', 'OTHER')`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."source_reliability" AS ENUM('A', 'B', 'C', 'D', 'E', 'F')`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."evidence_status" AS ENUM('DRAFT', 'REVIEWED', 'PUBLISHED', 'RETRACTED')`,
    );
    await queryRunner.query(
      `CREATE TABLE "evidence" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', "kind" "public"."evidence_kind" NOT NULL DEFAULT 'OTHER', "title" text NOT NULL, "source_organization" text, "source_type" "public"."evidence_source_type" NOT NULL DEFAULT 'OTHER', "source_url" text, "retrieved_at" TIMESTAMP(3) WITH TIME ZONE, "archived_url" text, "sha256" character(64), "media_type" text, "size_bytes" bigint, "stored_path" text, "collected_by_id" uuid, "method" text, "source_reliability" "public"."source_reliability", "information_credibility" smallint, "status" "public"."evidence_status" NOT NULL DEFAULT 'DRAFT', CONSTRAINT "chk_evidence_size_bytes" CHECK (size_bytes >= 0), CONSTRAINT "chk_evidence_sha256" CHECK (sha256 ~ '^[0-9a-f]{64}$'), CONSTRAINT "chk_evidence_information_credibility" CHECK (information_credibility BETWEEN 1 AND 6), CONSTRAINT "pk_evidence" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_evidence_collected_by_id" ON "evidence"  ("collected_by_id") `,
    );
    await queryRunner.query(`CREATE INDEX "idx_evidence_sha256" ON "evidence"  ("sha256") `);
    await queryRunner.query(
      `CREATE INDEX "idx_evidence_status_created_at_id" ON "evidence"  ("status", "created_at", "id") `,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."custody_action" AS ENUM('COLLECTED', 'TRANSFERRED', 'COPIED', 'FILE_STORED', 'HASH_VERIFIED', 'ANALYZED', 'RELEASED')`,
    );
    await queryRunner.query(
      `CREATE TABLE "custody_event" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "evidence_id" uuid NOT NULL, "at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "actor_id" uuid, "action" "public"."custody_action" NOT NULL, "sha256" character(64), "note" text, CONSTRAINT "chk_custody_event_sha256" CHECK (sha256 ~ '^[0-9a-f]{64}$'), CONSTRAINT "pk_custody_event" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_custody_event_evidence_id_at" ON "custody_event"  ("evidence_id", "at") `,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."evidence_subject_type" AS ENUM('ORGANIZATION', 'COMPONENT', 'FINDING', 'STRIKE', 'SHIPMENT', 'ROUTE', 'SANCTION')`,
    );
    await queryRunner.query(
      `CREATE TABLE "evidence_link" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "evidence_id" uuid NOT NULL, "subject_type" "public"."evidence_subject_type" NOT NULL, "subject_id" uuid NOT NULL, "claim" text, "created_by_id" uuid, CONSTRAINT "pk_evidence_link" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_evidence_link_subject_type_subject_id" ON "evidence_link"  ("subject_type", "subject_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_evidence_link_evidence_id" ON "evidence_link"  ("evidence_id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "evidence" ADD CONSTRAINT "fk_evidence_collected_by_id" FOREIGN KEY ("collected_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "custody_event" ADD CONSTRAINT "fk_custody_event_evidence_id" FOREIGN KEY ("evidence_id") REFERENCES "evidence"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "custody_event" ADD CONSTRAINT "fk_custody_event_actor_id" FOREIGN KEY ("actor_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "evidence_link" ADD CONSTRAINT "fk_evidence_link_evidence_id" FOREIGN KEY ("evidence_id") REFERENCES "evidence"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "evidence_link" ADD CONSTRAINT "fk_evidence_link_created_by_id" FOREIGN KEY ("created_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "evidence_link" DROP CONSTRAINT "fk_evidence_link_created_by_id"`,
    );
    await queryRunner.query(
      `ALTER TABLE "evidence_link" DROP CONSTRAINT "fk_evidence_link_evidence_id"`,
    );
    await queryRunner.query(
      `ALTER TABLE "custody_event" DROP CONSTRAINT "fk_custody_event_actor_id"`,
    );
    await queryRunner.query(
      `ALTER TABLE "custody_event" DROP CONSTRAINT "fk_custody_event_evidence_id"`,
    );
    await queryRunner.query(`ALTER TABLE "evidence" DROP CONSTRAINT "fk_evidence_collected_by_id"`);
    await queryRunner.query(`DROP INDEX "public"."idx_evidence_link_evidence_id"`);
    await queryRunner.query(`DROP INDEX "public"."idx_evidence_link_subject_type_subject_id"`);
    await queryRunner.query(`DROP TABLE "evidence_link"`);
    await queryRunner.query(`DROP TYPE "public"."evidence_subject_type"`);
    await queryRunner.query(`DROP INDEX "public"."idx_custody_event_evidence_id_at"`);
    await queryRunner.query(`DROP TABLE "custody_event"`);
    await queryRunner.query(`DROP TYPE "public"."custody_action"`);
    await queryRunner.query(`DROP INDEX "public"."idx_evidence_status_created_at_id"`);
    await queryRunner.query(`DROP INDEX "public"."idx_evidence_sha256"`);
    await queryRunner.query(`DROP INDEX "public"."idx_evidence_collected_by_id"`);
    await queryRunner.query(`DROP TABLE "evidence"`);
    await queryRunner.query(`DROP TYPE "public"."evidence_status"`);
    await queryRunner.query(`DROP TYPE "public"."source_reliability"`);
    await queryRunner.query(`DROP TYPE "public"."evidence_source_type"`);
    await queryRunner.query(`DROP TYPE "public"."evidence_kind"`);
  }
}
