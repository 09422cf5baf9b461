import fc from 'fast-check';

/** Strings that have broken services before: injections, encodings, edge lengths. */
export const NASTY_STRINGS = [
  '',
  ' ',
  '\t\n\r',
  "' OR '1'='1",
  "'; DROP TABLE organization; --",
  '1; SELECT pg_sleep(5)',
  '" OR ""="',
  '\\',
  '\\x00',
  '\u0000',
  'a\u0000b',
  '%00',
  '%',
  '%%',
  '_',
  '%_%',
  '${jndi:ldap://x/a}',
  '{{7*7}}',
  '<script>alert(1)</script>',
  '../../../../etc/passwd',
  '..%2f..%2fetc%2fpasswd',
  '$where',
  '{"$ne": 1}',
  '__proto__',
  'constructor',
  'toString',
  'null',
  'undefined',
  'NaN',
  'true',
  '-1',
  '1e309',
  '0x7fffffff',
  '\u202Eevil',
  '\uFEFFbom',
  'Z\u0351\u0368\u0365a\u0336\u0359lgo',
  '😀🇺🇦👩‍👩‍👧',
  'Ω≈ç√∫˜µ≤≥÷',
  'ООО «Ромашка»',
  '株式会社',
  'x'.repeat(10_000),
  'ü'.repeat(5_000),
];

/** Values that look like ids but are not, and ids of nothing. */
export const BAD_IDS = [
  '',
  '1',
  '-1',
  'abc',
  '00000000-0000-0000-0000-000000000000',
  '00000000-0000-4000-8000-000000000000',
  'FFFFFFFF-FFFF-4FFF-BFFF-FFFFFFFFFFFF',
  ' 00000000-0000-4000-8000-000000000000 ',
  '00000000-0000-4000-8000-00000000000',
  '00000000-0000-4000-8000-0000000000000',
  '00000000000040008000000000000000',
  '{00000000-0000-4000-8000-000000000000}',
  'g0000000-0000-4000-8000-000000000000',
  "00000000-0000-4000-8000-000000000000' OR '1'='1",
  '00000000-0000-4000-8000-000000000000\u0000',
  '1'.repeat(1000),
];

/** Date-times and dates that are not real, or not in the form asked for. */
export const BAD_DATES = [
  '',
  '0',
  '1',
  '-1',
  'now',
  'today',
  'March 7, 2024',
  '7/3/2024',
  '2024-02-30',
  '2024-02-30T00:00:00Z',
  '2023-02-29T00:00:00Z',
  '2024-13-01T00:00:00Z',
  '2024-00-10T00:00:00Z',
  '2024-01-32T00:00:00Z',
  '2024-01-01T24:00:01Z',
  '2024-01-01T23:60:00Z',
  '2024-01-01T00:00:00',
  '2024-01-01T00:00:00+25:00',
  '2024-01-01 00:00:00Z',
  '-000001-01-01T00:00:00Z',
  '+275760-09-13T00:00:00Z',
  '+275760-09-14T00:00:00Z',
  '0000-01-01T00:00:00Z',
  '9999-12-31T23:59:59.999999999Z',
  '2024-01-01T00:00:00.Z',
  '2024-W01-1',
  '2024-001',
  '20240101',
  '2024-1-1',
  '1e10',
  '1710000000',
  '1710000000000',
];

/** Cursors that were never given out, or were, for something else. */
export const BAD_CURSORS = [
  '',
  'x',
  '====',
  'eyJ9',
  Buffer.from('{}').toString('base64url'),
  Buffer.from('[]').toString('base64url'),
  Buffer.from('null').toString('base64url'),
  Buffer.from('{"o":"nope","v":[]}').toString('base64url'),
  Buffer.from('{"createdAt":"yesterday","id":"x"}').toString('base64url'),
  Buffer.from('{"createdAt":"2024-02-30T00:00:00Z","id":"1"}').toString('base64url'),
  Buffer.from('["\'; DROP TABLE x; --", 1e309]').toString('base64url'),
  Buffer.from('x'.repeat(2000)).toString('base64url'),
  'A'.repeat(100_000),
];

const odd = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 20 }).map((s) => s.repeat(2000)) },
);

/** A string for a field of this name: dates, ids, cursors, country codes get their own. */
export const stringFor = (name: string): fc.Arbitrary<string> => {
  if (name === 'after' || /cursor/i.test(name)) {
    return fc.oneof(fc.constantFrom(...BAD_CURSORS), odd);
  }
  if (/(^id$|Id$|Ids$)/.test(name)) {
    return fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...BAD_IDS) }, fc.uuid(), odd);
  }
  if (/(At|On|Date|date|^from$|^to$|[Ss]ince|[Uu]ntil|Before|After)$/.test(name)) {
    return fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...BAD_DATES) }, odd);
  }
  if (/country|Country/.test(name)) {
    return fc.oneof(fc.constantFrom('XX', 'ru', 'RUS', 'R', '12', 'ЯЯ', ''), odd);
  }
  return odd;
};

/** Numbers a 32-bit GraphQL Int, or a page size, cannot take. */
export const badNumber = fc.oneof(
  fc.constantFrom(0, -1, 101, 2 ** 31, -(2 ** 31) - 1, 2 ** 53, 1.5, -0, 1e308),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

/** Any JSON value, nested a little. */
export const anyJson = fc.jsonValue({ maxDepth: 4 });
