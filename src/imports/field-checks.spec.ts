import { LineChecker } from './field-checks.js';
import { WrongType } from './record-stream.js';
import { ErrorSink } from './row-error.js';

const timestamp = (value: string) => {
  const errors = new ErrorSink();
  const at = new LineChecker(errors, 2, { at: value }, new Set()).timestamp('at');
  return at ?? errors.errors[0].message;
};

describe('LineChecker.timestamp', () => {
  it('reads ISO 8601 with or without a zone; without one, and a date alone, are UTC', () => {
    expect(timestamp('2023-09-28T09:00:00Z')).toBe('2023-09-28T09:00:00.000Z');
    expect(timestamp('2023-09-28 12:00+03:00')).toBe('2023-09-28T09:00:00.000Z');
    expect(timestamp('2023-09-28T12:00:00.25+0300')).toBe('2023-09-28T09:00:00.250Z');
    expect(timestamp('2023-09-28T09:00')).toBe('2023-09-28T09:00:00.000Z');
    expect(timestamp('2023-09-28')).toBe('2023-09-28T00:00:00.000Z');
  });

  it('refuses what is not a real ISO date and time, or lies in the future', () => {
    for (const bad of [
      '2023',
      'March 5, 2023',
      '2023-02-30T10:00Z',
      '2023-09-28T24:00Z',
      '0000-01-01',
    ])
      expect(timestamp(bad)).toBe(`bad date and time ${JSON.stringify(bad)}: write ISO 8601`);
    expect(timestamp('2999-01-01T00:00Z')).toBe('at 2999-01-01T00:00Z is in the future');
  });
});

describe('LineChecker.text', () => {
  it('refuses a JSON value that is not text or a number, naming the column', () => {
    const errors = new ErrorSink();
    const check = new LineChecker(
      errors,
      3,
      { exporter_name: new WrongType('an object'), hs_code: new WrongType('true') },
      new Set(),
    );
    expect(check.text('exporter_name')).toBeUndefined();
    expect(check.hsCode('hs_code')).toBeUndefined();
    expect(check.ok).toBe(false);
    expect(errors.errors).toEqual([
      {
        line: 3,
        column: 'exporter_name',
        message: 'exporter_name must be text or a number, not an object',
      },
      { line: 3, column: 'hs_code', message: 'hs_code must be text or a number, not true' },
    ]);
  });
});
