import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The catalogue: organizations, sanctions, components, weapon systems, strikes, findings, shipments. */
export class CreateCatalogueTables1795570003000 implements MigrationInterface {
  name = 'CreateCatalogueTables1795570003000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TYPE "public"."organization_role" AS ENUM('MANUFACTURER', 'DISTRIBUTOR', 'TRADER', 'FREIGHT_FORWARDER', 'IMPORTER', 'END_USER', 'WEAPONS_PRODUCER')`,
    );
    await queryRunner.query(
      `CREATE TABLE "organization" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', "name" text NOT NULL, "normalized_name" text NOT NULL, "aliases" text array NOT NULL DEFAULT '{}', "country" character(2), "registration_ids" jsonb NOT NULL DEFAULT '{}', "address" text, "website" text, "incorporated_on" date, "roles" "public"."organization_role" array NOT NULL DEFAULT '{}', "parent_id" uuid, "successor_id" uuid, "synthetic" boolean NOT NULL DEFAULT false, "archived_at" TIMESTAMP(3) WITH TIME ZONE, CONSTRAINT "chk_organization_country" CHECK (country ~ '^[A-Z]{2}$'), CONSTRAINT "pk_organization" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_organization_successor_id" ON "organization"  ("successor_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_organization_parent_id" ON "organization"  ("parent_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_organization_name_id" ON "organization"  ("name", "id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_organization_country" ON "organization"  ("country") `,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_organization_normalized_name_country" ON "organization"  ("normalized_name", "country") `,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."component_category" AS ENUM('MCU', 'DSP', 'FPGA', 'GNSS', 'IMU', 'MEMORY', 'POWER', 'RF', 'SENSOR', 'CONNECTOR', 'ENGINE', 'OTHER')`,
    );
    await queryRunner.query(
      `CREATE TABLE "component" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', "manufacturer_id" uuid NOT NULL, "part_number" character varying(100) NOT NULL, "normalized_part_number" character varying(100) NOT NULL, "description" text, "category" "public"."component_category" NOT NULL DEFAULT 'OTHER', "hs_code" character(6), "archived_at" TIMESTAMP(3) WITH TIME ZONE, CONSTRAINT "uq_component_manufacturer_id_normalized_part_number" UNIQUE ("manufacturer_id", "normalized_part_number"), CONSTRAINT "pk_component" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_component_category" ON "component"  ("category") `);
    await queryRunner.query(`CREATE INDEX "idx_component_hs_code" ON "component"  ("hs_code") `);
    await queryRunner.query(
      `CREATE INDEX "idx_component_normalized_part_number_id" ON "component"  ("normalized_part_number", "id") `,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."weapon_type" AS ENUM('ONE_WAY_ATTACK_UAV', 'RECONNAISSANCE_UAV', 'CRUISE_MISSILE', 'BALLISTIC_MISSILE', 'GUIDED_BOMB', 'ARTILLERY', 'OTHER')`,
    );
    await queryRunner.query(
      `CREATE TABLE "weapon_system" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', "name" character varying(120) NOT NULL, "designations" text array NOT NULL DEFAULT '{}', "type" "public"."weapon_type" NOT NULL DEFAULT 'OTHER', "design_country" character(2), "production_country" character(2), "description" text, CONSTRAINT "uq_weapon_system_name" UNIQUE ("name"), CONSTRAINT "chk_weapon_system_countries" CHECK (design_country ~ '^[A-Z]{2}$' AND production_country ~ '^[A-Z]{2}$'), CONSTRAINT "pk_weapon_system" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "strike_report" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', "occurred_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "place" text, "admin_area" text, "country" character(2), "latitude" numeric(9,6), "longitude" numeric(9,6), "weapon_system_id" uuid, "munitions_count" integer, "killed" integer, "injured" integer, "summary" text, "synthetic" boolean NOT NULL DEFAULT false, CONSTRAINT "chk_strike_report_country" CHECK (country ~ '^[A-Z]{2}$'), CONSTRAINT "chk_strike_report_counts" CHECK (munitions_count >= 0 AND killed >= 0 AND injured >= 0), CONSTRAINT "chk_strike_report_longitude" CHECK (longitude BETWEEN -180 AND 180), CONSTRAINT "chk_strike_report_latitude" CHECK (latitude BETWEEN -90 AND 90), CONSTRAINT "pk_strike_report" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_strike_report_admin_area" ON "strike_report"  ("admin_area") `,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_strike_report_weapon_system_id" ON "strike_report"  ("weapon_system_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_strike_report_occurred_at_id" ON "strike_report"  ("occurred_at", "id") `,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."verification_status" AS ENUM('REPORTED', 'VERIFIED', 'DISPUTED', 'RETRACTED')`,
    );
    await queryRunner.query(
      `CREATE TABLE "component_finding" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', "component_id" uuid NOT NULL, "weapon_system_id" uuid, "strike_report_id" uuid, "sample_ref" text, "marking" text, "date_code" character varying(40), "lot_code" character varying(80), "serial" character varying(120), "recovered_on" date, "verification_status" "public"."verification_status" NOT NULL DEFAULT 'REPORTED', CONSTRAINT "pk_component_finding" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_component_finding_recovered_on_id" ON "component_finding"  ("recovered_on", "id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_component_finding_strike_report_id" ON "component_finding"  ("strike_report_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_component_finding_weapon_system_id" ON "component_finding"  ("weapon_system_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_component_finding_component_id" ON "component_finding"  ("component_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "shipment" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', "shipped_on" date NOT NULL, "exporter_id" uuid, "importer_id" uuid, "origin_country" character(2), "export_country" character(2), "import_country" character(2), "hs_code" character(6), "component_id" uuid, "part_number_raw" text, "description" text, "quantity" numeric(18,3), "value_usd" numeric(18,2), "source" character varying(100) NOT NULL, "source_record_id" character varying(200) NOT NULL, "synthetic" boolean NOT NULL DEFAULT false, CONSTRAINT "uq_shipment_source_source_record_id" UNIQUE ("source", "source_record_id"), CONSTRAINT "chk_shipment_countries" CHECK (origin_country ~ '^[A-Z]{2}$' AND export_country ~ '^[A-Z]{2}$' AND import_country ~ '^[A-Z]{2}$'), CONSTRAINT "chk_shipment_value_usd" CHECK (value_usd >= 0), CONSTRAINT "chk_shipment_quantity" CHECK (quantity >= 0), CONSTRAINT "pk_shipment" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_shipment_export_country_shipped_on" ON "shipment"  ("export_country", "shipped_on") `,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_shipment_import_country_shipped_on" ON "shipment"  ("import_country", "shipped_on") `,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_shipment_hs_code_shipped_on" ON "shipment"  ("hs_code", "shipped_on") `,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_shipment_component_id" ON "shipment"  ("component_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_shipment_importer_id_shipped_on" ON "shipment"  ("importer_id", "shipped_on") `,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_shipment_exporter_id_shipped_on" ON "shipment"  ("exporter_id", "shipped_on") `,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_shipment_shipped_on_id" ON "shipment"  ("shipped_on", "id") `,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."sanction_authority" AS ENUM('US_OFAC_SDN', 'US_BIS_ENTITY', 'EU', 'UK', 'JP', 'CA', 'CH', 'UA')`,
    );
    await queryRunner.query(
      `CREATE TABLE "sanction" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', "organization_id" uuid NOT NULL, "authority" "public"."sanction_authority" NOT NULL, "program" text, "listed_on" date NOT NULL, "delisted_on" date, "reference_url" text, CONSTRAINT "chk_sanction_period" CHECK (delisted_on IS NULL OR delisted_on >= listed_on), CONSTRAINT "pk_sanction" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_sanction_authority_listed_on" ON "sanction"  ("authority", "listed_on") `,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_sanction_organization_id" ON "sanction"  ("organization_id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "organization" ADD CONSTRAINT "fk_organization_country" FOREIGN KEY ("country") REFERENCES "country"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "organization" ADD CONSTRAINT "fk_organization_parent_id" FOREIGN KEY ("parent_id") REFERENCES "organization"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "organization" ADD CONSTRAINT "fk_organization_successor_id" FOREIGN KEY ("successor_id") REFERENCES "organization"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "component" ADD CONSTRAINT "fk_component_manufacturer_id" FOREIGN KEY ("manufacturer_id") REFERENCES "organization"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "component" ADD CONSTRAINT "fk_component_hs_code" FOREIGN KEY ("hs_code") REFERENCES "hs_code"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "weapon_system" ADD CONSTRAINT "fk_weapon_system_design_country" FOREIGN KEY ("design_country") REFERENCES "country"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "weapon_system" ADD CONSTRAINT "fk_weapon_system_production_country" FOREIGN KEY ("production_country") REFERENCES "country"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "strike_report" ADD CONSTRAINT "fk_strike_report_country" FOREIGN KEY ("country") REFERENCES "country"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "strike_report" ADD CONSTRAINT "fk_strike_report_weapon_system_id" FOREIGN KEY ("weapon_system_id") REFERENCES "weapon_system"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "component_finding" ADD CONSTRAINT "fk_component_finding_component_id" FOREIGN KEY ("component_id") REFERENCES "component"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "component_finding" ADD CONSTRAINT "fk_component_finding_weapon_system_id" FOREIGN KEY ("weapon_system_id") REFERENCES "weapon_system"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "component_finding" ADD CONSTRAINT "fk_component_finding_strike_report_id" FOREIGN KEY ("strike_report_id") REFERENCES "strike_report"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "shipment" ADD CONSTRAINT "fk_shipment_exporter_id" FOREIGN KEY ("exporter_id") REFERENCES "organization"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "shipment" ADD CONSTRAINT "fk_shipment_importer_id" FOREIGN KEY ("importer_id") REFERENCES "organization"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "shipment" ADD CONSTRAINT "fk_shipment_origin_country" FOREIGN KEY ("origin_country") REFERENCES "country"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "shipment" ADD CONSTRAINT "fk_shipment_export_country" FOREIGN KEY ("export_country") REFERENCES "country"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "shipment" ADD CONSTRAINT "fk_shipment_import_country" FOREIGN KEY ("import_country") REFERENCES "country"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "shipment" ADD CONSTRAINT "fk_shipment_hs_code" FOREIGN KEY ("hs_code") REFERENCES "hs_code"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "shipment" ADD CONSTRAINT "fk_shipment_component_id" FOREIGN KEY ("component_id") REFERENCES "component"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "sanction" ADD CONSTRAINT "fk_sanction_organization_id" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_organization_normalized_name_trgm" ON "organization" USING gin ("normalized_name" gin_trgm_ops)`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_organization_roles" ON "organization" USING gin ("roles")`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_organization_registration_ids" ON "organization" USING gin ("registration_ids" jsonb_path_ops)`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_component_normalized_part_number_trgm" ON "component" USING gin ("normalized_part_number" gin_trgm_ops)`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."idx_component_normalized_part_number_trgm"`);
    await queryRunner.query(`DROP INDEX "public"."idx_organization_registration_ids"`);
    await queryRunner.query(`DROP INDEX "public"."idx_organization_roles"`);
    await queryRunner.query(`DROP INDEX "public"."idx_organization_normalized_name_trgm"`);
    await queryRunner.query(`ALTER TABLE "sanction" DROP CONSTRAINT "fk_sanction_organization_id"`);
    await queryRunner.query(`ALTER TABLE "shipment" DROP CONSTRAINT "fk_shipment_component_id"`);
    await queryRunner.query(`ALTER TABLE "shipment" DROP CONSTRAINT "fk_shipment_hs_code"`);
    await queryRunner.query(`ALTER TABLE "shipment" DROP CONSTRAINT "fk_shipment_import_country"`);
    await queryRunner.query(`ALTER TABLE "shipment" DROP CONSTRAINT "fk_shipment_export_country"`);
    await queryRunner.query(`ALTER TABLE "shipment" DROP CONSTRAINT "fk_shipment_origin_country"`);
    await queryRunner.query(`ALTER TABLE "shipment" DROP CONSTRAINT "fk_shipment_importer_id"`);
    await queryRunner.query(`ALTER TABLE "shipment" DROP CONSTRAINT "fk_shipment_exporter_id"`);
    await queryRunner.query(
      `ALTER TABLE "component_finding" DROP CONSTRAINT "fk_component_finding_strike_report_id"`,
    );
    await queryRunner.query(
      `ALTER TABLE "component_finding" DROP CONSTRAINT "fk_component_finding_weapon_system_id"`,
    );
    await queryRunner.query(
      `ALTER TABLE "component_finding" DROP CONSTRAINT "fk_component_finding_component_id"`,
    );
    await queryRunner.query(
      `ALTER TABLE "strike_report" DROP CONSTRAINT "fk_strike_report_weapon_system_id"`,
    );
    await queryRunner.query(
      `ALTER TABLE "strike_report" DROP CONSTRAINT "fk_strike_report_country"`,
    );
    await queryRunner.query(
      `ALTER TABLE "weapon_system" DROP CONSTRAINT "fk_weapon_system_production_country"`,
    );
    await queryRunner.query(
      `ALTER TABLE "weapon_system" DROP CONSTRAINT "fk_weapon_system_design_country"`,
    );
    await queryRunner.query(`ALTER TABLE "component" DROP CONSTRAINT "fk_component_hs_code"`);
    await queryRunner.query(
      `ALTER TABLE "component" DROP CONSTRAINT "fk_component_manufacturer_id"`,
    );
    await queryRunner.query(
      `ALTER TABLE "organization" DROP CONSTRAINT "fk_organization_successor_id"`,
    );
    await queryRunner.query(
      `ALTER TABLE "organization" DROP CONSTRAINT "fk_organization_parent_id"`,
    );
    await queryRunner.query(`ALTER TABLE "organization" DROP CONSTRAINT "fk_organization_country"`);
    await queryRunner.query(`DROP INDEX "public"."idx_sanction_organization_id"`);
    await queryRunner.query(`DROP INDEX "public"."idx_sanction_authority_listed_on"`);
    await queryRunner.query(`DROP TABLE "sanction"`);
    await queryRunner.query(`DROP TYPE "public"."sanction_authority"`);
    await queryRunner.query(`DROP INDEX "public"."idx_shipment_shipped_on_id"`);
    await queryRunner.query(`DROP INDEX "public"."idx_shipment_exporter_id_shipped_on"`);
    await queryRunner.query(`DROP INDEX "public"."idx_shipment_importer_id_shipped_on"`);
    await queryRunner.query(`DROP INDEX "public"."idx_shipment_component_id"`);
    await queryRunner.query(`DROP INDEX "public"."idx_shipment_hs_code_shipped_on"`);
    await queryRunner.query(`DROP INDEX "public"."idx_shipment_import_country_shipped_on"`);
    await queryRunner.query(`DROP INDEX "public"."idx_shipment_export_country_shipped_on"`);
    await queryRunner.query(`DROP TABLE "shipment"`);
    await queryRunner.query(`DROP INDEX "public"."idx_component_finding_component_id"`);
    await queryRunner.query(`DROP INDEX "public"."idx_component_finding_weapon_system_id"`);
    await queryRunner.query(`DROP INDEX "public"."idx_component_finding_strike_report_id"`);
    await queryRunner.query(`DROP INDEX "public"."idx_component_finding_recovered_on_id"`);
    await queryRunner.query(`DROP TABLE "component_finding"`);
    await queryRunner.query(`DROP TYPE "public"."verification_status"`);
    await queryRunner.query(`DROP INDEX "public"."idx_strike_report_occurred_at_id"`);
    await queryRunner.query(`DROP INDEX "public"."idx_strike_report_weapon_system_id"`);
    await queryRunner.query(`DROP INDEX "public"."idx_strike_report_admin_area"`);
    await queryRunner.query(`DROP TABLE "strike_report"`);
    await queryRunner.query(`DROP TABLE "weapon_system"`);
    await queryRunner.query(`DROP TYPE "public"."weapon_type"`);
    await queryRunner.query(`DROP INDEX "public"."idx_component_normalized_part_number_id"`);
    await queryRunner.query(`DROP INDEX "public"."idx_component_hs_code"`);
    await queryRunner.query(`DROP INDEX "public"."idx_component_category"`);
    await queryRunner.query(`DROP TABLE "component"`);
    await queryRunner.query(`DROP TYPE "public"."component_category"`);
    await queryRunner.query(`DROP INDEX "public"."idx_organization_normalized_name_country"`);
    await queryRunner.query(`DROP INDEX "public"."idx_organization_country"`);
    await queryRunner.query(`DROP INDEX "public"."idx_organization_name_id"`);
    await queryRunner.query(`DROP INDEX "public"."idx_organization_parent_id"`);
    await queryRunner.query(`DROP INDEX "public"."idx_organization_successor_id"`);
    await queryRunner.query(`DROP TABLE "organization"`);
    await queryRunner.query(`DROP TYPE "public"."organization_role"`);
  }
}
