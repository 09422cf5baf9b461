import { DAYS, FIRST_DATE, LAST_DATE, dateOf, dayOf, rowsPerDay } from './calendar.js';

describe('calendar', () => {
  it('counts the days of 2021–2025 and converts both ways', () => {
    expect(DAYS).toBe(1826);
    expect(dateOf(0)).toBe(FIRST_DATE);
    expect(dateOf(DAYS - 1)).toBe(LAST_DATE);
    expect(dayOf('2024-02-29')).toBe(dayOf('2024-02-28') + 1);
    expect(dateOf(dayOf('2019-07-04'))).toBe('2019-07-04');
  });

  it('spreads rows over the days, exactly, fewer on weekends', () => {
    for (const total of [0, 1, 999, 1_000_000]) {
      const counts = rowsPerDay(total);
      expect(counts.reduce((a, b) => a + b, 0)).toBe(total);
      expect(counts.every((c) => c >= 0)).toBe(true);
    }
    const counts = rowsPerDay(1_000_000);
    const sunday = dayOf('2023-05-07');
    expect(counts[sunday]).toBeLessThan(counts[sunday + 1] / 2);
  });
});
