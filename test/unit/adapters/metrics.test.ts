import middy from '@middy/core';
import { afterEach, describe, expect, it } from 'vitest';
import { countRuns, makeMetrics } from '../../../shared/adapters/metrics.js';
import { METRICS } from '../../../shared/ports/metrics.js';
import { type CollectedLogs, collectLogs, emfLines } from '../../support/logs.js';

let logs: CollectedLogs | undefined;
afterEach(() => logs?.restore());

describe('makeMetrics (Powertools Metrics, embedded metric format)', () => {
  it('writes one EMF line per count at once, under the namespace with the service and door dimensions', () => {
    logs = collectLogs();
    const metrics = makeMetrics({ namespace: 'Studio' });
    metrics.count(METRICS.casesCreated, { door: 'form' });
    metrics.count(METRICS.sendFailures);
    metrics.count(METRICS.editsRefused, {}, 3);
    const [created, failed, refused] = emfLines(logs.text());
    expect(created).toMatchObject({
      _aws: {
        CloudWatchMetrics: [
          {
            Namespace: 'Studio',
            Dimensions: [['service', 'door']],
            Metrics: [{ Name: 'CasesCreated', Unit: 'Count' }],
          },
        ],
      },
      service: 'complaint-cases',
      door: 'form',
      CasesCreated: 1,
    });
    expect(failed).toMatchObject({
      _aws: { CloudWatchMetrics: [{ Dimensions: [['service']] }] },
      SendFailures: 1,
    });
    expect(refused).toMatchObject({ EditsRefused: 3 });
  });

  it('counts the runs of a function: ok when it returns, failed when it throws', async () => {
    logs = collectLogs();
    const metrics = makeMetrics({ namespace: 'Studio' });
    const names = { ok: METRICS.syncRuns, failed: METRICS.syncFailures };
    const ok = middy(async () => 'done').use(countRuns(metrics, names));
    const failing = middy(async () => {
      throw new Error('sheet unreachable');
    }).use(countRuns(metrics, names));
    await ok({}, {} as never);
    await expect(failing({}, {} as never)).rejects.toThrow('sheet unreachable');
    expect(emfLines(logs.text()).map((m) => ('SyncRuns' in m ? 'SyncRuns' : 'SyncFailures'))).toEqual([
      'SyncRuns',
      'SyncFailures',
    ]);
  });
});
