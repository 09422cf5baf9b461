import { buildSchema, getIntrospectionQuery, parse } from 'graphql';
import { ASSUMED_LIST_SIZE, costLimitHook, queryCost } from './query-cost.js';

const schema = buildSchema(`
  type PageInfo { hasNextPage: Boolean! }
  type Edge { node: Item! }
  type ItemConnection { edges: [Edge!]! pageInfo: PageInfo! totalCount: Int! }
  type Item { id: ID! tags: [String!]! related: [Item!]! page(first: Int = 20): ItemConnection! }
  type Query { items(first: Int = 20): ItemConnection! item: Item all: [Item!]! }
`);
const cost = (query: string, variables?: Record<string, unknown>) =>
  queryCost(schema, parse(query), variables);

describe('queryCost', () => {
  it('counts a page by its `first`, and its edges once', () => {
    expect(cost('{ items(first: 10) { edges { node { id } } } }')).toBe(1 + 10 * (1 + (1 + 1)));
    expect(cost('query($n: Int) { items(first: $n) { totalCount } }', { n: 50 })).toBe(51);
  });

  it('counts a list without `first` at the assumed size', () => {
    expect(cost('{ all { id } }')).toBe(1 + ASSUMED_LIST_SIZE);
    expect(cost('{ item { related { related { id } } } }')).toBe(
      1 + (1 + ASSUMED_LIST_SIZE * (1 + ASSUMED_LIST_SIZE)),
    );
    // A list of scalars has nothing under it to multiply.
    expect(cost('{ item { tags } }')).toBe(2);
  });

  it('counts introspection by the entries of its lists, at their sizes in the schema', () => {
    const types = Object.keys(schema.getTypeMap()).length;
    expect(cost('{ __schema { types { name } } }')).toBe(1 + types);
    // The standard query (GraphiQL's): a few hundred entries here, not 20 × 20 × 20 of them.
    const standard = cost(getIntrospectionQuery({ descriptions: true }));
    expect(standard).toBeGreaterThan(types);
    expect(standard).toBeLessThan(20 * types);
  });

  it('refuses a query past the limit before it runs', async () => {
    const hook = costLimitHook(1000);
    const deep = parse('{ item { related { related { related { id } } } } }');
    await expect(hook(schema, deep, {})).rejects.toMatchObject({
      extensions: { code: 'QUERY_TOO_COSTLY', limit: 1000 },
    });
    await expect(hook(schema, parse('{ item { id } }'), {})).resolves.toBeUndefined();
  });
});
