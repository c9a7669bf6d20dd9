/**
 * A week replayed through the real `escalate` handler (its module-scope wiring, the scheduled event with
 * `scheduledTime`, as EventBridge Scheduler and `npm run invoke -- escalate --now …` send it), on DynamoDB
 * Local, the SES stand-in and the robots' stand-in (WeCom for handlers, DingTalk for supervisors, Feishu for
 * executives, all signed): the right warnings and escalations, once each, at the right hours; then one
 * sheet sync shows each case's level in the Cases tab.
 */
import { sheets } from '@googleapis/sheets';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { localChatRobots } from '../../../local/env.js';
import { invokeFunction } from '../../../local/handlers.js';
import { makeDynamoRosterStore } from '../../../shared/adapters/dynamodb/roster.js';
import type { CasePatch } from '../../../shared/domain/case.js';
import { applyChange } from '../../../shared/domain/lifecycle.js';
import type { CaseRepository } from '../../../shared/ports/case-repository.js';
import type { EscalateReport } from '../../../shared/usecases/escalate.js';
import { newCaseWithEvent, staff } from '../../support/builders.js';
import { local, R } from '../../support/escalation.js';
import {
  caseRepository,
  documentClient,
  type LocalEnv,
  robotMessages,
  robotStandIn,
  sesEmails,
  setupLocalEnv,
} from '../../support/local-env.js';
import { header } from '../../support/sheet-sync.js';

let env: LocalEnv;
let cases: CaseRepository;
const mail = (who: string) => `${who}-${env.tag}@studio.example`;
const token = (role: string) => `${role}-${env.tag}`;

beforeAll(async () => {
  const secret = 'local-robot-signing-secret';
  env = await setupLocalEnv({
    // The ledger's clock: the week's end (the sweeps themselves run on their scheduledTime).
    CLOCK_NOW: '2026-11-30T06:00:00.000Z',
    SHEETS_WEB_URL: inject('sheetsUrl'),
  });
  // The local kinds (WeCom, DingTalk, Feishu), with robot tokens only this file uses.
  const robots = JSON.parse(localChatRobots(inject('webhooksUrl'), secret)) as Record<
    string,
    { url: string }
  >;
  for (const [role, robot] of Object.entries(robots))
    robot.url = robot.url.replace(/local-\w+$/, token(role));
  process.env.CHAT_ROBOTS = JSON.stringify(robots);
  for (const role of ['store_supervisor', 'executive_manager'])
    await robotStandIn({ token: token(role), secret });
  cases = caseRepository();
  await makeDynamoRosterStore(documentClient(), env.tableName).put({
    members: [
      { name: '李摄影', roles: ['handler'], email: mail('li'), chatId: 'li' },
      { name: '王主管', roles: ['store_supervisor'], email: mail('wang'), chatId: '13800000001' },
      { name: '赵经理', roles: ['executive_manager'], email: mail('zhao'), chatId: 'ou_zhao' },
    ],
    source: 'sheet',
    updatedAt: local('2026-11-20T09:00'),
  });
});

async function receive(caseNo: string, at: string, submission: Record<string, unknown> = {}) {
  const made = newCaseWithEvent({ caseNo, receivedAt: local(at), submission });
  const c = applyChange(made.case, { patch: { owner: '李摄影' }, actor: staff }, new Date(local(at)), R).next;
  await cases.create({ case: c, event: { ...made.event, seq: c.version }, contactKeys: [] });
}

async function edit(caseNo: string, patch: CasePatch, at: string) {
  const current = await cases.get(caseNo);
  if (!current) throw new Error(caseNo);
  const { next, event } = applyChange(current, { patch, actor: staff }, new Date(local(at)), R);
  if (event) await cases.update(next, current.version, event);
}

const sweep = (at: string) =>
  invokeFunction('escalate', { schedule: 'escalate', scheduledTime: local(at) }) as Promise<EscalateReport>;

/** Emails each person and posts each robot had so far. */
async function tally() {
  const people = await Promise.all(
    ['li', 'wang', 'zhao'].map(async (p) => (await sesEmails(mail(p))).length),
  );
  const robots = await Promise.all(
    ['handler', 'store_supervisor', 'executive_manager'].map(
      async (r) => (await robotMessages(token(r))).length,
    ),
  );
  return {
    li: people[0],
    wang: people[1],
    zhao: people[2],
    wecom: robots[0],
    dingtalk: robots[1],
    feishu: robots[2],
  };
}

describe('a week of escalation, replayed through the handler', () => {
  it('warns, escalates and tells the executive once each, in opening hours, critical cases at once', async () => {
    await receive('261123-001', '2026-11-23T10:00'); // A: 24 h to investigate, due Tue 10:00
    await receive('261123-002', '2026-11-23T10:00'); // D: investigated Tue 09:59, a minute before the breach
    await receive('261125-001', '2026-11-25T22:00', { category: 'privacy' }); // C: critical, due Thu 02:00
    await receive('261127-001', '2026-11-27T16:00', { channel: 'phone' }); // B: reply and investigation due Sat 16:00

    const moments: [string, Partial<Awaited<ReturnType<typeof tally>>>][] = [
      ['2026-11-23T12:00', {}],
      ['2026-11-24T02:00', {}], // the warnings fall due at 04:00; nobody is emailed at night
      ['2026-11-24T09:00', { li: 1, wecom: 1 }], // A and D's warnings, one digest
      ['2026-11-24T10:00', { wang: 1, dingtalk: 1 }], // A only: D was investigated at 09:59
      ['2026-11-24T10:00', {}], // the schedule fires twice
      ['2026-11-25T10:00', { zhao: 1, feishu: 1 }], // A, one working day after the breach
      ['2026-11-26T01:05', { li: 1, wecom: 1 }], // C's warning at night: critical
      ['2026-11-26T02:05', { zhao: 1, feishu: 1 }], // C's breach: straight to the executive
      ['2026-11-27T09:15', { li: 1, wecom: 1 }], // D: 75% of its 3 working days to resolve
      ['2026-11-28T12:00', {}], // Saturday: B's warning waits
      ['2026-11-29T16:30', {}], // Sunday, B overdue: still waiting
      // Monday opening: B at the supervisor (the missed reply to the owner too), and D, due to resolve Friday 18:00.
      ['2026-11-30T09:00', { li: 1, wang: 1, dingtalk: 1 }],
    ];
    let expected = { li: 0, wang: 0, zhao: 0, wecom: 0, dingtalk: 0, feishu: 0 };
    for (const [at, more] of moments) {
      if (at === '2026-11-24T10:00') await edit('261123-002', { findings: '已核实' }, '2026-11-24T09:59');
      await sweep(at);
      expected = Object.fromEntries(
        Object.entries(expected).map(([k, v]) => [k, v + (more[k as keyof typeof more] ?? 0)]),
      ) as typeof expected;
      expect(await tally(), at).toEqual(expected);
    }
    const [warning] = await sesEmails(mail('li'));
    expect(warning?.body.text).toMatch(/261123-001[\s\S]*261123-002/);
    const monday = (await sesEmails(mail('wang'))).at(-1)?.body.text ?? '';
    // Most overdue first: D (due Friday 18:00), then B's investigation and promised reply (Saturday 16:00).
    expect(monday.match(/^\d\. 261\d{3}-00\d/gm)).toEqual([
      '1. 261123-002',
      '2. 261127-001',
      '3. 261127-001',
    ]);
    for (const role of ['handler', 'store_supervisor', 'executive_manager']) {
      expect((await robotMessages(token(role))).map((m) => m.outcome)).not.toContain('bad signature');
    }

    // One sync later, the sheet shows each case's level.
    await invokeFunction('sync-sheet', { schedule: 'sync-sheet' });
    const api = sheets({ version: 'v4', rootUrl: env.sheetsUrl });
    const spreadsheetId = env.env.SPREADSHEET_ID ?? '';
    const [head = [], ...rows] =
      (await api.spreadsheets.values.get({ spreadsheetId, range: 'Cases' })).data.values ?? [];
    const level = (caseNo: string) =>
      rows.find((r) => r[head.indexOf(header('caseNo'))] === caseNo)?.[head.indexOf(header('escalation'))];
    expect(level('261123-001')).toBe('2 执行经理 Executive manager');
    expect(level('261123-002')).toBe('1 门店主管 Store supervisor');
    expect(level('261127-001')).toBe('1 门店主管 Store supervisor');
    expect(level('261125-001')).toBe('2 执行经理 Executive manager');
  });
});
