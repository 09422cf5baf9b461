import { OrganizationReExportProfileResolver } from './organization-re-export-profile.resolver.js';
import { ReExporterSupplierResolver, ReExportersResolver } from './re-exporters.resolver.js';
import { ReExportersService } from './re-exporters.service.js';

/** The re-exporters view (`reExporters`, `organization.reExportProfile`), for the routes module. */
export const RE_EXPORTER_PROVIDERS = [
  ReExportersService,
  ReExportersResolver,
  ReExporterSupplierResolver,
  OrganizationReExportProfileResolver,
];
