export enum RouteSource {
  DETECTED = 'DETECTED',
  MANUAL = 'MANUAL',
}

export enum RouteStatus {
  OPEN = 'OPEN',
  UNDER_REVIEW = 'UNDER_REVIEW',
  CONFIRMED = 'CONFIRMED',
  DISMISSED = 'DISMISSED',
}

/** One red flag on a route, as stored in `route.red_flags`. */
export interface RedFlag {
  code: string;
  weight: number;
  explanation: string;
}

export enum RouteDetectionMode {
  /** Every flow of the trade data. */
  FULL = 'FULL',
  /** Only the flows touched by shipments written since the last run began. */
  INCREMENTAL = 'INCREMENTAL',
}

export enum RouteDetectionStatus {
  RUNNING = 'RUNNING',
  DONE = 'DONE',
  FAILED = 'FAILED',
}
