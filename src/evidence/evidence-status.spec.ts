import { AppError, ErrorCode } from '../common/errors.js';
import { EvidenceStatus } from './evidence.enums.js';
import { assertStatusMove } from './evidence-status.js';

const { DRAFT, REVIEWED, PUBLISHED, RETRACTED } = EvidenceStatus;
const code = (fn: () => void) => {
  try {
    fn();
    return 'ok';
  } catch (e) {
    return (e as AppError).extensions.code;
  }
};

describe('evidence status moves', () => {
  const all = [DRAFT, REVIEWED, PUBLISHED, RETRACTED];
  const allowed = new Set([
    'DRAFT>REVIEWED',
    'REVIEWED>PUBLISHED',
    'DRAFT>RETRACTED',
    'REVIEWED>RETRACTED',
    'PUBLISHED>RETRACTED',
  ]);

  it.each(all.flatMap((from) => all.map((to) => [from, to])))('%s → %s', (from, to) => {
    const result = code(() => assertStatusMove(from, to, 'reviewer', 'author'));
    expect(result).toBe(allowed.has(`${from}>${to}`) ? 'ok' : ErrorCode.BAD_USER_INPUT);
  });

  it('refuses the author as reviewer or publisher, not as retractor', () => {
    expect(code(() => assertStatusMove(DRAFT, REVIEWED, 'a', 'a'))).toBe(ErrorCode.FORBIDDEN);
    expect(code(() => assertStatusMove(REVIEWED, PUBLISHED, 'a', 'a'))).toBe(ErrorCode.FORBIDDEN);
    expect(code(() => assertStatusMove(PUBLISHED, RETRACTED, 'a', 'a'))).toBe('ok');
  });
});
