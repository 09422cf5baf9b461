import { getNamedType, type GraphQLObjectType, type GraphQLResolveInfo } from 'graphql';
import { collectSubfields } from 'graphql/execution/collectFields.js';

/**
 * The fields a query asks of what a resolver returns, by name, as GraphQL itself collects them
 * (aliases, fragments, `@skip` and `@include`).
 */
export function selectedFields(info: GraphQLResolveInfo): Set<string> {
  const type = getNamedType(info.returnType) as GraphQLObjectType;
  const fields = collectSubfields(
    info.schema,
    info.fragments,
    info.variableValues,
    type,
    info.fieldNodes,
  );
  return new Set([...fields.values()].map(([node]) => node.name.value));
}
