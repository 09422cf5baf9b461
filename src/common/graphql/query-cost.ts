import {
  type DocumentNode,
  getNullableType,
  GraphQLError,
  type GraphQLSchema,
  isListType,
  isObjectType,
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
 * Every list counts: a field with `first` returns up to `first` items (its default when not given),
 * any other list-typed field ASSUMED_LIST_SIZE items, each costing its selection. A connection's
 * `edges` are the page its field already counted.
 */
const listEstimator: ComplexityEstimator = ({ type, field, args, childComplexity }) => {
  if (field.args.some((a) => a.name === 'first')) {
    const first = typeof args.first === 'number' ? Math.max(args.first, 0) : DEFAULT_PAGE_SIZE;
    return 1 + first * childComplexity;
  }
  if (!isListType(getNullableType(field.type))) return undefined;
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
    estimators: [listEstimator, simpleEstimator({ defaultComplexity: 1 })],
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
  ) => {
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
