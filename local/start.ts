/**
 * `npm start`: the whole workflow on this machine — DynamoDB Local, the SES, Sheets and robots stand-ins, the
 * HTTP gateway over the route table, and the scheduler over the schedule table. Ctrl-C stops it all.
 */
import { join } from 'node:path';
import { SCHEDULES, schedulesFor } from '../functions/catalog.js';
import { loadReportsConfig } from '../shared/config.js';
import type { Clock } from '../shared/ports/clock.js';
import { handlerEnv, LOCAL_ROBOT_TOKENS, localSettings, readLocalState, writeLocalState } from './env.js';
import { startGateway } from './gateway.js';
import { invokeFunction } from './handlers.js';
import { healthRoute, httpProbe } from './health.js';
import { ensureLocalSpreadsheet, ensureLocalTable } from './resources.js';
import { startScheduler } from './scheduler.js';
import {
  MissingJavaError,
  startDynamoDbLocal,
  startSesLocal,
  startSheetsLocal,
  startWebhookLocal,
} from './services.js';
import { sheetHookRelay } from './sheet-hook-relay.js';
import { supervise } from './supervise.js';

const log = (msg: string) => process.stdout.write(`${msg}\n`);

async function main() {
  const started = Date.now();
  const settings = localSettings();
  const state = readLocalState(settings.dataDir);
  const services: { close(): Promise<void> }[] = [];
  const stops: (() => Promise<void> | void)[] = [];
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    log('\nStopping…');
    for (const s of stops.reverse()) await Promise.resolve(s()).catch(() => undefined);
    process.exit(code);
  };
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));

  // The grid page's edits go to POST /sheet-hook, signed as the sheet's Apps Script signs them.
  let hookUrl: string | undefined;
  let hookClock: Clock = { now: () => new Date() };
  const onEdit = sheetHookRelay({
    url: () => hookUrl,
    secret: handlerEnv(settings, state).SHEET_HOOK_SECRET ?? '',
    clock: () => hookClock,
    log,
  });

  try {
    const robotSecret = state.robotSecret ?? '';
    const [supervised, ses, sheetsSvc, webhooks] = await Promise.all([
      supervise({
        start: () =>
          startDynamoDbLocal({ port: settings.ports.dynamodb, dataDir: join(settings.dataDir, 'dynamodb') }),
        log,
        stopping: () => stopping,
        giveUp: (reason) => {
          log(`\n[dynamodb] ${reason}: stopping the local stack.`);
          void stop(1);
        },
      }),
      startSesLocal({ port: settings.ports.ses }),
      startSheetsLocal({
        port: settings.ports.sheets,
        dataFile: join(settings.dataDir, 'sheets.json'),
        onEdit,
      }),
      startWebhookLocal({
        port: settings.ports.webhooks,
        secrets: {
          [LOCAL_ROBOT_TOKENS.store_supervisor]: robotSecret,
          [LOCAL_ROBOT_TOKENS.executive_manager]: robotSecret,
        },
      }),
    ]);
    const dynamo = supervised.current();
    services.push(supervised, ses, sheetsSvc, webhooks);
    for (const s of services) stops.push(() => s.close());

    state.spreadsheetId = await ensureLocalSpreadsheet(sheetsSvc.url, state.spreadsheetId);
    writeLocalState(settings.dataDir, state);
    const anchor = new Date().toISOString();
    const env = handlerEnv(settings, state);
    if (settings.clockSpeed !== 1) Object.assign(env, { CLOCK_NOW: anchor, CLOCK_ANCHOR: anchor });
    Object.assign(process.env, env);
    const table = await ensureLocalTable(dynamo.url, env.TABLE_NAME ?? '');

    // The scheduler runs on the handlers' clock, so a sped-up day fires the evening summary early.
    const { wireCore } = await import('../shared/wiring/core.js');
    const core = await wireCore('local-scheduler');
    hookClock = core.clock;
    const scheduler = settings.scheduler
      ? startScheduler({
          clock: core.clock,
          calendar: core.calendar,
          schedules: schedulesFor(loadReportsConfig()),
          run: async (event) => {
            try {
              await invokeFunction(event.schedule, event);
              log(`[scheduler] ${event.schedule} ran for ${event.scheduledTime}`);
            } catch (e) {
              log(`[scheduler] ${event.schedule} failed: ${(e as Error).message}`);
            }
          },
        })
      : undefined;
    if (scheduler) stops.push(() => scheduler.stop());

    const gateway = await startGateway({
      port: settings.ports.gateway,
      invoke: invokeFunction,
      // As the stack's corsPreflight: preflights from the form's origin are answered by the gateway.
      cors: { origin: new URL(env.FORM_ORIGIN ?? `http://127.0.0.1:${settings.ports.gateway}`).origin },
      extra: healthRoute({
        gateway: async () => 'up',
        dynamodb: httpProbe(dynamo.url),
        ses: httpProbe(`${ses.url}/health-check`),
        sheets: httpProbe(sheetsSvc.url),
        webhooks: httpProbe(`${webhooks.url}/store`),
        scheduler: async () =>
          scheduler ? `on (clock x${settings.clockSpeed}, now ${core.clock.now().toISOString()})` : 'off',
      }),
      onError: (e) => log(`[gateway] handler error: ${(e as Error).stack ?? e}`),
    });
    stops.push(() => gateway.close());
    hookUrl = `${gateway.url}/sheet-hook`;

    log(`
Complaint cases — local stack up in ${((Date.now() - started) / 1000).toFixed(1)} s
  Staff form        ${gateway.url}/            (staff access code: ${env.STAFF_ACCESS_CODE})
  Status page       ${gateway.url}/status
  Health            ${gateway.url}/health
  DynamoDB Local    ${dynamo.url}            (pid ${dynamo.pid}, restarted if it stops; table ${env.TABLE_NAME}: ${table}; data in ${join(settings.dataDir, 'dynamodb')})
  SES stand-in      ${ses.url}/            (every email sent; JSON at ${ses.url}/store)
  Sheets stand-in   ${sheetsSvc.url}           (spreadsheet ${state.spreadsheetId}; its grid: ${sheetsSvc.url}grid/${state.spreadsheetId})
  Sheet hook        ${gateway.url}/sheet-hook  (grid page edits arrive here, signed)
  Robots stand-in   ${webhooks.url}/            (group-chat robots: WeCom handlers, DingTalk supervisors, Feishu executives)
  Scheduler         ${scheduler ? `on, clock x${settings.clockSpeed}: ${SCHEDULES.map((s) => s.function).join(', ')}` : 'off (SCHEDULER=off)'}
Press Ctrl-C to stop.`);
  } catch (e) {
    if (e instanceof MissingJavaError) log(`\n${e.message}\n`);
    else log(`\nThe local stack could not start: ${(e as Error).stack ?? e}\n`);
    await stop(1);
  }
}

void main();
