import { normalizeOrganizationName } from '../../organizations/normalize-name.js';
import type { LineChecker } from '../field-checks.js';
import type { KnownMaker, MakerNames } from '../maker-names.js';
import { memoize } from '../memoize.js';

const orgName = memoize(normalizeOrganizationName);

type Staged = [name: string | null | undefined, norm: string | null | undefined];

/** The name of `column` as written, and normalized (a name of no letters or digits is an error). */
function named(c: LineChecker, column: string, required: boolean): Staged {
  const name = c.text(column, { required, max: 300 });
  const norm = c.derived(column, name ? orgName(name) : null, `${column} has no letters or digits`);
  return [name, norm];
}

const asKnown = (staged: Staged, known: KnownMaker | undefined): Staged =>
  known ? [known.name, known.norm] : staged;

/** A manufacturer's name: a known manufacturer's when it is one of its aliases. */
export function stageMakerName(
  c: LineChecker,
  column: string,
  makers: MakerNames,
  { required = false } = {},
): Staged {
  const staged = named(c, column, required);
  return asKnown(staged, makers.maker(staged[1]));
}

/**
 * A name given with a country (an exporter or importer, a maker with its home country): a known
 * manufacturer's of that country when it is one of its aliases.
 */
export function stagePlacedName(
  c: LineChecker,
  column: string,
  country: string | null | undefined,
  makers: MakerNames,
  { required = false } = {},
): Staged {
  const staged = named(c, column, required);
  return asKnown(staged, makers.placed(staged[1], country));
}
