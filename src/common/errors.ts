import { GraphQLError } from 'graphql';

export enum ErrorCode {
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  NOT_FOUND = 'NOT_FOUND',
  CONFLICT = 'CONFLICT',
  RATE_LIMITED = 'RATE_LIMITED',
  QUERY_TOO_DEEP = 'QUERY_TOO_DEEP',
  QUERY_TOO_COSTLY = 'QUERY_TOO_COSTLY',
  TOO_MANY_ALIASES = 'TOO_MANY_ALIASES',
  BATCHED_QUERIES_NOT_ALLOWED = 'BATCHED_QUERIES_NOT_ALLOWED',
  PAYLOAD_TOO_LARGE = 'PAYLOAD_TOO_LARGE',
  EVIDENCE_FILE_CORRUPT = 'EVIDENCE_FILE_CORRUPT',
  /** The query text is longer, or has more tokens, than the API accepts. */
  QUERY_TOO_LARGE = 'QUERY_TOO_LARGE',
  /** A request the HTTP layer could not read: malformed body, wrong shape, bad headers. */
  BAD_REQUEST = 'BAD_REQUEST',
  UNSUPPORTED_MEDIA_TYPE = 'UNSUPPORTED_MEDIA_TYPE',
  METHOD_NOT_ALLOWED = 'METHOD_NOT_ALLOWED',
  URI_TOO_LONG = 'URI_TOO_LONG',
  HEADERS_TOO_LARGE = 'HEADERS_TOO_LARGE',
  INTERNAL = 'INTERNAL_SERVER_ERROR',
}

export interface FieldProblem {
  field: string;
  messages: string[];
}

/** The one error type the service throws on purpose; its code reaches the client in `extensions.code`. */
export class AppError extends GraphQLError {
  constructor(
    readonly code: ErrorCode,
    message: string,
    details: Record<string, unknown> = {},
  ) {
    super(message, { extensions: { ...details, code } });
    this.name = 'AppError';
  }

  static badInput(message: string, fields: FieldProblem[] = []): AppError {
    return new AppError(ErrorCode.BAD_USER_INPUT, message, fields.length ? { fields } : {});
  }

  static notFound(what: string, id: string): AppError {
    return new AppError(ErrorCode.NOT_FOUND, `${what} ${id} not found`);
  }
}

/** HTTP status for an error code, for the REST routes beside GraphQL. */
export const httpStatusOf: Record<ErrorCode, number> = {
  [ErrorCode.BAD_USER_INPUT]: 400,
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.NOT_FOUND]: 404,
  [ErrorCode.CONFLICT]: 409,
  [ErrorCode.RATE_LIMITED]: 429,
  [ErrorCode.QUERY_TOO_DEEP]: 400,
  [ErrorCode.QUERY_TOO_COSTLY]: 400,
  [ErrorCode.TOO_MANY_ALIASES]: 400,
  [ErrorCode.BATCHED_QUERIES_NOT_ALLOWED]: 400,
  [ErrorCode.PAYLOAD_TOO_LARGE]: 413,
  [ErrorCode.EVIDENCE_FILE_CORRUPT]: 409,
  [ErrorCode.QUERY_TOO_LARGE]: 400,
  [ErrorCode.BAD_REQUEST]: 400,
  [ErrorCode.UNSUPPORTED_MEDIA_TYPE]: 415,
  [ErrorCode.METHOD_NOT_ALLOWED]: 405,
  [ErrorCode.URI_TOO_LONG]: 414,
  [ErrorCode.HEADERS_TOO_LARGE]: 431,
  [ErrorCode.INTERNAL]: 500,
};

/** The error code for an HTTP status raised by the framework (Nest or Fastify). */
export const codeOfHttpStatus: Record<number, ErrorCode> = {
  400: ErrorCode.BAD_USER_INPUT,
  401: ErrorCode.UNAUTHENTICATED,
  403: ErrorCode.FORBIDDEN,
  404: ErrorCode.NOT_FOUND,
  405: ErrorCode.METHOD_NOT_ALLOWED,
  409: ErrorCode.CONFLICT,
  413: ErrorCode.PAYLOAD_TOO_LARGE,
  414: ErrorCode.URI_TOO_LONG,
  415: ErrorCode.UNSUPPORTED_MEDIA_TYPE,
  429: ErrorCode.RATE_LIMITED,
  431: ErrorCode.HEADERS_TOO_LARGE,
};

/** The code of any client error status: its own, else BAD_REQUEST. */
export const codeOfClientStatus = (status: number): ErrorCode =>
  codeOfHttpStatus[status] ?? ErrorCode.BAD_REQUEST;
