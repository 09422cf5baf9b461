import { createHash } from 'node:crypto';
import { DefaultNamingStrategy, type NamingStrategyInterface, type Table } from 'typeorm';

export const snakeCase = (s: string): string =>
  s
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z])([A-Z][a-z])/g, '$1_$2')
    .toLowerCase();

const tableOf = (t: Table | string): string =>
  (typeof t === 'string' ? t : t.name).split('.').pop()!;

/** `<prefix>_<table>_<columns>`, shortened with a hash when past PostgreSQL's 63-byte limit. */
const constraintName = (
  prefix: string,
  t: Table | string,
  columns: string[],
  extra = '',
): string => {
  const name = [prefix, tableOf(t), ...columns.map(snakeCase)].join('_');
  const hash = createHash('sha1')
    .update(name + extra)
    .digest('hex')
    .slice(0, 8);
  if (!extra && name.length <= 63) return name;
  return `${name.slice(0, 54)}_${hash}`;
};

/**
 * Tables and columns in snake_case (`manufacturerId` is stored as `manufacturer_id`) and readable,
 * deterministic constraint names (`pk_component`, `fk_component_manufacturer_id`), so that the
 * migrations and the entities agree and `migration:check` stays quiet.
 */
export class SnakeNamingStrategy extends DefaultNamingStrategy implements NamingStrategyInterface {
  override tableName(className: string, customName?: string): string {
    return customName ?? snakeCase(className.replace(/Entity$/, ''));
  }

  override columnName(
    propertyName: string,
    customName: string | undefined,
    prefixes: string[],
  ): string {
    return snakeCase(prefixes.concat(customName ?? propertyName).join('_'));
  }

  override relationName(propertyName: string): string {
    return snakeCase(propertyName);
  }

  override joinColumnName(relationName: string, referencedColumnName: string): string {
    return snakeCase(`${relationName}_${referencedColumnName}`);
  }

  override primaryKeyName(t: Table | string): string {
    return `pk_${tableOf(t)}`;
  }

  override foreignKeyName(t: Table | string, columns: string[]): string {
    return constraintName('fk', t, columns);
  }

  override uniqueConstraintName(t: Table | string, columns: string[]): string {
    return constraintName('uq', t, columns);
  }

  override relationConstraintName(t: Table | string, columns: string[], where?: string): string {
    return constraintName('rel', t, columns, where ?? '');
  }

  override indexName(t: Table | string, columns: string[], where?: string): string {
    return constraintName('idx', t, columns, where ?? '');
  }

  override checkConstraintName(t: Table | string, expression: string, isEnum?: boolean): string {
    return constraintName(isEnum ? 'chk_enum' : 'chk', t, [], expression);
  }

  override joinTableName(first: string, second: string, firstProperty: string): string {
    return snakeCase(`${first}_${firstProperty.replace(/\./g, '_')}_${second}`);
  }

  override joinTableColumnName(
    tableName: string,
    propertyName: string,
    columnName?: string,
  ): string {
    return snakeCase(`${tableName}_${columnName ?? propertyName}`);
  }
}
