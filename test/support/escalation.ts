/**
 * Escalation scenarios on the real local services: each scenario its own table and its own staff (email
 * addresses and robot tokens tagged with the scenario), so tests never see each other's cases or messages.
 * Cases are stored as the form stores them, received at chosen instants (Shanghai wall-clock times).
 */
import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { ensureLocalTable } from '../../local/resources.js';
import { fixedClock } from '../../shared/adapters/clock.js';
import { makeDynamoCaseRepository } from '../../shared/adapters/dynamodb/case-repository.js';
import { makeDynamoRosterStore } from '../../shared/adapters/dynamodb/roster.js';
import { makeDynamoSendLedger } from '../../shared/adapters/dynamodb/send-ledger.js';
import { makeDynamoSheetLocator } from '../../shared/adapters/dynamodb/sheet-sync.js';
import { makeRobot } from '../../shared/adapters/robots/index.js';
import { makeSesClient, makeSesMailer } from '../../shared/adapters/ses/mailer.js';
import { DEFAULT_REGION } from '../../shared/config.js';
import type { Case, CasePatch } from '../../shared/domain/case.js';
import { DEFAULT_ESCALATION_POLICY } from '../../shared/domain/escalation.js';
import type { EscalationRole } from '../../shared/domain/escalation-recipients.js';
import { applyChange } from '../../shared/domain/lifecycle.js';
import type { StaffMember } from '../../shared/domain/roster.js';
import type { CaseRepository } from '../../shared/ports/case-repository.js';
import type { Mailer } from '../../shared/ports/mailer.js';
import type { Robot } from '../../shared/ports/robot.js';
import { type EscalateDeps, makeEscalate } from '../../shared/usecases/escalate.js';
import { newCaseWithEvent, rules, silentLogger, staff } from './builders.js';
import { documentClient, robotStandIn } from './local-env.js';

export const R = rules();
/** Local Shanghai wall-clock time as an ISO instant. */
export const local = (text: string) => new Date(`${text}+08:00`).toISOString();
export const TIMEOUT_SECONDS = 60;
const budget = { remainingMs: () => TIMEOUT_SECONDS * 1000 };

export interface Scenario {
  tag: string;
  cases: CaseRepository;
  /** Email address of each member, by name. */
  email: { owner: string; supervisor: string; standIn: string; executive: string };
  /** The supervisors' DingTalk robot's access token at the stand-in. */
  robotToken: string;
  /** A case received at a local time, given an owner; stored as the form stores it. */
  received(
    caseNo: string,
    at: string,
    o?: { submission?: Record<string, unknown>; patch?: CasePatch },
  ): Promise<Case>;
  /** Changes a stored case as a manager would. */
  change(caseNo: string, patch: CasePatch, at: string): Promise<Case>;
  /** One sweep at a local time; the ledger's clock is set to it (plus `clockOffsetMs`). */
  sweep(
    at: string,
    o?: { mailer?: Mailer; cases?: CaseRepository; clockOffsetMs?: number },
  ): ReturnType<ReturnType<typeof makeEscalate>>;
  /** Members: the owner (handler), the store supervisor (absent on `absentDay`, if given), a stand-in, the executive. */
  members: StaffMember[];
}

export async function scenario(
  o: { absentDay?: string; settings?: Partial<EscalateDeps['settings']> } = {},
): Promise<Scenario> {
  const tag = randomBytes(4).toString('hex');
  const tableName = `esc-${tag}`;
  await ensureLocalTable(inject('dynamoEndpoint'), tableName);
  const db = documentClient();
  const cases = makeDynamoCaseRepository(db, tableName);
  const email = {
    owner: `li-${tag}@studio.example`,
    supervisor: `wang-${tag}@studio.example`,
    standIn: `qian-${tag}@studio.example`,
    executive: `zhao-${tag}@studio.example`,
  };
  const members: StaffMember[] = [
    { name: '李摄影', roles: ['handler'], email: email.owner },
    {
      name: '王主管',
      roles: ['store_supervisor'],
      email: email.supervisor,
      chatId: '13800000001',
      ...(o.absentDay ? { absentFrom: o.absentDay, absentUntil: o.absentDay, standIn: '钱主管' } : {}),
    },
    { name: '钱主管', roles: ['department_head'], email: email.standIn },
    { name: '赵经理', roles: ['executive_manager'], email: email.executive },
  ];
  await makeDynamoRosterStore(db, tableName).put({
    members,
    source: 'sheet',
    updatedAt: local('2026-11-20T09:00'),
  });
  const robotToken = `sup-${tag}`;
  const robotSecret = `SEC${tag}robot`;
  await robotStandIn({ token: robotToken, secret: robotSecret });
  const robots = new Map<EscalationRole, Robot>([
    [
      'store_supervisor',
      makeRobot({
        kind: 'dingtalk',
        url: `${inject('webhooksUrl')}/dingtalk/robot/send?access_token=${robotToken}`,
        secret: robotSecret,
      }),
    ],
  ]);
  const ses = makeSesMailer(
    makeSesClient({ region: DEFAULT_REGION, endpoint: inject('sesUrl') }),
    'cases@studio.example',
  );
  const ledger = makeDynamoSendLedger(db, tableName);

  return {
    tag,
    cases,
    email,
    robotToken,
    members,
    async received(caseNo, at, opts = {}) {
      const made = newCaseWithEvent({ caseNo, receivedAt: local(at), submission: opts.submission ?? {} });
      const patch = { owner: '李摄影', ...opts.patch };
      const c = applyChange(made.case, { patch, actor: staff }, new Date(local(at)), R).next;
      await cases.create({ case: c, event: { ...made.event, seq: c.version }, contactKeys: [] });
      return c;
    },
    async change(caseNo, patch, at) {
      const current = await cases.get(caseNo);
      if (!current) throw new Error(`no case ${caseNo}`);
      const { next, event } = applyChange(current, { patch, actor: staff }, new Date(local(at)), R);
      if (event) await cases.update(next, current.version, event);
      return next;
    },
    sweep(at, opts = {}) {
      const clock = fixedClock(new Date(Date.parse(local(at)) + (opts.clockOffsetMs ?? 0)));
      const escalate = makeEscalate({
        cases: opts.cases ?? cases,
        roster: makeDynamoRosterStore(db, tableName),
        sheet: makeDynamoSheetLocator(db, tableName),
        clock,
        logger: silentLogger,
        metrics: { count: () => undefined },
        rules: R,
        delivery: {
          ledger,
          mailer: opts.mailer ?? ses,
          clock,
          logger: silentLogger,
          leaseSeconds: TIMEOUT_SECONDS,
          pacing: { now: () => Date.now(), sleep: async () => undefined, reserveMs: 1000 },
        },
        robots: async () => robots,
        fallback: { execManagers: [email.executive], supervisors: [] },
        settings: {
          policy: DEFAULT_ESCALATION_POLICY,
          customerApology: false,
          sheetsWebUrl: 'https://docs.google.com',
          ...o.settings,
        },
        customerMail: {
          lists: R.lists,
          timeZone: 'Asia/Shanghai',
          statusLink: (n) => `https://cases.example/status?case=${n}`,
        },
      });
      return escalate(new Date(local(at)), budget);
    },
  };
}
