import { EASTERN_ORIGINS, PARTNER_ORIGINS } from './countries.js';
import { describeGoods, partOrigin, quantity, unitCents } from './goods.js';
import { type Random, WeightedChoice, zipfWeights } from './random.js';
import { type HsCode, type Part, type Reference, tierWeight } from './reference.js';
import { type Goods, type ShipmentRow, makerNameOn, nameOn } from './shipment.js';
import type { Organization, World } from './world.js';

/** Picks goods: public parts weighted toward CHPL tiers 1–2, or HS codes of the list alone. */
export class GoodsPicker {
  private readonly parts: WeightedChoice<Part>;
  private readonly coalitionParts: WeightedChoice<Part>;
  private readonly easternParts: Part[];
  private readonly makerParts = new Map<Organization, WeightedChoice<Part>>();
  private readonly chpl: WeightedChoice<HsCode>;
  private readonly chplHigh: WeightedChoice<HsCode>;

  constructor(
    private readonly reference: Reference,
    private readonly world: World,
    random: Random,
  ) {
    const weigh = (parts: Part[]) => {
      const zipf = random.shuffle(zipfWeights(parts.length, 0.8));
      return new WeightedChoice(
        parts,
        parts.map((p, i) => zipf[i] * tierWeight(reference.hsCodes.get(p.hsCode))),
      );
    };
    const coalition = (p: Part) => reference.partners.has(p.maker.country);
    this.parts = weigh(reference.parts);
    this.coalitionParts = weigh(reference.parts.filter(coalition));
    this.easternParts = reference.parts.filter((p) => !coalition(p));
    for (const org of world.makerByName.values())
      if (org.maker?.parts.length) this.makerParts.set(org, weigh(org.maker.parts));
    const tiered = (codes: HsCode[]) =>
      new WeightedChoice(
        codes,
        codes.map((c) => tierWeight(c)),
      );
    this.chpl = tiered(reference.chpl);
    this.chplHigh = tiered(reference.chpl.filter((c) => c.tier === '1' || c.tier === '2'));
  }

  private ofPart(random: Random, part: Part): Goods {
    return {
      part,
      hs: this.hs(part.hsCode),
      originCountry: partOrigin(random, part, this.reference),
      maker: this.world.makerByName.get(part.maker.name) ?? null,
    };
  }

  private hs(code: string): HsCode {
    const hs = this.reference.hsCodes.get(code);
    if (!hs) throw new Error(`no HS code ${code} in the reference data`);
    return hs;
  }

  /** What a manufacturer ships: one of its parts, or goods of its own HS codes without a part number. */
  fromMaker(random: Random, maker: Organization): Goods {
    const parts = this.makerParts.get(maker);
    if (parts && random.chance(0.75)) return this.ofPart(random, parts.pick(random));
    const codes = maker.maker?.hsCodes ?? [];
    const hs = codes.length ? this.hs(random.pick(codes)) : this.chpl.pick(random);
    return { part: null, hs, originCountry: maker.country, maker };
  }

  /** Western-made goods in the hands of a distributor or buyer. */
  western(random: Random): Goods {
    if (random.chance(0.6)) return this.ofPart(random, this.parts.pick(random));
    return {
      part: null,
      hs: this.chpl.pick(random),
      originCountry: random.weighted(PARTNER_ORIGINS),
      maker: null,
    };
  }

  /**
   * Coalition-made goods for a planted route or a decoy: what the maker ships, else a coalition
   * maker's part or goods of a CHPL tier 1–2 code made in a coalition country.
   */
  coalition(random: Random, maker: Organization | null): Goods {
    if (maker) return this.fromMaker(random, maker);
    if (random.chance(0.8)) return this.ofPart(random, this.coalitionParts.pick(random));
    return {
      part: null,
      hs: this.chplHigh.pick(random),
      originCountry: random.weighted(PARTNER_ORIGINS),
      maker: null,
    };
  }

  /** Goods made outside the coalition (China, Taiwan, ...), as hub traders sell them to Russia and Iran. */
  eastern(random: Random): Goods {
    if (this.easternParts.length && random.chance(0.15))
      return this.ofPart(random, random.pick(this.easternParts));
    return {
      part: null,
      hs: this.chpl.pick(random),
      originCountry: random.weighted(EASTERN_ORIGINS),
      maker: null,
    };
  }
}

/** A customs line of `goods` from `exporter` to `importer` with its names, price and quantity. */
export function shipmentRow(
  random: Random,
  day: number,
  exporter: Organization,
  importer: Organization,
  goods: Goods,
  lot?: { quantity: number; unitCents: number },
): ShipmentRow {
  return {
    day,
    exporter,
    importer,
    exporterName: nameOn(random, exporter),
    importerName: nameOn(random, importer),
    goods,
    manufacturerName: goods.part || random.chance(0.4) ? makerNameOn(random, goods.maker) : '',
    description: describeGoods(random, goods.hs, goods.part),
    quantity: lot?.quantity ?? quantity(random, goods.hs.code),
    unitCents: lot?.unitCents ?? unitCents(random, goods.hs.code, goods.part),
  };
}

type Pool = 'makers' | 'distributors' | 'traders' | 'importers' | 'buyers' | 'partnerBuyers';
type Kind = 'maker' | 'western' | 'eastern';

/**
 * Background flows with their share of the lines. Coalition-made goods go to distributors and
 * ordinary buyers; what hub traders send to Russia, Belarus and Iran is made outside the coalition,
 * so that the background holds no re-export route by itself: the planted ones are the routes.
 */
const FLOWS: [[from: Pool, to: Pool, goods: Kind], number][] = [
  [['makers', 'distributors', 'maker'], 22],
  [['makers', 'buyers', 'maker'], 18],
  [['distributors', 'buyers', 'western'], 20],
  [['distributors', 'distributors', 'western'], 6],
  [['partnerBuyers', 'buyers', 'western'], 4],
  [['traders', 'traders', 'eastern'], 8],
  [['traders', 'importers', 'eastern'], 22],
];

/** Background trade: one customs line at a time, from Zipf-weighted pools of the world. */
export class BackgroundTrade {
  private readonly flows = new WeightedChoice(
    FLOWS.map(([flow]) => flow),
    FLOWS.map(([, weight]) => weight),
  );

  constructor(
    private readonly world: World,
    private readonly goods: GoodsPicker,
    private readonly random: Random,
  ) {}

  next(day: number): ShipmentRow {
    const random = this.random;
    const [from, to, kind] = this.flows.pick(random);
    const exporter = this.world[from].pick(random);
    let importer = this.world[to].pick(random);
    // customs lines cross a border: another country, so never the exporter itself
    for (let i = 0; i < 8 && importer.country === exporter.country; i++)
      importer = this.world[to].pick(random);
    if (importer.country === exporter.country) importer = this.world.otherBuyers.items[0];
    const goods =
      kind === 'maker'
        ? this.goods.fromMaker(random, exporter)
        : kind === 'western'
          ? this.goods.western(random)
          : this.goods.eastern(random);
    return shipmentRow(random, day, exporter, importer, goods);
  }
}
