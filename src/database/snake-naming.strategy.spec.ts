import { snakeCase, SnakeNamingStrategy } from './snake-naming.strategy.js';

describe('SnakeNamingStrategy', () => {
  const s = new SnakeNamingStrategy();
  it.each([
    ['manufacturerId', 'manufacturer_id'],
    ['normalizedPartNumber', 'normalized_part_number'],
    ['valueUsd', 'value_usd'],
    ['sha256', 'sha256'],
    ['HTTPRequestId', 'http_request_id'],
  ])('%s -> %s', (input, expected) => expect(snakeCase(input)).toBe(expected));

  it('keeps explicit names and snake-cases embedded prefixes', () => {
    expect(s.columnName('createdAt', undefined, [])).toBe('created_at');
    expect(s.columnName('x', 'given_name', [])).toBe('given_name');
    expect(s.columnName('city', undefined, ['address'])).toBe('address_city');
  });
});
