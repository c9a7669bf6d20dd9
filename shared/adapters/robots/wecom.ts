/**
 * WeCom (企业微信) group robot: POST {"msgtype":"markdown","markdown":{"content":…}} to the webhook URL
 * (its `key` is the credential). Content at most 4096 bytes of UTF-8; 20 messages a minute; mentions as
 * `<@userid>` in the markdown. Answers {"errcode":0,"errmsg":"ok"}; 45009 means too many.
 */
import type { Robot, RobotMessage } from '../../ports/robot.js';
import { errcodeZero, type Fetch, postJson, utf8Bytes } from './http.js';

export function wecomPayload(m: RobotMessage) {
  const mentions = m.mentions.map((id) => `<@${id}>`).join(' ');
  return {
    msgtype: 'markdown',
    markdown: { content: `### ${m.title}\n${m.text}${mentions ? `\n${mentions}` : ''}` },
  };
}

export function wecomRobot(url: string, fetchImpl: Fetch = fetch): Robot {
  return {
    kind: 'wecom',
    limits: { perMinute: 20, maxBytes: 4096 },
    size: (m) => utf8Bytes(wecomPayload(m).markdown.content),
    post: (m) =>
      postJson(fetchImpl, url, wecomPayload(m), { ok: errcodeZero, rateLimited: (j) => j.errcode === 45009 }),
  };
}
