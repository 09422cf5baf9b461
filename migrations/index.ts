import type { MigrationInterface } from 'typeorm';
import { EnableExtensions1795570000000 } from './1795570000000-enable-extensions.js';
import { CreateReferenceTables1795570001000 } from './1795570001000-create-reference-tables.js';
import { CreateAccessTables1795570002000 } from './1795570002000-create-access-tables.js';
import { CreateCatalogueTables1795570003000 } from './1795570003000-create-catalogue-tables.js';
import { CreateEvidenceTables1795570004000 } from './1795570004000-create-evidence-tables.js';
import { CreateRouteTables1795570005000 } from './1795570005000-create-route-tables.js';
import { AppendOnlyLogs1795580000000 } from './1795580000000-append-only-logs.js';
import { OrganizationSearch1795590000000 } from './1795590000000-organization-search.js';
import { CatalogueListIndexes1795590001000 } from './1795590001000-catalogue-list-indexes.js';
import { FindingListIndexes1795591000000 } from './1795591000000-finding-list-indexes.js';
import { EvidenceFilesAndReview1795600000000 } from './1795600000000-evidence-files-and-review.js';
import { CreateImportRun1795610000000 } from './1795610000000-create-import-run.js';
import { SanctionListingKey1795620000000 } from './1795620000000-sanction-listing-key.js';
import { SourceRecordIdsOfStrikesAndFindings1795630000000 } from './1795630000000-source-record-ids-of-strikes-and-findings.js';
import { ImportRunStatusAndShipmentRun1795640000000 } from './1795640000000-import-run-status-and-shipment-run.js';
import { RouteDetection1795650000000 } from './1795650000000-route-detection.js';
import { RouteFlows1795660000000 } from './1795660000000-route-flows.js';

type MigrationClass = new () => MigrationInterface;

/** Every migration in order. `npm run migration:generate` adds new ones here. */
export const MIGRATIONS: MigrationClass[] = [
  EnableExtensions1795570000000,
  CreateReferenceTables1795570001000,
  CreateAccessTables1795570002000,
  CreateCatalogueTables1795570003000,
  CreateEvidenceTables1795570004000,
  CreateRouteTables1795570005000,
  AppendOnlyLogs1795580000000,
  OrganizationSearch1795590000000,
  CatalogueListIndexes1795590001000,
  FindingListIndexes1795591000000,
  EvidenceFilesAndReview1795600000000,
  CreateImportRun1795610000000,
  SanctionListingKey1795620000000,
  SourceRecordIdsOfStrikesAndFindings1795630000000,
  ImportRunStatusAndShipmentRun1795640000000,
  RouteDetection1795650000000,
  RouteFlows1795660000000,
];
