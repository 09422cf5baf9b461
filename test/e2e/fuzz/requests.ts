import fc from 'fast-check';
import type { GraphQLSchema } from 'graphql';
import { type Operation, operationOn, type Pools } from './operations.js';
import { anyJson, BAD_IDS, NASTY_STRINGS, stringFor } from './values.js';

/** One request as Fastify's `inject` takes it, and who sends it. */
export interface FuzzRequest {
  category: string;
  method: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH' | 'OPTIONS' | 'HEAD';
  url: string;
  headers: Record<string, string>;
  payload?: string;
  /** The key to send: that of this role, none, or a header given as it is in `headers`. */
  as: 'ADMIN' | 'ANALYST' | 'INVESTIGATOR' | 'none';
  remoteAddress?: string;
}

const JSON_TYPE = { 'content-type': 'application/json' };
const IMPORT_KINDS = [
  'organizations',
  'shipments',
  'sanctions',
  'components',
  'strikes',
  'findings',
];

const post = (category: string, body: string, headers: Record<string, string> = JSON_TYPE) =>
  ({ category, method: 'POST', url: '/graphql', headers, payload: body, as: 'ADMIN' }) as const;

/** Operations from the live schema, with bad values, as ADMIN or a lesser role. */
const schemaOperations = (schema: GraphQLSchema, pools: Pools) =>
  fc
    .tuple(operationOn(schema, pools), fc.constantFrom('ADMIN', 'ADMIN', 'ADMIN', 'ANALYST'))
    .map(([op, as]): FuzzRequest => ({
      ...post('operation', JSON.stringify(op)),
      as: as,
    }));

/** Bodies that are not a GraphQL request: broken JSON, wrong types, batches, deep nesting. */
const malformedBodies = (valid: fc.Arbitrary<Operation>) =>
  fc.oneof(
    fc.string({ unit: 'binary', maxLength: 200 }).map((s) => post('malformed json', s)),
    valid.chain((op) =>
      fc
        .nat({ max: JSON.stringify(op).length })
        .map((cut) => post('malformed json', JSON.stringify(op).slice(0, cut))),
    ),
    fc
      .record({
        query: fc.oneof(
          fc.oneof(fc.integer(), fc.double(), fc.boolean(), fc.constant(null)),
          fc.constantFrom('[]', '{}', 'null', '123', '"x"', '{"query":"{ me { role } }"}'),
          fc.constant('{ me { role } }'),
          anyJson,
        ),
        variables: fc.option(anyJson),
        operationName: fc.option(anyJson),
        extensions: fc.option(anyJson),
      })
      .map((body) => post('wrong types', JSON.stringify(body))),
    anyJson.map((body) => post('wrong types', JSON.stringify(body))),
    fc
      .integer({ min: 50, max: 5000 })
      .map((n) =>
        post(
          'deep json',
          `{"query":"query($x: JSON) { me { role } }","variables":{"x":${'['.repeat(n)}1${']'.repeat(n)}}}`,
        ),
      ),
  );

/** GraphQL text that is not a valid document, or one that is too deep, wide or big. */
const badDocuments = fc
  .oneof(
    fc.string({ maxLength: 300 }),
    fc
      .array(
        fc.constantFrom(
          '{',
          '}',
          '(',
          ')',
          '...',
          'on',
          'me',
          'role',
          '$x',
          ':',
          '"',
          '@',
          '#',
          '!',
          '[',
          ']',
          'query',
          'fragment',
          'F',
        ),
        { maxLength: 200 },
      )
      .map((tokens) => tokens.join(' ')),
    fc.integer({ min: 1, max: 3000 }).map((n) => `{ ${'me { '.repeat(n)}role${' }'.repeat(n)} }`),
    fc
      .integer({ min: 1, max: 3000 })
      .map((n) => `{ ${'... on Query { '.repeat(n)}me { role }${' }'.repeat(n)} }`),
    fc
      .integer({ min: 1, max: 3000 })
      .map(
        (n) =>
          `{ ...F0 } ${Array.from({ length: n }, (_, i) => `fragment F${i} on Query { ...F${i + 1} }`).join(' ')} fragment F${n} on Query { me { role } }`,
      ),
    fc.constant('{ ...A } fragment A on Query { ...B } fragment B on Query { ...A }'),
    fc
      .integer({ min: 1, max: 100 })
      .map((n) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: me { role }`).join(' ')} }`),
    fc.integer({ min: 1, max: 5000 }).map((n) => `{ me { ${'role '.repeat(n)}} }`),
    fc
      .integer({ min: 1, max: 200 })
      .map((n) => `{ me @include(if: true) ${'@skip(if: false) '.repeat(n)}{ role } }`),
    fc.constantFrom(
      '{ __schema { types { name fields { name type { name ofType { name ofType { name } } } } } } }',
      '{ __type(name: "Organization") { name fields { name } } }',
      'subscription { me { role } }',
      'mutation { me { role } }',
      '{ me { role } } { me { email } }',
      'query A { me { role } } query A { me { role } }',
      '"""doc""" type X { a: Int }',
    ),
  )
  .map((query) => post('bad document', JSON.stringify({ query })));

/** The right body with the wrong content type, and the reverse. */
const contentTypes = fc
  .tuple(
    fc.constantFrom(
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/json; charset=latin1',
      'APPLICATION/JSON',
      'application/graphql',
      'application/xml',
      'text/csv',
      'application/x-ndjson',
      'application/octet-stream',
      '*/*',
      'application/json, text/plain',
      'application/json; boundary=;;;',
      '',
    ),
    fc.constantFrom(
      '{"query":"{ me { role } }"}',
      '{ me { role } }',
      'query=%7B%20me%20%7B%20role%20%7D%20%7D',
      '--x\r\nContent-Disposition: form-data; name="query"\r\n\r\n{ me { role } }\r\n--x--',
      '',
    ),
  )
  .map(([type, body]) => post('content type', body, type ? { 'content-type': type } : {}));

/** Methods, paths, query strings and headers the routes do not expect. */
const httpOddities = fc.oneof(
  fc
    .tuple(
      fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD'),
      fc.constantFrom(
        '/graphql',
        '/graphql/',
        '//graphql',
        '/GRAPHQL',
        '/graphql?query=',
        '/graphql?query=%7B%20me%20%7B%20role%20%7D%20%7D',
        '/graphql?query=%7B%20me%20%7B%20role%20%7D%20%7D&variables=%5B%5D',
        '/graphql?query=mutation%20%7B%20revokeApiKey(input%3A%7Bid%3A%22x%22%7D)%20%7B%20id%20%7D%20%7D',
        '/graphql?query[]=a',
        '/graphql?query=%ZZ',
        '/health',
        '/health/',
        '/health?x=%00',
        '/graphiql',
        '/graphiql/assets/..%2f..%2fpackage.json',
        '/graphiql/assets/%2e%2e%2fsecret.js',
        '/graphiql/assets/' + 'a'.repeat(300) + '.js',
        '/imports',
        '/imports/',
        '/evidence/files/',
        '/export/ftm',
        '/%',
        '/%00',
        '/..%2f..%2fetc%2fpasswd',
        '/' + 'a'.repeat(5000),
        '/graphql?' + 'a=1&'.repeat(2000),
      ),
    )
    .map(([method, url]): FuzzRequest => ({
      category: 'http',
      method: method,
      url,
      headers: {},
      as: 'ADMIN',
    })),
  fc
    .constantFrom(
      'Bearer',
      'Bearer ',
      'bearer st_00000000_' + 'A'.repeat(43),
      'Basic YWRtaW46YWRtaW4=',
      'Bearer st_zz_abc',
      'Bearer ' + 'x'.repeat(10_000),
      'Bearer st_00000000_' + 'A'.repeat(43) + ' extra',
      'Token abc',
      '\u0000',
      ...NASTY_STRINGS.slice(0, 20),
    )
    .chain((authorization) =>
      fc.ipV4().map((remoteAddress): FuzzRequest => ({
        ...post('auth', '{"query":"{ me { role } }"}', { ...JSON_TYPE, authorization }),
        as: 'none',
        remoteAddress,
      })),
    ),
  fc
    .record({
      'x-request-id': fc.oneof(fc.constantFrom(...NASTY_STRINGS.slice(0, 25)), fc.string()),
      accept: fc.constantFrom(
        'text/html',
        'application/xml',
        '*/*',
        'application/graphql-response+json',
        '',
      ),
    })
    .map((headers): FuzzRequest => ({
      ...post('headers', '{"query":"{ me { role } }"}', { ...JSON_TYPE, ...headers }),
    })),
);

/** The REST routes: imports of any kind and body, evidence files by bad ids and hashes. */
const restRoutes = fc.oneof(
  fc
    .tuple(
      fc.constantFrom(
        ...IMPORT_KINDS,
        '__proto__',
        'constructor',
        'toString',
        'nope',
        '%00',
        'ORGANIZATIONS',
      ),
      fc.constantFrom(
        'text/csv',
        'application/x-ndjson',
        'application/ndjson',
        'application/json',
        'text/plain',
        '',
      ),
      fc.oneof(
        fc.string({ unit: 'binary', maxLength: 300 }),
        fc.constantFrom(
          'name,country\n"unterminated,RU\nGood Co,RU\n',
          'name,country\nA,B,C,D,E\n',
          '\uFEFFname,country\nBOM Ltd,RU\n',
          'name\n' + 'x'.repeat(100_000) + '\n',
          '{"name":{"$ne":1},"country":"RU"}\n{"name":"ok"\n',
          '[1,2,3]\nnull\n"string"\n',
          'name,country\nA\u0000B,RU\n',
          '',
        ),
        fc
          .array(fc.array(fc.constantFrom(...NASTY_STRINGS.slice(0, 30)), { maxLength: 6 }), {
            maxLength: 5,
          })
          .map((rows) =>
            [
              'exporter_name,importer_name,shipped_on,quantity',
              ...rows.map((r) => r.map((c) => JSON.stringify(c)).join(',')),
            ].join('\n'),
          ),
      ),
      fc.constantFrom(
        '',
        '?dryRun',
        '?dryRun=1&strict',
        '?source=%00',
        '?source=' + 'x'.repeat(500),
        '?dryRun=maybe',
      ),
    )
    .map(([kind, type, body, query]): FuzzRequest => ({
      category: 'imports',
      method: 'POST',
      url: `/imports/${kind}${query}`,
      headers: type ? { 'content-type': type } : {},
      payload: body,
      as: 'ADMIN',
    })),
  fc
    .tuple(
      fc.oneof(fc.constantFrom(...BAD_IDS), fc.uuid()),
      fc.string({ unit: 'binary', maxLength: 200 }),
    )
    .map(([id, body]): FuzzRequest => ({
      category: 'evidence upload',
      method: 'POST',
      url: `/evidence/${encodeURIComponent(id)}/files`,
      headers: { 'content-type': 'multipart/form-data; boundary=----x' },
      payload: `------x\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\n\r\n${body}`,
      as: 'INVESTIGATOR',
    })),
  fc
    .oneof(
      fc.constantFrom(
        '0'.repeat(64),
        'F'.repeat(64),
        'g'.repeat(64),
        '..',
        '%2e%2e',
        'x'.repeat(65),
      ),
      stringFor('sha256'),
    )
    .map((sha): FuzzRequest => ({
      category: 'evidence download',
      method: 'GET',
      url: `/evidence/files/${encodeURIComponent(sha)}`,
      headers: {},
      as: 'ANALYST',
    })),
);

/** Requests that answered 500 before (issue 10), sent every time. */
export const KNOWN_CASES: FuzzRequest[] = [
  post('known', '{"query":123}'),
  post('known', '{"query":true}'),
  post('known', '{"query":"[]"}'),
  { category: 'known', method: 'GET', url: '/graphql?query=[]', headers: {}, as: 'ADMIN' },
  { category: 'known', method: 'GET', url: '/graphql?query=1', headers: {}, as: 'ADMIN' },
  post('known', '{"query":"{ me { role } }"}', { 'content-type': 'application/graphql' }),
  post(
    'known',
    JSON.stringify({
      query: `{ ...F0 } ${Array.from({ length: 2000 }, (_, i) => `fragment F${i} on Query { ...F${i + 1} }`).join(' ')} fragment F2000 on Query { me { role } }`,
    }),
  ),
  post(
    'known',
    `{"query":"mutation($x: JSON) { createOrganization(input: { name: \\"Deep\\", registrationIds: $x }) { id } }","variables":{"x":${'{"a":'.repeat(3000)}1${'}'.repeat(3000)}}}`,
  ),
  post(
    'known',
    '{"query":"mutation($i: CreateApiKeyInput!) { createApiKey(input: $i) { secret } }","variables":{"i":{"email":"a\\ud83d@example.org","role":"ANALYST"}}}',
  ),
  ...['__proto__', 'constructor', 'toString'].map((kind): FuzzRequest => ({
    category: 'known',
    method: 'POST',
    url: `/imports/${kind}`,
    headers: { 'content-type': 'text/csv' },
    payload: 'name\nx\n',
    as: 'ADMIN',
  })),
];

/** Every category of bad request, weighted to the schema's operations. */
export const fuzzRequests = (schema: GraphQLSchema, pools: Pools): fc.Arbitrary<FuzzRequest> => {
  const operations = operationOn(schema, pools);
  return fc.oneof(
    { weight: 10, arbitrary: schemaOperations(schema, pools) },
    { weight: 2, arbitrary: malformedBodies(operations) },
    { weight: 2, arbitrary: badDocuments },
    { weight: 1, arbitrary: contentTypes },
    { weight: 2, arbitrary: httpOddities },
    { weight: 2, arbitrary: restRoutes },
  );
};
