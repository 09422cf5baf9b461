import { AppError, ErrorCode } from '../common/errors.js';
import { EvidenceStatus } from './evidence.enums.js';

const { DRAFT, REVIEWED, PUBLISHED, RETRACTED } = EvidenceStatus;

/** The review workflow: DRAFT → REVIEWED → PUBLISHED, and RETRACTED from any state. Nothing else. */
const MOVES: Record<EvidenceStatus, EvidenceStatus[]> = {
  [DRAFT]: [REVIEWED, RETRACTED],
  [REVIEWED]: [PUBLISHED, RETRACTED],
  [PUBLISHED]: [RETRACTED],
  [RETRACTED]: [],
};

/** Checks a status change; the reviewer and the publisher must not be the author (four eyes). */
export function assertStatusMove(
  from: EvidenceStatus,
  to: EvidenceStatus,
  actorId: string | null,
  authorId: string | null,
): void {
  if (!MOVES[from].includes(to)) {
    const allowed = MOVES[from].length ? MOVES[from].join(' or ') : 'nothing (it is final)';
    throw AppError.badInput(`Evidence cannot move from ${from} to ${to}`, [
      { field: 'status', messages: [`from ${from} the status can move to ${allowed}`] },
    ]);
  }
  if ((to === REVIEWED || to === PUBLISHED) && authorId !== null && actorId === authorId) {
    throw new AppError(
      ErrorCode.FORBIDDEN,
      'Four eyes: the author of an evidence record cannot review or publish it; another investigator must',
    );
  }
}
