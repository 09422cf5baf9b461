import DataLoader from 'dataloader';
import { type DataSource, In } from 'typeorm';
import { CountryEntity } from './country.entity.js';
import { HsCodeEntity } from './hs-code.entity.js';
import { CountryModel, HsCodeModel } from './reference.model.js';

const byCode = <E extends { code: string }, M>(
  ds: DataSource,
  entity: new () => E,
  toModel: (e: E) => M,
) =>
  new DataLoader<string, M | null>(async (codes) => {
    const rows = await ds.getRepository(entity).findBy({ code: In([...codes]) } as never);
    const found = new Map(rows.map((r) => [r.code, toModel(r)]));
    return codes.map((c) => found.get(c) ?? null);
  });

export const referenceLoaders = (ds: DataSource) => ({
  countryByCode: byCode(ds, CountryEntity, CountryModel.from),
  hsCodeByCode: byCode(ds, HsCodeEntity, HsCodeModel.from),
});

export type ReferenceLoaders = ReturnType<typeof referenceLoaders>;
