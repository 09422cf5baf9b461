import { VerificationStatus } from '../findings/finding.enums.js';
import type { FindingModel } from '../findings/finding.model.js';
import type { TraceRouteModel } from './component-trace.model.js';

export interface SeenDates {
  firstSeen: string | null;
  lastSeen: string | null;
}

/**
 * The first and last dates the part was seen (YYYY-MM-DD): the earliest and latest of its findings'
 * recovery dates (retracted findings, withdrawn as wrong, left out) and of the first and last
 * shipping dates of the routes that carried this very part (routes in the trace by HS code only
 * may have carried other parts, and are left out). Null when nothing has a date.
 */
export function seenDates(findings: FindingModel[], routes: TraceRouteModel[]): SeenDates {
  const dates = [
    ...findings
      .filter((f) => f.verificationStatus !== VerificationStatus.RETRACTED)
      .map((f) => f.recoveredOn),
    ...routes
      .filter((r) => !r.byHsCode)
      .flatMap((r) => [r.route.firstShippedOn, r.route.lastShippedOn]),
  ]
    .filter((d): d is string => d !== null)
    .sort();
  return { firstSeen: dates.at(0) ?? null, lastSeen: dates.at(-1) ?? null };
}
