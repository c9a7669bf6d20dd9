import { describe, expect, it } from 'vitest';
import { DomainError, type FieldIssue } from '../../../shared/domain/errors.js';
import { parseSubmission } from '../../../shared/domain/submission.js';
import { DEFAULT_VALUE_LISTS } from '../../../shared/domain/values.js';
import { submissionInput } from '../../support/builders.js';

const parse = (input: unknown) => parseSubmission(DEFAULT_VALUE_LISTS, input);
const minimal = { name: '张三', phone: '13800138000', description: '相册交付延误两周。', category: 'delay' };

function issuesOf(input: unknown): FieldIssue[] {
  try {
    parse(input);
  } catch (e) {
    if (e instanceof DomainError) {
      expect(e.kind).toBe('validation');
      return e.issues;
    }
    throw e;
  }
  throw new Error('expected the submission to be refused');
}
const codeFor = (input: unknown, field: string) => issuesOf(input).find((i) => i.field === field)?.code;

describe('a minimal valid submission', () => {
  it('gets the defaults', () => {
    expect(parse(minimal)).toEqual({
      ...minimal,
      channel: 'web_form',
      severity: 'normal',
      language: 'zh-CN',
      requests: [],
      staffInvolved: [],
    });
  });

  it('treats empty optional fields as not given', () => {
    const s = parse({
      ...minimal,
      email: '',
      wechat: ' ',
      channel: '',
      stage: '',
      severity: '',
      requests: '',
      location: '',
      promisedReplyAt: '',
    });
    expect(s).toMatchObject({ channel: 'web_form', severity: 'normal', requests: [] });
    for (const k of ['email', 'wechat', 'stage', 'location', 'promisedReplyAt'] as const)
      expect(s[k]).toBeUndefined();
  });

  it('trims text and keeps every option given', () => {
    const s = parse({
      ...minimal,
      name: '  李四 ',
      email: ' li.si@example.com ',
      channel: 'phone',
      stage: 'post_production',
      severity: 'high',
      language: 'en',
      receivedAt: '2026-11-20T10:00',
      promisedReplyAt: '2026-11-21T10:00:00+08:00',
      idempotencyKey: 'form-20261120-abcdef',
    });
    expect(s).toMatchObject({
      name: '李四',
      email: 'li.si@example.com',
      channel: 'phone',
      stage: 'post_production',
      severity: 'high',
      language: 'en',
      receivedAt: '2026-11-20T10:00',
      promisedReplyAt: '2026-11-21T10:00:00+08:00',
    });
  });

  it('accepts any one contact', () => {
    expect(parse({ ...minimal, phone: undefined, email: 'a@b.cn' }).email).toBe('a@b.cn');
    expect(parse({ ...minimal, phone: undefined, wechat: 'wxid_abc' }).wechat).toBe('wxid_abc');
    expect(parse({ ...minimal, phone: '+86 (138) 0013-8000' }).phone).toBe('+86 (138) 0013-8000');
  });
});

describe('required fields', () => {
  it.each(['name', 'description', 'category'])('%s missing → required', (field) => {
    const input: Record<string, unknown> = { ...minimal };
    delete input[field];
    expect(codeFor(input, field)).toBe('required');
    expect(codeFor({ ...minimal, [field]: '   ' }, field)).toBe('required');
  });

  it('needs a contact', () => {
    const issues = issuesOf({ name: '张三', description: 'x', category: 'quality' });
    expect(issues).toContainEqual(expect.objectContaining({ field: 'phone', code: 'contact_required' }));
    expect(codeFor({ ...minimal, phone: '', email: '', wechat: '' }, 'phone')).toBe('contact_required');
  });

  it('reports every field problem at once, the missing contact included', () => {
    // An invalid contact is reported as such, not also as missing.
    const issues = issuesOf({ phone: 'abc' });
    expect(issues.map((i) => `${i.field} ${i.code}`).sort()).toEqual([
      'category required',
      'description required',
      'name required',
      'phone invalid_phone',
    ]);
    // No contact at all: reported alongside the other missing fields, in the same round.
    expect(
      issuesOf({})
        .map((i) => `${i.field} ${i.code}`)
        .sort(),
    ).toEqual(['category required', 'description required', 'name required', 'phone contact_required']);
    expect(issuesOf({ email: 'zhang@qq' }).map((i) => `${i.field} ${i.code}`)).toContain(
      'email invalid_email',
    );
    expect(issuesOf({ email: 'zhang@qq' }).map((i) => i.code)).not.toContain('contact_required');
  });

  it('refuses what is not an object', () => {
    expect(issuesOf(null)[0]?.field).toBe('body');
    expect(issuesOf('name=张三')[0]?.field).toBe('body');
  });

  it('tells a wrong type from a missing field', () => {
    expect(codeFor({ ...minimal, name: 123 }, 'name')).toBe('invalid');
    expect(codeFor({ ...minimal, description: ['x'] }, 'description')).toBe('invalid');
  });
});

describe('contacts', () => {
  it.each(['abc', '12345', '138-0013-8000 ext', '<138>', '1'.repeat(30)])('refuses the phone %j', (phone) => {
    expect(codeFor({ ...minimal, phone }, 'phone')).toBe('invalid_phone');
  });

  it.each(['zhang', 'zhang@', 'zhang@qq', 'a b@qq.com', '<a@qq.com>', `${'a'.repeat(250)}@qq.com`])(
    'refuses the email %j',
    (email) => {
      expect(codeFor({ ...minimal, email }, 'email')).toBe('invalid_email');
    },
  );
});

describe('text rules', () => {
  it('refuses unknown fields', () => {
    expect(issuesOf({ ...minimal, caseNo: '261120-001' })).toContainEqual(
      expect.objectContaining({ field: 'caseNo', code: 'unknown_field' }),
    );
    // Transport fields are stripped by the door before parsing, not accepted here.
    expect(codeFor({ ...minimal, accessCode: 'x' }, 'accessCode')).toBe('unknown_field');
  });

  it.each([
    ['name', '张\u0000三'],
    ['name', '张三\u202E'],
    ['description', 'abc\u0007'],
    ['description', '\u202Eabc'],
    ['description', 'a\u2066b'],
    ['location', '门市\n二楼'],
    ['wechat', 'wx\u0000'],
    ['requestDetail', '\u001b[31m'],
    ['staffInvolved', '小王\u202E'],
    ['staffInvolved', ['小王', '小\u0000李']],
  ])('refuses control characters in %s', (field, value) => {
    expect(codeFor({ ...minimal, [field]: value }, field)).toBe('control_chars');
  });

  it('keeps newlines and tabs in the description, normalising line endings', () => {
    const s = parse({ ...minimal, description: '第一行\r\n第二行\n\t第三行' });
    expect(s.description).toBe('第一行\n第二行\n\t第三行');
  });

  it.each([
    ['name', 61, 'too_long:60'],
    ['description', 4001, 'too_long:4000'],
    ['location', 201, 'too_long:200'],
    ['wechat', 101, 'too_long:100'],
    ['requestDetail', 201, 'too_long:200'],
  ])('refuses %s over-length (%i characters)', (field, length, code) => {
    expect(codeFor({ ...minimal, [field]: '字'.repeat(length) }, field)).toBe(code);
    // Limits count characters, not UTF-16 units or bytes.
    expect(() => parse({ ...minimal, [field]: '字'.repeat(length - 1) })).not.toThrow();
  });

  it('counts astral characters once', () => {
    expect(parse({ ...minimal, name: '😀'.repeat(60) }).name).toBe('😀'.repeat(60));
  });

  it('accepts markup verbatim: it is escaped when shown, not rejected', () => {
    const description = '<script>alert("x")</script> & <b>很差</b>';
    expect(parse({ ...minimal, description }).description).toBe(description);
  });
});

describe('options', () => {
  it.each([
    ['channel', 'fax', 'invalid_option'],
    ['stage', 'wedding', 'invalid_option'],
    ['severity', 'urgent', 'invalid_option'],
    ['category', 'bogus', 'invalid_option'],
    ['requests', 'refund,bogus', 'invalid_option'],
    ['requests', ['退款'], 'invalid_option'],
    ['language', 'fr', 'invalid'],
    ['idempotencyKey', 'short', 'invalid_key'],
  ])('refuses %s = %j', (field, value, code) => {
    expect(codeFor({ ...minimal, [field]: value }, field)).toBe(code);
  });

  it('accepts requests and staff as arrays or comma-separated text, deduplicated', () => {
    expect(parse({ ...minimal, requests: 'refund, reshoot,refund' }).requests).toEqual(['refund', 'reshoot']);
    expect(parse({ ...minimal, requests: ['apology', ' discount '] }).requests).toEqual([
      'apology',
      'discount',
    ]);
    expect(parse({ ...minimal, requests: 'apology' }).requests).toEqual(['apology']);
    expect(parse({ ...minimal, staffInvolved: '小王, 小李' }).staffInvolved).toEqual(['小王', '小李']);
    expect(parse({ ...minimal, staffInvolved: ['小王', '小王', ''] }).staffInvolved).toEqual(['小王']);
  });

  it('splits on Chinese full-width commas and enumeration commas', () => {
    expect(parse({ ...minimal, staffInvolved: '小王，小李、摄影师老陈' }).staffInvolved).toEqual([
      '小王',
      '小李',
      '摄影师老陈',
    ]);
    expect(parse({ ...minimal, requests: 'refund，apology' }).requests).toEqual(['refund', 'apology']);
  });

  it('limits the number and length of list items', () => {
    const eleven = Array.from({ length: 11 }, (_, i) => `员工${i}`);
    expect(codeFor({ ...minimal, staffInvolved: eleven }, 'staffInvolved')).toBe('too_many:10');
    expect(codeFor({ ...minimal, staffInvolved: ['字'.repeat(41)] }, 'staffInvolved')).toBe('too_long:40');
    expect(parse({ ...minimal, staffInvolved: ['字'.repeat(40)] }).staffInvolved).toHaveLength(1);
  });
});

describe('dates', () => {
  it.each([
    ['receivedAt', '2026/11/20 10:00'],
    ['receivedAt', '20.11.2026'],
    ['receivedAt', '2026-13-01T10:00'],
    ['receivedAt', '2026-02-30T10:00'],
    ['receivedAt', '2026-04-31T10:00'],
    ['receivedAt', '2026-11-20T24:00'],
    ['receivedAt', '2026-11-20T10:60'],
    ['receivedAt', '2026-11-20'],
    ['promisedReplyAt', 'tomorrow'],
    ['promisedReplyAt', '2026-02-29T10:00+08:00'],
  ])('refuses %s = %j', (field, value) => {
    expect(codeFor({ ...minimal, [field]: value }, field)).toBe('invalid_date');
  });

  it('accepts local datetime-local values, offsets and leap days', () => {
    expect(parse({ ...minimal, receivedAt: '2028-02-29T23:59' }).receivedAt).toBe('2028-02-29T23:59');
    expect(parse({ ...minimal, receivedAt: '2026-11-20T10:00:05.123Z' }).receivedAt).toBe(
      '2026-11-20T10:00:05.123Z',
    );
    expect(parse({ ...minimal, receivedAt: '2026-11-20T10:00-05:00' }).receivedAt).toBe(
      '2026-11-20T10:00-05:00',
    );
  });
});

describe('the builder', () => {
  it('makes a valid submission', () => {
    expect(() => parse(submissionInput())).not.toThrow();
  });
});

describe('implausible input', () => {
  it.each([
    ['+-----', 'nothing but separators'],
    ['(((   )))', 'brackets and spaces'],
    ['+1-2-3', 'fewer than six digits'],
  ])('refuses the phone %s (%s)', (phone) => {
    expect(codeFor({ ...minimal, phone }, 'phone')).toBe('invalid_phone');
  });

  it.each([
    ['\u200B\u200C\u200D', 'zero-width characters'],
    ['\u3164\u3164', 'Hangul filler'],
    ['\u2800\u2800\u2800', 'Braille blank'],
    ['\uFEFF\u2060\u00AD', 'BOM, word joiner, soft hyphen'],
    ['\u115F\u1160\uFFA0', 'Hangul choseong/jungseong and halfwidth fillers'],
  ])('refuses a name made only of invisible characters (%s)', (name) => {
    expect(codeFor({ ...minimal, name }, 'name')).toBe('required');
    expect(codeFor({ ...minimal, description: name }, 'description')).toBe('required');
  });

  it('keeps invisible characters inside visible text', () => {
    expect(parse({ ...minimal, name: '张\u200B三' }).name).toBe('张\u200B三');
  });

  it.each([
    ['\uD800', 'a lone high surrogate'],
    ['ab\uDC00cd', 'a lone low surrogate'],
    ['caf\uFFFD', 'the replacement character of invalid UTF-8'],
  ])('refuses text with %s', (bad, _what) => {
    expect(codeFor({ ...minimal, name: `张${bad}` }, 'name')).toBe('invalid_text');
    expect(codeFor({ ...minimal, description: `经过${bad}` }, 'description')).toBe('invalid_text');
    expect(codeFor({ ...minimal, staffInvolved: [`小${bad}`] }, 'staffInvolved')).toBe('invalid_text');
  });

  it('keeps emoji and other characters outside the basic plane', () => {
    expect(parse({ ...minimal, description: '相册😡 𠮷野家' }).description).toBe('相册😡 𠮷野家');
  });
});
