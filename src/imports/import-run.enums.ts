/** Where an import run stands: written RUNNING before its first batch, then DONE or FAILED. */
export enum ImportRunStatus {
  RUNNING = 'RUNNING',
  DONE = 'DONE',
  FAILED = 'FAILED',
}
