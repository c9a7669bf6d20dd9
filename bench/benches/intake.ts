/**
 * Intake through the real path — HTTP on loopback → local gateway → submit-complaint handler (middleware,
 * validation, use case) → DynamoDB Local — against the storage work a case cannot do without: one
 * TransactWriteItems of case, first event, contact link and summary, idempotency record and day counter, sent
 * straight to the same DynamoDB Local at the same concurrency. Rounds alternate, so load from other
 * processes on the machine falls on both sides alike.
 */
import { randomBytes } from 'node:crypto';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { startGateway } from '../../local/gateway.js';
import { invokeFunction } from '../../local/handlers.js';
import { caseItem } from '../../shared/adapters/dynamodb/cases.js';
import { contactLinkItem, contactSummaryPut } from '../../shared/adapters/dynamodb/contact-links.js';
import { eventItem } from '../../shared/adapters/dynamodb/events.js';
import { idempotencyPut } from '../../shared/adapters/dynamodb/idempotency.js';
import type { AppEnv } from '../../shared/config.js';
import { formatCaseNumber } from '../../shared/domain/case-number.js';
import { templateCase } from '../lib/cases.js';
import { countRoundTrips } from '../lib/dynamo.js';
import { alternate, closedLoop } from '../lib/load.js';
import { goal, median, spread } from '../lib/stats.js';
import type { BenchContext, BenchModule, Figure } from '../types.js';

const CONCURRENCY = [1, 8];
const ROUNDS = 5;
const ROUND_MS = 2000;
const WARMUP_MS = 1000;
const GOAL = 0.7;

/** What the handler reads at cold start; rate limits high, since every request comes from 127.0.0.1. */
function handlerEnv(endpoint: string, sesUrl: string, tableName: string, staffCode: string) {
  return {
    PUBLIC_URL: 'http://127.0.0.1:3000',
    TABLE_NAME: tableName,
    DYNAMODB_ENDPOINT: endpoint,
    SES_ENDPOINT: sesUrl,
    APP_SECRET: randomBytes(32).toString('base64url'),
    STAFF_ACCESS_CODE: staffCode,
    FORM_ORIGIN: 'http://127.0.0.1:3000',
    MAIL_FROM: 'complaints@studio.example',
    EXEC_MANAGER_EMAILS: 'exec@studio.example',
    RATE_LIMIT_SUBMIT_PER_HOUR: '1000000000',
    LOG_LEVEL: 'info',
  } satisfies AppEnv;
}

/** Log lines go nowhere while the bench runs (they would bury the table), but are still produced. */
function swallowStdout(): () => void {
  const write = process.stdout.write;
  process.stdout.write = (() => true) as typeof process.stdout.write;
  return () => {
    process.stdout.write = write;
  };
}

export const intake: BenchModule = {
  id: 'intake',
  title: 'Intake through the handler vs one TransactWriteItems',
  needs: ['dynamodb', 'ses'],
  async run(ctx: BenchContext): Promise<Figure[]> {
    const dynamo = ctx.dynamo;
    if (!dynamo || !ctx.sesUrl) throw new Error('intake needs DynamoDB Local and the SES stand-in');
    const tableName = await dynamo.newTable('intake');
    const staffCode = `bench-${randomBytes(6).toString('hex')}`;
    Object.assign(process.env, handlerEnv(dynamo.endpoint, ctx.sesUrl, tableName, staffCode));
    const restoreStdout = swallowStdout();
    const gateway = await startGateway({ port: 0, invoke: invokeFunction });
    const wire = countRoundTrips();
    const db = dynamo.client();
    const run = randomBytes(3).toString('hex');
    let n = 0;

    // A phone-only complaint as the page's script sends it: JSON, a fresh idempotency key, a new customer.
    const submit = async () => {
      n += 1;
      const res = await fetch(`${gateway.url}/complaints`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-staff-code': staffCode,
          'idempotency-key': `bench-${run}-${n}`,
        },
        body: JSON.stringify({
          name: '刘女士',
          phone: `139${String(n).padStart(8, '0')}`,
          description: '婚纱照精修片有三张脸部变形，客户要求重新修片并在周五前发送。',
          category: 'quality',
          stage: 'post_production',
          channel: 'phone',
          staffInvolved: '小王',
        }),
      });
      const text = await res.text();
      if (res.status !== 201) throw new Error(`intake answered ${res.status}: ${text.slice(0, 300)}`);
    };

    // The same items the repository writes for a new case, plus the day counter, in one transaction.
    const template = templateCase();
    const day = '2001-01-01';
    let t = 0;
    const transact = async () => {
      t += 1;
      const caseNo = formatCaseNumber(day, t);
      const c = { ...template.case, caseNo };
      const now = new Date();
      await db.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: tableName,
                Item: caseItem(c),
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
            { Put: { TableName: tableName, Item: eventItem({ ...template.event, caseNo }) } },
            { Put: { TableName: tableName, Item: contactLinkItem(`bench-${run}-${t}`, c) } },
            // A first-time complainant's summary, as the intake writes it: on the condition there is none.
            { Put: contactSummaryPut(tableName, `bench-${run}-${t}`, c, undefined) },
            {
              Put: idempotencyPut(
                tableName,
                {
                  key: `base-${run}-${t}`,
                  fingerprint: 'bench',
                  expiresAt: new Date(now.getTime() + 86_400_000),
                },
                caseNo,
                now,
              ),
            },
            // The day's counter as nextSequence keeps it (cases.ts keeps its key builder to itself).
            {
              Update: {
                TableName: tableName,
                Key: { pk: `SEQ#${day}`, sk: 'SEQ' },
                UpdateExpression: 'ADD #n :one',
                ExpressionAttributeNames: { '#n': 'n' },
                ExpressionAttributeValues: { ':one': 1 },
              },
            },
          ],
        }),
      );
    };

    const figures: Figure[] = [];
    let intakeOps = 0;
    const trips: Record<string, number> = {};
    const intakeRound = async (c: number) => {
      wire.reset();
      const result = await closedLoop(c, ROUND_MS, submit);
      intakeOps += result.ops;
      for (const [op, count] of Object.entries(wire.counts())) trips[op] = (trips[op] ?? 0) + count;
      return result.perSecond;
    };
    try {
      for (const c of CONCURRENCY) {
        ctx.progress.step(`intake at concurrency ${c}`);
        ctx.progress.tick('warm-up');
        await closedLoop(c, WARMUP_MS, transact);
        await closedLoop(c, WARMUP_MS, submit);
        const rounds = await alternate(
          ROUNDS,
          async () => (await closedLoop(c, ROUND_MS, transact)).perSecond,
          () => intakeRound(c),
          (r) => ctx.progress.tick(`round ${r}/${ROUNDS}`),
        );
        const r = median(rounds.ratios);
        figures.push({
          bench: 'intake',
          name: `requests/s at concurrency ${c}`,
          value: median(rounds.value),
          unit: 'req/s',
          baseline: { name: 'TransactWriteItems/s', value: median(rounds.baseline) },
          ratio: r,
          spread: spread(rounds.ratios),
          goal: goal(r, '≥', GOAL),
          note: `${ROUNDS} alternating ${ROUND_MS / 1000} s rounds`,
        });
      }
    } finally {
      wire.close();
      await gateway.close();
      restoreStdout();
    }
    const total = Object.values(trips).reduce((a, b) => a + b, 0);
    figures.push({
      bench: 'intake',
      name: 'DynamoDB round trips per request',
      value: total / intakeOps,
      unit: 'calls',
      baseline: { name: 'the transaction alone', value: 1 },
      note: Object.entries(trips)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([op, count]) => `${op} ${(count / intakeOps).toFixed(2).replace(/\.00$/, '')}`)
        .join(', '),
    });
    return figures;
  },
};
