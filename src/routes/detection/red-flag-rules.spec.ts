import { RED_FLAGS, scoreOf } from '../red-flags.js';
import { type PartyFacts, raiseFlags, type RouteFacts } from './red-flag-rules.js';

const party = (over: Partial<PartyFacts> & { id: string; name: string }): PartyFacts => ({
  country: null,
  riskGroup: 'OTHER',
  incorporatedOn: null,
  address: null,
  parentId: null,
  parentName: null,
  registrationIds: {},
  ...over,
});

const maker = party({ id: 'm', name: 'Texas Instruments', country: 'US', riskGroup: 'PARTNER' });
const hub = party({
  id: 'h',
  name: 'Silk Road Microelectronics LLP',
  country: 'KZ',
  riskGroup: 'TRANSSHIPMENT',
});
const buyer = party({
  id: 'b',
  name: 'OOO Vostok',
  country: 'RU',
  riskGroup: 'DESTINATION_OF_CONCERN',
});

/** A route that raises nothing beyond its destination. */
const plain = (over: Partial<RouteFacts> = {}): RouteFacts => ({
  parties: [maker, party({ id: 'x', name: 'Quiet Trading', country: 'VN' }), buyer],
  hasOriginParty: true,
  hsCode: { code: '940540', tier: null, description: null },
  part: null,
  listings: new Map(),
  firstLegOn: new Map(),
  shortestStay: new Map(),
  volumes: new Map(),
  ...over,
});

const codes = (facts: RouteFacts) => raiseFlags(facts).map((f) => f.code);
const explanation = (facts: RouteFacts, code: string) =>
  raiseFlags(facts).find((f) => f.code === code)?.explanation;

describe('red-flag rules', () => {
  it('raises only DESTINATION_OF_CONCERN when nothing else holds', () => {
    expect(codes(plain())).toEqual(['DESTINATION_OF_CONCERN']);
    expect(explanation(plain(), 'DESTINATION_OF_CONCERN')).toBe(
      'The goods end with OOO Vostok (RU)',
    );
  });

  it.each([
    ['1', 'CHPL_TIER_1'],
    ['2', 'CHPL_TIER_2'],
    ['3.A', 'CHPL_TIER_3'],
    ['3.B', 'CHPL_TIER_3'],
  ])('CHPL tier %s raises %s, naming the code', (tier, code) => {
    const facts = plain({ hsCode: { code: '854231', tier, description: 'processors' } });
    expect(codes(facts)).toContain(code);
    expect(explanation(facts, code)).toBe(
      `HS 854231 (processors) is in tier ${tier} of the Common High Priority List`,
    );
  });

  it('FOUND_IN_WEAPON names the part, the weapon and the first recovery', () => {
    const part = {
      partNumber: 'TMS320F28335PGFA',
      findings: 3,
      weapon: 'Shahed-136',
      firstRecoveredOn: '2022-10-13',
    };
    expect(explanation(plain({ part }), 'FOUND_IN_WEAPON')).toBe(
      'TMS320F28335PGFA was recovered from a Shahed-136 (3 findings, first on 2022-10-13)',
    );
    expect(codes(plain({ part: { ...part, findings: 0 } }))).not.toContain('FOUND_IN_WEAPON');
  });

  it('TRANSSHIPMENT_HUB and NEW_COMPANY look at intermediaries only', () => {
    const young = { ...hub, incorporatedOn: '2022-06-01' };
    const facts = plain({ parties: [maker, young, buyer] });
    expect(explanation(facts, 'TRANSSHIPMENT_HUB')).toBe(
      'Silk Road Microelectronics LLP (KZ) is in a known transshipment country',
    );
    expect(explanation(facts, 'NEW_COMPANY')).toBe(
      'Silk Road Microelectronics LLP (KZ) was incorporated on 2022-06-01, after 24 February 2022',
    );
    // The same company as the origin party or the destination raises neither.
    const edges = plain({
      parties: [
        young,
        party({ id: 'x', name: 'Quiet', country: 'VN' }),
        { ...buyer, incorporatedOn: '2023-01-01' },
      ],
      hasOriginParty: true,
    });
    expect(codes(edges)).toEqual(['DESTINATION_OF_CONCERN']);
    // Incorporated on the day of the invasion: not after it.
    expect(
      codes(plain({ parties: [maker, { ...hub, incorporatedOn: '2022-02-24' }, buyer] })),
    ).not.toContain('NEW_COMPANY');
  });

  it('SANCTIONED_PARTY names the listing; SHIPPED_BEFORE_LISTING the leg that came first', () => {
    const listings = new Map([
      ['b', [{ authority: 'US_OFAC_SDN', program: 'RUSSIA-EO14024', listedOn: '2023-05-19' }]],
    ]);
    const before = plain({ listings, firstLegOn: new Map([['b', '2023-01-10']]) });
    expect(explanation(before, 'SANCTIONED_PARTY')).toBe(
      'OOO Vostok (RU) is listed by US_OFAC_SDN (RUSSIA-EO14024) since 2023-05-19',
    );
    expect(explanation(before, 'SHIPPED_BEFORE_LISTING')).toBe(
      'OOO Vostok (RU) traded these goods on 2023-01-10, before its US_OFAC_SDN listing of 2023-05-19',
    );
    const after = plain({ listings, firstLegOn: new Map([['b', '2023-06-01']]) });
    expect(codes(after)).toContain('SANCTIONED_PARTY');
    expect(codes(after)).not.toContain('SHIPPED_BEFORE_LISTING');
  });

  it('FAST_PASS_THROUGH at 30 days or fewer, naming the days', () => {
    const facts = (days: number) =>
      plain({ parties: [maker, hub, buyer], shortestStay: new Map([['h', days]]) });
    expect(explanation(facts(18), 'FAST_PASS_THROUGH')).toBe(
      'Silk Road Microelectronics LLP (KZ) re-exported 18 days after receipt',
    );
    expect(codes(facts(30))).toContain('FAST_PASS_THROUGH');
    expect(codes(facts(31))).not.toContain('FAST_PASS_THROUGH');
  });

  it('PASS_THROUGH_VOLUME when most of the intake goes to destinations of concern', () => {
    const facts = (sent: number) =>
      plain({
        parties: [maker, hub, buyer],
        volumes: new Map([['h', { received: 1000, sentToConcern: sent }]]),
      });
    expect(explanation(facts(920), 'PASS_THROUGH_VOLUME')).toBe(
      'Silk Road Microelectronics LLP (KZ) sent 92% of what it received by value (USD 920 of USD 1,000) to destinations of concern',
    );
    expect(codes(facts(500))).not.toContain('PASS_THROUGH_VOLUME');
  });

  it('SHARED_IDENTITY for a shared address, owner or registration id', () => {
    const a = {
      ...hub,
      address: '1 MAIN ST, ALMATY',
      parentId: 'o',
      parentName: 'Owner Ltd',
      registrationIds: { kz_bin: '123' },
    };
    const b = {
      ...buyer,
      address: '1 MAIN ST, ALMATY',
      parentId: 'o',
      parentName: 'Owner Ltd',
      registrationIds: { ru_inn: '123' },
    };
    expect(explanation(plain({ parties: [maker, a, b] }), 'SHARED_IDENTITY')).toBe(
      'Silk Road Microelectronics LLP (KZ) and OOO Vostok (RU) share the address 1 MAIN ST, ALMATY; ' +
        'Silk Road Microelectronics LLP (KZ) and OOO Vostok (RU) share the owner Owner Ltd; ' +
        'Silk Road Microelectronics LLP (KZ) and OOO Vostok (RU) share the registration id kz_bin 123',
    );
    expect(codes(plain({ parties: [maker, hub, buyer] }))).not.toContain('SHARED_IDENTITY');
  });

  it('scores the sum of the weights, at most 100, and every catalogue flag can be raised', () => {
    const everything = plain({
      parties: [
        maker,
        { ...hub, incorporatedOn: '2023-01-01', address: 'X' },
        { ...buyer, address: 'X' },
      ],
      hsCode: { code: '854231', tier: '1', description: null },
      part: { partNumber: 'P', findings: 1, weapon: null, firstRecoveredOn: null },
      listings: new Map([['h', [{ authority: 'EU', program: null, listedOn: '2024-01-01' }]]]),
      firstLegOn: new Map([['h', '2023-01-01']]),
      shortestStay: new Map([['h', 5]]),
      volumes: new Map([['h', { received: 10, sentToConcern: 9 }]]),
    });
    const flags = raiseFlags(everything);
    const raised = new Set(flags.map((f) => f.code));
    for (const flag of RED_FLAGS.filter(
      (f) => !f.code.startsWith('CHPL_TIER_') || f.code === 'CHPL_TIER_1',
    ))
      expect(raised).toContain(flag.code);
    expect(scoreOf(flags)).toBe(100);
    expect(scoreOf(raiseFlags(plain()))).toBe(20);
    // Highest weight first.
    expect(flags.map((f) => f.weight)).toEqual(
      [...flags.map((f) => f.weight)].sort((x, y) => y - x),
    );
  });
});
