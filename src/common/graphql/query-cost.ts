import {
  type DocumentNode,
  getNamedType,
  getNullableType,
  GraphQLError,
  type GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isLeafType,
  isListType,
  isObjectType,
  isUnionType,
} from 'graphql';
import { type ComplexityEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';
import { ErrorCode } from '../errors.js';
import { DEFAULT_PAGE_SIZE } from './connection.js';

/**
 * What a list without `first` (`corroborations`, `custodyEvents`, `billOfMaterials`, ...) is
 * assumed to hold. Such lists are not paged, so nothing else bounds them: nested in one another,
 * they multiply.
 */
export const ASSUMED_LIST_SIZE = 20;

/**
 * Introspection's lists, at their sizes in the schema itself: `types` all of its types, the others
 * their average over a type (or field, or directive). The standard introspection query (GraphiQL's)
 * is then counted at about what it answers, and a query that nests `fields { type { fields ... } }`
 * grows as its answer would. Computed once per schema.
 */
const introspectionSizes = new WeakMap<GraphQLSchema, Record<string, number>>();

function introspectionSizesOf(schema: GraphQLSchema): Record<string, number> {
  const known = introspectionSizes.get(schema);
  if (known) return known;
  const types = Object.values(schema.getTypeMap());
  const fields = types.flatMap((t) =>
    isObjectType(t) || isInterfaceType(t) ? Object.values(t.getFields()) : [],
  );
  const directives = schema.getDirectives();
  const average = (total: number, over: number) =>
    Math.max(1, Math.ceil(total / Math.max(over, 1)));
  const count = (f: (t: (typeof types)[number]) => number) =>
    average(
      types.reduce((sum, t) => sum + f(t), 0),
      types.length,
    );
  const sizes = {
    '__Schema.types': types.length,
    '__Schema.directives': directives.length,
    '__Type.fields': average(fields.length, types.length),
    '__Type.inputFields': count((t) =>
      isInputObjectType(t) ? Object.keys(t.getFields()).length : 0,
    ),
    '__Type.enumValues': count((t) => (isEnumType(t) ? t.getValues().length : 0)),
    '__Type.interfaces': count((t) =>
      isObjectType(t) || isInterfaceType(t) ? t.getInterfaces().length : 0,
    ),
    '__Type.possibleTypes': count((t) => (isUnionType(t) ? t.getTypes().length : 0)),
    '__Field.args': average(
      fields.reduce((sum, f) => sum + f.args.length, 0),
      fields.length,
    ),
    '__Directive.args': average(
      directives.reduce((sum, d) => sum + d.args.length, 0),
      directives.length,
    ),
    '__Directive.locations': average(
      directives.reduce((sum, d) => sum + d.locations.length, 0),
      directives.length,
    ),
  };
  introspectionSizes.set(schema, sizes);
  return sizes;
}

/**
 * Every list counts: a field with `first` returns up to `first` items (its default when not given),
 * any other list-typed field ASSUMED_LIST_SIZE items, each costing its selection. A connection's
 * `edges` are the page its field already counted. Introspection, answered from memory, counts the
 * entries of its lists (types, fields, arguments, values), at their sizes in the schema.
 */
const listEstimator =
  (schema: GraphQLSchema): ComplexityEstimator =>
  ({ type, field, args, childComplexity }) => {
    const isList = isListType(getNullableType(field.type));
    if (type.name.startsWith('__')) {
      if (isLeafType(getNamedType(field.type))) return 0;
      if (!isList) return childComplexity;
      const size = introspectionSizesOf(schema)[`${type.name}.${field.name}`];
      return (size ?? ASSUMED_LIST_SIZE) * (1 + childComplexity);
    }
    if (field.args.some((a) => a.name === 'first')) {
      const first = typeof args.first === 'number' ? Math.max(args.first, 0) : DEFAULT_PAGE_SIZE;
      return 1 + first * childComplexity;
    }
    if (!isList) return undefined;
    const isPage = field.name === 'edges' && isObjectType(type) && 'pageInfo' in type.getFields();
    return 1 + (isPage ? 1 : ASSUMED_LIST_SIZE) * childComplexity;
  };

/** The cost of a query with its variables: about the number of objects it could return. */
export const queryCost = (
  schema: GraphQLSchema,
  query: DocumentNode,
  variables?: Record<string, unknown>,
) =>
  getComplexity({
    schema,
    query,
    variables,
    estimators: [listEstimator(schema), simpleEstimator({ defaultComplexity: 1 })],
  });

const tooCostly = (cost: number | string, limit: number) =>
  new GraphQLError(
    `This query could return ${cost} items, more than the limit of ${limit}: ` +
      'ask for smaller pages or fewer nested lists',
    { extensions: { code: ErrorCode.QUERY_TOO_COSTLY, cost, limit } },
  );

/** Mercurius `preExecution` hook: refuses a query whose cost is past `limit`, before it runs. */
export const costLimitHook =
  (limit: number) =>
  (
    schema: GraphQLSchema,
    document: DocumentNode,
    _ctx: unknown,
    variables?: Record<string, unknown>,
  ): Promise<void> => {
    let cost: number;
    try {
      cost = queryCost(schema, document, variables);
    } catch (e) {
      // A document too big to measure (the stack ran out) is too big to run.
      if (e instanceof RangeError) return Promise.reject(tooCostly('too many', limit));
      throw e;
    }
    if (!Number.isFinite(cost) || cost > limit) return Promise.reject(tooCostly(cost, limit));
    return Promise.resolve();
  };
