/** Posting JSON to a robot's webhook and reading its answer: the one place a robot's HTTP call is made. */
import { RobotError } from '../../ports/robot.js';

export type Fetch = typeof fetch;

/** Robots answer 200 with an error code in the body; 429 and the robot's own "too fast" codes stop the queue. */
export async function postJson(
  fetchImpl: Fetch,
  url: string,
  body: unknown,
  opts: {
    headers?: Record<string, string>;
    ok: (json: Record<string, unknown>) => true | string;
    rateLimited?: (json: Record<string, unknown>) => boolean;
  },
): Promise<void> {
  const text = JSON.stringify(body);
  let res: Response;
  try {
    res = await fetchImpl(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8', ...opts.headers },
      body: text,
      signal: AbortSignal.timeout(10_000),
    });
  } catch (e) {
    // The URL is a credential: the error names the host only.
    throw new RobotError(`robot at ${new URL(url).host} unreachable: ${(e as Error).message}`, false);
  }
  const answer = await res.text();
  let json: Record<string, unknown> = {};
  try {
    json = answer ? (JSON.parse(answer) as Record<string, unknown>) : {};
  } catch {
    // A robot that answers 2xx with something else than JSON (a generic webhook) is fine.
  }
  if (res.status === 429) throw new RobotError(`robot at ${new URL(url).host}: 429 too many requests`, true);
  if (!res.ok) throw new RobotError(`robot at ${new URL(url).host}: HTTP ${res.status}`, false);
  const verdict = opts.ok(json);
  if (verdict !== true)
    throw new RobotError(`robot at ${new URL(url).host}: ${verdict}`, !!opts.rateLimited?.(json));
}

export const utf8Bytes = (s: string): number => Buffer.byteLength(s, 'utf8');

/** `errcode: 0` (WeCom and DingTalk answer this way). */
export const errcodeZero = (json: Record<string, unknown>): true | string =>
  json.errcode === 0 ? true : `errcode ${String(json.errcode)} ${String(json.errmsg ?? '')}`;
