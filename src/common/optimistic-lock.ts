import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { AppError, ErrorCode } from './errors.js';

/**
 * Optimistic locking, shared by every update: the row is locked, its version compared with the one
 * the client read (`expectedVersion`), and only then changed; TypeORM bumps `version` and
 * `updated_at`. A stale version is CONFLICT (with the current version), an unknown id NOT_FOUND.
 * Runs inside the caller's transaction; answers the row before and after, for the audit trail.
 */
export async function updateVersioned<E extends ObjectLiteral & { id: string; version: number }>(
  em: EntityManager,
  entity: EntityTarget<E>,
  what: string,
  id: string,
  expectedVersion: number,
  changes: Partial<E>,
): Promise<{ before: E; after: E }> {
  const repo = em.getRepository(entity);
  const before = await repo
    .createQueryBuilder('t')
    .setLock('pessimistic_write')
    .where('t.id = :id', { id })
    .getOne();
  if (!before) throw AppError.notFound(what, id);
  if (before.version !== expectedVersion) {
    throw new AppError(
      ErrorCode.CONFLICT,
      `${what} ${id} has changed since version ${expectedVersion} (now ${before.version}): read it again`,
      { currentVersion: before.version },
    );
  }
  await repo.createQueryBuilder().update().set(changes).where('id = :id', { id }).execute();
  const after = await repo.findOneByOrFail({ id } as never);
  return { before, after };
}
