import type { ImportKind } from '../import-kind.js';
import { componentsKind } from './components.kind.js';
import { findingsKind } from './findings.kind.js';
import { organizationsKind } from './organizations.kind.js';
import { sanctionsKind } from './sanctions.kind.js';
import { shipmentsKind } from './shipments.kind.js';
import { strikesKind } from './strikes.kind.js';

/** Every kind of import file, by the name used in `import <kind>` and `POST /imports/:kind`. */
export const IMPORT_KINDS: Record<string, ImportKind> = {
  organizations: organizationsKind,
  shipments: shipmentsKind,
  sanctions: sanctionsKind,
  components: componentsKind,
  strikes: strikesKind,
  findings: findingsKind,
};
