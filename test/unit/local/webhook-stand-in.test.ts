/** The robots' stand-in answers as the robots do: their paths, signature checks, size cap and rate limits. */
import { describe, expect, it } from 'vitest';
import { RateWindows, type Received, robotOf, verdictFor } from '../../../local/webhook-stand-in/robots.js';
import { dingtalkPayload, dingtalkSignedUrl } from '../../../shared/adapters/robots/dingtalk.js';
import { feishuPayload } from '../../../shared/adapters/robots/feishu.js';

const message = { title: 't', text: 'x', mentions: [] };
const received = (url: string, body: unknown): Received => {
  const u = new URL(url);
  const robot = robotOf(u.pathname, u.searchParams);
  if (!robot) throw new Error(url);
  return { ...robot, headers: {}, query: Object.fromEntries(u.searchParams), body };
};
const always = () => true;

describe('the robots stand-in', () => {
  it('knows each robot by its path and credential', () => {
    const q = (s: string) => new URLSearchParams(s);
    expect(robotOf('/wecom/cgi-bin/webhook/send', q('key=K'))).toEqual({ kind: 'wecom', token: 'K' });
    expect(robotOf('/dingtalk/robot/send', q('access_token=T'))).toEqual({ kind: 'dingtalk', token: 'T' });
    expect(robotOf('/feishu/open-apis/bot/v2/hook/H', q(''))).toEqual({ kind: 'feishu', token: 'H' });
    expect(robotOf('/hook/bridge', q(''))).toEqual({ kind: 'webhook', token: 'bridge' });
    expect(robotOf('/elsewhere', q(''))).toBeUndefined();
  });

  it('checks DingTalk and Feishu signatures with the registered secret', () => {
    const signed = dingtalkSignedUrl('http://x/dingtalk/robot/send?access_token=T', 'SECret', Date.now());
    expect(verdictFor(received(signed, dingtalkPayload(message)), '', 'SECret', always).outcome).toBe('ok');
    expect(verdictFor(received(signed, dingtalkPayload(message)), '', 'other', always)).toMatchObject({
      answer: { errcode: 310000 },
      outcome: 'bad signature',
    });
    const feishu = feishuPayload(message, { secret: 's', timestampSeconds: 1_700_000_000 });
    const url = 'http://x/feishu/open-apis/bot/v2/hook/H';
    expect(verdictFor(received(url, feishu), JSON.stringify(feishu), 's', always).answer).toEqual({
      code: 0,
      msg: 'success',
      data: {},
    });
    expect(verdictFor(received(url, feishu), JSON.stringify(feishu), 'x', always).answer).toMatchObject({
      code: 19021,
    });
  });

  it('refuses WeCom markdown over 4096 bytes, and counts each robot’s posts a minute', () => {
    const url = 'http://x/wecom/cgi-bin/webhook/send?key=K';
    const long = { msgtype: 'markdown', markdown: { content: '好'.repeat(1366) } };
    expect(verdictFor(received(url, long), '', undefined, always).answer).toMatchObject({ errcode: 40058 });
    const windows = new RateWindows();
    const admitted = Array.from({ length: 21 }, () => windows.admit('wecom', 'K', 1000));
    expect(admitted.filter(Boolean)).toHaveLength(20);
    expect(windows.admit('wecom', 'K', 61_001)).toBe(true);
    expect(windows.admit('wecom', 'other', 1000)).toBe(true);
  });
});
