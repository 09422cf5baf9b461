import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { dataFile } from '../common/project-root.js';
import { parseMarking } from './marking.js';

/** Every row of data/shahed-components.csv: source id, raw marking, part number, date code. */
const EXPECTED: [string, string, string | null, string | null][] = [
  ['gur-4923', 'TMS320 F28335PGFA', 'TMS320F28335PGFA', null],
  ['gur-3630', 'TMS320F28335PGFA G4A-17CHCHW', 'TMS320F28335PGFA', null],
  ['gur-674', 'TMS320 F28335PGFA G4A-17C76FW', 'TMS320F28335PGFA', null],
  ['gur-4975', 'LM5176 26T A6Z8', 'LM5176', null],
  ['gur-4897', 'VP230 26M AJ1T', 'SN65HVD230', null],
  ['gur-3597', 'TM4C1230 (E6PMI7 89C9R9W)', 'TM4C1230', null],
  ['gur-3598', 'LMZM33604 (03WD76C)', 'LMZM33604', null],
  ['gur-4915', 'PS767D301 24T A7ZN', 'TPS767D301', null],
  ['gur-4930', 'LM5117 PMH', 'LM5117PMH', null],
  ['gur-4896', 'ADXL 357B #2207', 'ADXL357B', '2207'],
  ['gur-4781', 'ADXL 357B #2137', 'ADXL357B', '2137'],
  ['gur-4072', 'AD9517-4ABCPZ', 'AD9517-4ABCPZ', null],
  ['gur-3591', 'AD9517-3 (ABCPZ #2046 …)', 'AD9517-3', '2046'],
  ['gur-4074', 'AD 9755', 'AD9755', null],
  ['gur-4070', 'ADT7310', 'ADT7310', null],
  ['gur-3695', 'REF195E', 'REF195E', null],
  ['gur-4073', 'LTM4613V', 'LTM4613V', null],
  ['gur-4069', 'LTC2174 UKG-14', 'LTC2174-14', null],
  ['gur-4789', 'MAXIM MAX3221 EAE 2102', 'MAX3221EAE', '2102'],
  ['gur-694', 'MAX3232 (EUE +116)', 'MAX3232', null],
  ['gur-4882', 'STM32F405 RGT6', 'STM32F405RGT6', null],
  ['gur-4779', 'STM32F405 RGT6 GQ205', 'STM32F405RGT6', null],
  ['gur-4916', 'STM32F030K6T6', 'STM32F030K6T6', null],
  ['gur-4908', 'STM32G071 CBT6', 'STM32G071CBT6', null],
  ['gur-4792', 'NEO-M8N / M8030-KT … 2118', 'NEO-M8N', '2118'],
  ['gur-4838', 'NEO-M9N / M9140-KB', 'NEO-M9N', null],
  ['gur-4511', 'M8030-K1', 'M8030-K1', null],
  ['gur-4068', 'u-blox M10Q', 'M10Q', null],
  ['gur-3717', 'ANN-MB-00-00', 'ANN-MB-00-00', null],
  ['gur-4510', 'MCIMX6L2EVN10AC', 'MCIMX6L2EVN10AC', null],
  ['gur-4351', 'MIMXRT1052 CVL5B', 'MIMXRT1052CVL5B', null],
  ['gur-4976', '031N08N5', 'IPB031N08N5', null],
  ['gur-4891', 'AUIRF4905S', 'AUIRF4905S', null],
  ['gur-4774', 'IRFB4321', 'IRFB4321', null],
  ['gur-3574', '82CNQ100ASM', '82CNQ100ASM', null],
  ['gur-4894', 'H11G1', 'H11G1', null],
  ['gur-6268', 'BNX023', 'BNX023', null],
  ['gur-4929', 'SiR180DP', 'SiR180DP', null],
  ['gur-4931', 'VBT3045CBP 2225E', 'VBT3045CBP', '2225'],
  ['gur-4509', 'D9WVC', 'D9WVC', null],
  ['gur-3686', 'Winbond 25Q16JVIQ 2217', 'W25Q16JVIQ', '2217'],
  ['gur-4345', 'IS25LP128 2130', 'IS25LP128', '2130'],
  ['gur-4067', 'Altera Cyclone V 5CEFA7F23I7N', '5CEFA7F23I7N', null],
  ['gur-4076', 'EPCQ64A', 'EPCQ64A', null],
  ['gur-4359', '(FPGA)', null, null],
  ['gur-5046', 'MP1495 IACEP', 'MP1495', null],
  ['gur-5454', 'SM712', 'SM712', null],
  ['gur-4356', 'SC4216', 'SC4216', null],
  ['gur-4918', 'CTS23CB3 50M000000 2226', 'CTS23CB3', '2226'],
  ['gur-4914', 'AS5600 1903RAM', 'AS5600', '1903'],
  ['gur-4812', 'TLP2361', 'TLP2361', null],
  ['gur-4934', 'MS27484T12B35S', 'MS27484T12B35S', null],
  ['gur-3595', '88E1111-BAB1', '88E1111-BAB1', null],
  ['gur-3571', '226D 98LU1', '226D', null],
  ['gur-4933', 'PIERBURG 7.21440.63.0', '7.21440.63.0', null],
  ['gur-3535', 'HS-1005SGT', 'HS-1005SGT', null],
  ['gur-3715', '11-0020-8', '11-0020-8', null],
  ['gur-3701', 'MCWI03-24S12', 'MCWI03-24S12', null],
  ['gur-3619', '', null, null],
  ['gur-6792', 'RASPBERRY PI 4 MODEL', 'Raspberry Pi 4 Model B', null],
  ['gur-5916', '', null, null],
];

describe('parseMarking', () => {
  it.each(EXPECTED)('%s: %j -> %s, date code %s', (_id, marking, partNumber, dateCode) => {
    expect(parseMarking(marking)).toEqual({ partNumber, dateCode });
  });

  it('covers every row of shahed-components.csv with its marking', () => {
    const rows = parse<Record<'source_id' | 'marking', string>>(
      readFileSync(dataFile('shahed-components.csv')),
      { columns: true, skip_empty_lines: true, trim: true },
    );
    expect(rows.map((r) => [r.source_id, r.marking])).toEqual(EXPECTED.map(([id, m]) => [id, m]));
  });

  it.each([
    [null, null, null],
    ['', null, null],
    ['   ', null, null],
    ['(FPGA)', null, null],
    ['LM5176', 'LM5176', null],
    ['AD 9720', 'AD9720', null], // a split part number is not a date code
    ['XC7A35T 1CPG236C', 'XC7A35T', null],
    ['Winbond 25Q128JVSQ 2031', 'W25Q128JVSQ', '2031'],
    ['NE555 2460', 'NE555', null], // week 60 is no week
  ])('%j -> %s, date code %s', (marking, partNumber, dateCode) => {
    expect(parseMarking(marking)).toEqual({ partNumber, dateCode });
  });
});
