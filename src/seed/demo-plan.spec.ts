import { ComponentCategory } from '../components/component.enums.js';
import { VerificationStatus } from '../findings/finding.enums.js';
import { readDataCsv } from './csv.js';
import { planParts, splitManufacturer, type ComponentReportRow } from './demo-parts.js';
import { planStrikes, type StrikeReportRow } from './demo-strikes.js';
import { DEMO_SHIPMENT_SOURCE, planSynthetic } from './demo-synthetic.js';

const counter = () => {
  let n = 0;
  return () => `id-${++n}`;
};

function plan() {
  const newId = counter();
  const rows = readDataCsv<keyof ComponentReportRow>('shahed-components.csv');
  const parts = planParts(rows, 'shahed-136', newId);
  const synthetic = planSynthetic(parts.components, parts.organizations, newId);
  return { rows, parts, synthetic };
}

describe('demo dataset plan', () => {
  const { rows, parts, synthetic } = plan();
  const orgByName = new Map(parts.organizations.map((o) => [o.name, o]));
  const orgById = new Map(
    [...parts.organizations, ...synthetic.organizations].map((o) => [o.id, o]),
  );

  it('splits a predecessor from the company that absorbed it', () => {
    expect(splitManufacturer('Maxim Integrated (ADI)')).toEqual({
      name: 'Maxim Integrated',
      owner: 'Analog Devices',
    });
    expect(splitManufacturer('Texas Instruments')).toEqual({
      name: 'Texas Instruments',
      owner: null,
    });
  });

  it('has one finding and one evidence record per published row, and fewer components', () => {
    expect(rows).toHaveLength(61);
    expect(parts.findings).toHaveLength(61);
    expect(parts.evidence).toHaveLength(61);
    expect(parts.links).toHaveLength(61);
    expect(parts.components).toHaveLength(57); // TMS320F28335PGFA x3, ADXL357B x2, STM32F405RGT6 x2
    const tms = parts.components.filter((c) => c.partNumber === 'TMS320F28335PGFA');
    expect(tms).toHaveLength(1);
    expect(parts.findings.filter((f) => f.componentId === tms[0].id)).toHaveLength(3);
  });

  it('records corporate lineage and creates the owners the file only names', () => {
    const id = (name: string) => orgByName.get(name)?.id;
    expect(orgByName.get('National Semiconductor')?.successorId).toBe(id('Texas Instruments'));
    expect(orgByName.get('Linear Technology')?.successorId).toBe(id('Analog Devices'));
    expect(orgByName.get('Maxim Integrated')?.successorId).toBe(id('Analog Devices'));
    expect(orgByName.get('International Rectifier')?.successorId).toBe(id('Infineon'));
    expect(orgByName.get('Xilinx')?.successorId).toBe(id('AMD'));
    expect(orgByName.get('Altera')?.parentId).toBe(id('Intel'));
    expect(orgByName.get('Tallysman')?.parentId).toBe(id('Calian'));
    expect(orgByName.get('Calian')?.country).toBe('CA');
    expect(orgByName.get('Raspberry Pi Ltd')?.country).toBeNull();
    expect(parts.organizations).toHaveLength(36);
  });

  it('names parts without a published part number as unidentified, never inventing one', () => {
    const unidentified = parts.components.filter((c) => c.partNumber.startsWith('UNIDENTIFIED'));
    expect(unidentified.map((c) => [orgById.get(c.manufacturerId)?.name, c.partNumber])).toEqual([
      ['Xilinx', 'UNIDENTIFIED FPGA'],
      ['Hemisphere GNSS', 'UNIDENTIFIED GNSS'],
      ['Aura Semiconductor', 'UNIDENTIFIED OTHER'],
    ]);
    expect(unidentified.every((c) => c.description.includes('did not publish'))).toBe(true);
    expect(unidentified[1].category).toBe(ComponentCategory.GNSS);
  });

  it('grades each row by its certainty and keeps its note in the claim', () => {
    const byStatus = (s: VerificationStatus) =>
      parts.findings.filter((f) => f.verificationStatus === s).length;
    const { VERIFIED, REPORTED, DISPUTED } = VerificationStatus;
    expect(byStatus(VERIFIED) + byStatus(REPORTED) + byStatus(DISPUTED)).toBe(61);
    expect(byStatus(VERIFIED)).toBe(rows.filter((r) => r.certainty === 'H').length);
    const i = rows.findIndex((r) => r.source_id === 'gur-4896');
    expect(parts.findings[i]).toMatchObject({ dateCode: '2207', sampleRef: 'geran2-391' });
    expect(parts.evidence[i]).toMatchObject({
      title: 'GUR War & Sanctions, component 4896: ADXL 357B #2207',
      informationCredibility: 3,
      sourceUrl: 'https://war-sanctions.gur.gov.ua/en/components/4896',
    });
    expect(parts.links[i].claim).toBe(
      'ADXL 357B #2207 (Analog Devices) recovered from geran2-391; "#2207" looks like a date code',
    );
  });

  it('marks every invented record synthetic and numbers shipments in date order', () => {
    expect(synthetic.organizations.every((o) => o.synthetic && o.name.includes('Demo'))).toBe(true);
    const { shipments } = synthetic;
    expect(shipments.length).toBeGreaterThanOrEqual(30);
    expect(shipments.every((s) => s.synthetic && s.source === DEMO_SHIPMENT_SOURCE)).toBe(true);
    expect(shipments.map((s) => s.sourceRecordId)).toEqual(
      shipments.map((_, i) => `demo-${String(i + 1).padStart(4, '0')}`),
    );
    const dates = shipments.map((s) => String(s.shippedOn));
    expect(dates).toEqual([...dates].sort());
    expect(dates.every((d) => d >= '2022-01-01' && d <= '2024-12-31')).toBe(true);
  });

  it('ships real parts from their makers through traders to RU and IR, with decoys', () => {
    const { shipments } = synthetic;
    for (const s of shipments) {
      const exporter = orgById.get(String(s.exporterId));
      const importer = orgById.get(String(s.importerId));
      expect([s.exportCountry, s.importCountry]).toEqual([exporter?.country, importer?.country]);
      const component = parts.components.find((c) => c.id === s.componentId);
      expect(s.hsCode).toBe(component?.hsCode);
      expect(s.originCountry).toBe(orgById.get(component!.manufacturerId)?.country);
    }
    const ti = orgByName.get('Texas Instruments')!.id;
    const twoHop = shipments.filter((s) => s.exporterId === ti && s.importCountry === 'HK');
    expect(twoHop.length).toBeGreaterThan(0);
    const onward = shipments.find(
      (s) => s.exporterId === twoHop[0].importerId && s.componentId === twoHop[0].componentId,
    );
    expect(onward?.importCountry).toBe('RU');
    const days =
      (Date.parse(String(onward?.shippedOn)) - Date.parse(String(twoHop[0].shippedOn))) / 864e5;
    expect(days).toBeGreaterThan(0);
    expect(days).toBeLessThanOrEqual(30);
    expect(shipments.some((s) => s.importCountry === 'CL')).toBe(true);
  });

  it('generates the same rows on every run', () => {
    const again = plan();
    expect(again.synthetic).toEqual(synthetic);
    expect(again.parts).toEqual(parts);
  });

  it('loads the reported strikes with their source and the synthetic ones labelled', () => {
    const weapons = new Map(
      ['Shahed-136', '152 mm artillery', 'KAB guided aerial bomb'].map((n) => [n, `w-${n}`]),
    );
    const strikes = planStrikes(
      readDataCsv<keyof StrikeReportRow>('strike-reports.csv'),
      weapons,
      counter(),
    );
    const real = strikes.strikes.filter((s) => !s.synthetic);
    expect(real.map((s) => [s.place, s.weaponSystemId, s.killed, s.injured])).toEqual([
      ['Krasnohorivka', 'w-152 mm artillery', 2, 3],
      ['Kostiantynivka', 'w-KAB guided aerial bomb', 0, 3],
    ]);
    expect(strikes.evidence).toHaveLength(2);
    const fake = strikes.strikes.filter((s) => s.synthetic);
    expect(fake.length).toBeGreaterThanOrEqual(5);
    expect(fake.every((s) => String(s.summary).startsWith('Synthetic demo record.'))).toBe(true);
    expect(fake.every((s) => s.weaponSystemId === 'w-Shahed-136' && s.country === 'UA')).toBe(true);
  });
});
