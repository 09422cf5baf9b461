import { normalizeOrganizationName } from './normalize-name.js';

describe('normalizeOrganizationName', () => {
  it.each([
    ['Texas Instruments', 'texas instruments'],
    ['Texas Instruments Incorporated', 'texas instruments'],
    ['CTS Corporation', 'cts'],
    ['u-blox AG', 'u blox'],
    ['ams-OSRAM', 'ams osram'],
    ['KYOCERA AVX', 'kyocera avx'],
    ['Raspberry Pi Ltd', 'raspberry pi'],
    ['Shenzhen Example Electronics Co., Ltd.', 'shenzhen example electronics'],
    ['Example Trading Co., Limited', 'example trading'],
    ['Société Générale S.A.', 'societe generale'],
    ['Müller Elektronik GmbH & Co. KG', 'muller elektronik'],
    ['OOO Vektor', 'vektor'],
    ['ООО «Вектор»', 'вектор'],
    ['  Hitec   Group USA ', 'hitec group usa'],
    ['Limited', 'limited'],
  ])('%s -> %s', (input, expected) => expect(normalizeOrganizationName(input)).toBe(expected));

  it('gives the same key for the same name written differently', () => {
    expect(normalizeOrganizationName('NXP Semiconductors N.V.')).toBe(
      normalizeOrganizationName('nxp semiconductors'),
    );
  });
});
