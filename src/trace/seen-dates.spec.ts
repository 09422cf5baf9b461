import { VerificationStatus } from '../findings/finding.enums.js';
import type { FindingModel } from '../findings/finding.model.js';
import type { TraceRouteModel } from './component-trace.model.js';
import { seenDates } from './seen-dates.js';

const finding = (recoveredOn: string | null, status = VerificationStatus.REPORTED) =>
  ({ recoveredOn, verificationStatus: status }) as FindingModel;
const route = (first: string | null, last: string | null, byHsCode = false) =>
  ({ byHsCode, route: { firstShippedOn: first, lastShippedOn: last } }) as TraceRouteModel;

describe('seenDates', () => {
  it("spans the findings' recoveries and the part's own routes", () => {
    expect(
      seenDates(
        [finding('2023-05-01'), finding(null), finding('2024-02-10')],
        [route('2022-11-03', '2022-12-01'), route('2023-01-10', '2024-03-15')],
      ),
    ).toEqual({ firstSeen: '2022-11-03', lastSeen: '2024-03-15' });
  });

  it('leaves out retracted findings and routes in the trace by HS code only', () => {
    expect(
      seenDates(
        [finding('2020-01-01', VerificationStatus.RETRACTED), finding('2023-05-01')],
        [route('2019-01-01', '2030-01-01', true)],
      ),
    ).toEqual({ firstSeen: '2023-05-01', lastSeen: '2023-05-01' });
  });

  it('is null when nothing is dated', () => {
    expect(seenDates([finding(null)], [])).toEqual({ firstSeen: null, lastSeen: null });
  });
});
