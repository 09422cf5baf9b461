import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { ReExporterModel } from './re-exporter.model.js';
import { type ReExporterRow, reExportersSql } from './re-exporters.sql.js';

/**
 * `organization.reExportProfile` for every organization of a request in one statement: its
 * figures over all the routes it stands on as an intermediary (the GIN index on `party_path`
 * finds them); null for one that stands on none.
 */
const reExportProfiles = (ds: DataSource) =>
  new DataLoader<string, ReExporterModel | null>(async (ids) => {
    const rows = await ds.query<ReExporterRow[]>(
      reExportersSql(
        {
          routes: 'r.party_path && $1::uuid[]',
          organizations: 'p.organization_id = ANY($1::uuid[])',
        },
        '',
        'c.id',
      ),
      [ids],
    );
    const byId = new Map(rows.map((r) => [r.id, ReExporterModel.from(r)]));
    return ids.map((id) => byId.get(id) ?? null);
  });

export const reExporterLoaders = (ds: DataSource) => ({
  /** `organization.reExportProfile`. */
  reExportProfileByOrganization: reExportProfiles(ds),
});

export type ReExporterLoaders = ReturnType<typeof reExporterLoaders>;
