import {
  getNamedType,
  getNullableType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
} from 'graphql';
import type { FuzzRequest } from './requests.js';
import { BAD_CURSORS } from './values.js';

/**
 * Requests with a known answer: a value that is certainly invalid (a date that is not, an id that
 * is no UUID, a cursor of another list) must be refused with BAD_USER_INPUT, where the same request
 * without it is not; an id in capitals must find what it finds in small letters.
 */
export interface ProbeGroup {
  category: string;
  /** The request with valid values: when it is refused itself, the probes prove nothing. */
  baseline: FuzzRequest;
  probes: {
    request: FuzzRequest;
    expect: 'refused' | 'same data as baseline' | 'same codes as baseline';
  }[];
}

/** Date-times that RFC 3339 does not allow, or that name no day. */
const NOT_DATE_TIMES = [
  '',
  '0',
  '1',
  'March 7, 2024',
  '2024-02-30T00:00:00Z',
  '2023-02-29T00:00:00Z',
  '2024-13-01T00:00:00Z',
  '2024-01-01T24:00:00Z',
  '2024-01-01T00:00:00',
  '-000001-01-01T00:00:00Z',
  '+275760-09-13T00:00:00Z',
];
/** Dates (YYYY-MM-DD) that are not. */
const NOT_DATES = [
  '',
  '0',
  '1',
  'March 7, 2024',
  '2024-02-30',
  '2023-02-29',
  '2024-13-01',
  '2024-00-10',
  '-0001-01-01',
  '20240101',
  '2024-1-1',
];
/** Ids that are no UUID. */
const NOT_IDS = [
  '',
  '1',
  'abc',
  '00000000-0000-4000-8000-00000000000',
  '00000000-0000-4000-8000-0000000000000',
  'g0000000-0000-4000-8000-000000000000',
  "00000000-0000-4000-8000-000000000000' OR '1'='1",
  '1'.repeat(1000),
];
const SOME_ID = '00000000-0000-4000-8000-000000000000';
/** An argument that must be given: non-null, with no default. */
const required = (a: GraphQLArgument) => isNonNullType(a.type) && a.defaultValue === undefined;
const DATE_NAME = /^(from|to)$|(On|At)$/;

type Field = GraphQLField<unknown, unknown>;

const graphql = (category: string, query: string, variables: Record<string, unknown>) =>
  ({
    category,
    method: 'POST',
    url: '/graphql',
    headers: { 'content-type': 'application/json' },
    payload: JSON.stringify({ query, variables }),
    as: 'ADMIN',
  }) as FuzzRequest;

/** Valid text for string fields whose name says what they hold. */
const TEXT_BY_NAME: [RegExp, string][] = [
  [DATE_NAME, '2024-02-29'],
  [/[cC]ountry$/, 'DE'],
  [/^hsCode$/, '854231'],
  [/^email$/, 'probe@example.org'],
  [/^sha256$/, '0'.repeat(64)],
  [/[uU]rl$/, 'https://example.org/probe'],
];

/** Real ids by table, for the id fields that name them. */
export type IdsByTable = Record<string, string[]>;
const TABLE_OF_ID: [RegExp, string][] = [
  [
    /^(organization|exporter|importer|manufacturer|parent|successor|keep|duplicate)Id$/,
    'organization',
  ],
  [/^componentId$/, 'component'],
  [/^(evidence|otherEvidence)Id$/, 'evidence'],
  [/^weaponSystemId$/, 'weapon_system'],
  [/^strikeReportId$/, 'strike_report'],
];
let idsByTable: IdsByTable = {};

/** The least valid value of a type: required fields only; undefined when there is none. */
function minimal(type: GraphQLInputType, n: number, name = ''): unknown {
  if (isNonNullType(type)) return minimal(type.ofType, n, name);
  if (isListType(type)) return [];
  if (isEnumType(type)) return type.getValues()[0].name;
  if (isInputObjectType(type)) {
    const out: Record<string, unknown> = {};
    for (const field of Object.values(type.getFields())) {
      if (!isNonNullType(field.type)) continue;
      const value = minimal(field.type, n, field.name);
      if (value === undefined) return undefined;
      out[field.name] = value;
    }
    return out;
  }
  const named = TEXT_BY_NAME.find(([pattern]) => pattern.test(name))?.[1];
  const table = TABLE_OF_ID.find(([pattern]) => pattern.test(name))?.[1];
  const ids = table ? idsByTable[table] : undefined;
  const values: Record<string, unknown> = {
    String: named ?? `Fuzz probe ${n}`,
    // Two ids of one input (merge's keep and duplicate, corroboration's two records) differ.
    ID:
      ids?.[/^(other|duplicate)/.test(name) ? 1 : 0] ??
      `${SOME_ID.slice(0, 24)}${String(n).padStart(12, '0')}`,
    Int: 1,
    Float: 1,
    Boolean: false,
    DateTime: '2024-02-29T12:00:00Z',
    JSON: {},
  };
  return values[getNamedType(type).name];
}

const selection = (field: Field) => (isLeafType(getNamedType(field.type)) ? '' : '{ __typename }');

/** `root field(arg: $arg, ...)` with every argument a variable. */
function call(kind: 'query' | 'mutation', field: Field, args: readonly GraphQLArgument[]) {
  const declared = args.map((a) => `$${a.name}: ${String(a.type)}`).join(', ');
  const given = args.map((a) => `${a.name}: $${a.name}`).join(', ');
  return `${kind}${declared ? `(${declared})` : ''} { ${field.name}${given ? `(${given})` : ''} ${selection(field)} }`;
}

function rootFields(schema: GraphQLSchema) {
  return (['query', 'mutation'] as const).flatMap((kind) => {
    const type = kind === 'query' ? schema.getQueryType() : schema.getMutationType();
    return type ? Object.values(type.getFields()).map((field) => ({ kind, field })) : [];
  });
}

/** Every date and date-time an operation takes, in turn set to values that are none. */
function dateProbes(schema: GraphQLSchema): ProbeGroup[] {
  const groups: ProbeGroup[] = [];
  let n = 0;
  for (const { kind, field } of rootFields(schema)) {
    for (const arg of field.args) {
      const input = getNamedType(arg.type);
      if (!isInputObjectType(input)) continue;
      for (const leaf of Object.values(input.getFields())) {
        const scalar = getNamedType(leaf.type).name;
        const bad =
          scalar === 'DateTime'
            ? NOT_DATE_TIMES
            : scalar === 'String' && DATE_NAME.test(leaf.name)
              ? NOT_DATES
              : null;
        if (!bad) continue;
        const variables: Record<string, unknown> = {};
        for (const a of field.args) {
          if (a === arg || required(a)) variables[a.name] = minimal(a.type, ++n) ?? {};
        }
        const used = field.args.filter((a) => a.name in variables);
        const query = call(kind, field, used);
        const category = `date ${field.name}.${arg.name}.${leaf.name}`;
        const withLeaf = (value: string) =>
          graphql(category, query, {
            ...variables,
            [arg.name]: { ...(variables[arg.name] as object), [leaf.name]: value },
          });
        groups.push({
          category,
          baseline: withLeaf(scalar === 'DateTime' ? '2024-02-29T12:00:00Z' : '2024-02-29'),
          probes: bad.map((value) => ({ request: withLeaf(value), expect: 'refused' })),
        });
      }
    }
  }
  return groups;
}

/** Where an operation takes an id: an argument, or a field of an input argument. */
interface IdLeaf {
  arg: GraphQLArgument;
  /** The field of the input argument; none for an argument that is itself the id. */
  field?: string;
  /** The table its ids are of, when the name says. */
  table?: string;
}

function idLeaves(root: Field): IdLeaf[] {
  const tableOf = (name: string) => TABLE_OF_ID.find(([pattern]) => pattern.test(name))?.[1];
  return root.args.flatMap((arg): IdLeaf[] => {
    const type = getNamedType(arg.type);
    if (type.name === 'ID' && !isListType(arg.type)) {
      // `organization(id:)`: the table its name says.
      return [{ arg, table: tableOf(arg.name === 'id' ? `${root.name}Id` : arg.name) }];
    }
    if (!isInputObjectType(type)) return [];
    return Object.values(type.getFields())
      .filter((f) => getNamedType(f.type).name === 'ID' && !isListType(getNullableType(f.type)))
      .map((f) => ({ arg, field: f.name, table: f.name === 'id' ? undefined : tableOf(f.name) }));
  });
}

/** Creates something new each time it is called: two calls can be compared. */
const CREATES = /^(create|add|record|report|link|flag)[A-Z]/;

/**
 * At every id an operation takes: values that are no UUID are refused; a real id written in
 * capitals is the same id (a query answers the same, a mutation that creates succeeds the same).
 */
function idProbes(schema: GraphQLSchema): ProbeGroup[] {
  const groups: ProbeGroup[] = [];
  let n = 0;
  for (const { kind, field } of rootFields(schema)) {
    for (const leaf of idLeaves(field)) {
      const args = field.args.filter((a) => a === leaf.arg || required(a));
      const query = call(kind, field, args);
      const request = (id: string) => {
        const variables: Record<string, unknown> = {};
        for (const a of args) variables[a.name] = minimal(a.type, ++n, a.name) ?? {};
        if (leaf.field) {
          variables[leaf.arg.name] = { ...(variables[leaf.arg.name] as object), [leaf.field]: id };
        } else variables[leaf.arg.name] = id;
        return graphql(
          `id ${field.name}.${leaf.arg.name}${leaf.field ? `.${leaf.field}` : ''}`,
          query,
          variables,
        );
      };
      const ids = leaf.table ? idsByTable[leaf.table] : undefined;
      const real = ids?.[leaf.field && /^(other|duplicate)/.test(leaf.field) ? 1 : 0];
      const base = request(real ?? SOME_ID);
      groups.push({
        category: base.category,
        baseline: base,
        probes: NOT_IDS.map((id) => ({ request: request(id), expect: 'refused' })),
      });
      if (real && (kind === 'query' || CREATES.test(field.name))) {
        groups.push({
          category: `id in capitals ${base.category.slice(3)}`,
          baseline: request(real),
          probes: [
            {
              request: request(real.toUpperCase()),
              expect: kind === 'query' ? 'same data as baseline' : 'same codes as baseline',
            },
          ],
        });
      }
    }
  }
  return groups;
}

/** A list and one of its orders, with the cursor it gave. */
export interface ListCursor {
  field: string;
  orderBy?: string;
  cursor: string;
}

/** The lists of the schema (connections), each with every order it has. */
export function lists(schema: GraphQLSchema): { field: string; orderBy?: string }[] {
  return Object.values(schema.getQueryType()!.getFields()).flatMap((field) => {
    const type = getNamedType(field.type);
    const paged = isObjectType(type) && 'pageInfo' in type.getFields();
    if (!paged || field.args.some(required)) return [];
    const order = getNamedType(field.args.find((a) => a.name === 'orderBy')?.type);
    if (!order || !isEnumType(order)) return [{ field: field.name }];
    const values = order.getValues();
    return values.map((v) => ({ field: field.name, orderBy: v.name }));
  });
}

/** A cursor is for its own list and order: another's, or one never given, is refused. */
function cursorProbes(cursors: ListCursor[]): ProbeGroup[] {
  const page = (list: ListCursor, after: string) =>
    graphql(
      `cursor ${list.field}${list.orderBy ? ` ${list.orderBy}` : ''}`,
      `query($after: String) { ${list.field}(first: 1, after: $after${list.orderBy ? `, orderBy: ${list.orderBy}` : ''}) { pageInfo { hasNextPage } } }`,
      { after },
    );
  return cursors.map((list) => ({
    category: `cursor ${list.field}`,
    baseline: page(list, list.cursor),
    probes: [
      ...cursors.filter((other) => other !== list).map((other) => other.cursor),
      // An empty `after` is read as no cursor (the first page): not counted as a bad one.
      ...BAD_CURSORS.filter(Boolean),
    ].map((after) => ({ request: page(list, after), expect: 'refused' as const })),
  }));
}

export function probeGroups(
  schema: GraphQLSchema,
  real: IdsByTable,
  cursors: ListCursor[],
): ProbeGroup[] {
  idsByTable = real;
  return [...dateProbes(schema), ...idProbes(schema), ...cursorProbes(cursors)];
}
