/**
 * DingTalk (钉钉) custom robot: POST {"msgtype":"markdown","markdown":{"title","text"},"at":{…}} to the
 * webhook URL; with a signing secret, `timestamp` (ms) and `sign` = base64(HMAC-SHA256(secret,
 * timestamp + "\n" + secret)) are added as query parameters (URL-encoded). 20 messages a minute, and a
 * 10-minute ban past that; mentions need the id in the text and in `at`. Answers {"errcode":0}.
 * DingTalk documents no size cap we rely on: each message stays under 4096 bytes, as WeCom's.
 */
import { createHmac } from 'node:crypto';
import type { Robot, RobotMessage } from '../../ports/robot.js';
import { errcodeZero, type Fetch, postJson, utf8Bytes } from './http.js';

const isMobile = (id: string) => /^\+?\d{6,15}$/.test(id);

export function dingtalkPayload(m: RobotMessage) {
  const mentions = m.mentions.map((id) => `@${id}`).join(' ');
  return {
    msgtype: 'markdown',
    // DingTalk markdown breaks a line only after two spaces.
    markdown: {
      title: m.title,
      text: `### ${m.title}\n${m.text.replaceAll('\n', '  \n')}${mentions ? `\n\n${mentions}` : ''}`,
    },
    at: {
      atMobiles: m.mentions.filter(isMobile),
      atUserIds: m.mentions.filter((id) => !isMobile(id)),
      isAtAll: false,
    },
  };
}

/** The signed URL: `timestamp` and `sign` query parameters. */
export function dingtalkSignedUrl(url: string, secret: string, timestampMs: number): string {
  const sign = createHmac('sha256', secret).update(`${timestampMs}\n${secret}`).digest('base64');
  const signed = new URL(url);
  signed.searchParams.set('timestamp', String(timestampMs));
  signed.searchParams.set('sign', sign);
  return signed.toString();
}

export function dingtalkRobot(url: string, secret: string | undefined, fetchImpl: Fetch = fetch): Robot {
  return {
    kind: 'dingtalk',
    limits: { perMinute: 20, maxBytes: 4096 },
    size: (m) => utf8Bytes(dingtalkPayload(m).markdown.text),
    post: (m) =>
      postJson(fetchImpl, secret ? dingtalkSignedUrl(url, secret, Date.now()) : url, dingtalkPayload(m), {
        ok: errcodeZero,
        // 130101: sent too fast (the 10-minute ban); 410100: too many from this IP.
        rateLimited: (j) => j.errcode === 130101 || j.errcode === 410100,
      }),
  };
}
