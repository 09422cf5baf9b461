import { jest } from '@jest/globals';
import { ForbiddenException } from '@nestjs/common';
import { GraphQLError } from 'graphql';
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

  it('codes GraphQL syntax errors', () => {
    expect(
      formatGraphQLError(new GraphQLError('Syntax Error: Expected Name'), log).extensions?.code,
    ).toBe('GRAPHQL_PARSE_FAILED');
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
