import { normalizePartNumber } from './part-number.js';

describe('normalizePartNumber', () => {
  it.each([
    ['tms320 f28335', 'TMS320F28335'],
    ['TMS320F28335PGFA', 'TMS320F28335PGFA'],
    ['NEO-M8N', 'NEOM8N'],
    ['7.21440.63.0', '721440630'],
    ['  ad9517-4abcpz ', 'AD95174ABCPZ'],
    ['ＡＤＸＬ３５７Ｂ', 'ADXL357B'],
  ])('%s -> %s', (input, expected) => expect(normalizePartNumber(input)).toBe(expected));
});
