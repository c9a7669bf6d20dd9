/**
 * The group-chat robots escalation posts to, one per role at most, read from the CHAT_ROBOTS secret (JSON):
 * `{"store_supervisor":{"kind":"dingtalk","url":"https://oapi.dingtalk.com/robot/send?access_token=…","secret":"SEC…"}}`.
 * A robot's URL is itself a credential (WeCom's key, DingTalk's access token), so the whole of it is a
 * secret; error messages name the place of a problem, never a value.
 */
import * as z from 'zod';
import type { EscalationRole } from './domain/escalation-recipients.js';

const https = z.url({ protocol: /^https?$/ });
const robot = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('wecom'), url: https }).strict(),
  z.object({ kind: z.literal('dingtalk'), url: https, secret: z.string().min(1).optional() }).strict(),
  z.object({ kind: z.literal('feishu'), url: https, secret: z.string().min(1).optional() }).strict(),
  z.object({ kind: z.literal('webhook'), url: https, secret: z.string().min(16).optional() }).strict(),
]);
export type RobotConfig = z.infer<typeof robot>;

const robots = z
  .object({
    handler: robot.optional(),
    store_supervisor: robot.optional(),
    executive_manager: robot.optional(),
  })
  .strict();
export type ChatRobots = Partial<Record<EscalationRole, RobotConfig>>;

/** The robots, or an error naming each problem's place (`store_supervisor.url`), never a value. */
export function parseChatRobots(json: string): ChatRobots {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw new Error(
      'CHAT_ROBOTS must be JSON, e.g. {"store_supervisor":{"kind":"dingtalk","url":"…","secret":"…"}}',
    );
  }
  const r = robots.safeParse(value);
  if (r.success) return r.data;
  const where = r.error.issues.map((i) => `${i.path.join('.') || '(top)'}: ${i.code.replaceAll('_', ' ')}`);
  throw new Error(
    `CHAT_ROBOTS: ${where.join('; ')} (roles handler, store_supervisor, executive_manager; kinds wecom, dingtalk, feishu, webhook)`,
  );
}
