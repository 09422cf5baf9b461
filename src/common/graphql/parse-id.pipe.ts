import { type ArgumentMetadata, Injectable, type PipeTransform } from '@nestjs/common';
import { AppError } from '../errors.js';
import { normalizeId } from '../validators.js';

/** An `ID!` argument, checked and lower-cased as `IsId` does for id fields of inputs. */
@Injectable()
export class ParseIdPipe implements PipeTransform<unknown, string> {
  transform(value: unknown, metadata: ArgumentMetadata): string {
    const id = normalizeId(value);
    if (id) return id;
    const field = metadata.data ?? 'id';
    throw AppError.badInput(`${field} must be a UUID`, [
      { field, messages: [`${field} must be a UUID`] },
    ]);
  }
}
