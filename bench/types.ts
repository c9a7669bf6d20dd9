/** The contract between the bench runner and each benchmark module (see registry.ts). */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Progress } from './lib/progress.js';

/** One row of the results table: a count, or a measurement next to the baseline taken in the same run. */
export interface Figure {
  /** The module's id, e.g. `intake`. */
  bench: string;
  name: string;
  value: number;
  unit: Unit;
  baseline?: { name: string; value: number };
  /** value ÷ baseline, as the median of per-round ratios when the bench alternates rounds. */
  ratio?: number | undefined;
  /** How much the rounds disagreed (half the range over the median): on the ratio when there is one, else on the value. */
  spread?: number;
  goal?: { text: string; met: boolean };
  note?: string;
}

export type Unit = 'req/s' | 'ms' | 's' | 'bytes' | 'items' | 'calls' | 'count';

/** Data sizes; `BENCH_SCALE` sizes the sweep as a share of the 100,000 cases. */
export interface Scale {
  factor: number;
  sweepCases: number;
  sweepOpen: number;
  dayCases: number;
  /** Rows of the sheet the sync bench syncs, one size after the other. */
  syncRows: number[];
}

export interface BenchContext {
  scale: Scale;
  progress: Progress;
  /** Present when the module declared `needs: ['dynamodb']`. */
  dynamo?: {
    endpoint: string;
    /** A fresh table built from `tableDefinition`, so benches never see each other's items. */
    newTable(prefix: string): Promise<string>;
    client(): DynamoDBDocumentClient;
  };
  /** SES stand-in URL, present with `needs: ['ses']`. */
  sesUrl?: string;
}

export interface BenchModule {
  id: string;
  title: string;
  needs: readonly ('dynamodb' | 'ses')[];
  run(ctx: BenchContext): Promise<Figure[]>;
}
