/**
 * Made for testing: a call counter per API method, Google-like per-minute quotas (reads and writes
 * counted apart, per user and per project, windows from an injectable clock), and faults injected
 * per method: an error status, a delay, a dropped connection, or "applied but answered 503".
 */
import { createHash } from 'node:crypto';
import { ApiError, invalid, type Json } from './model.js';

/** Google's method ids, e.g. `spreadsheets.values.batchGet`; `*` in a fault matches every method. */
export type Method = string;

export type FaultKind = 403 | 429 | 500 | 503 | 'drop' | 'applied-503' | { delayMs: number };

export interface FaultSpec {
  method: Method | '*';
  fault: FaultKind;
  /** How many calls it hits (default 1). */
  times?: number;
}

export interface QuotaConfig {
  readPerMinutePerUser: number;
  readPerMinutePerProject: number;
  writePerMinutePerUser: number;
  writePerMinutePerProject: number;
}

/** The Sheets API's default quotas (https://developers.google.com/sheets/api/limits). */
export const GOOGLE_QUOTAS: QuotaConfig = {
  readPerMinutePerUser: 60,
  readPerMinutePerProject: 300,
  writePerMinutePerUser: 60,
  writePerMinutePerProject: 300,
};

const READ_METHODS = new Set([
  'spreadsheets.get',
  'spreadsheets.values.get',
  'spreadsheets.values.batchGet',
  'spreadsheets.developerMetadata.get',
  'spreadsheets.developerMetadata.search',
]);

export const isRead = (m: Method) => READ_METHODS.has(m);

function quotaError(kind: 'Read' | 'Write', perUser: boolean, limit: number): ApiError {
  const limitName = `${kind} requests per minute${perUser ? ' per user' : ''}`;
  return new ApiError(
    'RESOURCE_EXHAUSTED',
    `Quota exceeded for quota metric '${kind} requests' and limit '${limitName}' of service 'sheets.googleapis.com' for consumer 'project_number:0'.`,
    [
      {
        '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
        reason: 'RATE_LIMIT_EXCEEDED',
        domain: 'googleapis.com',
        metadata: {
          service: 'sheets.googleapis.com',
          consumer: 'projects/0',
          quota_metric: `sheets.googleapis.com/${kind.toLowerCase()}_requests`,
          quota_limit: `${kind}RequestsPerMinutePer${perUser ? 'User' : 'Project'}`,
          quota_limit_value: String(limit),
          quota_location: 'global',
        },
      },
      {
        '@type': 'type.googleapis.com/google.rpc.Help',
        links: [
          {
            description: 'Request a higher quota limit.',
            url: 'https://cloud.google.com/docs/quotas/help/request_increase',
          },
        ],
      },
    ],
  );
}

export class TestControls {
  private readonly counts = new Map<Method, number>();
  private readonly faults: Required<FaultSpec>[] = [];
  private quota: QuotaConfig | undefined;
  private window = -1;
  private readonly used = new Map<string, number>();
  private offsetMs = 0;

  constructor(
    private readonly baseClock: () => number,
    quota: Partial<QuotaConfig> | false | undefined,
  ) {
    this.quota = quota === false ? undefined : { ...GOOGLE_QUOTAS, ...quota };
  }

  /** The emulator's clock: the injected one plus any advance made by tests. */
  readonly now = (): number => this.baseClock() + this.offsetMs;

  advanceClock(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw invalid('advanceMs must be a number >= 0');
    this.offsetMs += ms;
  }

  calls(): Record<Method, number> {
    return Object.fromEntries([...this.counts].sort(([a], [b]) => a.localeCompare(b)));
  }

  resetCalls(): void {
    this.counts.clear();
  }

  injectFault(spec: FaultSpec): void {
    const f = spec.fault;
    const ok =
      f === 403 ||
      f === 429 ||
      f === 500 ||
      f === 503 ||
      f === 'drop' ||
      f === 'applied-503' ||
      (typeof f === 'object' && f !== null && Number.isFinite(f.delayMs) && f.delayMs >= 0);
    if (!ok || typeof spec.method !== 'string') {
      throw invalid('fault must be 403, 429, 500, 503, "drop", "applied-503" or { delayMs }, with a method');
    }
    this.faults.push({ method: spec.method, fault: f, times: spec.times ?? 1 });
  }

  pendingFaults(): FaultSpec[] {
    return this.faults.map((f) => ({ ...f }));
  }

  clearFaults(): void {
    this.faults.length = 0;
  }

  /** `false` turns quotas off; otherwise the given limits over Google's defaults. Usage is reset. */
  setQuota(q: Partial<QuotaConfig> | false): void {
    this.quota = q === false ? undefined : { ...GOOGLE_QUOTAS, ...q };
    this.used.clear();
  }

  quotaState(): Json {
    return { limits: this.quota ?? false, minute: this.window, used: Object.fromEntries(this.used) };
  }

  /** Counts the call, then applies the quota; returns the fault to play for it, if any. */
  admit(method: Method, authorization: string | undefined): FaultKind | undefined {
    this.counts.set(method, (this.counts.get(method) ?? 0) + 1);
    this.chargeQuota(method, authorization);
    const i = this.faults.findIndex((f) => f.method === method || f.method === '*');
    if (i < 0) return undefined;
    const f = this.faults[i] as Required<FaultSpec>;
    f.times -= 1;
    if (f.times <= 0) this.faults.splice(i, 1);
    return f.fault;
  }

  private chargeQuota(method: Method, authorization: string | undefined): void {
    if (!this.quota) return;
    const minute = Math.floor(this.now() / 60_000);
    if (minute !== this.window) {
      this.window = minute;
      this.used.clear();
    }
    const kind = isRead(method) ? 'Read' : 'Write';
    const user = authorization
      ? createHash('sha256').update(authorization).digest('hex').slice(0, 12)
      : 'anonymous';
    const userKey = `${kind}:user:${user}`;
    const projectKey = `${kind}:project`;
    const userLimit = kind === 'Read' ? this.quota.readPerMinutePerUser : this.quota.writePerMinutePerUser;
    const projectLimit =
      kind === 'Read' ? this.quota.readPerMinutePerProject : this.quota.writePerMinutePerProject;
    if ((this.used.get(projectKey) ?? 0) >= projectLimit) throw quotaError(kind, false, projectLimit);
    if ((this.used.get(userKey) ?? 0) >= userLimit) throw quotaError(kind, true, userLimit);
    this.used.set(projectKey, (this.used.get(projectKey) ?? 0) + 1);
    this.used.set(userKey, (this.used.get(userKey) ?? 0) + 1);
  }
}
