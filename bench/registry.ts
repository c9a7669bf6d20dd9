/**
 * Every benchmark `npm run bench` runs, in order. To add one: write a `BenchModule` in bench/benches/
 * (an id, a title, the services it needs, and `run(ctx)` returning figures, each a count or a value
 * next to a baseline measured in the same run), then list it here. `BENCH_ONLY=id,id` runs a subset.
 *
 * Waiting for their features: sheet sync on 10,000 and 50,000 rows (calls per sync, time, peak
 * memory), and the escalation and daily-summary emails once those functions send them.
 */
import { bundles } from './benches/bundles.js';
import { dailySummary } from './benches/daily-summary.js';
import { escalationSweep } from './benches/escalation-sweep.js';
import { intake } from './benches/intake.js';
import { sheetSync } from './benches/sheet-sync.js';
import type { BenchModule } from './types.js';

export const BENCHES: readonly BenchModule[] = [intake, escalationSweep, dailySummary, sheetSync, bundles];
