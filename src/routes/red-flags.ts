/**
 * The red-flag catalogue: what makes a re-export route suspicious, how much each weighs, and the
 * public source that names it. A route's score is the sum of the weights of the flags it raises,
 * capped at 100 (docs/routes.md). Detection raises each flag with an explanation naming the party,
 * date, code or part that raised it.
 */
export interface RedFlagDefinition {
  code: RedFlagCode;
  /** Points added to the score when raised. */
  weight: number;
  /** When the flag is raised. */
  description: string;
  /** The public guidance that names this indicator. */
  source: string;
}

export type RedFlagCode =
  | 'CHPL_TIER_1'
  | 'CHPL_TIER_2'
  | 'CHPL_TIER_3'
  | 'FOUND_IN_WEAPON'
  | 'TRANSSHIPMENT_HUB'
  | 'DESTINATION_OF_CONCERN'
  | 'SANCTIONED_PARTY'
  | 'SHIPPED_BEFORE_LISTING'
  | 'NEW_COMPANY'
  | 'FAST_PASS_THROUGH'
  | 'PASS_THROUGH_VOLUME'
  | 'SHARED_IDENTITY';

const CHPL = 'Common High Priority List (BIS with the EU, UK and Japan), February 2024';
const FINCEN_BIS = 'FinCEN and BIS joint alerts of June 2022, May 2023 and November 2023';
const BIS_RED_FLAGS = 'BIS red-flag indicators for export transactions ("Know your customer")';

export const RED_FLAGS: readonly RedFlagDefinition[] = [
  {
    code: 'CHPL_TIER_1',
    weight: 25,
    description: 'The goods are in tier 1 of the Common High Priority List (integrated circuits).',
    source: CHPL,
  },
  {
    code: 'CHPL_TIER_2',
    weight: 20,
    description:
      'The goods are in tier 2 of the Common High Priority List (GNSS receivers, radios, passive parts).',
    source: CHPL,
  },
  {
    code: 'CHPL_TIER_3',
    weight: 10,
    description:
      'The goods are in tier 3 of the Common High Priority List (connectors, bearings, ...).',
    source: CHPL,
  },
  {
    code: 'FOUND_IN_WEAPON',
    weight: 25,
    description: 'The same part number was recovered from a weapon used against Ukraine.',
    source: 'Recovered components (GUR War & Sanctions, findings recorded in Sanctrace)',
  },
  {
    code: 'TRANSSHIPMENT_HUB',
    weight: 10,
    description: 'An intermediary sits in a country known as a transshipment point to Russia.',
    source: FINCEN_BIS,
  },
  {
    code: 'DESTINATION_OF_CONCERN',
    weight: 20,
    description: 'The route ends in Russia, Belarus, Iran or North Korea.',
    source: 'EU Regulation 833/2014 Art. 12g; ' + FINCEN_BIS,
  },
  {
    code: 'SANCTIONED_PARTY',
    weight: 30,
    description: 'A party on the route is on a sanctions list in force.',
    source: 'OFAC SDN, BIS Entity List, EU, UK and other consolidated lists',
  },
  {
    code: 'SHIPPED_BEFORE_LISTING',
    weight: 5,
    description:
      'A leg was shipped before its party was listed: the listing may explain the route.',
    source: 'OFAC SDN, BIS Entity List, EU, UK and other consolidated lists',
  },
  {
    code: 'NEW_COMPANY',
    weight: 15,
    description: 'An intermediary was incorporated after 24 February 2022.',
    source: FINCEN_BIS + '; ' + BIS_RED_FLAGS,
  },
  {
    code: 'FAST_PASS_THROUGH',
    weight: 10,
    description: 'The goods left an intermediary within 30 days of reaching it.',
    source: FINCEN_BIS,
  },
  {
    code: 'PASS_THROUGH_VOLUME',
    weight: 10,
    description:
      'Most of what an intermediary receives, by value, it sends on to destinations of concern.',
    source: FINCEN_BIS,
  },
  {
    code: 'SHARED_IDENTITY',
    weight: 15,
    description:
      'An intermediary and the end user share an address, an owner or a registration id.',
    source: BIS_RED_FLAGS,
  },
];

export const RED_FLAG_WEIGHTS: ReadonlyMap<RedFlagCode, number> = new Map(
  RED_FLAGS.map((f) => [f.code, f.weight]),
);

/** Goods that leave an intermediary this soon after reaching it pass through (FAST_PASS_THROUGH). */
export const FAST_PASS_THROUGH_DAYS = 30;
/** The share of its intake, by value, an intermediary sends to destinations of concern (PASS_THROUGH_VOLUME). */
export const PASS_THROUGH_SHARE = 0.5;
/** Companies incorporated after the full-scale invasion (NEW_COMPANY). */
export const NEW_COMPANY_AFTER = '2022-02-24';

/** The score of the flags a route raises (each code once): the sum of their weights, at most 100. */
export const scoreOf = (flags: readonly { weight: number }[]): number =>
  Math.min(
    100,
    flags.reduce((sum, f) => sum + f.weight, 0),
  );
