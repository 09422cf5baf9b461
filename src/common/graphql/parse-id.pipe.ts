import { type ArgumentMetadata, Injectable, type PipeTransform } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { AppError } from '../errors.js';

/** An `ID!` argument must be a UUID: anything else is BAD_USER_INPUT, not a database error. */
@Injectable()
export class ParseIdPipe implements PipeTransform<unknown, string> {
  transform(value: unknown, metadata: ArgumentMetadata): string {
    if (typeof value === 'string' && isUUID(value)) return value.toLowerCase();
    const field = metadata.data ?? 'id';
    throw AppError.badInput(`${field} must be a UUID`, [
      { field, messages: [`${field} must be a UUID`] },
    ]);
  }
}
