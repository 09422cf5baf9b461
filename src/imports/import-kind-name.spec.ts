import { AppError, ErrorCode } from '../common/errors.js';
import { ImportsService } from './imports.service.js';

describe('import kind names (the HTTP route and the command line alike)', () => {
  it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'Shipments', ''])(
    'refuses %j as BAD_USER_INPUT',
    (name) => {
      let error: unknown;
      try {
        ImportsService.kindOf(name);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).extensions.code).toBe(ErrorCode.BAD_USER_INPUT);
    },
  );

  it('finds every kind by its name', () => {
    for (const name of [
      'organizations',
      'shipments',
      'sanctions',
      'components',
      'strikes',
      'findings',
    ])
      expect(ImportsService.kindOf(name).name).toBe(name);
  });
});
