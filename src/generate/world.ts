import { OrganizationRole as R } from '../organizations/organization.enums.js';
import { dateOf, dayOf } from './calendar.js';
import {
  DISTRIBUTOR_COUNTRIES,
  FRONT_COUNTRIES,
  IMPORTER_COUNTRIES,
  OTHER_BUYER_COUNTRIES,
  PARTNER_BUYER_COUNTRIES,
  TRADER_COUNTRIES,
  type Weights,
} from './countries.js';
import { MAKER_LEGAL_NAMES } from '../seed/maker-legal-names.js';
import { type Business, NameFactory } from './names.js';
import { type Random, WeightedChoice, shuffledZipf } from './random.js';
import type { MakerInfo, Reference } from './reference.js';
import { registrationIds } from './registration.js';

/**
 * Kinds of organization in the generated world. DISTRIBUTOR: hub distributors that buy from the
 * makers and sell to ordinary buyers; TRADER: hub traders of non-coalition goods, who also supply
 * Russia and Iran; FRONT: small, mostly new hub companies kept for the planted routes and decoys.
 */
export type OrgKind = 'MANUFACTURER' | 'DISTRIBUTOR' | 'TRADER' | 'FRONT' | 'IMPORTER' | 'BUYER';

export interface Organization {
  kind: OrgKind;
  name: string;
  country: string;
  roles: R[];
  aliases: string[];
  /** How shipments write the name, the registered name first. */
  variants: string[];
  registrationIds: [key: string, value: string][];
  /** Day number of incorporation (calendar.ts), null when unknown (the real manufacturers). */
  incorporatedDay: number | null;
  maker?: MakerInfo;
}

export interface World {
  organizations: Organization[];
  makerByName: Map<string, Organization>;
  makers: WeightedChoice<Organization>;
  distributors: WeightedChoice<Organization>;
  traders: WeightedChoice<Organization>;
  importers: WeightedChoice<Organization>;
  importersIn: Map<string, WeightedChoice<Organization>>;
  buyers: WeightedChoice<Organization>;
  partnerBuyers: WeightedChoice<Organization>;
  otherBuyers: WeightedChoice<Organization>;
  /** Sanctions-coalition countries. */
  partners: Set<string>;
  /** Fronts for the planted routes, and new legitimate traders for the decoys: never both. */
  routeFronts: Organization[];
  decoyFronts: Organization[];
}

/** Real distributors no invented name may take. */
const RESERVED = 'Avnet Arrow Mouser Digikey Farnell Rutronik Future Wurth Verical TTI'.split(' ');

export interface WorldSize {
  organizations: number;
  fronts: number;
}

/**
 * The organizations: the manufacturers of the public parts list, then fictional distributors,
 * traders, fronts, importers in RU/IR/BY and ordinary buyers, about `size.organizations` in all.
 */
export function buildWorld(reference: Reference, size: WorldSize, random: Random): World {
  const names = new NameFactory(random.fork('names'), [
    ...RESERVED,
    ...reference.makers.map((m) => m.name),
  ]);
  const makers = reference.makers.map(makerOrganization);
  const takenIds = new Set<string>();
  const rest = Math.max(40, size.organizations - makers.length - size.fronts);
  const count = (share: number) => Math.max(3, Math.round(rest * share));
  const make = (
    kind: OrgKind,
    n: number,
    countries: Weights,
    business: Business,
    fixed: string[] = [],
  ) =>
    Array.from({ length: n }, (_, i) => {
      const country = fixed[i] ?? random.weighted(countries);
      return fictional(kind, country, business, names, random, takenIds);
    });

  const distributors = make('DISTRIBUTOR', count(0.14), DISTRIBUTOR_COUNTRIES, 'trade', [
    'HK',
    'SG',
  ]);
  const traders = make('TRADER', count(0.14), TRADER_COUNTRIES, 'trade', ['CN', 'AE', 'KZ']);
  const fronts = make('FRONT', Math.max(6, size.fronts), FRONT_COUNTRIES, 'trade');
  const importers = make('IMPORTER', count(0.17), IMPORTER_COUNTRIES, 'trade', ['RU', 'IR', 'BY']);
  const partnerBuyers = make('BUYER', count(0.25), PARTNER_BUYER_COUNTRIES, 'buyer', [
    'DE',
    'US',
    'JP',
  ]);
  const otherBuyers = make('BUYER', count(0.3), OTHER_BUYER_COUNTRIES, 'buyer', ['VN', 'BR', 'TH']);

  const importersIn = new Map<string, WeightedChoice<Organization>>();
  for (const [country] of IMPORTER_COUNTRIES)
    importersIn.set(
      country,
      shuffledZipf(
        random,
        importers.filter((o) => o.country === country),
      ),
    );
  const splitFronts = Math.max(3, Math.round(fronts.length * 0.6));
  return {
    organizations: [
      ...makers,
      ...distributors,
      ...traders,
      ...fronts,
      ...importers,
      ...partnerBuyers,
      ...otherBuyers,
    ],
    makerByName: new Map(makers.map((m) => [m.name, m])),
    makers: new WeightedChoice(
      makers,
      makers.map((m) => 1 + (m.maker?.parts.length ?? 0)),
    ),
    distributors: shuffledZipf(random, distributors, 1.1),
    traders: shuffledZipf(random, traders),
    importers: shuffledZipf(random, importers),
    importersIn,
    buyers: shuffledZipf(random, [...partnerBuyers, ...otherBuyers], 0.9),
    partnerBuyers: shuffledZipf(random, partnerBuyers, 0.9),
    otherBuyers: shuffledZipf(random, otherBuyers, 0.9),
    partners: reference.partners,
    routeFronts: fronts.slice(0, splitFronts),
    decoyFronts: fronts.slice(splitFronts),
  };
}

function makerOrganization(maker: MakerInfo): Organization {
  const legal = MAKER_LEGAL_NAMES[maker.name];
  return {
    kind: 'MANUFACTURER',
    name: maker.name,
    country: maker.country,
    roles: [R.MANUFACTURER],
    aliases: legal ? [legal] : [],
    variants: [maker.name, ...(legal ? [legal, legal.toUpperCase()] : [maker.name.toUpperCase()])],
    registrationIds: [],
    incorporatedDay: null,
    maker,
  };
}

/** Incorporation day ranges: established firms before 2021; fronts mostly after February 2022. */
const dayCache = new Map<string, number>();
const cachedDay = (date: string) =>
  dayCache.get(date) ?? dayCache.set(date, dayOf(date)).get(date)!;

function incorporatedDay(kind: OrgKind, random: Random): number {
  const between = (from: string, to: string) => random.int(cachedDay(from), cachedDay(to));
  if (kind === 'FRONT')
    return random.chance(0.8)
      ? between('2022-03-01', '2023-09-30')
      : between('2012-01-01', '2020-06-30');
  if (kind === 'BUYER') return between('1975-01-01', '2020-06-30');
  if (kind === 'DISTRIBUTOR') return between('1988-01-01', '2018-12-31');
  return between('1994-01-01', '2020-06-30');
}

function rolesOf(kind: OrgKind, random: Random): R[] {
  switch (kind) {
    case 'DISTRIBUTOR':
      return random.chance(0.6) ? [R.DISTRIBUTOR] : [R.DISTRIBUTOR, R.TRADER];
    case 'TRADER':
      return random.chance(0.85) ? [R.TRADER] : [R.TRADER, R.FREIGHT_FORWARDER];
    case 'IMPORTER':
      return random.chance(0.75) ? [R.IMPORTER] : [R.IMPORTER, R.END_USER];
    case 'BUYER':
      return random.weighted<R[]>([
        [[R.IMPORTER], 40],
        [[R.DISTRIBUTOR], 20],
        [[R.END_USER], 25],
        [[R.IMPORTER, R.END_USER], 15],
      ]);
    default:
      return [R.TRADER];
  }
}

function fictional(
  kind: OrgKind,
  country: string,
  business: Business,
  names: NameFactory,
  random: Random,
  takenIds: Set<string>,
): Organization {
  const { name, aliases, variants } = names.make(country, business);
  const idChance = kind === 'BUYER' ? 0.3 : ['RU', 'BY', 'KZ'].includes(country) ? 0.85 : 0.6;
  // Two companies never share a registration id (a shared one would say they are one company).
  let ids = random.chance(idChance) ? registrationIds(country, random) : [];
  for (let i = 0; i < 50 && ids.some(([k, v]) => takenIds.has(`${k}=${v}`)); i++)
    ids = registrationIds(country, random);
  if (ids.some(([k, v]) => takenIds.has(`${k}=${v}`))) ids = [];
  for (const [k, v] of ids) takenIds.add(`${k}=${v}`);
  return {
    kind,
    name,
    country,
    roles: rolesOf(kind, random),
    aliases,
    variants,
    registrationIds: ids,
    incorporatedDay: incorporatedDay(kind, random),
  };
}

/** A CSV-ready row of organizations.csv. */
export function organizationFields(org: Organization): string[] {
  return [
    org.name,
    org.country,
    org.roles.join(';'),
    org.aliases.join(';'),
    org.registrationIds.map(([key, value]) => `${key}=${value}`).join(';'),
    org.incorporatedDay === null ? '' : dateOf(org.incorporatedDay),
  ];
}
