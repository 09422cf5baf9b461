import type { Random } from './random.js';

const digits = (random: Random, n: number, first = ''): string => {
  let out = first;
  while (out.length < n) out += String(random.int(0, 9));
  return out;
};

const INN_WEIGHTS = [2, 4, 10, 3, 5, 9, 4, 6, 8];

/**
 * A ten-digit Russian INN of a legal entity whose check digit is deliberately wrong: it has the
 * shape of a real one and can belong to no real company.
 */
export function fictionalInn(random: Random): string {
  const body = digits(random, 9, random.pick(['77', '78', '50', '66', '54', '16', '23', '52']));
  const check = (INN_WEIGHTS.reduce((sum, w, i) => sum + w * Number(body[i]), 0) % 11) % 10;
  return body + String((check + random.int(1, 9)) % 10);
}

/** Whether a ten-digit INN's check digit is right (tests use it to show ours never are). */
export function innChecksumValid(inn: string): boolean {
  if (!/^\d{10}$/.test(inn)) return false;
  const check = (INN_WEIGHTS.reduce((sum, w, i) => sum + w * Number(inn[i]), 0) % 11) % 10;
  return check === Number(inn[9]);
}

const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** Registry identifiers by country, in the shapes of the national registers (values invented). */
const REGISTERS: Record<string, (random: Random) => [string, string][]> = {
  RU: (r) => [
    ['ru_inn', fictionalInn(r)],
    ...(r.chance(0.5) ? [['ru_ogrn', digits(r, 13, '1')] as [string, string]] : []),
  ],
  BY: (r) => [['by_unp', digits(r, 9, String(r.int(1, 7)))]],
  IR: (r) => [['ir_national_id', digits(r, 11, '10')]],
  KZ: (r) => [['kz_bin', digits(r, 12, String(r.int(0, 2)))]],
  KG: (r) => [['kg_inn', digits(r, 14, '0')]],
  UZ: (r) => [['uz_inn', digits(r, 9, '3')]],
  AM: (r) => [['am_tin', digits(r, 8, '0')]],
  GE: (r) => [['ge_id', digits(r, 9, '4')]],
  HK: (r) => [['hk_cr', digits(r, 7, String(r.int(1, 3)))]],
  CN: (r) => [
    [
      'cn_uscc',
      '91' +
        digits(r, 6, '44') +
        Array.from({ length: 10 }, () => r.pick([...USCC_CHARS])).join(''),
    ],
  ],
  AE: (r) => [['ae_license', digits(r, 6, '7')]],
  TR: (r) => [['tr_vkn', digits(r, 10)]],
  SG: (r) => [['sg_uen', digits(r, 9, '20') + r.pick([...'CDEGHKMNRWZ'])]],
  RS: (r) => [['rs_mb', digits(r, 8, '2')]],
};

/** The identifiers a company of that country is registered under, or none where we model none. */
export const registrationIds = (country: string, random: Random): [string, string][] =>
  REGISTERS[country]?.(random) ?? [];
