import type { LineChecker } from '../field-checks.js';

/** A `;`-separated list of a line: `a; b;;c` is `['a', 'b', 'c']`. */
export const splitList = (v: string | null | undefined): string[] =>
  v
    ? v
        .split(';')
        .map((x) => x.trim())
        .filter(Boolean)
    : [];

/**
 * The `register=number` pairs of a line (`hk_cr=3141592;ru_inn=7701234567`) as the JSON object to stage,
 * registers in lower case; records an error and answers `undefined` when a pair is malformed.
 */
export function stageRegistrationIds(
  c: LineChecker,
  column = 'registration_ids',
): string | undefined {
  const ids: Record<string, string> = {};
  for (const pair of splitList(c.text(column))) {
    const [key, value] = pair.split('=').map((x) => x?.trim());
    if (!key || !value || !/^[a-z][a-z0-9_]{0,39}$/i.test(key)) {
      return c.reject(column, `${column} must be register=number pairs separated by ;`);
    }
    ids[key.toLowerCase()] = value;
  }
  return JSON.stringify(ids);
}
