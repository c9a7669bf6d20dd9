/**
 * How each robot's real endpoint answers, as its owner documents it: the paths, the signature check, the
 * rate limit and the size cap, and the body of the answer. The stand-in records every message whatever the
 * answer, with the verdict, so a test (or a person) sees what a robot would have refused.
 */
import { createHmac } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

export type StandInKind = 'wecom' | 'dingtalk' | 'feishu' | 'webhook';

export interface Received {
  kind: StandInKind;
  /** The robot's credential part of the address (WeCom key, DingTalk token, Feishu hook id, webhook path). */
  token: string;
  headers: Record<string, string>;
  query: Record<string, string>;
  body: unknown;
}

/** A message as the stand-in keeps it: what came, when, and what the robot answered. */
export interface Recorded extends Received {
  at: string;
  status: number;
  outcome: string;
}

export interface Verdict {
  status: number;
  answer: Record<string, unknown>;
  /** 'ok', or why the robot refused it. */
  outcome: string;
}

/** The robot a path names, and its credential; undefined for a path no robot has. */
export function robotOf(path: string, query: URLSearchParams): Pick<Received, 'kind' | 'token'> | undefined {
  if (path === '/wecom/cgi-bin/webhook/send') return { kind: 'wecom', token: query.get('key') ?? '' };
  if (path === '/dingtalk/robot/send') return { kind: 'dingtalk', token: query.get('access_token') ?? '' };
  const feishu = /^\/feishu\/open-apis\/bot\/v2\/hook\/([^/]+)$/.exec(path);
  if (feishu?.[1]) return { kind: 'feishu', token: feishu[1] };
  const hook = /^\/hook\/([^/]+)$/.exec(path);
  if (hook?.[1]) return { kind: 'webhook', token: hook[1] };
  return undefined;
}

const LIMITS: Record<StandInKind, { perMinute: number; perSecond?: number }> = {
  wecom: { perMinute: 20 },
  dingtalk: { perMinute: 20 },
  feishu: { perMinute: 100, perSecond: 5 },
  webhook: { perMinute: 600 },
};

/** Per-robot sliding windows of real time, as the real services count. */
export class RateWindows {
  private readonly posts = new Map<string, number[]>();
  /** Counts a post; false when it is over the robot's limit. */
  admit(kind: StandInKind, token: string, now: number): boolean {
    const key = `${kind}#${token}`;
    const recent = (this.posts.get(key) ?? []).filter((t) => now - t < 60_000);
    const { perMinute, perSecond } = LIMITS[kind];
    const lastSecond = recent.filter((t) => now - t < 1000).length;
    const over = recent.length >= perMinute || (perSecond !== undefined && lastSecond >= perSecond);
    if (!over) recent.push(now);
    this.posts.set(key, recent);
    return !over;
  }
}

const b64 = (key: string, data: string) => createHmac('sha256', key).update(data).digest('base64');

/** Whether a signed robot's signature is right (true when it has no secret registered). */
function signatureOk(r: Received, secret: string | undefined, rawBody: string): boolean {
  if (!secret) return true;
  if (r.kind === 'dingtalk') return r.query.sign === b64(secret, `${r.query.timestamp}\n${secret}`);
  if (r.kind === 'feishu') {
    const body = r.body as { timestamp?: string; sign?: string };
    return !!body.timestamp && body.sign === b64(`${body.timestamp}\n${secret}`, '');
  }
  if (r.kind === 'webhook') {
    const ts = r.headers['x-webhook-timestamp'] ?? '';
    const expected = createHmac('sha256', secret).update(`${ts}.${rawBody}`).digest('hex');
    return r.headers['x-webhook-signature'] === expected;
  }
  return true;
}

const bytes = (s: unknown) => Buffer.byteLength(typeof s === 'string' ? s : '', 'utf8');

/** What the robot answers: signature, shape and size first, then its rate limit. */
export function verdictFor(
  r: Received,
  rawBody: string,
  secret: string | undefined,
  admitted: () => boolean,
): Verdict {
  const ok = (answer: Record<string, unknown>): Verdict => ({ status: 200, answer, outcome: 'ok' });
  const refuse = (answer: Record<string, unknown>, outcome: string): Verdict => ({
    status: 200,
    answer,
    outcome,
  });
  const body = (r.body ?? {}) as Record<string, Record<string, unknown> | string | undefined>;
  switch (r.kind) {
    case 'wecom': {
      const md = body.markdown as Record<string, unknown> | undefined;
      if (body.msgtype !== 'markdown' && body.msgtype !== 'text')
        return refuse({ errcode: 40008, errmsg: 'invalid message type' }, 'bad type');
      if (bytes(md?.content) > 4096)
        return refuse({ errcode: 40058, errmsg: 'markdown.content exceed max length 4096' }, 'too long');
      return admitted()
        ? ok({ errcode: 0, errmsg: 'ok' })
        : refuse({ errcode: 45009, errmsg: 'api freq out of limit' }, 'rate limited');
    }
    case 'dingtalk':
      if (!signatureOk(r, secret, rawBody))
        return refuse({ errcode: 310000, errmsg: 'sign not match' }, 'bad signature');
      return admitted()
        ? ok({ errcode: 0, errmsg: 'ok' })
        : refuse({ errcode: 130101, errmsg: 'send too fast, exceed 20 times per minute' }, 'rate limited');
    case 'feishu':
      if (!signatureOk(r, secret, rawBody))
        return refuse(
          { code: 19021, msg: 'sign match fail or timestamp is not within one hour from current time' },
          'bad signature',
        );
      if (Buffer.byteLength(rawBody) > 20 * 1024)
        return refuse({ code: 9499, msg: 'Bad Request' }, 'too large');
      return admitted()
        ? ok({ code: 0, msg: 'success', data: {} })
        : refuse({ code: 11232, msg: 'frequency limited' }, 'rate limited');
    case 'webhook':
      if (!signatureOk(r, secret, rawBody))
        return { status: 401, answer: { error: 'bad signature' }, outcome: 'bad signature' };
      return ok({ ok: true });
  }
}

export const headerMap = (h: IncomingHttpHeaders): Record<string, string> =>
  Object.fromEntries(
    Object.entries(h)
      .filter(([k]) => k === 'content-type' || k.startsWith('x-webhook-'))
      .map(([k, v]) => [k, String(v)]),
  );
