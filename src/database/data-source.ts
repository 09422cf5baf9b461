import { DataSource, type DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from '../../migrations/index.js';
import { ENTITIES } from './entities.js';
import { MIGRATIONS_TABLE } from './service-role.js';
import { SnakeNamingStrategy } from './snake-naming.strategy.js';

/** The one TypeORM configuration, shared by the service, the command line and the tests. */
export function dataSourceOptions(
  url: string,
  extra: Partial<DataSourceOptions> = {},
): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    applicationName: 'sanctrace',
    namingStrategy: new SnakeNamingStrategy(),
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: MIGRATIONS_TABLE,
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    ...extra,
  } as DataSourceOptions;
}

export const createDataSource = (url: string, extra: Partial<DataSourceOptions> = {}): DataSource =>
  new DataSource(dataSourceOptions(url, extra));
