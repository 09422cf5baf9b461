import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { isUUID, Matches, registerDecorator, type ValidationOptions } from 'class-validator';

const upper = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.trim().toUpperCase() : value;
const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** Trims surrounding spaces from a string input. */
export const Trim = () => Transform(trim);

/** A UUID in any letter case, trimmed and lower-cased as Postgres writes it; else null. */
export const normalizeId = (value: unknown): string | null => {
  if (typeof value !== 'string') return null;
  const id = value.trim().toLowerCase();
  return isUUID(id) ? id : null;
};

/**
 * The one validator of every id input (`ParseIdPipe` for id arguments): a UUID in any letter case,
 * lower-cased, so services compare ids as they are stored and never lower-case by hand.
 */
export const IsId = (options: ValidationOptions = {}) =>
  applyDecorators(
    Transform(({ value }: { value: unknown }) =>
      Array.isArray(value)
        ? value.map((v: unknown) => normalizeId(v) ?? v)
        : (normalizeId(value) ?? value),
    ),
    Matches(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, {
      message: options.each ? 'each of $property must be a UUID' : '$property must be a UUID',
      ...options,
    }),
  );

/** ISO 3166-1 alpha-2, any case in, upper case out. Whether it exists is checked against `country`. */
export const IsCountryCode = () =>
  applyDecorators(
    Transform(upper),
    Matches(/^[A-Z]{2}$/, { message: '$property must be a two-letter ISO 3166-1 country code' }),
  );

/** A 6-digit HS code; `8542.31` and `8542 31` are accepted as `854231`. */
export const IsHsCode = () =>
  applyDecorators(
    Transform(({ value }: { value: unknown }) =>
      typeof value === 'string' ? value.replace(/[\s.]/g, '') : value,
    ),
    Matches(/^\d{6}$/, { message: '$property must be a 6-digit HS code' }),
  );

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar date `YYYY-MM-DD` that exists. */
export function IsCalendarDate(options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isCalendarDate',
      target: target.constructor,
      propertyName,
      options: { message: '$property must be a date written YYYY-MM-DD', ...options },
      validator: {
        validate: (value: unknown) => {
          const m = typeof value === 'string' ? DAY.exec(value) : null;
          if (!m) return false;
          const d = new Date(`${value as string}T00:00:00Z`);
          return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(value as string);
        },
      },
    });
}

/** A date (`YYYY-MM-DD`) or time that is not after now: events cannot be reported before they happen. */
export function NotInFuture(options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'notInFuture',
      target: target.constructor,
      propertyName,
      options: { message: '$property must not be in the future', ...options },
      validator: {
        validate: (value: unknown) => {
          if (value === null || value === undefined) return true;
          if (!(value instanceof Date) && typeof value !== 'string') return false;
          const at =
            typeof value === 'string' && DAY.test(value)
              ? new Date(`${value}T00:00:00Z`)
              : new Date(value);
          return !Number.isNaN(at.getTime()) && at.getTime() <= Date.now();
        },
      },
    });
}
