import { normalizeOrganizationName } from '../organizations/normalize-name.js';
import { NameFactory } from './names.js';
import { Random } from './random.js';
import { fictionalInn, innChecksumValid, registrationIds } from './registration.js';
import { transliterate } from './transliterate.js';

describe('transliterate', () => {
  it('writes Russian two ways', () => {
    expect(transliterate('Щукин Хим', 'bgn')).toBe('Shchukin Khim');
    expect(transliterate('Щукин Хим', 'informal')).toBe('Schukin Him');
    expect(transliterate('Южный Ясень', 'bgn')).toBe('Yuzhnyy Yasen');
    expect(transliterate('Южный Ясень', 'informal')).toBe('Iujnii Iasen');
    expect(transliterate('Елена', 'bgn')).toBe('Yelena');
    expect(transliterate('ООО «Вектор»', 'bgn')).toBe('OOO «Vektor»');
  });
});

describe('NameFactory', () => {
  const factory = new NameFactory(new Random(11, 'names'), ['Texas Instruments']);
  const make = (country: string, n = 300) =>
    Array.from({ length: n }, () => factory.make(country, 'trade'));

  it('writes a Russian company in Cyrillic and in two Latin spellings', () => {
    for (const org of make('RU', 50)) {
      const [name, cyrillic, english] = org.variants;
      expect(name).toMatch(/^(OOO|AO|ZAO|PAO) [A-Z]/);
      expect(cyrillic).toMatch(/^(ООО|АО|ЗАО|ПАО) «[А-Я]/);
      expect(org.aliases).toEqual([cyrillic]);
      expect(english).toMatch(/ (LLC|JSC|CJSC|PJSC)$/);
      const [, form, bgn] = /^(\S+) (.*)$/.exec(name) ?? [];
      expect(english.replace(/ \S+$/, '')).not.toBe(bgn); // the second spelling differs
      expect(form).toMatch(/^[A-Z]/);
      expect(org.variants.length).toBeGreaterThanOrEqual(4);
    }
  });

  it('uses the legal forms of each country, several spellings of one', () => {
    const forms = (country: string) =>
      make(country)
        .flatMap((o) => o.variants)
        .join('\n');
    const hk = forms('HK');
    for (const form of [' Limited', ' Ltd', 'Co., Limited', '有限公司']) expect(hk).toContain(form);
    expect(forms('KZ')).toMatch(/^TOO .*\n(.*\n)*ТОО «.*\n(.*\n)*.* LLP$/m);
    expect(forms('AE')).toMatch(/FZE/);
    expect(forms('TR')).toMatch(/Ltd\. Şti\./);
    expect(forms('TR')).toMatch(/LTD STI|LTD\. STI\./);
    expect(forms('CN')).toMatch(/Co\., Ltd\./);
    expect(forms('US')).toMatch(/Inc\./);
    expect(forms('DE')).toMatch(/GmbH/);
    expect(forms('IR')).toMatch(/Sherkat-e /);
    expect(forms('ID')).toMatch(/^PT /m);
  });

  it('writes names in capitals and with abbreviations too', () => {
    const variants = make('SG').flatMap((o) => o.variants.slice(1));
    expect(variants.some((v) => v === v.toUpperCase())).toBe(true);
    expect(variants.some((v) => /Trdg|Int'l|Elec\.|Tech\.|Comp\./.test(v))).toBe(true);
  });

  it('gives every company its own name, none a real manufacturer', () => {
    const all = ['RU', 'HK', 'CN', 'TR', 'IR', 'AE', 'KZ', 'US', 'VN'].flatMap((c) => make(c, 200));
    const keys = all.map((o) => normalizeOrganizationName(o.name));
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.some((k) => k.includes('texas instruments'))).toBe(false);
    for (const org of all) {
      expect(org.variants[0]).toBe(org.name);
      expect(new Set(org.variants).size).toBe(org.variants.length);
      expect(org.variants.every((v) => !/[;\n]/.test(v))).toBe(true);
    }
  });
});

describe('registration ids', () => {
  it('gives Russian INNs of the right shape and a wrong check digit', () => {
    const random = new Random(5);
    for (let i = 0; i < 500; i++) {
      const inn = fictionalInn(random);
      expect(inn).toMatch(/^\d{10}$/);
      expect(innChecksumValid(inn)).toBe(false);
    }
    expect(innChecksumValid('7707083893')).toBe(true); // a published INN, to check the checker
    expect(registrationIds('HK', random)).toEqual([['hk_cr', expect.stringMatching(/^\d{7}$/)]]);
    expect(registrationIds('VN', random)).toEqual([]);
  });
});
