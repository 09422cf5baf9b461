/**
 * Where a party stands on a route, as SQL over the route's `party_path` (alias given): the origin
 * party first when `has_origin_party`, then the intermediaries, the destination party last.
 * Array slices are written with spaces round the colon, so no query builder reads a parameter there.
 */

/** The 1-based position of the first intermediary. */
const firstIntermediary = (r: string) => `(CASE WHEN ${r}.has_origin_party THEN 2 ELSE 1 END)`;

/** The intermediaries' ids, in path order (an array). */
export const intermediariesOf = (r: string): string =>
  `${r}.party_path[${firstIntermediary(r)} : cardinality(${r}.party_path) - 1]`;

/** The destination party's id. */
export const destinationOf = (r: string): string => `${r}.party_path[cardinality(${r}.party_path)]`;

/** The origin party's id; null when the path starts at the first intermediary. */
export const originPartyOf = (r: string): string =>
  `(CASE WHEN ${r}.has_origin_party THEN ${r}.party_path[1] END)`;

/** The route's path holds this organization (the GIN index on `party_path` answers it). */
export const pathHolds = (r: string, org: string): string => `${r}.party_path @> ARRAY[${org}]`;
