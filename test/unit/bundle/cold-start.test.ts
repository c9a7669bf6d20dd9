/**
 * What a request-path function's bundle (built as deployed: scripts/bundle.ts over infra/bundling.ts)
 * loads at its cold start, in a fresh Node: not Node's undici (an ES import of node:http loads it), not
 * the SES client (imported on the first email) — and the form still renders from that bundle.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { BUNDLE_DIR, COLD_START_ENV, runNode } from '../../../bench/lib/child.js';
import { type FunctionName, functionSpec } from '../../../functions/catalog.js';
import { bundleFunction } from '../../../scripts/bundle.js';

// A fresh clone has no bundle folder yet (git-ignored).
mkdirSync(BUNDLE_DIR, { recursive: true });
const dir = mkdtempSync(join(BUNDLE_DIR, 'cold-start-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface ColdStart {
  undici: boolean;
  awsSdk: string[];
  /** The status of a GET / through the bundle's handler, after the loads above were recorded. */
  getRoot: number;
}

/** Imports the bundle (module-scope wiring included), then reports what Node loaded, then serves GET /. */
const CHILD = `
import { createRequire } from 'node:module';
import { writeSync } from 'node:fs';
const bundle = await import(process.argv[1]);
const loaded = Object.keys(createRequire(import.meta.url).cache);
const undici = process.moduleLoadList.some((m) => m.includes('undici'));
const awsSdk = [...new Set(loaded.map((f) => /node_modules\\/(@aws-sdk\\/[^/]+)/.exec(f)?.[1]).filter(Boolean))];
const event = { version: '2.0', rawPath: '/', rawQueryString: '', headers: { host: '127.0.0.1' },
  requestContext: { http: { method: 'GET', path: '/', sourceIp: '127.0.0.1' } }, isBase64Encoded: false };
const context = { functionName: 'cold-start', awsRequestId: 'cold-start', getRemainingTimeInMillis: () => 10000 };
const { statusCode } = await bundle.handler(event, context);
writeSync(3, JSON.stringify({ undici, awsSdk, getRoot: statusCode }));
`;

const runs = new Map<FunctionName, Promise<ColdStart>>();
const coldStart = (name: FunctionName): Promise<ColdStart> => {
  const run = runs.get(name) ?? build(name);
  runs.set(name, run);
  return run;
};

async function build(name: FunctionName): Promise<ColdStart> {
  const file = join(dir, name, 'index.mjs');
  await bundleFunction(functionSpec(name), file);
  const run = await runNode(['--input-type=module', '-e', CHILD, pathToFileURL(file).href], COLD_START_ENV);
  return JSON.parse(run.report) as ColdStart;
}

describe('a request-path bundle at cold start', () => {
  it.each(['pages', 'submit-complaint', 'lookup-status'] as const)(
    '%s loads neither undici nor the SES client',
    async (name) => {
      const loaded = await coldStart(name);
      expect(loaded.undici).toBe(false);
      expect(loaded.awsSdk).toContain('@aws-sdk/client-dynamodb');
      expect(loaded.awsSdk).not.toContain('@aws-sdk/client-sesv2');
    },
    60_000,
  );

  it('renders the staff form from the bundle (middy and its node:http, through the alias)', async () => {
    expect((await coldStart('pages')).getRoot).toBe(200);
  }, 60_000);
});
