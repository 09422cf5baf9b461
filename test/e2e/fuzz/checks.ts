import type { FuzzRequest } from './requests.js';

export interface FuzzResponse {
  statusCode: number;
  headers: Record<string, unknown>;
  body: string;
}

/** What must never reach a client: stack frames, file paths, error classes, SQL, server internals. */
const LEAKS: [string, RegExp][] = [
  ['a stack frame', /\n\s+at |\bat (?:async )?[\w$.<>]+ \(|\.(?:js|ts|mjs|cjs):\d+(?::\d+)?\b/],
  ['a file path', /node_modules|\/work\/|\/tmp\/|\/home\/|\/usr\/|\/srv\/|\/dist\/src|file:\/\//],
  [
    'an error class or internal code',
    /QueryFailedError|TypeORMError|EntityNotFound|\b(?:Type|Range|Reference|Syntax|Eval|URI)Error\b|\bFST_ERR_|\bMER_ERR_|\bERR_[A-Z_]{4,}|ECONNREFUSED/,
  ],
  [
    'SQL',
    /\b(?:SELECT|INSERT INTO|UPDATE|DELETE FROM)\b[\s\S]{0,200}?\b(?:FROM|VALUES|SET|WHERE)\b/,
  ],
  [
    'a database message',
    /violates [a-z -]+ constraint|duplicate key value|invalid input syntax for|relation "[\w.]+"|column "[\w.]+"|current transaction is aborted|syntax error at or near|\bpg_[a-z_]+/,
  ],
  ['a stack property', /"stack"\s*:/],
];

/** Every string of the request (the URL, headers, body, and each string in it if it is JSON). */
function requestStrings(req: FuzzRequest): string[] {
  const out = new Set<string>();
  const add = (s: string) => {
    if (s.length >= 3) {
      out.add(s);
      out.add(JSON.stringify(s).slice(1, -1));
    }
  };
  const walk = (v: unknown): void => {
    if (typeof v === 'string') add(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        add(k);
        walk(x);
      }
    }
  };
  add(req.url);
  try {
    add(decodeURIComponent(req.url));
  } catch {
    // not decodable: kept as it is
  }
  Object.values(req.headers).forEach(add);
  if (req.payload !== undefined) {
    add(req.payload);
    try {
      walk(JSON.parse(req.payload));
    } catch {
      // not JSON
    }
    for (const token of req.payload.split(/[\s,"{}()[\]:]+/)) add(token);
  }
  return [...out].sort((a, b) => b.length - a.length);
}

/** The response with what the client sent removed: an echo of its own input is no leak. */
function withoutEchoes(body: string, req: FuzzRequest): string {
  let text = body;
  for (const s of requestStrings(req)) if (text.includes(s)) text = text.split(s).join('');
  return text;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The codes of an error body: GraphQL's `errors[].extensions.code`, REST's `error.code`. */
function codesOf(json: unknown, graphql: boolean): (string | undefined)[] | null {
  if (!isObject(json)) return null;
  if (graphql && Array.isArray(json.errors)) {
    return json.errors.map((e: unknown) => {
      const code = isObject(e) && isObject(e.extensions) ? e.extensions.code : undefined;
      return typeof code === 'string' ? code : undefined;
    });
  }
  if (isObject(json.error))
    return [typeof json.error.code === 'string' ? json.error.code : undefined];
  return null;
}

/** What is wrong with the answer to a bad request: none of 5xx, uncoded errors, or leaks. */
export function problemsOf(req: FuzzRequest, res: FuzzResponse): string[] {
  const problems: string[] = [];
  if (res.statusCode >= 500) problems.push(`status ${res.statusCode}`);
  const type = res.headers['content-type'];
  let json: unknown;
  if (typeof type === 'string' && type.includes('json') && res.body) {
    try {
      json = JSON.parse(res.body);
    } catch {
      problems.push('a JSON content type with a body that is not JSON');
    }
  }
  const codes = codesOf(json, req.url.split('?')[0] === '/graphql');
  if (res.statusCode >= 400 && req.method !== 'HEAD' && (!codes || !codes.length)) {
    problems.push(`status ${res.statusCode} without an error code`);
  }
  if (codes?.some((c) => c === undefined)) problems.push('an error without a code');
  if (codes?.includes('INTERNAL_SERVER_ERROR')) problems.push('INTERNAL_SERVER_ERROR');
  // Pages and files served as such (GraphiQL's, evidence files) are content, not messages.
  if (json === undefined && res.statusCode < 400) return problems;
  const rest = withoutEchoes(res.body, req);
  for (const [what, pattern] of LEAKS) {
    const found = pattern.exec(rest);
    if (found)
      problems.push(
        `leaks ${what}: …${rest.slice(Math.max(0, found.index - 60), found.index + 80)}…`,
      );
  }
  return problems;
}
