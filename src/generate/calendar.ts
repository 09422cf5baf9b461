/** The generated period, 2021-01-01 to 2025-12-31, counted in days from its first day (day 0). */
export const FIRST_DATE = '2021-01-01';
export const LAST_DATE = '2025-12-31';

const DAY_MS = 86_400_000;
const EPOCH = Date.parse(`${FIRST_DATE}T00:00:00Z`);

/** Day number of a `YYYY-MM-DD` date (negative before 2021). */
export const dayOf = (date: string): number =>
  Math.round((Date.parse(`${date}T00:00:00Z`) - EPOCH) / DAY_MS);

export const DAYS = dayOf(LAST_DATE) + 1;
/** Russia's full-scale invasion of Ukraine (2022-02-24); after it the export bans widened. */
export const INVASION_DAY = dayOf('2022-02-24');

const DATES = Array.from({ length: DAYS }, (_, day) =>
  new Date(EPOCH + day * DAY_MS).toISOString().slice(0, 10),
);

/** `YYYY-MM-DD` of a day number, inside the period or outside it. */
export const dateOf = (day: number): string =>
  day >= 0 && day < DAYS ? DATES[day] : new Date(EPOCH + day * DAY_MS).toISOString().slice(0, 10);

/** Relative customs activity of a day: fewer declarations on weekends, trade growing by the year. */
function activity(day: number): number {
  const date = new Date(EPOCH + day * DAY_MS);
  const weekday = date.getUTCDay();
  const weekend = weekday === 6 ? 0.35 : weekday === 0 ? 0.2 : 1;
  return weekend * (0.85 + 0.06 * (date.getUTCFullYear() - 2021));
}

/** How many of `total` rows fall on each day of the period, summing exactly to `total`. */
export function rowsPerDay(total: number): Int32Array {
  const weights = Array.from({ length: DAYS }, (_, day) => activity(day));
  const sum = weights.reduce((a, b) => a + b, 0);
  const counts = new Int32Array(DAYS);
  let cumulative = 0;
  let assigned = 0;
  weights.forEach((weight, day) => {
    cumulative += weight;
    const upTo = Math.round((total * cumulative) / sum);
    counts[day] = upTo - assigned;
    assigned = upTo;
  });
  counts[DAYS - 1] += total - assigned;
  return counts;
}
