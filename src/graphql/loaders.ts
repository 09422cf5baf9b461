import type { DataSource } from 'typeorm';
import { evidenceLoaders } from '../evidence/evidence.loaders.js';
import { componentLoaders } from '../components/component.loaders.js';
import { findingLoaders } from '../findings/finding.loaders.js';
import { organizationLoaders } from '../organizations/organization.loaders.js';
import { referenceLoaders } from '../reference/reference.loaders.js';
import { reExporterLoaders } from '../routes/re-exporter.loaders.js';
import { routeLoaders } from '../routes/route.loaders.js';
import { sanctionLoaders } from '../sanctions/sanction.loaders.js';
import { shipmentLoaders } from '../shipments/shipment.loaders.js';
import { strikeReportLoaders } from '../strikes/strike-report.loaders.js';
import { userLoaders } from '../auth/user.loaders.js';
import { weaponSystemLoaders } from '../weapon-systems/weapon-system.loaders.js';

/**
 * The DataLoaders of one request, new for every request so nothing is cached across users. Each
 * feature contributes its own (`<feature>.loaders.ts`).
 */
export const createLoaders = (ds: DataSource) => ({
  ...organizationLoaders(ds),
  ...componentLoaders(ds),
  ...referenceLoaders(ds),
  ...sanctionLoaders(ds),
  ...shipmentLoaders(ds),
  ...userLoaders(ds),
  ...evidenceLoaders(ds),
  ...weaponSystemLoaders(ds),
  ...strikeReportLoaders(ds),
  ...findingLoaders(ds),
  ...routeLoaders(ds),
  ...reExporterLoaders(ds),
});

export type Loaders = ReturnType<typeof createLoaders>;
