import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Every bulk import is recorded: kind, source, file SHA-256, who, and its counts. */
export class CreateImportRun1795610000000 implements MigrationInterface {
  name = 'CreateImportRun1795610000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "import_run" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "kind" character varying(40) NOT NULL, "source" character varying(100) NOT NULL, "file_name" text, "file_sha256" character(64), "actor_id" uuid, "dry_run" boolean NOT NULL DEFAULT false, "strict" boolean NOT NULL DEFAULT false, "rows" integer NOT NULL DEFAULT '0', "inserted" integer NOT NULL DEFAULT '0', "updated" integer NOT NULL DEFAULT '0', "unchanged" integer NOT NULL DEFAULT '0', "rejected" integer NOT NULL DEFAULT '0', "duration_ms" integer, CONSTRAINT "chk_import_run_counts" CHECK (inserted >= 0 AND updated >= 0 AND unchanged >= 0 AND rejected >= 0), CONSTRAINT "chk_import_run_file_sha256" CHECK (file_sha256 ~ '^[0-9a-f]{64}$'), CONSTRAINT "pk_import_run" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_import_run_created_at_id" ON "import_run"  ("created_at", "id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "import_run" ADD CONSTRAINT "fk_import_run_actor_id" FOREIGN KEY ("actor_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "import_run" DROP CONSTRAINT "fk_import_run_actor_id"`);
    await queryRunner.query(`DROP INDEX "public"."idx_import_run_created_at_id"`);
    await queryRunner.query(`DROP TABLE "import_run"`);
  }
}
