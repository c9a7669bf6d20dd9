/**
 * One scheduled `sync-sheet` run in a process of its own, as a cold Lambda runs it: the handler's
 * module-scope wiring at import, then one invocation. Bundled like the function (scripts/bundle.ts) and
 * run by plain `node`, so the peak memory is the function's, not the bench's. Reports on fd 3: the
 * invocation's wall time, the process's peak resident memory, and what the sync answered.
 */
import { writeSync } from 'node:fs';
import { handler } from '../../functions/sync-sheet/handler.js';
import { lambdaContext } from '../../local/lambda-context.js';

const t0 = performance.now();
const outcome = await handler({ schedule: 'bench' }, lambdaContext('sync-sheet', 60));
const ms = performance.now() - t0;
writeSync(3, JSON.stringify({ ms, maxRssBytes: process.resourceUsage().maxRSS * 1024, outcome }));
