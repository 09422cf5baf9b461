import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../auth/auth-user.js';
import { CustodyEventEntity } from './custody-event.entity.js';
import type { CustodyAction } from './evidence.enums.js';

/** Appends to the chain of custody, in the caller's transaction (the table refuses any change). */
@Injectable()
export class CustodyService {
  async record(
    em: EntityManager,
    actor: Actor,
    evidenceId: string,
    action: CustodyAction,
    details: { sha256?: string | null; note?: string | null } = {},
  ): Promise<CustodyEventEntity> {
    const repo = em.getRepository(CustodyEventEntity);
    const { identifiers } = await repo.insert({
      evidenceId,
      actorId: actor.userId,
      action,
      sha256: details.sha256 ?? null,
      note: details.note ?? null,
    });
    return repo.findOneByOrFail({ id: identifiers[0].id as string });
  }
}
