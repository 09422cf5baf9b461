import fc from 'fast-check';
import {
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLOutputType,
  type GraphQLSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isUnionType,
} from 'graphql';
import { anyJson, BAD_DATES, badNumber, stringFor } from './values.js';

/** What the generator may reuse from the running service: real ids and cursors. */
export interface Pools {
  ids: string[];
  cursors: string[];
}

export interface Operation {
  query: string;
  variables: Record<string, unknown>;
}

type Gen = fc.GeneratorValue;

// fc.gen() caches each arbitrary by its builder and arguments (compared deeply): builders are
// defined once here, and given numbers or names, never schema objects (which refer to themselves).
const json = () => anyJson;
const number = () => badNumber;
const chance = (g: Gen, percent: number) => g(fc.integer, { min: 0, max: 99 }) < percent;
const pick = <T>(g: Gen, items: readonly T[]): T => items[g(fc.nat, { max: items.length - 1 })];
/** Up to `max` of the items (at least one when there are any), each kept about half the time. */
const some = <T>(g: Gen, items: readonly T[], max: number): T[] => {
  const kept = items.filter(() => chance(g, 50)).slice(0, max);
  return kept.length || !items.length ? kept : [pick(g, items)];
};
const NAME = /^[_A-Za-z][_0-9A-Za-z]*$/;

/** A value for an input of this type, often wrong: the type's shape with bad leaves, or any JSON. */
function valueFor(g: Gen, type: GraphQLInputType, name: string, pools: Pools, depth = 0): unknown {
  if (chance(g, 4)) return g(json);
  if (isNonNullType(type)) {
    return chance(g, 4) ? null : valueFor(g, type.ofType, name, pools, depth);
  }
  if (isListType(type)) {
    if (chance(g, 10)) return valueFor(g, type.ofType, name, pools, depth + 1);
    const length = chance(g, 3) ? 200 : g(fc.nat, { max: 3 });
    return Array.from({ length }, () => valueFor(g, type.ofType, name, pools, depth + 1));
  }
  if (isEnumType(type)) {
    const values = type.getValues().map((v) => v.name);
    return chance(g, 60)
      ? pick(g, values)
      : pick(g, ['NOPE', values[0].toLowerCase(), '', ' ', `${values[0]} `, 'null']);
  }
  if (isInputObjectType(type)) {
    if (depth > 3) return chance(g, 50) ? {} : null;
    const out: Record<string, unknown> = {};
    for (const field of Object.values(type.getFields())) {
      if ((isNonNullType(field.type) && !chance(g, 5)) || chance(g, 40)) {
        out[field.name] = valueFor(g, field.type, field.name, pools, depth + 1);
      }
    }
    if (chance(g, 5)) {
      const extra = pick(g, ['unknownField', '__proto__', 'constructor', '']);
      Object.defineProperty(out, extra, { value: 1, enumerable: true });
    }
    return out;
  }
  return scalarFor(g, getNamedType(type).name, name, pools);
}

function scalarFor(g: Gen, scalar: string, name: string, pools: Pools): unknown {
  switch (scalar) {
    case 'ID':
      if (pools.ids.length && chance(g, 30)) return pick(g, pools.ids);
      if (pools.ids.length && chance(g, 10)) return pick(g, pools.ids).toUpperCase();
      return g(stringFor, /id$/i.test(name) ? name : 'id');
    case 'Int':
    case 'Float':
      return chance(g, 40) ? g(fc.integer, { min: 1, max: 20 }) : g(number);
    case 'Boolean':
      return chance(g, 60) ? g(fc.boolean) : pick(g, ['true', 0, 1, 'yes', null]);
    case 'DateTime':
      return chance(g, 20)
        ? new Date(g(fc.integer, { min: 0, max: 2e12 })).toISOString()
        : pick(g, BAD_DATES);
    case 'JSON':
      return chance(g, 10) ? nested(g(fc.integer, { min: 5, max: 40 })) : g(json);
    default:
      if (name === 'after' && pools.cursors.length && chance(g, 40)) return pick(g, pools.cursors);
      return g(stringFor, name);
  }
}

const nested = (depth: number): unknown => (depth === 0 ? 'x' : { a: nested(depth - 1) });

/** A GraphQL literal for a value (input objects by field name, enums bare when they can be). */
function literal(value: unknown, type: GraphQLInputType): string {
  const named = getNamedType(type);
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) {
    const inner = isNonNullType(type) ? type.ofType : type;
    const item = isListType(inner) ? inner.ofType : type;
    return `[${value.map((v) => literal(v, item)).join(', ')}]`;
  }
  if (typeof value === 'object') {
    const fields = isInputObjectType(named) ? named.getFields() : {};
    return `{ ${Object.entries(value)
      .filter(([k]) => NAME.test(k))
      .map(([k, v]) => `${k}: ${literal(v, fields[k]?.type ?? named)}`)
      .join(', ')} }`;
  }
  if (typeof value === 'string' && isEnumType(named) && NAME.test(value)) return value;
  return JSON.stringify(value);
}

/** Arguments of a field, some as variables (declared in `declared`), some written in. */
function argumentsOf(
  g: Gen,
  field: GraphQLField<unknown, unknown>,
  pools: Pools,
  op: { declared: string[]; variables: Record<string, unknown> },
): string {
  const given = field.args.filter((a) => isNonNullType(a.type) || chance(g, 50));
  if (!given.length) return '';
  const parts = given.map((arg) => {
    const value = valueFor(g, arg.type, arg.name, pools);
    if (chance(g, 30)) return `${arg.name}: ${literal(value, arg.type)}`;
    const variable = `v${op.declared.length}`;
    op.declared.push(`$${variable}: ${chance(g, 5) ? 'String' : String(arg.type)}`);
    op.variables[variable] = value;
    return `${arg.name}: $${variable}`;
  });
  return `(${parts.join(', ')})`;
}

/** A selection of the type's fields, `depth` levels down (relations and pages included). */
function selectionOf(
  g: Gen,
  type: GraphQLOutputType,
  depth: number,
  pools: Pools,
  op: { declared: string[]; variables: Record<string, unknown> },
): string {
  const named = getNamedType(type);
  if (isLeafType(named)) return '';
  if (isUnionType(named)) {
    return `{ __typename ${named
      .getTypes()
      .map((t) => `... on ${t.name} { __typename }`)
      .join(' ')} }`;
  }
  const fields = Object.values(named.getFields());
  const leaves = fields.filter((f) => isLeafType(getNamedType(f.type)) && !f.args.length);
  const candidates = depth <= 0 ? leaves : fields;
  const chosen = some(g, candidates, 6);
  const parts = chosen.map((f) => {
    const args = f.args.length ? argumentsOf(g, f, pools, op) : '';
    return `${f.name}${args} ${selectionOf(g, f.type, depth - 1, pools, op)}`;
  });
  if (chance(g, 5)) parts.push(`...on ${named.name} { __typename }`);
  return `{ ${parts.length ? parts.join(' ') : '__typename'} }`;
}

/**
 * An operation on one root field of the live schema, with arguments of the right shape and bad
 * values, a selection of its result (sometimes deep or wide), as the client would send it.
 */
export const operationOn = (schema: GraphQLSchema, pools: Pools): fc.Arbitrary<Operation> => {
  const roots = (['query', 'mutation'] as const).flatMap((kind) => {
    const type = kind === 'query' ? schema.getQueryType() : schema.getMutationType();
    return type ? Object.values(type.getFields()).map((field) => ({ kind, field })) : [];
  });
  return fc.gen().map((g) => {
    const { kind, field } = pick(g, roots);
    const op = { declared: [] as string[], variables: {} as Record<string, unknown> };
    const depth = chance(g, 10) ? g(fc.integer, { min: 6, max: 14 }) : g(fc.nat, { max: 3 });
    const aliases = chance(g, 10) ? g(fc.integer, { min: 2, max: 20 }) : 1;
    const calls = Array.from({ length: aliases }, (_, i) => {
      const args = argumentsOf(g, field, pools, op);
      const alias = aliases > 1 ? `a${i}: ` : '';
      return `${alias}${field.name}${args} ${selectionOf(g, field.type, depth, pools, op)}`;
    });
    const declared = op.declared.length ? `(${op.declared.join(', ')})` : '';
    let body = calls.join(' ');
    if (chance(g, 10)) {
      const type = kind === 'query' ? 'Query' : 'Mutation';
      return {
        query: `${kind} Op${declared} { ...Root } fragment Root on ${type} { ${body} }`,
        variables: op.variables,
      };
    }
    if (chance(g, 5)) body += ` __typename @skip(if: ${pick(g, ['"yes"', '1', 'null', '$nope'])})`;
    return { query: `${kind} Op${declared} { ${body} }`, variables: op.variables };
  });
};
