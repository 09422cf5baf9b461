import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Page } from '../common/graphql/connection.js';
import { paginate } from '../common/graphql/keyset.js';
import { ComponentEntity } from './component.entity.js';
import { ComponentModel } from './component.model.js';
import type { ComponentsArgs } from './dto/components.args.js';
import { normalizePartNumber } from './part-number.js';

@Injectable()
export class ComponentsService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** Components in part-number order; archived ones are left out. */
  list(args: ComponentsArgs): Promise<Page<ComponentModel>> {
    const qb = this.ds
      .getRepository(ComponentEntity)
      .createQueryBuilder('c')
      .where('c.archived_at IS NULL');
    const f = args.filter ?? {};
    if (f.search) {
      const needle = normalizePartNumber(f.search);
      // Substring match on the normalized part number, served by the trigram index.
      if (needle)
        qb.andWhere(`c.normalized_part_number LIKE :needle`, { needle: `%${escapeLike(needle)}%` });
    }
    if (f.manufacturerId)
      qb.andWhere('c.manufacturer_id = :manufacturerId', { manufacturerId: f.manufacturerId });
    if (f.category) qb.andWhere('c.category = :category', { category: f.category });
    return paginate(qb, args, {
      keys: [
        { column: 'c.normalized_part_number', value: (c) => c.normalizedPartNumber },
        { column: 'c.id', value: (c) => c.id },
      ],
      toNode: ComponentModel.from,
    });
  }

  /** A component by id, archived or not; null when unknown. */
  async byId(id: string): Promise<ComponentModel | null> {
    const row = await this.ds.getRepository(ComponentEntity).findOneBy({ id });
    return row ? ComponentModel.from(row) : null;
  }
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
