import { AuditEventEntity } from '../audit/audit-event.entity.js';
import { ComponentEntity } from '../components/component.entity.js';
import { CustodyEventEntity } from '../evidence/custody-event.entity.js';
import { EvidenceCorroborationEntity } from '../evidence/evidence-corroboration.entity.js';
import { EvidenceFileEntity } from '../evidence/evidence-file.entity.js';
import { EvidenceLinkEntity } from '../evidence/evidence-link.entity.js';
import { EvidenceEntity } from '../evidence/evidence.entity.js';
import { ImportRunEntity } from '../imports/import-run.entity.js';
import { ComponentFindingEntity } from '../findings/component-finding.entity.js';
import { OrganizationEntity } from '../organizations/organization.entity.js';
import { CountryEntity } from '../reference/country.entity.js';
import { HsCodeEntity } from '../reference/hs-code.entity.js';
import { RouteFlowChangeEntity, RouteFlowEntity } from '../routes/detection/route-flow.entity.js';
import { RouteDetectionRunEntity } from '../routes/route-detection-run.entity.js';
import { RouteLegEntity } from '../routes/route-leg.entity.js';
import { RouteEntity } from '../routes/route.entity.js';
import { SanctionEntity } from '../sanctions/sanction.entity.js';
import { ShipmentEntity } from '../shipments/shipment.entity.js';
import { StrikeReportEntity } from '../strikes/strike-report.entity.js';
import { ApiKeyEntity } from '../auth/api-key.entity.js';
import { AppUserEntity } from '../auth/app-user.entity.js';
import { WeaponSystemEntity } from '../weapon-systems/weapon-system.entity.js';

/** Every entity, listed (not globbed) so that tsc output, jest and the CLI load the same set. */
export const ENTITIES = [
  CountryEntity,
  HsCodeEntity,
  OrganizationEntity,
  SanctionEntity,
  ComponentEntity,
  WeaponSystemEntity,
  StrikeReportEntity,
  ComponentFindingEntity,
  ShipmentEntity,
  EvidenceEntity,
  EvidenceLinkEntity,
  EvidenceFileEntity,
  EvidenceCorroborationEntity,
  CustodyEventEntity,
  RouteEntity,
  RouteLegEntity,
  RouteDetectionRunEntity,
  RouteFlowEntity,
  RouteFlowChangeEntity,
  AppUserEntity,
  ApiKeyEntity,
  AuditEventEntity,
  ImportRunEntity,
];
