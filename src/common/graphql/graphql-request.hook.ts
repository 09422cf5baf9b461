import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ErrorCode, httpStatusOf } from '../errors.js';
import { LIMITS } from './limits.js';

/** Content types `POST /graphql` reads. */
const GRAPHQL_BODIES = new Set(['application/json', 'application/graphql']);

/** A lone UTF-16 surrogate: not a character, and no string that holds one is valid Unicode. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

interface Problem {
  code: ErrorCode;
  message: string;
}

const problem = (code: ErrorCode, message: string): Problem => ({ code, message });
const badRequest = (message: string) => problem(ErrorCode.BAD_REQUEST, message);

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * A request to `/graphql` must be one operation with a GraphQL text, and plain JSON variables:
 * anything else is the client's mistake, answered 4xx with a code before GraphQL sees it.
 * (Mercurius would otherwise take a `query` that is a number, an array, or JSON text for a parsed
 * document, and fail on it with a 500.)
 */
export function checkGraphQLRequests(app: NestFastifyApplication): void {
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('preValidation', async (req: FastifyRequest, reply: FastifyReply) => {
      if (req.routeOptions.url !== '/graphql') return;
      const found = req.method === 'POST' ? postProblem(req) : getProblem(req.query);
      if (found) {
        await reply.code(httpStatusOf[found.code]).send({
          data: null,
          errors: [{ message: found.message, extensions: { code: found.code } }],
        });
      }
    });
}

function postProblem(req: FastifyRequest): Problem | null {
  const type = String(req.headers['content-type'] ?? '')
    .split(';')[0]
    .trim()
    .toLowerCase();
  if (!GRAPHQL_BODIES.has(type)) {
    return problem(
      ErrorCode.UNSUPPORTED_MEDIA_TYPE,
      'Send the operation as application/json ({ "query": "...", "variables": {...} }) ' +
        'or its text as application/graphql',
    );
  }
  const body: unknown = req.body;
  if (Array.isArray(body)) {
    return problem(
      ErrorCode.BATCHED_QUERIES_NOT_ALLOWED,
      'Batched requests are not allowed: send one operation per request',
    );
  }
  if (!isObject(body)) return badRequest('The body must be a JSON object with a `query`');
  for (const key of ['variables', 'extensions'] as const) {
    if (body[key] !== undefined && body[key] !== null && !isObject(body[key])) {
      return badRequest(`\`${key}\` must be a JSON object`);
    }
  }
  return operationProblem(body.query, body.operationName) ?? variablesProblem(body.variables);
}

function getProblem(query: unknown): Problem | null {
  const params = isObject(query) ? query : {};
  for (const key of ['variables', 'extensions'] as const) {
    const given = params[key];
    if (given === undefined) continue;
    if (typeof given !== 'string' || !isObject(parseJson(given))) {
      return badRequest(`\`${key}\` must be a JSON object`);
    }
  }
  return (
    operationProblem(params.query, params.operationName) ??
    (typeof params.variables === 'string' ? variablesProblem(parseJson(params.variables)) : null)
  );
}

function operationProblem(query: unknown, operationName: unknown): Problem | null {
  if (typeof query !== 'string' || query.trim() === '') {
    return badRequest('`query` must be the text of a GraphQL operation');
  }
  if (query.length > LIMITS.queryLength) {
    return problem(
      ErrorCode.QUERY_TOO_LARGE,
      `The query text may be at most ${LIMITS.queryLength} characters: pass long values as variables`,
    );
  }
  // No GraphQL operation is valid JSON: this is a JSON body sent with the wrong content type.
  if (parseJson(query) !== undefined) {
    return badRequest('`query` is JSON, not GraphQL: send a JSON body as application/json');
  }
  if (operationName !== undefined && operationName !== null && typeof operationName !== 'string') {
    return badRequest('`operationName` must be a string');
  }
  return null;
}

/** Variables within LIMITS.inputDepth, every string (and key) valid Unicode; walked without recursion. */
function variablesProblem(variables: unknown): Problem | null {
  if (!isObject(variables)) return null;
  const stack: { value: unknown; depth: number }[] = Object.entries(variables).map(
    ([key, value]) => ({ value: [key, value], depth: 0 }),
  );
  while (stack.length) {
    const { value, depth } = stack.pop()!;
    if (typeof value === 'string') {
      if (LONE_SURROGATE.test(value)) {
        return problem(
          ErrorCode.BAD_USER_INPUT,
          'A string in the variables is not valid Unicode (it holds a lone surrogate such as \\ud83d)',
        );
      }
    } else if (typeof value === 'object' && value !== null) {
      if (depth > LIMITS.inputDepth) {
        return problem(
          ErrorCode.BAD_USER_INPUT,
          `Variables may be nested at most ${LIMITS.inputDepth} deep`,
        );
      }
      const items = Array.isArray(value) ? value : Object.entries(value).flat();
      for (const item of items) stack.push({ value: item, depth: depth + 1 });
    }
  }
  return null;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
