import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../auth/auth-user.js';
import { AppError, ErrorCode } from '../common/errors.js';
import type { Page } from '../common/graphql/connection.js';
import { paginate } from '../common/graphql/keyset.js';
import { assertReferences } from '../common/references.js';
import type { AddSanctionInput } from './dto/sanction.inputs.js';
import type { SanctionsArgs } from './dto/sanctions.args.js';
import { SanctionEntity } from './sanction.entity.js';
import { SanctionModel } from './sanction.model.js';
import { SANCTIONS_NEWEST } from './sanction.orders.js';

@Injectable()
export class SanctionsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** Newest listing first. */
  list(args: SanctionsArgs): Promise<Page<SanctionModel>> {
    const qb = this.ds.getRepository(SanctionEntity).createQueryBuilder('s');
    const f = args.filter ?? {};
    if (f.organizationId) {
      qb.andWhere('s.organization_id = :organizationId', {
        organizationId: f.organizationId,
      });
    }
    if (f.authority) qb.andWhere('s.authority = :authority', { authority: f.authority });
    if (f.activeOn) {
      qb.andWhere(
        's.listed_on <= :activeOn AND (s.delisted_on IS NULL OR s.delisted_on > :activeOn)',
        { activeOn: f.activeOn },
      );
    }
    return paginate(qb, args, { order: SANCTIONS_NEWEST, toNode: SanctionModel.from });
  }

  async byId(id: string): Promise<SanctionModel | null> {
    const row = await this.ds.getRepository(SanctionEntity).findOneBy({ id });
    return row ? SanctionModel.from(row) : null;
  }

  /** Records a listing; the same listing twice (organization, authority, programme, date) is CONFLICT. */
  add(actor: Actor, input: AddSanctionInput): Promise<SanctionModel> {
    if (input.delistedOn && input.delistedOn < input.listedOn) {
      throw AppError.badInput('A listing cannot end before it starts', [
        { field: 'delistedOn', messages: ['delistedOn must be on or after listedOn'] },
      ]);
    }
    return this.ds.transaction(async (em) => {
      const { organizationId } = input;
      await assertReferences(em, 'organization', { organizationId }, { live: true });
      // Serializes additions for one organization, so two equal listings cannot both get in.
      await em.query('SELECT 1 FROM organization WHERE id = $1 FOR UPDATE', [organizationId]);
      const repo = em.getRepository(SanctionEntity);
      const program = input.program ?? null;
      const same = await repo
        .createQueryBuilder('s')
        .where('s.organization_id = :organizationId', { organizationId })
        .andWhere('s.authority = :authority', { authority: input.authority })
        .andWhere('s.listed_on = :listedOn', { listedOn: input.listedOn })
        .andWhere('s.program IS NOT DISTINCT FROM :program', { program })
        .getOne();
      if (same) {
        throw new AppError(ErrorCode.CONFLICT, 'This listing is already recorded', {
          existingId: same.id,
        });
      }
      const { id } = await repo.save(
        repo.create({
          organizationId,
          authority: input.authority,
          program,
          listedOn: input.listedOn,
          delistedOn: input.delistedOn ?? null,
          referenceUrl: input.referenceUrl ?? null,
        }),
      );
      const after = await repo.findOneByOrFail({ id });
      await this.audit.record(em, actor, {
        action: 'sanction.add',
        subjectType: 'sanction',
        subjectId: id,
        after,
      });
      return SanctionModel.from(after);
    });
  }
}
