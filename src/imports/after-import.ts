import type { Actor } from '../auth/auth-user.js';
import type { ImportReport } from './importer.js';

/**
 * What runs after an import that wrote rows, wired by the application (route detection after an
 * import of shipments), so that imports depend on no feature that reads what they write. Its result
 * is added to the report under `followUps`; a failure is reported there, the import stands.
 */
export const AFTER_IMPORT = Symbol('AFTER_IMPORT');

export type AfterImport = (
  actor: Actor,
  report: ImportReport,
) => Promise<Record<string, unknown> | undefined>;
