/**
 * Per-test-file environment over the shared local services: a fresh table, the env the handlers read,
 * an in-process gateway over the route table, and readers for what landed in DynamoDB and SES.
 */
import { randomBytes } from 'node:crypto';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, inject } from 'vitest';
import { type Gateway, startGateway } from '../../local/gateway.js';
import { invokeFunction } from '../../local/handlers.js';
import { ensureLocalSpreadsheet, ensureLocalTable } from '../../local/resources.js';
import type { Recorded } from '../../local/webhook-stand-in/server.js';
import { makeDynamoCaseRepository } from '../../shared/adapters/dynamodb/case-repository.js';
import { makeDocumentClient } from '../../shared/adapters/dynamodb/client.js';
import { type AppEnv, DEFAULT_REGION } from '../../shared/config.js';
import type { CaseRepository } from '../../shared/ports/case-repository.js';

export interface LocalEnv {
  tableName: string;
  env: Record<string, string>;
  dynamoEndpoint: string;
  sesUrl: string;
  sheetsUrl: string;
  /** The group-chat robots' stand-in. */
  webhooksUrl: string;
  /** A unique tag for this file's email addresses, so files sharing the SES stand-in don't see each other's mail. */
  tag: string;
}

let current: LocalEnv | undefined;

export async function setupLocalEnv(overrides: AppEnv = {}): Promise<LocalEnv> {
  const tag = randomBytes(4).toString('hex');
  const tableName = `test-${tag}`;
  const dynamoEndpoint = inject('dynamoEndpoint');
  const sesUrl = inject('sesUrl');
  const sheetsUrl = inject('sheetsUrl');
  const webhooksUrl = inject('webhooksUrl');
  const spreadsheetId = await ensureLocalSpreadsheet(sheetsUrl, undefined);
  const env = {
    TABLE_NAME: tableName,
    DYNAMODB_ENDPOINT: dynamoEndpoint,
    SES_ENDPOINT: sesUrl,
    SHEETS_ROOT_URL: sheetsUrl,
    SPREADSHEET_ID: spreadsheetId,
    APP_SECRET: randomBytes(32).toString('base64url'),
    SHEET_HOOK_SECRET: randomBytes(32).toString('base64url'),
    STAFF_ACCESS_CODE: `code-${tag}-staff`,
    FORM_ORIGIN: 'http://127.0.0.1:3000',
    PUBLIC_URL: 'http://127.0.0.1:3000',
    MAIL_FROM: 'complaints@studio.example',
    EXEC_MANAGER_EMAILS: `exec-${tag}@studio.example`,
    SUPERVISOR_EMAILS: `supervisor-${tag}@studio.example`,
    LOG_LEVEL: 'warn',
    ...overrides,
  } satisfies AppEnv as Record<string, string>;
  Object.assign(process.env, env);
  await ensureLocalTable(dynamoEndpoint, tableName);
  current = { tableName, env, dynamoEndpoint, sesUrl, sheetsUrl, webhooksUrl, tag };
  return current;
}

function need(): LocalEnv {
  if (!current) throw new Error('call setupLocalEnv() first');
  return current;
}

/** The gateway over the route table, calling the handler modules in this process (after setupLocalEnv). */
export function startTestGateway(): Promise<Gateway> {
  return startGateway({
    port: 0,
    invoke: invokeFunction,
    cors: { origin: need().env.FORM_ORIGIN ?? '' },
    onError: (e) => console.error(e),
  });
}

/**
 * This file's environment and a gateway over it for all its tests (the hooks are registered here);
 * `overrides` may be computed first (a fault proxy's address).
 */
export function useTestGateway(overrides: AppEnv | (() => Promise<AppEnv>) = {}) {
  const ctx = {} as { env: LocalEnv; gw: Gateway; url: string; staffCode: Record<string, string> };
  beforeAll(async () => {
    ctx.env = await setupLocalEnv(typeof overrides === 'function' ? await overrides() : overrides);
    ctx.gw = await startTestGateway();
    ctx.url = ctx.gw.url;
    ctx.staffCode = { 'x-staff-code': ctx.env.env.STAFF_ACCESS_CODE ?? '' };
  });
  afterAll(() => ctx.gw?.close());
  return ctx;
}

/** A client of this run's DynamoDB Local, for adapters a test builds itself. */
export function documentClient(): DynamoDBDocumentClient {
  return makeDocumentClient({ region: DEFAULT_REGION, endpoint: need().dynamoEndpoint });
}

export function caseRepository(): CaseRepository {
  const e = need();
  return makeDynamoCaseRepository(documentClient(), e.tableName);
}

export interface SentEmail {
  messageId: string;
  from: string;
  destination: { to: string[]; cc: string[]; bcc: string[] };
  subject: string;
  body: { text?: string; html?: string };
  /** As the stand-in stores them: base64 content, its Content-ID and disposition when given. */
  attachments: {
    content: string;
    contentType: string;
    contentId?: string;
    contentDisposition?: string;
    filename?: string;
    size: number;
  }[];
  at: number;
}

/** Emails the SES stand-in received, optionally only those to an address. */
export async function sesEmails(to?: string): Promise<SentEmail[]> {
  const res = await fetch(`${need().sesUrl}/store`);
  const { emails } = (await res.json()) as { emails: SentEmail[] };
  return to ? emails.filter((m) => m.destination.to.includes(to)) : emails;
}

/** Messages the robots' stand-in received for a robot (by its token: key, access token, hook id, name). */
export async function robotMessages(token: string): Promise<Recorded[]> {
  const res = await fetch(`${need().webhooksUrl}/store`);
  const { messages } = (await res.json()) as { messages: Recorded[] };
  return messages.filter((m) => m.token === token);
}

/** Tells the robots' stand-in a robot's signing secret, or makes its next `fail` posts fail with 500. */
export async function robotStandIn(what: { token: string; secret?: string; fail?: number }): Promise<void> {
  const path = what.secret === undefined ? 'fail' : 'secret';
  await fetch(`${need().webhooksUrl}/__stand-in/${path}`, {
    method: 'POST',
    body: JSON.stringify({ token: what.token, secret: what.secret, count: what.fail }),
  });
}

/** Records a complaint through POST /complaints as staff do (this file's access code); answers its number. */
export async function postComplaint(gw: Gateway, fields: Record<string, unknown>): Promise<string> {
  const res = await fetch(`${gw.url}/complaints`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-staff-code': need().env.STAFF_ACCESS_CODE ?? '' },
    body: JSON.stringify(fields),
  });
  if (res.status !== 201) throw new Error(`POST /complaints answered ${res.status}: ${await res.text()}`);
  return ((await res.json()) as { caseNo: string }).caseNo;
}
