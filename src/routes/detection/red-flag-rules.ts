import type { RedFlag } from '../route.enums.js';
import {
  FAST_PASS_THROUGH_DAYS,
  NEW_COMPANY_AFTER,
  PASS_THROUGH_SHARE,
  RED_FLAG_WEIGHTS,
  type RedFlagCode,
} from '../red-flags.js';

/** A party of a route as the rules read it. */
export interface PartyFacts {
  id: string;
  name: string;
  country: string | null;
  riskGroup: string | null;
  incorporatedOn: string | null;
  /** Upper case, spaces folded: addresses compare equal when written alike. */
  address: string | null;
  parentId: string | null;
  parentName: string | null;
  registrationIds: Record<string, string>;
}

export interface ListingFacts {
  authority: string;
  program: string | null;
  listedOn: string;
}

/** What the catalogue's rules need to know about one route. */
export interface RouteFacts {
  /** Path order; the origin party first when there is one. */
  parties: PartyFacts[];
  hasOriginParty: boolean;
  /** `{ code, tier, description }` of the goods' HS code. */
  hsCode: { code: string; tier: string | null; description: string | null } | null;
  /** The part, when the route is for one, and where it was recovered from weapons. */
  part: {
    partNumber: string;
    findings: number;
    weapon: string | null;
    firstRecoveredOn: string | null;
  } | null;
  /** Listings in force, by party id. */
  listings: ReadonlyMap<string, ListingFacts[]>;
  /** The earliest leg each party sent or received on this route, by party id. */
  firstLegOn: ReadonlyMap<string, string>;
  /** The shortest stay, in days, of the goods at each intermediary, by party id. */
  shortestStay: ReadonlyMap<string, number>;
  /** What each intermediary received and what it sent to destinations of concern, in USD. */
  volumes: ReadonlyMap<string, { received: number; sentToConcern: number }>;
}

const TIER_CODES: Record<string, RedFlagCode> = {
  '1': 'CHPL_TIER_1',
  '2': 'CHPL_TIER_2',
  '3.A': 'CHPL_TIER_3',
  '3.B': 'CHPL_TIER_3',
};

const who = (p: PartyFacts) => `${p.name}${p.country ? ` (${p.country})` : ''}`;
const usd = (n: number) => `USD ${Math.round(n).toLocaleString('en-US')}`;
const list = (items: string[]) =>
  items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;

/**
 * The flags of the catalogue a route raises, each with an explanation naming the party, date, code
 * or part that raised it; highest weight first. Pure: the facts come from `red-flag-facts.ts`.
 */
export function raiseFlags(route: RouteFacts): RedFlag[] {
  const raised: [RedFlagCode, string][] = [];
  const intermediaries = route.parties.slice(route.hasOriginParty ? 1 : 0, -1);
  const destination = route.parties[route.parties.length - 1];

  const tier = route.hsCode?.tier ? TIER_CODES[route.hsCode.tier] : undefined;
  if (tier && route.hsCode) {
    const what = route.hsCode.description ? ` (${route.hsCode.description})` : '';
    raised.push([
      tier,
      `HS ${route.hsCode.code}${what} is in tier ${route.hsCode.tier} of the Common High Priority List`,
    ]);
  }

  if (route.part && route.part.findings > 0) {
    const where = route.part.weapon ? ` from a ${route.part.weapon}` : ' from a weapon';
    const when = route.part.firstRecoveredOn ? `, first on ${route.part.firstRecoveredOn}` : '';
    const count = route.part.findings === 1 ? '1 finding' : `${route.part.findings} findings`;
    raised.push([
      'FOUND_IN_WEAPON',
      `${route.part.partNumber} was recovered${where} (${count}${when})`,
    ]);
  }

  const hubs = intermediaries.filter((p) => p.riskGroup === 'TRANSSHIPMENT');
  if (hubs.length) {
    raised.push([
      'TRANSSHIPMENT_HUB',
      `${list(hubs.map(who))} ${hubs.length === 1 ? 'is' : 'are'} in a known transshipment country`,
    ]);
  }

  if (destination?.riskGroup === 'DESTINATION_OF_CONCERN')
    raised.push(['DESTINATION_OF_CONCERN', `The goods end with ${who(destination)}`]);

  const listed: string[] = [];
  const before: string[] = [];
  for (const party of route.parties) {
    for (const l of route.listings.get(party.id) ?? []) {
      const program = l.program ? ` (${l.program})` : '';
      listed.push(`${who(party)} is listed by ${l.authority}${program} since ${l.listedOn}`);
      const first = route.firstLegOn.get(party.id);
      if (first && first < l.listedOn)
        before.push(
          `${who(party)} traded these goods on ${first}, before its ${l.authority} listing of ${l.listedOn}`,
        );
    }
  }
  if (listed.length) raised.push(['SANCTIONED_PARTY', listed.join('; ')]);
  if (before.length) raised.push(['SHIPPED_BEFORE_LISTING', before.join('; ')]);

  const young = intermediaries.filter(
    (p) => p.incorporatedOn && p.incorporatedOn > NEW_COMPANY_AFTER,
  );
  if (young.length) {
    raised.push([
      'NEW_COMPANY',
      young.map((p) => `${who(p)} was incorporated on ${p.incorporatedOn}`).join('; ') +
        ', after 24 February 2022',
    ]);
  }

  const fast = intermediaries.flatMap((p) => {
    const days = route.shortestStay.get(p.id);
    return days !== undefined && days <= FAST_PASS_THROUGH_DAYS
      ? [`${who(p)} re-exported ${days === 1 ? '1 day' : `${days} days`} after receipt`]
      : [];
  });
  if (fast.length) raised.push(['FAST_PASS_THROUGH', fast.join('; ')]);

  const through = intermediaries.flatMap((p) => {
    const v = route.volumes.get(p.id);
    if (!v || v.received <= 0 || v.sentToConcern / v.received <= PASS_THROUGH_SHARE) return [];
    const share = Math.round((100 * v.sentToConcern) / v.received);
    return [
      `${who(p)} sent ${Math.min(share, 100)}% of what it received by value (${usd(v.sentToConcern)} of ${usd(v.received)}) to destinations of concern`,
    ];
  });
  if (through.length) raised.push(['PASS_THROUGH_VOLUME', through.join('; ')]);

  const shared = destination ? intermediaries.flatMap((p) => sharedIdentity(p, destination)) : [];
  if (shared.length) raised.push(['SHARED_IDENTITY', shared.join('; ')]);

  return raised
    .map(([code, explanation]) => ({ code, weight: RED_FLAG_WEIGHTS.get(code) ?? 0, explanation }))
    .sort((a, b) => b.weight - a.weight || a.code.localeCompare(b.code));
}

/** What an intermediary and the end user share: an address, an owner, a registration id. */
function sharedIdentity(a: PartyFacts, b: PartyFacts): string[] {
  const found: string[] = [];
  if (a.address && a.address === b.address)
    found.push(`${who(a)} and ${who(b)} share the address ${a.address}`);
  const owner = (p: PartyFacts) => p.parentId;
  if (owner(a) && owner(a) === owner(b))
    found.push(`${who(a)} and ${who(b)} share the owner ${a.parentName ?? a.parentId}`);
  if (a.id === b.parentId) found.push(`${who(a)} owns ${who(b)}`);
  if (b.id === a.parentId) found.push(`${who(b)} owns ${who(a)}`);
  for (const [scheme, value] of Object.entries(a.registrationIds)) {
    if (Object.values(b.registrationIds).includes(value))
      found.push(`${who(a)} and ${who(b)} share the registration id ${scheme} ${value}`);
  }
  return found;
}
