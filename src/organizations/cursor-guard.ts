import { isUUID } from 'class-validator';
import { AppError } from '../common/errors.js';
import { decodeCursor } from '../common/graphql/cursor.js';

/** The SQL type of each value of a keyset cursor, in order. */
export type CursorKind = 'text' | 'date' | 'timestamp' | 'uuid';

const valid: Record<CursorKind, (v: unknown) => boolean> = {
  text: (v) => typeof v === 'string',
  date: (v) =>
    typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v)),
  timestamp: (v) =>
    typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(v) && !Number.isNaN(Date.parse(v)),
  uuid: (v) => typeof v === 'string' && isUUID(v),
};

/**
 * A cursor must hold values of the types its list compares them with: a cursor of another list
 * (or a hand-made one) would otherwise reach Postgres as a bad uuid or date, an error 500.
 * BAD_USER_INPUT on `after`, like a cursor that does not decode.
 */
export function guardCursor(after: string | undefined | null, kinds: CursorKind[]): void {
  if (!after) return;
  const values = decodeCursor(after, kinds.length);
  if (kinds.every((kind, i) => valid[kind](values[i]))) return;
  throw AppError.badInput('Invalid cursor: pass an `endCursor` from a previous page of this list', [
    { field: 'after', messages: ['after must be a cursor returned by this list'] },
  ]);
}
