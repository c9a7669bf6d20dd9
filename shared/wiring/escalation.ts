import { setTimeout as sleep } from 'node:timers/promises';
import { makeDynamoRosterStore } from '../adapters/dynamodb/roster.js';
import { makeDynamoSheetLocator } from '../adapters/dynamodb/sheet-sync.js';
import { makeRobot } from '../adapters/robots/index.js';
import { parseChatRobots } from '../chat-robots.js';
import { loadEscalationConfig } from '../config.js';
import type { EscalationRole } from '../domain/escalation-recipients.js';
import type { Robot } from '../ports/robot.js';
import { makeEscalate } from '../usecases/escalate.js';
import type { Core } from './core.js';
import { wireMail } from './mail.js';

/** Time a sweep keeps in hand at the end of its run, to record what it sent. */
const RESERVE_MS = 5000;

/**
 * The escalation sweep: its rules (escalation section), mail and the send ledger, the roster and the
 * sheet's address from the table, and the group-chat robots from their secret, read at each sweep (cached
 * five minutes), so new robots are used without a redeploy. A send's claim lasts the function's timeout.
 */
export function wireEscalation(core: Core, run: { timeoutSeconds: number }) {
  const config = loadEscalationConfig();
  const mail = wireMail(core, run);
  const robots = async (): Promise<ReadonlyMap<EscalationRole, Robot>> => {
    if (!core.secrets.has('CHAT_ROBOTS')) return new Map();
    const configured = parseChatRobots(await core.secrets.get('CHAT_ROBOTS'));
    return new Map(
      Object.entries(configured).map(([role, robot]) => [role as EscalationRole, makeRobot(robot)]),
    );
  };
  const escalate = makeEscalate({
    cases: core.cases,
    roster: makeDynamoRosterStore(core.db, core.config.tableName),
    sheet: makeDynamoSheetLocator(core.db, core.config.tableName),
    clock: core.clock,
    logger: core.logger,
    metrics: core.metrics,
    rules: core.rules,
    delivery: {
      ledger: mail.ledger,
      mailer: mail.mailer,
      clock: core.clock,
      logger: core.logger,
      leaseSeconds: run.timeoutSeconds,
      pacing: { now: () => Date.now(), sleep: (ms) => sleep(ms), reserveMs: RESERVE_MS },
    },
    robots,
    fallback: { execManagers: mail.mail.execManagers, supervisors: mail.mail.supervisors },
    settings: {
      policy: config.policy,
      customerApology: config.customerApology,
      sheetsWebUrl: config.sheetsWebUrl,
    },
    customerMail: mail.context,
  });
  return { escalate, config };
}
