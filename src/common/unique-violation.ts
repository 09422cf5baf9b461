import { QueryFailedError } from 'typeorm';

/** A write refused by a unique constraint (SQLSTATE 23505): two writers raced for one key. */
export const isUniqueViolation = (error: unknown): boolean =>
  error instanceof QueryFailedError && (error.driverError as { code?: string }).code === '23505';
