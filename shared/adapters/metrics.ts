/**
 * Business metrics as CloudWatch embedded metric format (EMF) lines on stdout, through Powertools
 * Metrics: CloudWatch Logs turns each line into a data point, with no API call and no added latency.
 * Every count is flushed at once (a single-metric line), so no handler has to remember to flush.
 */
import { MetricUnit, Metrics as PowertoolsMetrics } from '@aws-lambda-powertools/metrics';
import type { MiddlewareObj } from '@middy/core';
import type { MetricName, Metrics } from '../ports/metrics.js';

/** The `service` dimension of every business metric: one value for the whole app, so one alarm per metric. */
export const METRICS_SERVICE = 'complaint-cases';

export function makeMetrics(opts: { namespace: string }): Metrics {
  const metrics = new PowertoolsMetrics({ namespace: opts.namespace, serviceName: METRICS_SERVICE });
  return {
    count(metric, dimensions = {}, value = 1) {
      const single = metrics.singleMetric();
      for (const [name, v] of Object.entries(dimensions)) if (v) single.addDimension(name, v);
      single.addMetric(metric, MetricUnit.Count, value);
    },
  };
}

/** Middleware counting each run of a function: `ok` when it returns, `failed` when it throws. */
export function countRuns(metrics: Metrics, names: { ok: MetricName; failed: MetricName }): MiddlewareObj {
  return {
    after: async () => metrics.count(names.ok),
    onError: async () => metrics.count(names.failed),
  };
}
