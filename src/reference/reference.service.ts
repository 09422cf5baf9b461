import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { escapeLike } from '../common/escape-like.js';
import type { Page } from '../common/graphql/connection.js';
import { paginate } from '../common/graphql/keyset.js';
import { key, listOrder } from '../common/graphql/list-order.js';
import { CountryEntity } from './country.entity.js';
import type { CountriesArgs, HsCodesArgs } from './dto/reference.args.js';
import { HsCodeEntity } from './hs-code.entity.js';
import { CountryModel, HsCodeModel } from './reference.model.js';

const HS_CODES_BY_CODE = listOrder<HsCodeEntity>('hsCode.code', 'ASC', [
  key.char('code', (h) => h.code),
]);
const COUNTRIES_BY_CODE = listOrder<CountryEntity>('country.code', 'ASC', [
  key.char('code', (c) => c.code),
]);

@Injectable()
export class ReferenceService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** HS codes in code order. */
  hsCodes(args: HsCodesArgs): Promise<Page<HsCodeModel>> {
    const qb = this.ds.getRepository(HsCodeEntity).createQueryBuilder('h');
    const f = args.filter ?? {};
    if (f.chplTier) qb.andWhere('h.chpl_tier = :tier', { tier: f.chplTier });
    if (f.onChpl !== undefined && f.onChpl !== null) {
      qb.andWhere(f.onChpl ? 'h.chpl_tier IS NOT NULL' : 'h.chpl_tier IS NULL');
    }
    if (f.search) {
      const digits = f.search.replace(/[\s.]/g, '');
      if (/^\d{1,6}$/.test(digits)) qb.andWhere('h.code LIKE :prefix', { prefix: `${digits}%` });
      else
        qb.andWhere('h.description ILIKE :words', {
          words: `%${escapeLike(f.search)}%`,
        });
    }
    return paginate(qb, args, {
      order: HS_CODES_BY_CODE,
      toNode: HsCodeModel.from,
    });
  }

  /** Countries in code order. */
  countries(args: CountriesArgs): Promise<Page<CountryModel>> {
    const qb = this.ds.getRepository(CountryEntity).createQueryBuilder('c');
    if (args.filter?.riskGroup)
      qb.andWhere('c.risk_group = :group', { group: args.filter.riskGroup });
    return paginate(qb, args, {
      order: COUNTRIES_BY_CODE,
      toNode: CountryModel.from,
    });
  }
}
