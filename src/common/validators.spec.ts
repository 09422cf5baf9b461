import { plainToInstance } from 'class-transformer';
import { IsOptional, validateSync } from 'class-validator';
import { IsCalendarDate, IsCountryCode, IsHsCode, NotInFuture } from './validators.js';

class Sample {
  @IsOptional() @IsCountryCode() country?: string;
  @IsOptional() @IsHsCode() hsCode?: string;
  @IsOptional() @IsCalendarDate() @NotInFuture() shippedOn?: string;
  @IsOptional() @NotInFuture() occurredAt?: Date;
}

const check = (plain: object) => {
  const s = plainToInstance(Sample, plain);
  return { value: s, failed: validateSync(s).map((e) => e.property) };
};

describe('domain validators', () => {
  it('normalizes and accepts good values', () => {
    const { value, failed } = check({
      country: ' hk ',
      hsCode: '8542.31',
      shippedOn: '2023-02-28',
    });
    expect(failed).toEqual([]);
    expect(value).toMatchObject({ country: 'HK', hsCode: '854231' });
  });

  it.each([
    [{ country: 'HKG' }, 'country'],
    [{ country: 'H1' }, 'country'],
    [{ hsCode: '85423' }, 'hsCode'],
    [{ hsCode: '8542311' }, 'hsCode'],
    [{ shippedOn: '2023-02-30' }, 'shippedOn'],
    [{ shippedOn: '28/02/2023' }, 'shippedOn'],
    [{ shippedOn: '2999-01-01' }, 'shippedOn'],
    [{ occurredAt: new Date(Date.now() + 3_600_000) }, 'occurredAt'],
  ])('rejects %j', (plain, field) => {
    expect(check(plain).failed).toEqual([field]);
  });
});
