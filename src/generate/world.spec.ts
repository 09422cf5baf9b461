import { Random } from './random.js';
import { loadReference } from './reference.js';
import { buildWorld, organizationFields } from './world.js';

describe('loadReference', () => {
  const reference = loadReference();

  it('reads the makers of the public parts list, by their name before any parenthesis', () => {
    const makers = new Map(reference.makers.map((m) => [m.name, m]));
    expect(makers.get('Linear Technology')?.country).toBe('US');
    expect(makers.get('STMicroelectronics')?.country).toBe('CH');
    expect(makers.get('Raspberry Pi Ltd')?.country).toBe('GB'); // blank in the file
    expect([...makers.keys()].some((name) => name.includes('('))).toBe(false);
    expect(reference.makers.every((m) => m.hsCodes.length > 0)).toBe(true);
  });

  it('keeps the canonical part numbers with an HS code of six digits', () => {
    const parts = new Map(reference.parts.map((p) => [p.partNumber, p]));
    expect(parts.get('TMS320F28335PGFA')?.hsCode).toBe('854231');
    expect(parts.get('NEO-M8N')?.maker.name).toBe('u-blox');
    expect(reference.parts.every((p) => /^\d{6}$/.test(p.hsCode))).toBe(true);
    expect(reference.chpl).toHaveLength(50);
    expect(reference.partners.has('DE')).toBe(true);
    expect(reference.partners.has('HK')).toBe(false);
  });
});

describe('buildWorld', () => {
  const reference = loadReference();
  const world = buildWorld(reference, { organizations: 1000, fronts: 30 }, new Random(9, 'world'));
  const byKind = (kind: string) => world.organizations.filter((o) => o.kind === kind);

  it('has about the organizations asked for, of every kind', () => {
    expect(Math.abs(world.organizations.length - 1000)).toBeLessThan(20);
    expect(byKind('MANUFACTURER')).toHaveLength(reference.makers.length);
    expect(byKind('FRONT')).toHaveLength(30);
    for (const kind of ['DISTRIBUTOR', 'TRADER', 'IMPORTER', 'BUYER'])
      expect(byKind(kind).length).toBeGreaterThan(100);
    expect(new Set(byKind('IMPORTER').map((o) => o.country))).toEqual(new Set(['RU', 'IR', 'BY']));
    const names = world.organizations.map((o) => o.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it('keeps the fronts of routes and of decoys apart, mostly new companies', () => {
    expect(world.routeFronts.some((f) => world.decoyFronts.includes(f))).toBe(false);
    const fronts = byKind('FRONT');
    const recent = fronts.filter((f) => (f.incorporatedDay ?? -1) > 0);
    expect(recent.length / fronts.length).toBeGreaterThan(0.6);
    // every other fictional company existed before the first shipment of 2021
    for (const org of world.organizations)
      if (org.kind !== 'FRONT' && org.kind !== 'MANUFACTURER')
        expect(org.incorporatedDay).toBeLessThan(0);
  });

  it('writes organizations.csv fields: roles and ids joined by semicolons', () => {
    const russian = world.organizations.find(
      (o) => o.country === 'RU' && o.registrationIds.length,
    )!;
    const [name, country, roles, aliases, ids, incorporated] = organizationFields(russian);
    expect(name).toBe(russian.name);
    expect(country).toBe('RU');
    expect(roles.split(';')).toContain('IMPORTER');
    expect(aliases).toMatch(/^[А-Я]+ «/);
    expect(ids).toMatch(/^ru_inn=\d{10}(;ru_ogrn=\d{13})?$/);
    expect(incorporated).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(organizationFields(world.makerByName.get('Texas Instruments')!)).toEqual([
      'Texas Instruments',
      'US',
      'MANUFACTURER',
      'Texas Instruments Incorporated',
      '',
      '',
    ]);
  });
});

describe('registration ids', () => {
  it('are never shared by two organizations (the import would take them for one)', () => {
    const world = buildWorld(
      loadReference(),
      { organizations: 100_000, fronts: 150 },
      new Random(42, 'world'),
    );
    const seen = new Map<string, number>();
    for (const org of world.organizations)
      for (const [key, value] of org.registrationIds)
        seen.set(`${key}=${value}`, (seen.get(`${key}=${value}`) ?? 0) + 1);
    expect([...seen.values()].filter((n) => n > 1)).toEqual([]);
    expect(seen.size).toBeGreaterThan(30_000);
  });
});
