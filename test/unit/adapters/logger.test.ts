import middy from '@middy/core';
import { afterEach, describe, expect, it } from 'vitest';
import { lambdaContext } from '../../../local/lambda-context.js';
import { makeLogger, redact } from '../../../shared/adapters/logger.js';
import { type CollectedLogs, collectLogs as collect } from '../../support/logs.js';

/** Logs collected for one test, restored after it. */
function collectLogs(): CollectedLogs {
  const logs = collect();
  restore = logs.restore;
  return logs;
}

function capture(level?: 'debug' | 'info' | 'warn' | 'error') {
  const logs = collectLogs();
  const logger = makeLogger({ service: 'test-svc', ...(level ? { level } : {}) });
  const records = () =>
    logs
      .text()
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Record<string, unknown>);
  return { logger, text: () => logs.text(), records };
}

let restore: (() => void) | undefined;
afterEach(() => restore?.());

describe('redact', () => {
  it('drops personal fields by name, case-insensitively, at any depth', () => {
    expect(
      redact({
        caseNo: '261120-001',
        complainant: { name: '张三', phone: '13800138000' },
        Phone: '13800138000',
        EMAIL: 'a@b.cn',
        description: '客户描述',
        nested: { list: [{ wechat: 'wxid', name: '李四', status: 'open' }] },
        headers: { Authorization: 'Bearer x', Cookie: 's=1', accessCode: 'secret' },
        last4: '8000',
      }),
    ).toEqual({
      caseNo: '261120-001',
      complainant: '[redacted]',
      Phone: '[redacted]',
      EMAIL: '[redacted]',
      description: '[redacted]',
      nested: { list: [{ wechat: '[redacted]', name: '[redacted]', status: 'open' }] },
      headers: { Authorization: '[redacted]', Cookie: '[redacted]', accessCode: '[redacted]' },
      last4: '[redacted]',
    });
  });

  it('masks phone numbers and emails inside any string', () => {
    expect(redact({ note: '客户13800138000说邮件发到zs@qq.com' })).toEqual({
      note: '客户[phone]说邮件发到[email]',
    });
    expect(redact(['13800138000', 42, true, null])).toEqual(['[phone]', 42, true, null]);
  });

  it('keeps only the name and masked message of errors', () => {
    const e = new TypeError('send to zs@qq.com failed');
    expect(redact({ err: e })).toEqual({ err: { name: 'TypeError', message: 'send to [email] failed' } });
  });

  it('stops at a depth limit', () => {
    let deep: Record<string, unknown> = { v: 'x' };
    for (let i = 0; i < 10; i++) deep = { d: deep };
    expect(JSON.stringify(redact(deep))).toContain('[depth]');
  });
});

describe('makeLogger (Powertools Logger with redaction)', () => {
  it('writes one JSON line per entry with level, timestamp, service and data', () => {
    const { logger, records } = capture();
    logger.info('case created', { caseNo: '261120-001', version: 1 });
    const [record] = records();
    expect(records()).toHaveLength(1);
    expect(record).toMatchObject({
      level: 'INFO',
      service: 'test-svc',
      message: 'case created',
      caseNo: '261120-001',
      version: 1,
    });
    expect(Date.parse(String(record?.timestamp))).not.toBeNaN();
  });

  it('never writes contact data, in the message or any field', () => {
    const { logger, text, records } = capture();
    logger.error('SMS to 138-0013-8000 failed; mail to Zhang.San@example.com bounced', {
      complainant: { name: '张三', phone: '13800138000', email: 'Zhang.San@example.com' },
      phone: '+86 138 0013 8000',
      email: 'zhang.san@example.com',
      description: '我的电话13800138000',
      detail: 'retry 13800138000',
      err: new Error('to zhang.san@example.com'),
    });
    for (const raw of [
      '13800138000',
      '138-0013-8000',
      '138 0013 8000',
      'zhang.san@example.com',
      'Zhang.San',
      '张三',
    ]) {
      expect(text()).not.toContain(raw);
    }
    expect(records()[0]).toMatchObject({
      message: 'SMS to [phone] failed; mail to [email] bounced',
      complainant: '[redacted]',
      phone: '[redacted]',
      email: '[redacted]',
      description: '[redacted]',
      detail: 'retry [phone]',
      err: { name: 'Error', message: 'to [email]' },
    });
  });

  it('keeps its own fields: data cannot overwrite the level or the message', () => {
    const { logger, records } = capture();
    logger.warn('real', { message: 'fake', service: 'other' });
    expect(records().at(-1)).toMatchObject({ level: 'WARN', message: 'real', service: 'test-svc' });
  });

  it('filters by level (info by default)', () => {
    const def = capture();
    def.logger.info('i');
    def.logger.warn('w');
    def.logger.error('e');
    expect(def.records().map((r) => r.level)).toEqual(['INFO', 'WARN', 'ERROR']);
    restore?.();

    const error = capture('error');
    error.logger.info('i');
    error.logger.warn('w');
    error.logger.error('e');
    expect(error.records().map((r) => r.message)).toEqual(['e']);
  });

  it('puts the invocation on every line through its middleware (request id, function, cold start)', async () => {
    const { logger, records } = capture();
    const handler = middy(async () => {
      logger.info('inside', { phone: '13800138000' });
    }).use(logger.lambdaContext);
    await handler({}, lambdaContext('escalate', 60));
    const [record] = records();
    expect(record).toMatchObject({
      message: 'inside',
      function_name: 'escalate',
      cold_start: expect.any(Boolean),
      phone: '[redacted]',
    });
    expect(record?.function_request_id).toEqual(expect.any(String));
  });
});
