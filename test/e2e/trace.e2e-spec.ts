import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { Role } from '../../src/auth/role.enum.js';
import { dataFile } from '../../src/common/project-root.js';
import { createTestApp, type TestApp } from './test-app.js';

const TRACE = `query($partNumber: String, $componentId: ID) {
  traceComponent(partNumber: $partNumber, componentId: $componentId) {
    matchedBy
    component { id partNumber }
    manufacturer { name }
  }
}`;

/**
 * Every marking of data/shahed-components.csv that names a part, with the part it names (the
 * catalogued part number, as the demo data holds it). The two rows without a marking and the
 * `(FPGA)` row name none.
 */
const MARKINGS: [string, string][] = [
  ['TMS320 F28335PGFA', 'TMS320F28335PGFA'],
  ['TMS320F28335PGFA G4A-17CHCHW', 'TMS320F28335PGFA'],
  ['TMS320 F28335PGFA G4A-17C76FW', 'TMS320F28335PGFA'],
  ['LM5176 26T A6Z8', 'LM5176'],
  ['VP230 26M AJ1T', 'SN65HVD230'],
  ['TM4C1230 (E6PMI7 89C9R9W)', 'TM4C1230'],
  ['LMZM33604 (03WD76C)', 'LMZM33604'],
  ['PS767D301 24T A7ZN', 'TPS767D301'],
  ['LM5117 PMH', 'LM5117PMH'],
  ['ADXL 357B #2207', 'ADXL357B'],
  ['ADXL 357B #2137', 'ADXL357B'],
  ['AD9517-4ABCPZ', 'AD9517-4ABCPZ'],
  ['AD9517-3 (ABCPZ #2046 …)', 'AD9517-3'],
  ['AD 9755', 'AD9755'],
  ['ADT7310', 'ADT7310'],
  ['REF195E', 'REF195E'],
  ['LTM4613V', 'LTM4613V'],
  ['LTC2174 UKG-14', 'LTC2174-14'],
  ['MAXIM MAX3221 EAE 2102', 'MAX3221EAE'],
  ['MAX3232 (EUE +116)', 'MAX3232'],
  ['STM32F405 RGT6', 'STM32F405RGT6'],
  ['STM32F405 RGT6 GQ205', 'STM32F405RGT6'],
  ['STM32F030K6T6', 'STM32F030K6T6'],
  ['STM32G071 CBT6', 'STM32G071CBT6'],
  ['NEO-M8N / M8030-KT … 2118', 'NEO-M8N'],
  ['NEO-M9N / M9140-KB', 'NEO-M9N'],
  ['M8030-K1', 'M8030-K1'],
  ['u-blox M10Q', 'M10Q'],
  ['ANN-MB-00-00', 'ANN-MB-00-00'],
  ['MCIMX6L2EVN10AC', 'MCIMX6L2EVN10AC'],
  ['MIMXRT1052 CVL5B', 'MIMXRT1052CVL5B'],
  ['031N08N5', 'IPB031N08N5'],
  ['AUIRF4905S', 'AUIRF4905S'],
  ['IRFB4321', 'IRFB4321'],
  ['82CNQ100ASM', '82CNQ100ASM'],
  ['H11G1', 'H11G1'],
  ['BNX023', 'BNX023'],
  ['SiR180DP', 'SiR180DP'],
  ['VBT3045CBP 2225E', 'VBT3045CBP'],
  ['D9WVC', 'D9WVC'],
  ['Winbond 25Q16JVIQ 2217', 'W25Q16JVIQ'],
  ['IS25LP128 2130', 'IS25LP128'],
  ['Altera Cyclone V 5CEFA7F23I7N', '5CEFA7F23I7N'],
  ['EPCQ64A', 'EPCQ64A'],
  ['MP1495 IACEP', 'MP1495'],
  ['SM712', 'SM712'],
  ['SC4216', 'SC4216'],
  ['CTS23CB3 50M000000 2226', 'CTS23CB3'],
  ['AS5600 1903RAM', 'AS5600'],
  ['TLP2361', 'TLP2361'],
  ['MS27484T12B35S', 'MS27484T12B35S'],
  ['88E1111-BAB1', '88E1111-BAB1'],
  ['226D 98LU1', '226D'],
  ['PIERBURG 7.21440.63.0', '7.21440.63.0'],
  ['HS-1005SGT', 'HS-1005SGT'],
  ['11-0020-8', '11-0020-8'],
  ['MCWI03-24S12', 'MCWI03-24S12'],
  ['RASPBERRY PI 4 MODEL', 'Raspberry Pi 4 Model B'],
];

describe('traceComponent: finding the part (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const trace = (vars: { partNumber?: unknown; componentId?: unknown }, role = Role.ANALYST) =>
    t.gql(TRACE, vars, { as: role });
  /** Many part numbers in one request, 15 at a time (the alias limit). */
  async function traceAll(texts: string[]) {
    const answers: { matchedBy: string; component: { id: string; partNumber: string } }[] = [];
    for (let i = 0; i < texts.length; i += 15) {
      const batch = texts.slice(i, i + 15);
      const query = `query(${batch.map((_, j) => `$p${j}: String!`).join(', ')}) {
        ${batch.map((_, j) => `t${j}: traceComponent(partNumber: $p${j}) { matchedBy component { id partNumber } }`).join('\n')}
      }`;
      const res = await t.gql(query, Object.fromEntries(batch.map((p, j) => [`p${j}`, p])));
      expect(res.errors).toBeUndefined();
      answers.push(...batch.map((_, j) => res.data[`t${j}`]));
    }
    return answers;
  }

  it.each([
    ['TMS320F28335PGFA', 'PART_NUMBER'],
    ['tms320f28335pgfa', 'PART_NUMBER'],
    ['TMS320 F28335PGFA', 'PART_NUMBER'],
    ['  tms320-f28335.pgfa ', 'PART_NUMBER'],
    ['TMS320F28335PGFA G4A-17CHCHW', 'MARKING'],
    ['tms320 f28335pgfa g4a-17chchw', 'MARKING'],
  ])('%j is the TMS320F28335PGFA, matched by %s', async (partNumber, matchedBy) => {
    const res = await trace({ partNumber });
    expect(res.errors).toBeUndefined();
    expect(res.data.traceComponent).toEqual({
      matchedBy,
      component: { id: expect.any(String), partNumber: 'TMS320F28335PGFA' },
      manufacturer: { name: 'Texas Instruments' },
    });
  });

  it.each([
    // The marking parser: its overrides, brand words, date codes, text after ` / `.
    ['VP230 26M AJ1T', 'SN65HVD230', 'MARKING'],
    ['031N08N5', 'IPB031N08N5', 'MARKING'],
    ['MAXIM MAX3221 EAE 2102', 'MAX3221EAE', 'MARKING'],
    ['Winbond 25Q16JVIQ 2217', 'W25Q16JVIQ', 'MARKING'],
    ['NEO-M8N / M8030-KT … 2118', 'NEO-M8N', 'MARKING'],
    // The longest catalogued part number the marking starts with, from its first word on, then
    // from the next ones (words the parser does not know before the part number).
    ['LM5176-26T-A6Z8', 'LM5176', 'MARKING_PREFIX'],
    ['STM32F405RGT6GQ205', 'STM32F405RGT6', 'MARKING_PREFIX'],
    ['Texas Instruments LM5176 26T A6Z8', 'LM5176', 'MARKING_PREFIX'],
    ['ST STM32F405 RGT6 GQ205', 'STM32F405RGT6', 'MARKING_PREFIX'],
  ])('%j is the %s, matched by %s', async (partNumber, expected, matchedBy) => {
    const res = await trace({ partNumber });
    expect(res.errors).toBeUndefined();
    expect(res.data.traceComponent.component.partNumber).toBe(expected);
    expect(res.data.traceComponent.matchedBy).toBe(matchedBy);
  });

  it('traces by component id, archived parts too', async () => {
    const [{ id }] = await t.ds.query(
      `SELECT id FROM component WHERE normalized_part_number = 'LM5117PMH'`,
    );
    const res = await trace({ componentId: id.toUpperCase() });
    expect(res.errors).toBeUndefined();
    expect(res.data.traceComponent).toEqual({
      matchedBy: 'COMPONENT_ID',
      component: { id, partNumber: 'LM5117PMH' },
      manufacturer: { name: 'National Semiconductor' },
    });
  });

  it('traces every marking of shahed-components.csv that names a part to that part', async () => {
    const rows = parse<Record<'marking', string>>(readFileSync(dataFile('shahed-components.csv')), {
      columns: true,
      skip_empty_lines: true,
      trim: true,
    });
    const named = rows.map((r) => r.marking).filter((m) => m && m !== '(FPGA)');
    expect(MARKINGS.map(([m]) => m)).toEqual(named);
    const answers = await traceAll(MARKINGS.map(([m]) => m));
    expect(answers.map((a, i) => [MARKINGS[i][0], a.component.partNumber])).toEqual(MARKINGS);
  });

  it("traces each demo finding's marking to the finding's own part", async () => {
    const findings: { marking: string; component_id: string }[] = await t.ds.query(
      `SELECT f.marking, f.component_id FROM component_finding f
         JOIN component c ON c.id = f.component_id
        WHERE f.marking IS NOT NULL AND c.part_number NOT LIKE 'UNIDENTIFIED %'
        ORDER BY f.marking`,
    );
    expect(findings.length).toBeGreaterThanOrEqual(MARKINGS.length);
    const answers = await traceAll(findings.map((f) => f.marking));
    expect(answers.map((a, i) => [findings[i].marking, a.component.id])).toEqual(
      findings.map((f) => [f.marking, f.component_id]),
    );
  });

  it('answers NOT_FOUND for an unknown part, with the nearest known part numbers', async () => {
    const res = await trace({ partNumber: 'TMS320F28336' });
    expect(res.data).toBeNull();
    expect(res.errors).toHaveLength(1);
    const { code, nearest } = res.errors![0].extensions as {
      code: string;
      nearest: {
        componentId: string;
        partNumber: string;
        manufacturer: string;
        similarity: number;
      }[];
    };
    expect(code).toBe('NOT_FOUND');
    expect(res.errors![0].message).toContain('TMS320F28336');
    expect(nearest.length).toBeGreaterThanOrEqual(1);
    expect(nearest.length).toBeLessThanOrEqual(5);
    expect(nearest[0]).toEqual({
      componentId: expect.any(String),
      partNumber: 'TMS320F28335PGFA',
      manufacturer: 'Texas Instruments',
      similarity: expect.any(Number),
    });
    expect(nearest[0].similarity).toBeGreaterThanOrEqual(0.3);
    expect(nearest[0].similarity).toBeLessThan(1);
    const similarities = nearest.map((n) => n.similarity);
    expect(similarities).toEqual([...similarities].sort((a, b) => b - a));
  });

  it('compares an unknown marking by the part number read from it too', async () => {
    const res = await trace({ partNumber: 'MAXIM MAX3222 EAE 2102' });
    expect(res.errors![0].extensions.code).toBe('NOT_FOUND');
    const nearest = res.errors![0].extensions.nearest as { partNumber: string }[];
    expect(nearest.map((n) => n.partNumber)).toContain('MAX3221EAE');
  });

  it('answers NOT_FOUND with no nearest part when none is alike', async () => {
    const res = await trace({ partNumber: 'QQQQQQQQ' });
    expect(res.errors![0].extensions).toEqual({ code: 'NOT_FOUND', nearest: [] });
  });

  it('never takes a catalogued part number under 5 characters as the start of a marking', async () => {
    // 226D is catalogued: as the whole text, or as the parser reads it, it is found ...
    expect((await trace({ partNumber: '226D 98LU1' })).data.traceComponent.component).toEqual({
      id: expect.any(String),
      partNumber: '226D',
    });
    // ... but 226DX only starts with it, and 4 characters are too few to say it is that part.
    expect((await trace({ partNumber: '226DX' })).errors![0].extensions.code).toBe('NOT_FOUND');
  });

  it('prefers a live part to an archived one, and asks for an id when two parts share a number', async () => {
    const makers: { id: string }[] = await t.ds.query(
      `INSERT INTO organization (name, normalized_name, country)
       VALUES ('Trace Maker One', 'trace maker one', 'US'), ('Trace Maker Two', 'trace maker two', 'JP'),
              ('Trace Maker Three', 'trace maker three', 'DE')
       RETURNING id`,
    );
    const [archived, live] = await t.ds.query(
      `INSERT INTO component (manufacturer_id, part_number, normalized_part_number, archived_at)
       VALUES ($1, 'DUP-77', 'DUP77', now()), ($2, 'DUP77', 'DUP77', NULL) RETURNING id`,
      [makers[0].id, makers[1].id],
    );
    const one = await trace({ partNumber: 'dup 77' });
    expect(one.errors).toBeUndefined();
    expect(one.data.traceComponent.component.id).toBe(live.id);
    expect(one.data.traceComponent.component.id).not.toBe(archived.id);

    const [other] = await t.ds.query(
      `INSERT INTO component (manufacturer_id, part_number, normalized_part_number)
       VALUES ($1, 'DUP-77', 'DUP77') RETURNING id`,
      [makers[2].id],
    );
    const two = await trace({ partNumber: 'DUP77' });
    expect(two.errors![0].extensions.code).toBe('BAD_USER_INPUT');
    expect(
      (two.errors![0].extensions.candidates as { componentId: string }[])
        .map((c) => c.componentId)
        .sort(),
    ).toEqual([live.id, other.id].sort());
  });

  it.each([
    ['neither argument', {}, ['partNumber', 'componentId']],
    [
      'both arguments',
      { partNumber: 'LM5176', componentId: '00000000-0000-4000-8000-000000000000' },
      ['partNumber', 'componentId'],
    ],
    ['a part number of punctuation only', { partNumber: ' -./ ' }, ['partNumber']],
    ['an empty part number', { partNumber: '' }, ['partNumber']],
    ['a part number over 200 characters', { partNumber: 'A'.repeat(201) }, ['partNumber']],
    ['an id that is no UUID', { componentId: 'tms320' }, ['componentId']],
  ])('refuses %s as BAD_USER_INPUT', async (_what, vars, fields) => {
    const res = await trace(vars);
    expect(res.data).toBeNull();
    expect(res.errors![0].extensions.code).toBe('BAD_USER_INPUT');
    const named = (res.errors![0].extensions.fields as { field: string }[]).map((f) => f.field);
    expect(named).toEqual(fields);
  });

  it('answers NOT_FOUND for an unknown component id', async () => {
    const res = await trace({ componentId: '00000000-0000-4000-8000-000000000000' });
    expect(res.errors![0].extensions.code).toBe('NOT_FOUND');
  });
});
