import {
  type DocumentNode,
  GraphQLError,
  type GraphQLSchema,
  NoSchemaIntrospectionCustomRule,
  type ValidationRule,
} from 'graphql';
import { type ComplexityEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';
import { ErrorCode } from '../errors.js';
import { DEFAULT_PAGE_SIZE } from './connection.js';

/**
 * The API limits of DESIGN.md §5. Page size (at most 100) is checked on each list's arguments, the
 * cost limit is the MAX_QUERY_COST setting, the request body limit BODY_LIMIT_BYTES.
 */
export const LIMITS = { depth: 10, aliases: 15 };

/** At most `max` aliased fields in a document. */
export const maxAliasesRule =
  (max: number): ValidationRule =>
  (context) => {
    let count = 0;
    return {
      Field(node) {
        if (node.alias && ++count === max + 1) {
          context.reportError(
            new GraphQLError(`A query may use at most ${max} aliases`, {
              nodes: [node],
              extensions: { code: ErrorCode.TOO_MANY_ALIASES },
            }),
          );
        }
      },
    };
  };

export const validationRules = (introspection: boolean): ValidationRule[] => [
  maxAliasesRule(LIMITS.aliases),
  ...(introspection ? [] : [NoSchemaIntrospectionCustomRule]),
];

/** A field with a `first` argument returns up to `first` items, each costing its selection. */
const pageEstimator: ComplexityEstimator = ({ field, args, childComplexity }) => {
  if (!field.args.some((a) => a.name === 'first')) return undefined;
  const first = typeof args.first === 'number' ? Math.max(args.first, 0) : DEFAULT_PAGE_SIZE;
  return 1 + first * childComplexity;
};

/** The cost of a query with its variables (see LIMITS.cost). */
export const queryCost = (
  schema: GraphQLSchema,
  query: DocumentNode,
  variables?: Record<string, unknown>,
) =>
  getComplexity({
    schema,
    query,
    variables,
    estimators: [pageEstimator, simpleEstimator({ defaultComplexity: 1 })],
  });

/** Mercurius `preExecution` hook: refuses a query whose cost is past `limit`, before it runs. */
export const costLimitHook =
  (limit: number) =>
  (
    schema: GraphQLSchema,
    document: DocumentNode,
    _ctx: unknown,
    variables?: Record<string, unknown>,
  ) => {
    const cost = queryCost(schema, document, variables);
    if (cost > limit) {
      throw new GraphQLError(
        `This query could return ${cost} items, more than the limit of ${limit}: ` +
          'ask for smaller pages or fewer nested lists',
        { extensions: { code: ErrorCode.QUERY_TOO_COSTLY, cost, limit } },
      );
    }
    return Promise.resolve();
  };
