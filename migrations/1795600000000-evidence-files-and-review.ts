import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Evidence files in their own table (a record can hold several; bytes stored once by SHA-256),
 * corroboration between records, and who reviewed and published each record (four eyes).
 */
export class EvidenceFilesAndReview1795600000000 implements MigrationInterface {
  name = 'EvidenceFilesAndReview1795600000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."idx_evidence_sha256"`);
    await queryRunner.query(`ALTER TABLE "evidence" DROP CONSTRAINT "chk_evidence_size_bytes"`);
    await queryRunner.query(`ALTER TABLE "evidence" DROP CONSTRAINT "chk_evidence_sha256"`);
    await queryRunner.query(
      `CREATE TABLE "evidence_corroboration" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "evidence_id" uuid NOT NULL, "other_evidence_id" uuid NOT NULL, "shared_origin" boolean NOT NULL DEFAULT false, "note" text, "created_by_id" uuid, CONSTRAINT "uq_evidence_corroboration_evidence_id_other_evidence_id" UNIQUE ("evidence_id", "other_evidence_id"), CONSTRAINT "chk_evidence_corroboration_order" CHECK (evidence_id < other_evidence_id), CONSTRAINT "pk_evidence_corroboration" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_evidence_corroboration_other_evidence_id" ON "evidence_corroboration"  ("other_evidence_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "evidence_file" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "evidence_id" uuid NOT NULL, "sha256" character(64) NOT NULL, "size_bytes" bigint NOT NULL, "media_type" text NOT NULL, "original_name" text, "uploaded_by_id" uuid, CONSTRAINT "uq_evidence_file_evidence_id_sha256" UNIQUE ("evidence_id", "sha256"), CONSTRAINT "chk_evidence_file_size_bytes" CHECK (size_bytes >= 0), CONSTRAINT "chk_evidence_file_sha256" CHECK (sha256 ~ '^[0-9a-f]{64}$'), CONSTRAINT "pk_evidence_file" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_evidence_file_sha256" ON "evidence_file"  ("sha256") `,
    );
    await queryRunner.query(`ALTER TABLE "evidence" DROP COLUMN "size_bytes"`);
    await queryRunner.query(`ALTER TABLE "evidence" DROP COLUMN "sha256"`);
    await queryRunner.query(`ALTER TABLE "evidence" DROP COLUMN "media_type"`);
    await queryRunner.query(`ALTER TABLE "evidence" DROP COLUMN "stored_path"`);
    await queryRunner.query(`ALTER TABLE "evidence" ADD "status_note" text`);
    await queryRunner.query(`ALTER TABLE "evidence" ADD "reviewed_by_id" uuid`);
    await queryRunner.query(`ALTER TABLE "evidence" ADD "reviewed_at" TIMESTAMP(3) WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "evidence" ADD "published_by_id" uuid`);
    await queryRunner.query(
      `ALTER TABLE "evidence" ADD "published_at" TIMESTAMP(3) WITH TIME ZONE`,
    );
    await queryRunner.query(
      `ALTER TABLE "evidence" ADD CONSTRAINT "fk_evidence_reviewed_by_id" FOREIGN KEY ("reviewed_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "evidence" ADD CONSTRAINT "fk_evidence_published_by_id" FOREIGN KEY ("published_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "evidence_corroboration" ADD CONSTRAINT "fk_evidence_corroboration_evidence_id" FOREIGN KEY ("evidence_id") REFERENCES "evidence"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "evidence_corroboration" ADD CONSTRAINT "fk_evidence_corroboration_other_evidence_id" FOREIGN KEY ("other_evidence_id") REFERENCES "evidence"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "evidence_corroboration" ADD CONSTRAINT "fk_evidence_corroboration_created_by_id" FOREIGN KEY ("created_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "evidence_file" ADD CONSTRAINT "fk_evidence_file_evidence_id" FOREIGN KEY ("evidence_id") REFERENCES "evidence"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "evidence_file" ADD CONSTRAINT "fk_evidence_file_uploaded_by_id" FOREIGN KEY ("uploaded_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "evidence_file" DROP CONSTRAINT "fk_evidence_file_uploaded_by_id"`,
    );
    await queryRunner.query(
      `ALTER TABLE "evidence_file" DROP CONSTRAINT "fk_evidence_file_evidence_id"`,
    );
    await queryRunner.query(
      `ALTER TABLE "evidence_corroboration" DROP CONSTRAINT "fk_evidence_corroboration_created_by_id"`,
    );
    await queryRunner.query(
      `ALTER TABLE "evidence_corroboration" DROP CONSTRAINT "fk_evidence_corroboration_other_evidence_id"`,
    );
    await queryRunner.query(
      `ALTER TABLE "evidence_corroboration" DROP CONSTRAINT "fk_evidence_corroboration_evidence_id"`,
    );
    await queryRunner.query(`ALTER TABLE "evidence" DROP CONSTRAINT "fk_evidence_published_by_id"`);
    await queryRunner.query(`ALTER TABLE "evidence" DROP CONSTRAINT "fk_evidence_reviewed_by_id"`);
    await queryRunner.query(`ALTER TABLE "evidence" DROP COLUMN "published_at"`);
    await queryRunner.query(`ALTER TABLE "evidence" DROP COLUMN "published_by_id"`);
    await queryRunner.query(`ALTER TABLE "evidence" DROP COLUMN "reviewed_at"`);
    await queryRunner.query(`ALTER TABLE "evidence" DROP COLUMN "reviewed_by_id"`);
    await queryRunner.query(`ALTER TABLE "evidence" DROP COLUMN "status_note"`);
    await queryRunner.query(`ALTER TABLE "evidence" ADD "stored_path" text`);
    await queryRunner.query(`ALTER TABLE "evidence" ADD "media_type" text`);
    await queryRunner.query(`ALTER TABLE "evidence" ADD "sha256" character(64)`);
    await queryRunner.query(`ALTER TABLE "evidence" ADD "size_bytes" bigint`);
    await queryRunner.query(`DROP INDEX "public"."idx_evidence_file_sha256"`);
    await queryRunner.query(`DROP TABLE "evidence_file"`);
    await queryRunner.query(`DROP INDEX "public"."idx_evidence_corroboration_other_evidence_id"`);
    await queryRunner.query(`DROP TABLE "evidence_corroboration"`);
    await queryRunner.query(
      `ALTER TABLE "evidence" ADD CONSTRAINT "chk_evidence_sha256" CHECK ((sha256 ~ '^[0-9a-f]{64}$'::text))`,
    );
    await queryRunner.query(
      `ALTER TABLE "evidence" ADD CONSTRAINT "chk_evidence_size_bytes" CHECK ((size_bytes >= 0))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_evidence_sha256" ON "evidence" USING btree ("sha256") `,
    );
  }
}
