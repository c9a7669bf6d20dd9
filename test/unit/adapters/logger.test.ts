import { describe, expect, it } from 'vitest';
import { makeLogger, redact } from '../../../shared/adapters/logger.js';

const NOW = new Date('2026-11-20T02:00:00.000Z');

function capture(level?: 'debug' | 'info' | 'warn' | 'error') {
  const lines: string[] = [];
  const logger = makeLogger({
    service: 'test-svc',
    write: (line) => lines.push(line),
    now: () => NOW,
    ...(level ? { level } : {}),
  });
  const records = () => lines.map((l) => JSON.parse(l) as Record<string, unknown>);
  return { logger, lines, records };
}

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

describe('makeLogger', () => {
  it('writes one JSON line per entry with level, time, service and data', () => {
    const { logger, records } = capture();
    logger.info('case created', { caseNo: '261120-001', version: 1 });
    expect(records()).toEqual([
      {
        level: 'info',
        time: '2026-11-20T02:00:00.000Z',
        service: 'test-svc',
        message: 'case created',
        caseNo: '261120-001',
        version: 1,
      },
    ]);
  });

  it('never writes contact data', () => {
    const { logger, lines } = capture();
    logger.error('SMS to 138-0013-8000 failed; mail to Zhang.San@example.com bounced', {
      complainant: { name: '张三', phone: '13800138000', email: 'Zhang.San@example.com' },
      phone: '+86 138 0013 8000',
      email: 'zhang.san@example.com',
      description: '我的电话13800138000',
      detail: 'retry 13800138000',
      err: new Error('to zhang.san@example.com'),
    });
    const out = lines.join('\n');
    for (const raw of [
      '13800138000',
      '138-0013-8000',
      '138 0013 8000',
      'zhang.san@example.com',
      'Zhang.San',
      '张三',
    ]) {
      expect(out).not.toContain(raw);
    }
    const [record] = JSON.parse(`[${lines.join(',')}]`) as Record<string, unknown>[];
    expect(record).toMatchObject({
      message: 'SMS to [phone] failed; mail to [email] bounced',
      complainant: '[redacted]',
      phone: '[redacted]',
      email: '[redacted]',
      description: '[redacted]',
      detail: 'retry [phone]',
    });
  });

  it('filters by level (info by default)', () => {
    const def = capture();
    def.logger.info('i');
    def.logger.warn('w');
    def.logger.error('e');
    expect(def.records().map((r) => r.level)).toEqual(['info', 'warn', 'error']);

    const warn = capture('warn');
    warn.logger.info('i');
    warn.logger.warn('w');
    warn.logger.error('e');
    expect(warn.records().map((r) => r.message)).toEqual(['w', 'e']);

    const error = capture('error');
    error.logger.info('i');
    error.logger.warn('w');
    error.logger.error('e');
    expect(error.records().map((r) => r.message)).toEqual(['e']);

    const debug = capture('debug');
    debug.logger.info('i');
    expect(debug.records()).toHaveLength(1);
  });
});
