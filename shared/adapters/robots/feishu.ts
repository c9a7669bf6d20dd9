/**
 * Feishu / Lark custom bot: POST {"msg_type":"text","content":{"text":…}} to the webhook URL; with a
 * signing secret the body also carries `timestamp` (seconds) and `sign` = base64(HMAC-SHA256 keyed with
 * timestamp + "\n" + secret, over an empty message). 100 messages a minute and 5 a second; a body of at
 * most 20 KB; mentions as <at user_id="…"></at>. Answers {"code":0,"msg":"success"}; 11232 means too many.
 */
import { createHmac } from 'node:crypto';
import type { Robot, RobotMessage } from '../../ports/robot.js';
import { type Fetch, postJson, utf8Bytes } from './http.js';

export function feishuSign(secret: string, timestampSeconds: number): string {
  return createHmac('sha256', `${timestampSeconds}\n${secret}`).update('').digest('base64');
}

const feishuText = (m: RobotMessage) => {
  const mentions = m.mentions.map((id) => `<at user_id="${id}"></at>`).join(' ');
  return `${m.title}\n${m.text}${mentions ? `\n${mentions}` : ''}`;
};

export function feishuPayload(m: RobotMessage, signed?: { secret: string; timestampSeconds: number }) {
  return {
    ...(signed
      ? {
          timestamp: String(signed.timestampSeconds),
          sign: feishuSign(signed.secret, signed.timestampSeconds),
        }
      : {}),
    msg_type: 'text',
    content: { text: feishuText(m) },
  };
}

export function feishuRobot(url: string, secret: string | undefined, fetchImpl: Fetch = fetch): Robot {
  return {
    kind: 'feishu',
    // The body may be 20 KB; the text stays well under it, leaving room for the envelope.
    limits: { perMinute: 100, perSecond: 5, maxBytes: 18_000 },
    size: (m) => utf8Bytes(feishuText(m)),
    post: (m) =>
      postJson(
        fetchImpl,
        url,
        feishuPayload(m, secret ? { secret, timestampSeconds: Math.floor(Date.now() / 1000) } : undefined),
        {
          ok: (j) =>
            j.code === 0 || j.StatusCode === 0 ? true : `code ${String(j.code)} ${String(j.msg ?? '')}`,
          rateLimited: (j) => j.code === 11232,
        },
      ),
  };
}
