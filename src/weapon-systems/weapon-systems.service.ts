import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../auth/auth-user.js';
import { AppError, ErrorCode } from '../common/errors.js';
import { isUniqueViolation } from '../common/unique-violation.js';
import { assertCountries } from '../reference/reference-checks.js';
import type { CreateWeaponSystemInput } from './dto/weapon-system.inputs.js';
import { WeaponSystemEntity } from './weapon-system.entity.js';
import { WeaponType } from './weapon-system.enums.js';
import { WeaponSystemModel } from './weapon-system.model.js';

const nameTaken = (name: string) =>
  new AppError(ErrorCode.CONFLICT, `A weapon system named ${name} already exists`, {
    field: 'name',
  });

@Injectable()
export class WeaponSystemsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** Every weapon system, in name order: small reference data, so a plain list. */
  async list(): Promise<WeaponSystemModel[]> {
    const rows = await this.ds
      .getRepository(WeaponSystemEntity)
      .createQueryBuilder('w')
      .orderBy('w.name', 'ASC')
      .addOrderBy('w.id', 'ASC')
      .getMany();
    return rows.map(WeaponSystemModel.from);
  }

  async byId(id: string): Promise<WeaponSystemModel | null> {
    const row = await this.ds.getRepository(WeaponSystemEntity).findOneBy({ id });
    return row ? WeaponSystemModel.from(row) : null;
  }

  /** A new weapon system; its name must be new, whatever its case. */
  async create(actor: Actor, input: CreateWeaponSystemInput): Promise<WeaponSystemModel> {
    try {
      return await this.ds.transaction(async (em) => {
        await assertCountries(em, {
          designCountry: input.designCountry,
          productionCountry: input.productionCountry,
        });
        const taken: unknown[] = await em.query(
          'SELECT 1 FROM weapon_system WHERE lower(name) = lower($1)',
          [input.name],
        );
        if (taken.length) throw nameTaken(input.name);
        const repo = em.getRepository(WeaponSystemEntity);
        const { id } = await repo.save({
          name: input.name,
          designations: [...new Set(input.designations ?? [])],
          type: input.type ?? WeaponType.OTHER,
          designCountry: input.designCountry ?? null,
          productionCountry: input.productionCountry ?? null,
          description: input.description ?? null,
        });
        const after = await repo.findOneByOrFail({ id });
        await this.audit.record(em, actor, {
          action: 'weaponSystem.create',
          subjectType: 'weaponSystem',
          subjectId: id,
          after,
        });
        return WeaponSystemModel.from(after);
      });
    } catch (error) {
      // Two creations of the same name at once: the unique constraint decides.
      if (isUniqueViolation(error)) throw nameTaken(input.name);
      throw error;
    }
  }
}
