import { HttpException } from '@nestjs/common';
import { type ExecutionResult, GraphQLError, type GraphQLFormattedError } from 'graphql';
import { QueryFailedError } from 'typeorm';
import {
  AppError,
  codeOfClientStatus,
  codeOfHttpStatus,
  ErrorCode,
  httpStatusOf,
} from '../errors.js';

interface Log {
  error(obj: unknown, msg?: string): void;
  warn?(obj: unknown, msg?: string): void;
}

/**
 * A safety net for input that got past validation to the database: data exceptions (a bad value in a
 * hand-made cursor, a NUL byte in text) and constraint violations are the client's fault, said
 * plainly and without SQL. Services check these first; this only keeps a slip from becoming a 500.
 */
export function databaseInputError(error: unknown): { code: ErrorCode; message: string } | null {
  if (!(error instanceof QueryFailedError)) return null;
  const code = String((error.driverError as { code?: string }).code ?? '');
  if (code === '23505')
    return { code: ErrorCode.CONFLICT, message: 'A record with the same key already exists' };
  if (code === '23503')
    return { code: ErrorCode.BAD_USER_INPUT, message: 'A referenced record does not exist' };
  if (code === '23514' || code === '23502') {
    return { code: ErrorCode.BAD_USER_INPUT, message: 'A value is not allowed for its field' };
  }
  if (code.startsWith('22'))
    return { code: ErrorCode.BAD_USER_INPUT, message: 'A value (or cursor) is not valid' };
  return null;
}

/** The code of an error that GraphQL itself raised (syntax, validation, variable values). */
function graphqlErrorCode(error: GraphQLError): string {
  const original = error.originalError;
  const given =
    error.extensions?.code ??
    (original instanceof GraphQLError ? original.extensions?.code : undefined);
  if (typeof given === 'string') return given;
  // graphql-js' own wording (sic), raised when the text has more than LIMITS.tokens tokens.
  if (/^Syntax Error: Document contains more that \d+ tokens/.test(error.message))
    return ErrorCode.QUERY_TOO_LARGE;
  if (error.message.startsWith('Syntax Error')) return 'GRAPHQL_PARSE_FAILED';
  if (
    /^Variable "\$[^"]+" (got invalid value|of required type|of non-null type)/.test(error.message)
  )
    return ErrorCode.BAD_USER_INPUT;
  return 'GRAPHQL_VALIDATION_FAILED';
}

/**
 * What the client sees of an error: AppErrors and GraphQL's own errors as they are, with a code;
 * Nest's HTTP exceptions by their status; anything else is logged and masked, so no stack trace,
 * SQL or file path leaves the service.
 */
export function formatGraphQLError(error: GraphQLError, log: Log): GraphQLFormattedError {
  const base = { message: error.message, locations: error.locations, path: error.path };
  const original = error.originalError;
  if (original instanceof AppError) {
    return { ...base, message: original.message, extensions: original.extensions };
  }
  // Raised by GraphQL itself: syntax, validation, variable coercion (which wraps a scalar's error).
  if (!original || original === error || original instanceof GraphQLError) {
    const source = original instanceof GraphQLError ? original : error;
    return { ...base, extensions: { ...source.extensions, code: graphqlErrorCode(error) } };
  }
  if (original instanceof HttpException && codeOfHttpStatus[original.getStatus()]) {
    const code = codeOfHttpStatus[original.getStatus()];
    return { ...base, message: original.message, extensions: { code } };
  }
  const fromDatabase = databaseInputError(original);
  if (fromDatabase) {
    log.warn?.({ err: original, path: error.path }, 'database refused a value');
    return { ...base, message: fromDatabase.message, extensions: { code: fromDatabase.code } };
  }
  const status = (original as { statusCode?: unknown }).statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    // Fastify's and Mercurius' own request errors (body, content type, ...): the request could
    // not be read, said plainly.
    const code = status === 400 ? ErrorCode.BAD_REQUEST : codeOfClientStatus(status);
    return { ...base, message: original.message, extensions: { code } };
  }
  log.error({ err: original, path: error.path }, 'unexpected error in a GraphQL request');
  const masked = { message: 'Internal server error', path: error.path };
  return { ...masked, extensions: { code: ErrorCode.INTERNAL } };
}

/** Mercurius' own codes for errors it raises before execution. */
const mercuriusCodes: Record<string, ErrorCode> = {
  MER_ERR_GQL_QUERY_DEPTH: ErrorCode.QUERY_TOO_DEEP,
};

/** Mercurius wraps GraphQL's own request errors (syntax, validation, depth) in one error. */
function unwrapRequestErrors(error: GraphQLError): GraphQLError[] {
  const inner = (error.originalError as { errors?: unknown } | undefined)?.errors;
  if (!Array.isArray(inner)) return [error];
  return (inner as (Error & { code?: string })[]).map((e) => {
    if (e instanceof GraphQLError) return e;
    const code = mercuriusCodes[e.code ?? ''] ?? 'GRAPHQL_VALIDATION_FAILED';
    return new GraphQLError(e.message.replace(/^`|`$/g, ''), { extensions: { code } });
  });
}

/** Errors that stop a request before it runs, answered with their HTTP status (GraphQL's own: 400). */
const REQUEST_ERRORS = new Set<string>([
  ErrorCode.QUERY_TOO_DEEP,
  ErrorCode.QUERY_TOO_COSTLY,
  ErrorCode.TOO_MANY_ALIASES,
  ErrorCode.BATCHED_QUERIES_NOT_ALLOWED,
  ErrorCode.PAYLOAD_TOO_LARGE,
  ErrorCode.QUERY_TOO_LARGE,
  ErrorCode.BAD_REQUEST,
  ErrorCode.UNSUPPORTED_MEDIA_TYPE,
  ErrorCode.METHOD_NOT_ALLOWED,
  ErrorCode.URI_TOO_LONG,
  ErrorCode.HEADERS_TOO_LARGE,
]);
const isRequestError = (code: string) => code.startsWith('GRAPHQL_') || REQUEST_ERRORS.has(code);

/** Mercurius `errorFormatter`: formats every error; HTTP 200 unless the request could not run at all. */
export function mercuriusErrorFormatter(log: Log) {
  return (execution: ExecutionResult & { errors: readonly GraphQLError[] }) => {
    const errors = execution.errors
      .flatMap(unwrapRequestErrors)
      .map((e) => formatGraphQLError(e, log));
    const notRun = execution.data === undefined || execution.data === null;
    const code = (e: GraphQLFormattedError) => String(e.extensions?.code);
    const first = code(errors[0]);
    const requestInvalid = notRun && errors.every((e) => isRequestError(code(e)));
    const unexpected = notRun && errors.some((e) => code(e) === String(ErrorCode.INTERNAL));
    const limited = errors.some((e) => code(e) === String(ErrorCode.RATE_LIMITED));
    const statusCode = requestInvalid
      ? (httpStatusOf[first as ErrorCode] ?? 400)
      : limited
        ? 429
        : unexpected
          ? 500
          : 200;
    return { statusCode, response: { data: execution.data ?? null, errors } };
  };
}
