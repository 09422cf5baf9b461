import { type Manufacturer, MakerNames } from './maker-names.js';
import { normalizeOrganizationName as norm } from '../organizations/normalize-name.js';

const maker = (name: string, country: string | null, aliases: string[]): Manufacturer => ({
  name,
  norm: norm(name),
  country,
  aliases,
});

describe('MakerNames', () => {
  const names = MakerNames.of([
    maker('Infineon', 'DE', ['Infineon Technologies AG']),
    maker('ISSI', 'US', ['Integrated Silicon Solution, Inc.', 'Shared Name Corp']),
    maker('Other Maker', 'US', ['Shared Name Inc.', 'ISSI']),
    maker('Raspberry Pi Ltd', null, ['Raspberry Pi Trading']),
  ]);

  it('finds a manufacturer by one of its aliases, normalized alike', () => {
    expect(names.maker(norm('INFINEON TECHNOLOGIES AG'))).toMatchObject({
      name: 'Infineon',
      norm: 'infineon',
    });
    expect(names.maker(norm('Integrated Silicon Solution Inc'))?.name).toBe('ISSI');
    expect(names.maker(norm('Infineon'))).toBeUndefined(); // its own name: found as it is
    expect(names.maker(null)).toBeUndefined();
  });

  it('lets a manufacturer keep its own name, and lets no one have an alias two share', () => {
    expect(names.maker('issi')).toBeUndefined();
    expect(names.maker(norm('Shared Name'))).toBeUndefined();
  });

  it('finds a placed name only in the manufacturer’s own country', () => {
    expect(names.placed(norm('Infineon Technologies AG'), 'DE')?.name).toBe('Infineon');
    expect(names.placed(norm('Infineon Technologies AG'), 'US')).toBeUndefined();
    expect(names.placed(norm('Infineon Technologies AG'), null)).toBeUndefined();
    expect(names.placed(norm('Raspberry Pi Trading'), null)?.name).toBe('Raspberry Pi Ltd');
  });
});
