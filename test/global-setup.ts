/**
 * Starts the real local services once per test run: DynamoDB Local (in memory, shared DB), the SES v2
 * stand-in, the Sheets stand-in and the robots' webhook stand-in, each on a free port. Test files get
 * their endpoints through `inject()` and make their own tables, so files can run in parallel.
 */
import type { TestProject } from 'vitest/node';
import {
  freePort,
  type Service,
  startDynamoDbLocal,
  startSesLocal,
  startSheetsLocal,
  startWebhookLocal,
} from '../local/services.js';

declare module 'vitest' {
  export interface ProvidedContext {
    dynamoEndpoint: string;
    sesUrl: string;
    sheetsUrl: string;
    webhooksUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const services: Service[] = [];
  const [dynamo, ses, sheets, webhooks] = await Promise.all([
    freePort().then((port) => startDynamoDbLocal({ port })),
    startSesLocal({ port: 0 }),
    // Test files share this stand-in; Google's per-minute quotas would make them depend on each other.
    startSheetsLocal({ port: 0, quota: false }),
    startWebhookLocal({ port: 0 }),
  ]);
  services.push(dynamo, ses, sheets, webhooks);
  project.provide('dynamoEndpoint', dynamo.url);
  project.provide('sesUrl', ses.url);
  project.provide('sheetsUrl', sheets.url);
  project.provide('webhooksUrl', webhooks.url);
  return async () => {
    await Promise.all(services.map((s) => s.close()));
  };
}
