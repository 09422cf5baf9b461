import { ComponentCategory as C } from '../components/component.enums.js';
import { PARTNER_ORIGINS } from './countries.js';
import { Random } from './random.js';
import type { HsCode, Part, Reference } from './reference.js';

/** Unit price range (USD) and quantity range of one consignment, for goods of an HS prefix. */
type Profile = readonly [unitMin: number, unitMax: number, qtyMin: number, qtyMax: number];

/** By HS code or heading, longest prefix first; what a customs line of such goods usually carries. */
const HS_PROFILES: [string, Profile][] = [
  ['847150', [35, 900, 5, 1500]],
  ['847180', [20, 600, 5, 800]],
  ['8542', [0.3, 60, 50, 20000]],
  ['8541', [0.05, 8, 100, 50000]],
  ['8532', [0.01, 0.8, 1000, 200000]],
  ['8548', [0.05, 5, 100, 20000]],
  ['8536', [0.2, 60, 50, 10000]],
  ['8534', [0.5, 60, 100, 20000]],
  ['8504', [5, 400, 10, 2000]],
  ['8517', [20, 900, 5, 2000]],
  ['8525', [50, 3000, 1, 500]],
  ['8526', [40, 3000, 1, 1000]],
  ['8529', [2, 150, 10, 5000]],
  ['8543', [200, 20000, 1, 50]],
  ['8482', [0.5, 80, 50, 20000]],
  ['8807', [20, 5000, 1, 500]],
  ['8486', [20000, 2000000, 1, 3]],
  ['8466', [50, 20000, 1, 200]],
  ['845', [30000, 600000, 1, 4]],
  ['8413', [20, 400, 10, 2000]],
  ['8501', [5, 150, 10, 5000]],
  ['9013', [80, 15000, 1, 100]],
  ['9014', [100, 20000, 1, 100]],
  ['9027', [500, 80000, 1, 20]],
  ['9030', [100, 30000, 1, 50]],
];
const DEFAULT_PROFILE: Profile = [1, 100, 10, 1000];

/** Unit price range of a part by its category (USD): an FPGA costs more than a memory chip. */
const PART_PRICES: Record<C, [number, number]> = {
  [C.MCU]: [1.5, 18],
  [C.DSP]: [8, 35],
  [C.FPGA]: [25, 400],
  [C.GNSS]: [8, 45],
  [C.IMU]: [4, 60],
  [C.MEMORY]: [0.4, 6],
  [C.POWER]: [0.2, 12],
  [C.RF]: [0.8, 20],
  [C.SENSOR]: [1, 12],
  [C.CONNECTOR]: [8, 90],
  [C.ENGINE]: [60, 600],
  [C.OTHER]: [1, 30],
};

export function profileOf(hsCode: string): Profile {
  return HS_PROFILES.find(([prefix]) => hsCode.startsWith(prefix))?.[1] ?? DEFAULT_PROFILE;
}

const partPrices = new Map<string, number>();

/** A part's list price: fixed for the part (not the seed), inside its category's range. */
export function partPrice(part: Part): number {
  let price = partPrices.get(part.partNumber);
  if (price === undefined) {
    // chips and modules by what they are; other goods (converters, pumps, capacitors) by heading
    const byCategory = part.hsCode.startsWith('8542') || part.category === C.GNSS;
    const [min, max] = byCategory ? PART_PRICES[part.category] : profileOf(part.hsCode);
    price = new Random(0, `price:${part.partNumber}`).logBetween(min, max);
    partPrices.set(part.partNumber, price);
  }
  return price;
}

/** Unit price of one consignment, in cents, within ±15 % of the goods' going price. */
export function unitCents(random: Random, hsCode: string, part: Part | null): number {
  const [min, max] = profileOf(hsCode);
  const base = part ? partPrice(part) : random.logBetween(min, max);
  return Math.max(1, Math.round(base * random.between(0.85, 1.15) * 100));
}

/** A plausible quantity, often rounded the way orders are (reels, trays, boxes). */
export function quantity(random: Random, hsCode: string): number {
  const [, , min, max] = profileOf(hsCode);
  const q = Math.max(1, Math.round(random.logBetween(min, max + 1)));
  if (q >= 1000 && random.chance(0.7)) return Math.round(q / 100) * 100;
  if (q >= 100 && random.chance(0.5)) return Math.round(q / 10) * 10;
  return q;
}

const shortDescriptions = new Map<string, string>();

/** The HS description cut short, as customs lines carry it. */
export function shortDescription(hs: HsCode): string {
  let text = shortDescriptions.get(hs.code);
  if (text === undefined) {
    text = hs.description;
    if (text.length > 70) {
      // at the last comma or semicolon, or else the last word, within 70 characters
      const stop = Math.max(text.lastIndexOf(',', 70), text.lastIndexOf(';', 70));
      text = text.slice(0, stop >= 35 ? stop : text.lastIndexOf(' ', 70));
      // no parenthesis left open, no dangling punctuation or `or`
      if (text.lastIndexOf('(') > text.lastIndexOf(')'))
        text = text.slice(0, text.lastIndexOf('('));
      text = text.replace(/(?:[\s,;:]+|\s(?:or|and|of|for|the|to|in|with))+$/, '');
    }
    shortDescriptions.set(hs.code, text);
  }
  return text;
}

/** The goods description of a customs line: the part's function, its number, or the HS text. */
export function describeGoods(random: Random, hs: HsCode, part: Part | null): string {
  const r = random.next();
  if (!part) return r < 0.8 ? shortDescription(hs) : shortDescription(hs).toUpperCase();
  if (r < 0.4) return part.functionText;
  if (r < 0.65) return `${part.functionText}, P/N ${part.partNumber}`;
  if (r < 0.85) return part.functionText.toUpperCase();
  return `${shortDescription(hs)} ${part.partNumber}`;
}

/**
 * The country of origin of a part: the maker's country most of the time, else another coalition
 * country where it also makes or assembles (fixed per part). A maker outside the coalition keeps its own.
 */
export function partOrigin(random: Random, part: Part, reference: Reference): string {
  const home = part.maker.country;
  if (!reference.partners.has(home) || random.chance(0.85)) return home;
  const others = PARTNER_ORIGINS.filter(([country]) => country !== home);
  return new Random(0, `origin:${part.partNumber}`).weighted(others);
}
