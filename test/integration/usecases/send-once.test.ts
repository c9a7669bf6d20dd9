/**
 * Sending each email once, on DynamoDB Local (the ledger) and the SES v2 stand-in (the mail): duplicates
 * send nothing, a failed send is retried, and a run that dies between claiming and sending does not stop
 * the message for ever — the next run after the claim has run out sends it, exactly once.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../../shared/adapters/clock.js';
import { makeDynamoSendLedger } from '../../../shared/adapters/dynamodb/send-ledger.js';
import { makeSesClient, makeSesMailer } from '../../../shared/adapters/ses/mailer.js';
import { DEFAULT_REGION } from '../../../shared/config.js';
import type { Mailer, MailMessage, SendLedger } from '../../../shared/ports/mailer.js';
import { KEEP_DAYS, makeSendOnce } from '../../../shared/usecases/send-once.js';
import { silentLogger } from '../../support/builders.js';
import { documentClient, type LocalEnv, sesEmails, setupLocalEnv } from '../../support/local-env.js';

/** The function's timeout: how long a claim lasts. */
const TIMEOUT_SECONDS = 10;
const SECOND = 1000;
const DAY = 86_400_000;

let env: LocalEnv;
let ledger: SendLedger;
let ses: Mailer;

beforeAll(async () => {
  env = await setupLocalEnv();
  ledger = makeDynamoSendLedger(documentClient(), env.tableName);
  ses = makeSesMailer(
    makeSesClient({ region: DEFAULT_REGION, endpoint: env.sesUrl }),
    'cases@studio.example',
  );
});

let n = 0;
/** A message to an address no other test uses, and its ledger key. */
function fresh(): { key: string; message: MailMessage; to: string } {
  n += 1;
  const to = `send-once-${env.tag}-${n}@example.com`;
  return { key: `test#${env.tag}#${n}`, to, message: { to: [to], subject: `message ${n}`, text: 'hello' } };
}

/** One run of a function that sends: its clock, its mailer. */
function run(clock: { now(): Date }, mailer: Mailer = ses) {
  return makeSendOnce({ ledger, mailer, clock, logger: silentLogger, claimSeconds: TIMEOUT_SECONDS });
}

describe('sendOnce', () => {
  it('sends a message once however often it is asked to', async () => {
    const clock = fixedClock('2026-11-23T02:00:00.000Z');
    const { key, message, to } = fresh();
    expect(await run(clock)(key, message)).toBe('sent');
    expect(await run(clock)(key, message)).toBe('duplicate');
    expect(await Promise.all([1, 2, 3].map(() => run(clock)(key, message)))).toEqual([
      'duplicate',
      'duplicate',
      'duplicate',
    ]);
    expect(await sesEmails(to)).toHaveLength(1);
  });

  it('lets only one of concurrent runs send', async () => {
    const clock = fixedClock('2026-11-23T02:00:00.000Z');
    const { key, message, to } = fresh();
    const outcomes = await Promise.all([1, 2, 3, 4].map(() => run(clock)(key, message)));
    expect(outcomes.filter((o) => o === 'sent')).toHaveLength(1);
    expect(await sesEmails(to)).toHaveLength(1);
  });

  it('gives the message back after a failed send, so a retry sends it', async () => {
    const clock = fixedClock('2026-11-23T02:00:00.000Z');
    const { key, message, to } = fresh();
    const refusing: Mailer = {
      send: async () => {
        throw new Error('SES throttled the request');
      },
    };
    expect(await run(clock, refusing)(key, message)).toBe('failed');
    expect(await run(clock)(key, message)).toBe('sent');
    expect(await sesEmails(to)).toHaveLength(1);
  });

  it('sends a message whose run died between claiming and sending, once the claim has run out', async () => {
    const clock = fixedClock('2026-11-23T02:00:00.000Z');
    const { key, message, to } = fresh();
    // The run claims, then hangs in the send until Lambda ends it at its timeout: it never sends,
    // never records, never gives the claim back.
    let reachedSend: () => void = () => undefined;
    const claimed = new Promise<void>((ok) => {
      reachedSend = ok;
    });
    const dying: Mailer = {
      send: () => {
        reachedSend();
        return new Promise<never>(() => undefined);
      },
    };
    let ended = false;
    void run(clock, dying)(key, message).finally(() => {
      ended = true;
    });
    await claimed;
    expect(ended).toBe(false);

    // Within the timeout the claim may still be sending: a retry sends nothing.
    clock.advance((TIMEOUT_SECONDS - 1) * SECOND);
    expect(await run(clock)(key, message)).toBe('held');
    expect(await sesEmails(to)).toHaveLength(0);

    // After it, the next run sends the message, and nobody sends it again.
    clock.advance(2 * SECOND);
    expect(await run(clock)(key, message)).toBe('sent');
    expect(await run(clock)(key, message)).toBe('duplicate');
    clock.advance(TIMEOUT_SECONDS * SECOND);
    expect(await run(clock)(key, message)).toBe('duplicate');
    expect(await sesEmails(to)).toHaveLength(1);
  });

  it('also recovers a claim left by a run that died right after claiming', async () => {
    const clock = fixedClock('2026-11-23T02:00:00.000Z');
    const { key, message, to } = fresh();
    const now = clock.now();
    expect(await ledger.claim(key, now, new Date(now.getTime() + TIMEOUT_SECONDS * SECOND))).toHaveProperty(
      'token',
    );
    expect(await run(clock)(key, message)).toBe('held');
    clock.advance((TIMEOUT_SECONDS + 1) * SECOND);
    expect(await run(clock)(key, message)).toBe('sent');
    expect(await sesEmails(to)).toHaveLength(1);
  });

  it(`remembers a sent message for ${KEEP_DAYS} days`, async () => {
    const clock = fixedClock('2026-11-23T02:00:00.000Z');
    const { key, message, to } = fresh();
    expect(await run(clock)(key, message)).toBe('sent');
    clock.advance((KEEP_DAYS - 1) * DAY);
    expect(await run(clock)(key, message)).toBe('duplicate');
    expect(await sesEmails(to)).toHaveLength(1);
    // Past the keep period the record counts as gone (TTL deletes it), as it would in DynamoDB.
    clock.advance(2 * DAY);
    expect(await run(clock)(key, message)).toBe('sent');
    expect(await sesEmails(to)).toHaveLength(2);
  });

  it('lets only the holder of a claim give it back', async () => {
    const clock = fixedClock('2026-11-23T02:00:00.000Z');
    const { key, message, to } = fresh();
    const now = clock.now();
    const stale = await ledger.claim(key, now, new Date(now.getTime() + TIMEOUT_SECONDS * SECOND));
    clock.advance((TIMEOUT_SECONDS + 1) * SECOND);
    const later = clock.now();
    const current = await ledger.claim(key, later, new Date(later.getTime() + TIMEOUT_SECONDS * SECOND));
    expect(current).toHaveProperty('token');
    // The dead run's late release must not free the live claim.
    if (!('refused' in stale)) await ledger.release(stale);
    expect(await run(clock)(key, message)).toBe('held');
    expect(await sesEmails(to)).toHaveLength(0);
  });
});
