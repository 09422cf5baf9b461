import { jest } from '@jest/globals';
import { ForbiddenException } from '@nestjs/common';
import { GraphQLError } from 'graphql';
import { QueryFailedError } from 'typeorm';
import { AppError, ErrorCode } from '../errors.js';
import { formatGraphQLError, mercuriusErrorFormatter } from './format-error.js';

const wrap = (original: Error) =>
  new GraphQLError(original.message, { originalError: original, path: ['x'] });

describe('formatGraphQLError', () => {
  const log = { error: jest.fn() };
  beforeEach(() => log.error.mockReset());

  it('passes an AppError through with its code and details', () => {
    const out = formatGraphQLError(
      wrap(AppError.badInput('bad', [{ field: 'first', messages: ['too big'] }])),
      log,
    );
    expect(out.extensions).toEqual({
      code: ErrorCode.BAD_USER_INPUT,
      fields: [{ field: 'first', messages: ['too big'] }],
    });
    expect(log.error).not.toHaveBeenCalled();
  });

  it('maps an HTTP exception to its code', () => {
    expect(formatGraphQLError(wrap(new ForbiddenException()), log).extensions?.code).toBe(
      ErrorCode.FORBIDDEN,
    );
  });

  it('masks and logs anything unexpected', () => {
    const secret = new Error('relation "app_user" does not exist at /srv/app/x.js:1');
    const out = formatGraphQLError(wrap(secret), log);
    expect(out).toEqual({
      message: 'Internal server error',
      path: ['x'],
      extensions: { code: ErrorCode.INTERNAL },
    });
    expect(JSON.stringify(out)).not.toMatch(/app_user|\/srv/);
    expect(log.error).toHaveBeenCalledTimes(1);
  });

  it('answers database data errors as BAD_USER_INPUT and duplicates as CONFLICT, without SQL', () => {
    const dbError = (code: string) =>
      new QueryFailedError(
        'SELECT * FROM component WHERE id = $1',
        ['x'],
        Object.assign(new Error('invalid input syntax for type uuid'), { code }),
      );
    const bad = formatGraphQLError(wrap(dbError('22P02')), log);
    expect(bad.extensions?.code).toBe(ErrorCode.BAD_USER_INPUT);
    expect(JSON.stringify(bad)).not.toMatch(/SELECT|uuid/);
    expect(formatGraphQLError(wrap(dbError('23505')), log).extensions?.code).toBe(
      ErrorCode.CONFLICT,
    );
    expect(formatGraphQLError(wrap(dbError('40P01')), log).extensions?.code).toBe(
      ErrorCode.INTERNAL,
    );
  });

  it('codes GraphQL syntax errors', () => {
    expect(
      formatGraphQLError(new GraphQLError('Syntax Error: Expected Name'), log).extensions?.code,
    ).toBe('GRAPHQL_PARSE_FAILED');
  });

  it('codes a query over the token limit QUERY_TOO_LARGE', () => {
    const tooMany = new GraphQLError(
      'Syntax Error: Document contains more that 1000 tokens. Parsing aborted.',
    );
    expect(formatGraphQLError(tooMany, log).extensions?.code).toBe(ErrorCode.QUERY_TOO_LARGE);
  });

  it('answers a request Fastify could not read with its status and a code', () => {
    const format = mercuriusErrorFormatter(log);
    const unsupported = Object.assign(new Error('Unsupported Media Type'), { statusCode: 415 });
    const notJson = Object.assign(new Error('Body is not valid JSON'), { statusCode: 400 });
    const res = format({ errors: [wrap(unsupported)] });
    expect(res.statusCode).toBe(415);
    expect(res.response.errors[0].extensions?.code).toBe(ErrorCode.UNSUPPORTED_MEDIA_TYPE);
    expect(format({ errors: [wrap(notJson)] }).statusCode).toBe(400);
    expect(log.error).not.toHaveBeenCalled();
  });

  it('answers 500 only when an unexpected error left no data', () => {
    const format = mercuriusErrorFormatter(log);
    expect(format({ data: null, errors: [wrap(new Error('boom'))] }).statusCode).toBe(500);
    expect(format({ data: { a: null }, errors: [wrap(new Error('boom'))] }).statusCode).toBe(200);
    expect(format({ data: null, errors: [wrap(AppError.notFound('X', '1'))] }).statusCode).toBe(
      200,
    );
  });
});
