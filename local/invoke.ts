/**
 * `npm run invoke -- <function> [--now <ISO time>] [--event <file>]`: runs one function once against
 * the running local stack (`npm start`), with the clock set to --now.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { FUNCTIONS, type FunctionName, SCHEDULES } from '../functions/catalog.js';
import { handlerEnv, localSettings, readLocalState } from './env.js';
import { invokeFunction } from './handlers.js';

function usage(message?: string): never {
  if (message) process.stderr.write(`${message}\n\n`);
  process.stderr.write(
    `Usage: npm run invoke -- <function> [--now <ISO time>] [--event <file.json>] [--html <file.html>]\n` +
      `Functions: ${FUNCTIONS.map((f) => f.name).join(', ')}\n` +
      `Scheduled functions get { schedule, scheduledTime: --now } unless --event is given;\n` +
      `HTTP functions need --event with an API Gateway (payload 2.0) event; case-file takes { "caseNo": … }.\n` +
      `--html writes the result's html (the case file) to a file.\n`,
  );
  process.exit(2);
}

async function main() {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      now: { type: 'string' },
      event: { type: 'string' },
      html: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) usage();
  const name = positionals[0] as FunctionName | undefined;
  if (!name || !FUNCTIONS.some((f) => f.name === name))
    usage(name ? `Unknown function "${name}"` : undefined);
  if (values.now && Number.isNaN(Date.parse(values.now)))
    usage(`--now must be an ISO time, got "${values.now}"`);
  const now = values.now ? new Date(values.now).toISOString() : undefined;

  const settings = localSettings();
  const env = handlerEnv(settings, readLocalState(settings.dataDir));
  try {
    await fetch(env.DYNAMODB_ENDPOINT ?? '', { signal: AbortSignal.timeout(2000) });
  } catch {
    process.stderr.write(
      `Nothing answers at ${env.DYNAMODB_ENDPOINT}: start the local stack first with \`npm start\`.\n`,
    );
    process.exit(1);
  }
  Object.assign(process.env, env, now ? { CLOCK_NOW: now } : {});

  const scheduled = SCHEDULES.some((s) => s.function === name);
  let event: unknown;
  if (values.event) event = JSON.parse(readFileSync(values.event, 'utf8'));
  else if (scheduled) event = { schedule: name, scheduledTime: now ?? new Date().toISOString() };
  else usage(`${name} is an HTTP function: pass --event <file> with an API Gateway event`);

  // The function's logs go to stderr, so stdout carries only its result (pipe it into jq, a file, a test).
  const stdoutWrite = process.stdout.write.bind(process.stdout);
  process.stdout.write = process.stderr.write.bind(process.stderr) as typeof process.stdout.write;
  const result = await invokeFunction(name, event).finally(() => {
    process.stdout.write = stdoutWrite;
  });
  const html = (result as { html?: unknown } | undefined)?.html;
  if (values.html && typeof html === 'string') {
    writeFileSync(values.html, html);
    process.stderr.write(`wrote ${values.html}\n`);
  }
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  process.exit(0);
}

main().catch((e: unknown) => {
  process.stderr.write(`${(e as Error).stack ?? e}\n`);
  process.exit(1);
});
