import { HttpException } from '@nestjs/common';
import { type ExecutionResult, GraphQLError, type GraphQLFormattedError } from 'graphql';
import { AppError, ErrorCode } from '../errors.js';

interface Log {
  error(obj: unknown, msg?: string): void;
}

const codeOfStatus: Record<number, ErrorCode> = {
  400: ErrorCode.BAD_USER_INPUT,
  401: ErrorCode.UNAUTHENTICATED,
  403: ErrorCode.FORBIDDEN,
  404: ErrorCode.NOT_FOUND,
  409: ErrorCode.CONFLICT,
};

/** The code of an error that GraphQL itself raised (syntax, validation, variable values). */
function graphqlErrorCode(error: GraphQLError): string {
  const given = error.extensions?.code;
  if (typeof given === 'string') return given;
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
    return { ...base, extensions: { code: graphqlErrorCode(error) } };
  }
  if (original instanceof HttpException && codeOfStatus[original.getStatus()]) {
    const code = codeOfStatus[original.getStatus()];
    return { ...base, message: original.message, extensions: { code } };
  }
  const status = (original as { statusCode?: unknown }).statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    // Mercurius' own request errors (body, batching, ...): the client's fault, said plainly.
    const code = codeOfStatus[status] ?? 'BAD_REQUEST';
    return { ...base, message: original.message, extensions: { code } };
  }
  log.error({ err: original, path: error.path }, 'unexpected error in a GraphQL request');
  const masked = { message: 'Internal server error', path: error.path };
  return { ...masked, extensions: { code: ErrorCode.INTERNAL } };
}

/** Mercurius wraps GraphQL's own request errors (syntax, validation, variables) in one error. */
function unwrapRequestErrors(error: GraphQLError): GraphQLError[] {
  const inner = (error.originalError as { errors?: unknown } | undefined)?.errors;
  return Array.isArray(inner) ? (inner as GraphQLError[]) : [error];
}

/** Mercurius `errorFormatter`: formats every error; HTTP 200 unless the request could not run at all. */
export function mercuriusErrorFormatter(log: Log) {
  return (execution: ExecutionResult & { errors: readonly GraphQLError[] }) => {
    const errors = execution.errors
      .flatMap(unwrapRequestErrors)
      .map((e) => formatGraphQLError(e, log));
    const notRun = execution.data === undefined || execution.data === null;
    const code = (e: GraphQLFormattedError) => String(e.extensions?.code);
    const requestInvalid = notRun && errors.every((e) => code(e).startsWith('GRAPHQL_'));
    const unexpected = notRun && errors.some((e) => code(e) === String(ErrorCode.INTERNAL));
    const statusCode = requestInvalid ? 400 : unexpected ? 500 : 200;
    return { statusCode, response: { data: execution.data ?? null, errors } };
  };
}
