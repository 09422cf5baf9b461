import type { DataSource } from 'typeorm';
import { NO_DEMO, seedDemoData, type DemoReport } from './demo-data.js';
import { seedDemoRoutes } from './demo-routes.js';
import { seedReferenceData, type ReferenceReport } from './reference-data.js';

/** Any number, the same in every process, other than the migration lock's: serializes seeding. */
const SEED_LOCK = 7_261_002;

/** Rows each run added or changed; `demo` says whether it loaded the demo dataset. */
export type SeedReport = ReferenceReport & DemoReport & { demo: boolean; routes: number };

/**
 * Loads the reference data (always, idempotently) and, on a database without organizations, the
 * demo dataset (unless `demo: false`) with the routes detection finds in it. One transaction, behind an advisory lock, so processes that
 * start together load it once: a second call adds nothing.
 */
export async function seedDatabase(
  ds: DataSource,
  options: { demo?: boolean } = {},
): Promise<SeedReport> {
  return ds.transaction(async (em) => {
    await em.query('SELECT pg_advisory_xact_lock($1)', [SEED_LOCK]);
    const reference = await seedReferenceData(em);
    const [{ empty }]: { empty: boolean }[] = await em.query(
      'SELECT NOT EXISTS (SELECT 1 FROM organization) AS empty',
    );
    const demo = options.demo !== false && empty;
    const added = demo ? await seedDemoData(em) : NO_DEMO;
    const routes = demo ? await seedDemoRoutes(em) : 0;
    return {
      countries: reference.countries,
      hsCodes: reference.hsCodes,
      weaponSystems: reference.weaponSystems + added.weaponSystems,
      demo,
      organizations: added.organizations,
      components: added.components,
      findings: added.findings,
      evidence: added.evidence,
      evidenceLinks: added.evidenceLinks,
      strikes: added.strikes,
      shipments: added.shipments,
      routes,
    };
  });
}

/** One line for a log or a terminal. */
export function describeSeedReport(report: SeedReport): string {
  const reference =
    report.countries + report.hsCodes + report.weaponSystems
      ? `reference data: ${report.countries} countries, ${report.hsCodes} HS codes, ` +
        `${report.weaponSystems} weapon systems added or updated`
      : 'reference data up to date';
  const demo = report.demo
    ? `demo data loaded: ${report.organizations} organizations, ${report.components} components, ` +
      `${report.findings} findings, ${report.evidence} evidence records, ${report.strikes} ` +
      `strike reports, ${report.shipments} shipments, ${report.routes} re-export routes detected`
    : 'no demo data loaded';
  return `${reference}; ${demo}`;
}
