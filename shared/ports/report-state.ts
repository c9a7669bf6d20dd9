/**
 * The latest period each report was made for ('YYYY-MM-DD' for the daily review, 'YYYY-MM' for the
 * monthly statistics): how a run knows a scheduled run was missed and catches up the latest one.
 */
export type ReportKind = 'daily' | 'monthly';

export interface ReportStateStore {
  lastDone(report: ReportKind): Promise<string | undefined>;
  /** Records `period` as done unless a later one is already recorded (a replay never moves it back). */
  markDone(report: ReportKind, period: string, at: Date): Promise<void>;
}
