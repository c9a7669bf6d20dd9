/**
 * Any JSON webhook (a studio's own bridge to another chat): POST {"title","text","mentions"}; with a
 * secret, signed as the sheet's on-edit pings are: `X-Webhook-Timestamp` (ms) and `X-Webhook-Signature`,
 * the hex HMAC-SHA256 of `<timestamp>.<body>`. 60 messages a minute, 16 KB of text each; any 2xx is success.
 */
import { createHmac } from 'node:crypto';
import type { Robot, RobotMessage } from '../../ports/robot.js';
import { type Fetch, postJson, utf8Bytes } from './http.js';

export const webhookPayload = (m: RobotMessage) => ({ title: m.title, text: m.text, mentions: m.mentions });

export function webhookSignature(secret: string, timestampMs: number, body: string): string {
  return createHmac('sha256', secret).update(`${timestampMs}.${body}`).digest('hex');
}

export function webhookRobot(url: string, secret: string | undefined, fetchImpl: Fetch = fetch): Robot {
  return {
    kind: 'webhook',
    limits: { perMinute: 60, maxBytes: 16_000 },
    size: (m) => utf8Bytes(m.title) + utf8Bytes(m.text),
    post: (m) => {
      const body = webhookPayload(m);
      const ts = Date.now();
      const headers = secret
        ? {
            'x-webhook-timestamp': String(ts),
            'x-webhook-signature': webhookSignature(secret, ts, JSON.stringify(body)),
          }
        : undefined;
      return postJson(fetchImpl, url, body, { ...(headers ? { headers } : {}), ok: () => true });
    },
  };
}
