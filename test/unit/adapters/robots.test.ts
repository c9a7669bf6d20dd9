/**
 * The group-chat robots' wire formats, pinned as each robot documents them (WeCom group robot, DingTalk
 * custom robot, Feishu/Lark custom bot, a generic JSON webhook): payloads, signatures, and how an answer
 * is read. A recording fetch stands in for the network here; the robots' stand-in is the integration test.
 */
import { describe, expect, it } from 'vitest';
import {
  dingtalkPayload,
  dingtalkRobot,
  dingtalkSignedUrl,
} from '../../../shared/adapters/robots/dingtalk.js';
import { feishuPayload, feishuRobot, feishuSign } from '../../../shared/adapters/robots/feishu.js';
import { webhookRobot, webhookSignature } from '../../../shared/adapters/robots/webhook.js';
import { wecomPayload, wecomRobot } from '../../../shared/adapters/robots/wecom.js';
import { parseChatRobots } from '../../../shared/chat-robots.js';
import { RobotError, type RobotMessage } from '../../../shared/ports/robot.js';

const message: RobotMessage = {
  title: '升级 Escalation',
  text: '■ 261123-001\n  line two',
  mentions: ['13800000001', 'wang'],
};

/** A fetch that records each request and answers with `answer`. */
function recorder(answer: unknown, status = 200) {
  const calls: { url: string; body: unknown; headers: Record<string, string> }[] = [];
  const fetchImpl = (async (url: string, init: RequestInit) => {
    calls.push({ url, body: JSON.parse(String(init.body)), headers: init.headers as Record<string, string> });
    return new Response(JSON.stringify(answer), { status });
  }) as typeof fetch;
  return { calls, fetchImpl };
}

describe('WeCom group robot', () => {
  it('posts markdown with <@userid> mentions, counts the content in UTF-8 bytes, 4096 at most, 20 a minute', async () => {
    expect(wecomPayload(message)).toEqual({
      msgtype: 'markdown',
      markdown: { content: '### 升级 Escalation\n■ 261123-001\n  line two\n<@13800000001> <@wang>' },
    });
    const { calls, fetchImpl } = recorder({ errcode: 0, errmsg: 'ok' });
    const robot = wecomRobot('https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k', fetchImpl);
    expect(robot.limits).toEqual({ perMinute: 20, maxBytes: 4096 });
    expect(robot.size(message)).toBe(Buffer.byteLength(wecomPayload(message).markdown.content));
    await robot.post(message);
    expect(calls[0]?.url).toBe('https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k');
  });

  it('reads errcode 45009 as "too many" and any other code as a refusal', async () => {
    const limited = wecomRobot(
      'https://wecom.example/send?key=k',
      recorder({ errcode: 45009, errmsg: 'api freq out of limit' }).fetchImpl,
    );
    await expect(limited.post(message)).rejects.toMatchObject({ rateLimited: true });
    const refused = wecomRobot(
      'https://wecom.example/send?key=k',
      recorder({ errcode: 93000, errmsg: 'invalid webhook url' }).fetchImpl,
    );
    await expect(refused.post(message)).rejects.toEqual(
      new RobotError('robot at wecom.example: errcode 93000 invalid webhook url', false),
    );
  });
});

describe('DingTalk custom robot', () => {
  it('signs with HMAC-SHA256 of timestamp + "\\n" + secret, base64, URL-encoded, as query parameters', () => {
    const url = dingtalkSignedUrl(
      'https://oapi.dingtalk.com/robot/send?access_token=T',
      'SECtest',
      1_700_000_000_000,
    );
    expect(url).toBe(
      'https://oapi.dingtalk.com/robot/send?access_token=T&timestamp=1700000000000&sign=aZLLrriXgn05YbwaGR7knYsLeJADjr9NwLaNNKpxh4g%3D',
    );
  });

  it('posts markdown with the mentions in the text and in `at`, mobiles apart from user ids', async () => {
    expect(dingtalkPayload(message)).toEqual({
      msgtype: 'markdown',
      markdown: {
        title: '升级 Escalation',
        text: '### 升级 Escalation\n■ 261123-001  \n  line two\n\n@13800000001 @wang',
      },
      at: { atMobiles: ['13800000001'], atUserIds: ['wang'], isAtAll: false },
    });
    const { calls, fetchImpl } = recorder({ errcode: 0, errmsg: 'ok' });
    await dingtalkRobot('https://oapi.dingtalk.com/robot/send?access_token=T', 'SECtest', fetchImpl).post(
      message,
    );
    const sent = new URL(calls[0]?.url ?? '');
    expect(sent.searchParams.get('access_token')).toBe('T');
    expect(sent.searchParams.get('sign')).toMatch(/^[A-Za-z0-9+/]+=*$/);
    const limited = dingtalkRobot(
      'https://d.example/send?access_token=T',
      undefined,
      recorder({ errcode: 130101, errmsg: 'send too fast' }).fetchImpl,
    );
    await expect(limited.post(message)).rejects.toMatchObject({ rateLimited: true });
    expect(limited.limits.perMinute).toBe(20);
  });
});

describe('Feishu / Lark custom bot', () => {
  it('signs with HMAC-SHA256 keyed by timestamp + "\\n" + secret over an empty message, in the body', () => {
    expect(feishuSign('test', 1_700_000_000)).toBe('eSJQnOl8XqPTMPHWz9e5IzeHS/tqoc68g2967ekIPmg=');
    expect(feishuPayload(message, { secret: 'test', timestampSeconds: 1_700_000_000 })).toEqual({
      timestamp: '1700000000',
      sign: 'eSJQnOl8XqPTMPHWz9e5IzeHS/tqoc68g2967ekIPmg=',
      msg_type: 'text',
      content: {
        text: '升级 Escalation\n■ 261123-001\n  line two\n<at user_id="13800000001"></at> <at user_id="wang"></at>',
      },
    });
    expect(feishuPayload({ ...message, mentions: [] })).toEqual({
      msg_type: 'text',
      content: { text: '升级 Escalation\n■ 261123-001\n  line two' },
    });
  });

  it('reads code 0 as success and 11232 as "too many"; 100 a minute, 5 a second', async () => {
    await feishuRobot(
      'https://open.feishu.cn/open-apis/bot/v2/hook/x',
      's',
      recorder({ code: 0, msg: 'success', data: {} }).fetchImpl,
    ).post(message);
    const limited = feishuRobot(
      'https://f.example/hook/x',
      's',
      recorder({ code: 11232, msg: 'frequency limited' }).fetchImpl,
    );
    await expect(limited.post(message)).rejects.toMatchObject({ rateLimited: true });
    expect(limited.limits).toMatchObject({ perMinute: 100, perSecond: 5 });
  });
});

describe('generic JSON webhook', () => {
  it('posts title, text and mentions, signed like the sheet hook when it has a secret; HTTP 429 is "too many"', async () => {
    expect(
      webhookSignature('webhook-secret-123456', 1_700_000_000_000, '{"title":"t","text":"x","mentions":[]}'),
    ).toBe('063b276f88a0b5c260421c758c3e1546ac0dc33d5fb12ff470f6d3023c97d45a');
    const { calls, fetchImpl } = recorder({});
    await webhookRobot('https://bridge.example/hook', 'webhook-secret-123456', fetchImpl).post(message);
    expect(calls[0]?.body).toEqual({ title: message.title, text: message.text, mentions: message.mentions });
    const headers = calls[0]?.headers ?? {};
    expect(headers['x-webhook-signature']).toBe(
      webhookSignature(
        'webhook-secret-123456',
        Number(headers['x-webhook-timestamp']),
        JSON.stringify(calls[0]?.body),
      ),
    );
    const busy = webhookRobot('https://bridge.example/hook', undefined, recorder({}, 429).fetchImpl);
    await expect(busy.post(message)).rejects.toMatchObject({ rateLimited: true });
  });
});

describe('CHAT_ROBOTS', () => {
  it('reads robots by role and names a problem by its place, never by its value', () => {
    expect(
      parseChatRobots(
        '{"handler":{"kind":"wecom","url":"https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k"}}',
      ),
    ).toEqual({
      handler: { kind: 'wecom', url: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k' },
    });
    expect(parseChatRobots('{}')).toEqual({});
    expect(() =>
      parseChatRobots('{"store_supervisor":{"kind":"dingtalk","url":"not a url secret-token"}}'),
    ).toThrow(/^CHAT_ROBOTS: store_supervisor\.url: invalid format/);
    expect(() => parseChatRobots('{"boss":{"kind":"wecom","url":"https://x.example"}}')).toThrow(
      /unrecognized keys/,
    );
    expect(() => parseChatRobots('secret-token')).toThrow('CHAT_ROBOTS must be JSON');
    try {
      parseChatRobots('{"handler":{"kind":"telegram","url":"https://t.example/secret-token"}}');
    } catch (e) {
      expect((e as Error).message).not.toContain('secret-token');
    }
  });
});
