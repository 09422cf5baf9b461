import type { EntityManager } from 'typeorm';
import { AppError, type FieldProblem } from '../common/errors.js';

type Fields = Record<string, string | null | undefined>;

const present = (fields: Fields) =>
  Object.entries(fields).filter((e): e is [string, string] => typeof e[1] === 'string');

/** Every country code given must exist in `country`; else BAD_USER_INPUT naming each field. */
export async function assertCountries(em: EntityManager, fields: Fields): Promise<void> {
  const given = present(fields);
  if (!given.length) return;
  const rows: { code: string }[] = await em.query('SELECT code FROM country WHERE code = ANY($1)', [
    [...new Set(given.map(([, code]) => code))],
  ]);
  const known = new Set(rows.map((r) => r.code));
  const problems: FieldProblem[] = given
    .filter(([, code]) => !known.has(code))
    .map(([field, code]) => ({
      field,
      messages: [`${field} ${code} is not an ISO 3166-1 country code`],
    }));
  if (problems.length) throw AppError.badInput('Unknown country code', problems);
}

/**
 * Every HS code given must be six digits in a real chapter (01–97). A new code is added to `hs_code`
 * without description or CHPL tier (the reference holds every code met in data).
 */
export async function ensureHsCodes(em: EntityManager, fields: Fields): Promise<void> {
  const given = present(fields);
  const problems: FieldProblem[] = given
    .filter(([, code]) => {
      const chapter = Number(code.slice(0, 2));
      return !/^\d{6}$/.test(code) || chapter < 1 || chapter > 97;
    })
    .map(([field, code]) => ({
      field,
      messages: [`${field} ${code} is not a 6-digit HS code of chapters 01–97`],
    }));
  if (problems.length) throw AppError.badInput('Invalid HS code', problems);
  if (!given.length) return;
  await em.query(
    'INSERT INTO hs_code (code) SELECT unnest($1::char(6)[]) ON CONFLICT (code) DO NOTHING',
    [[...new Set(given.map(([, code]) => code))]],
  );
}
