import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Case } from '../../../shared/domain/case.js';
import { DomainError, validationError } from '../../../shared/domain/errors.js';
import { formatLocal } from '../../../shared/domain/format.js';
import { parseSubmission, TRANSPORT_FIELDS } from '../../../shared/domain/submission.js';
import { DEFAULT_VALUE_LISTS, type Lang } from '../../../shared/domain/values.js';
import { HONEYPOT_FIELD } from '../../../shared/http/guards.js';
import type { HttpEvent } from '../../../shared/http/types.js';
import { PAGE_POLICY } from '../../../shared/web/assets.js';
import type { WebContext } from '../../../shared/web/context.js';
import { formErrorPage, statusErrorPage } from '../../../shared/web/error-pages.js';
import { renderCreatedPage, renderFormPage } from '../../../shared/web/form-page.js';
import { escapeHtml, h, raw } from '../../../shared/web/html.js';
import { pickLang } from '../../../shared/web/language.js';
import { renderStatusPage } from '../../../shared/web/status-page.js';

const ctx: WebContext = {
  lists: DEFAULT_VALUE_LISTS,
  timeZone: 'Asia/Shanghai',
  now: new Date('2026-11-22T08:00:00Z'),
};
const LANGS: Lang[] = ['zh-CN', 'en'];
const form = (lang: Lang, more: Partial<Parameters<typeof renderFormPage>[1]> = {}) =>
  renderFormPage(ctx, { lang, needsAccessCode: false, idempotencyKey: 'key-12345678', ...more });

const postEvent = (body: Record<string, unknown>, extra: Partial<HttpEvent> = {}): HttpEvent =>
  ({
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
    body,
    rawPath: '/complaints',
    ...extra,
  }) as unknown as HttpEvent;

const sha256 = (text: string) => `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`;

/** The markup of the element with this id up to the end of its opening tag. */
const tagWithId = (html: string, id: string) => {
  const m = new RegExp(`<(input|select|textarea)[^>]*\\bid="${id}"[^>]*>`).exec(html);
  if (!m) throw new Error(`no control #${id}`);
  return m[0];
};

/** What a browser would post for this form as it is rendered (a small form serializer over the markup). */
function defaultPost(html: string): Record<string, string | string[]> {
  const formHtml = /<form id="cf"[\s\S]*?<\/form>/.exec(html)?.[0] ?? '';
  const out: Record<string, string | string[]> = {};
  const put = (name: string, value: string) => {
    const prev = out[name];
    out[name] = prev === undefined ? value : Array.isArray(prev) ? [...prev, value] : [prev, value];
  };
  const attr = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
  for (const [tag] of formHtml.matchAll(/<input\b[^>]*>/g)) {
    const name = attr(tag, 'name');
    const type = attr(tag, 'type') ?? 'text';
    if (!name) continue;
    if ((type === 'radio' || type === 'checkbox') && !/\schecked\b/.test(tag)) continue;
    put(name, attr(tag, 'value') ?? (type === 'checkbox' || type === 'radio' ? 'on' : ''));
  }
  for (const [, name = '', inner = ''] of formHtml.matchAll(
    /<select[^>]*\sname="([^"]+)"[^>]*>([\s\S]*?)<\/select>/g,
  )) {
    const options = [...inner.matchAll(/<option value="([^"]*)"([^>]*)>/g)];
    const chosen = options.find((o) => /selected/.test(o[2] ?? '')) ?? options[0];
    put(name, chosen?.[1] ?? '');
  }
  for (const [, name = '', inner = ''] of formHtml.matchAll(
    /<textarea[^>]*\sname="([^"]+)"[^>]*>([\s\S]*?)<\/textarea>/g,
  )) {
    put(name, inner);
  }
  return out;
}

describe('escaping', () => {
  it('escapeHtml and the h template escape every interpolation', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    const inner = h`<b>${'<i>'}</b>`;
    expect(h`<p>${inner}${['<', raw('<br>')]}${undefined}${null}</p>`.value).toBe(
      '<p><b>&lt;i&gt;</b>&lt;<br></p>',
    );
  });

  it.each(LANGS)('typed text never becomes markup (%s)', (lang) => {
    const html = form(lang, {
      values: {
        name: `O'Neil "Big" <b>Li</b>`,
        description: '<script>alert(1)</script>',
        location: '"><img src=x>',
      },
      issues: [{ field: 'category', code: 'required', message: 'required' }],
    });
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;</textarea>');
    expect(tagWithId(html, 'f-name')).toContain('value="O&#39;Neil &quot;Big&quot; &lt;b&gt;Li&lt;/b&gt;"');
    expect(tagWithId(html, 'f-location')).toContain('value="&quot;&gt;&lt;img src=x&gt;"');
    expect(html).not.toContain('<img');
    // Exactly one executable script: ours.
    expect([...html.matchAll(/<script>/g)]).toHaveLength(1);
  });

  it('an error page echoes typed script as text', () => {
    const res = formErrorPage(
      ctx,
      validationError('bad', [{ field: 'category', code: 'required', message: 'required' }]),
      postEvent({ name: '<script>x()</script>', description: '"><script>y()</script>', language: 'en' }),
      422,
    );
    expect(res.body).not.toMatch(/<script>[xy]\(\)/);
    expect(res.body).toContain('&lt;script&gt;x()&lt;/script&gt;');
  });
});

describe('languages', () => {
  it('shows every label in Chinese, with lang="zh-CN"', () => {
    const html = form('zh-CN');
    expect(html).toMatch(/<html lang="zh-CN">/);
    for (const text of [
      '投诉人姓名',
      '联系方式',
      '发生了什么',
      '投诉类别',
      '更多信息（选填）',
      '提交登记',
      '服务态度',
      '化妆造型',
    ]) {
      expect(html).toContain(text);
    }
    expect(html).not.toContain('Service attitude');
  });

  it('shows every label in English, with lang="en"', () => {
    const html = form('en');
    expect(html).toMatch(/<html lang="en">/);
    for (const text of [
      'Complainant&#39;s name',
      'Contact',
      'What happened',
      'Category',
      'More (optional)',
    ]) {
      expect(html).toContain(text);
    }
    expect(html).toContain('Service attitude');
    expect(html).toContain('Make-up &amp; styling');
    expect(html).not.toContain('服务态度');
  });

  it('offers language switch links at the top', () => {
    const html = form('en');
    expect(html).toContain('href="/?lang=en"');
    expect(html).toContain('href="/?lang=zh-CN"');
    expect(renderStatusPage(ctx, { lang: 'zh-CN' })).toContain('href="/status?lang=en"');
  });

  it('pickLang: ?lang= > cookie > Accept-Language > zh-CN', () => {
    const ev = (headers: Record<string, string>, q?: Record<string, string>, cookies?: string[]) =>
      ({ headers, queryStringParameters: q, cookies }) as Pick<
        HttpEvent,
        'headers' | 'queryStringParameters'
      >;
    expect(pickLang(ev({}))).toBe('zh-CN');
    expect(pickLang(ev({ 'accept-language': 'en-US,en;q=0.9' }))).toBe('en');
    expect(pickLang(ev({ 'accept-language': 'zh-TW,zh;q=0.9,en;q=0.8' }))).toBe('zh-CN');
    expect(pickLang(ev({ 'accept-language': 'fr;q=0.4,zh;q=0.8' }))).toBe('zh-CN');
    expect(pickLang(ev({ 'accept-language': 'de-DE' }))).toBe('en');
    expect(pickLang(ev({ 'accept-language': 'en', cookie: 'lang=zh-CN' }))).toBe('zh-CN');
    expect(pickLang(ev({ 'accept-language': 'zh' }, undefined, ['a=b', 'lang=en']))).toBe('en');
    expect(pickLang(ev({ 'accept-language': 'en', cookie: 'lang=en' }, { lang: 'zh-CN' }))).toBe('zh-CN');
    expect(pickLang(ev({}, { lang: 'en' }))).toBe('en');
    expect(pickLang(ev({ 'accept-language': 'en' }, { lang: 'xx' }))).toBe('en');
  });
});

describe('errors next to their fields', () => {
  const issues = [
    { field: 'phone', code: 'contact_required', message: 'contact_required' },
    { field: 'email', code: 'invalid_email', message: 'invalid_email' },
    { field: 'promisedReplyAt', code: 'before_received', message: 'before_received' },
  ];
  const typed = {
    name: '王女士',
    email: 'not-an-email',
    description: '样片颜色不对',
    category: 'quality',
    severity: 'high',
    requests: ['refund', 'apology'],
    staffInvolved: ['小王', '小李'],
    promisedReplyAt: '2020-01-01T10:00',
    language: 'en',
    idempotencyKey: 'old-key-123456',
    accessCode: 'secret-code',
    [HONEYPOT_FIELD]: '',
  };

  it('keeps every typed value, marks the fields and links the messages (plain-form 422)', () => {
    const res = formErrorPage(ctx, validationError('bad', issues), postEvent(typed), 422);
    const html = String(res.body);
    expect(res.statusCode).toBe(422);
    expect(res.headers?.['content-type']).toMatch(/^text\/html/);
    expect(html).toMatch(/<html lang="en">/);
    expect(tagWithId(html, 'f-name')).toContain('value="王女士"');
    expect(html).toContain('>样片颜色不对</textarea>');
    expect(html).toMatch(/<option value="quality" selected>/);
    expect(tagWithId(html, 'f-severity-high')).toContain(' checked');
    expect(tagWithId(html, 'f-requests-refund')).toContain(' checked');
    expect(tagWithId(html, 'f-requests-apology')).toContain(' checked');
    expect(tagWithId(html, 'f-requests-reshoot')).not.toContain(' checked');
    expect(tagWithId(html, 'f-staffInvolved')).toContain('value="小王, 小李"');
    expect(tagWithId(html, 'f-promisedReplyAt')).toContain('value="2020-01-01T10:00"');

    // Each message sits in its field's wrapper, right before the control, and the control points at it.
    expect(html).toMatch(
      /<div class="sub" id="w-email">.*<p class="err" id="e-email">Enter an email address like name@example\.com\.<\/p><input[^>]*id="f-email"/,
    );
    const email = tagWithId(html, 'f-email');
    expect(email).toContain('aria-invalid="true"');
    expect(email).toMatch(/aria-describedby="[^"]*\be-email\b/);
    expect(email).toMatch(/aria-describedby="[^"]*\be-contact\b/);
    expect(html).toMatch(
      /<fieldset class="f" id="w-contact"><legend>.*<p class="err" id="e-contact">Give at least one way/,
    );
    expect(tagWithId(html, 'f-phone')).toContain('aria-invalid="true"');
    expect(tagWithId(html, 'f-name')).not.toContain('aria-invalid');
    expect(tagWithId(html, 'f-promisedReplyAt')).toMatch(
      /aria-describedby="h-promisedReplyAt e-promisedReplyAt"/,
    );
    // The optional section opens when an error is inside it.
    expect(html).toContain('<details id="more" open>');
    // The summary: role=alert, one link per problem to its control.
    const summary = /<div id="summary"[^>]*>[\s\S]*?<\/div>/.exec(html)?.[0] ?? '';
    expect(summary).toContain('role="alert"');
    expect(summary).toContain('<a href="#f-phone">Contact: Give at least one way');
    expect(summary).toContain('<a href="#f-email">Email: ');
    expect(summary).toContain('<a href="#f-promisedReplyAt">Promised reply time: ');
    // The idempotency key stays: sent again, the page can never make two cases.
    expect(html).toContain('name="idempotencyKey" value="old-key-123456"');
  });

  it('401 asks for the access code and does not echo a wrong one', () => {
    const err = new DomainError('unauthorized', 'wrong', [
      { field: 'accessCode', code: 'wrong_code', message: 'x' },
    ]);
    const html = String(formErrorPage(ctx, err, postEvent({ ...typed, language: 'zh-CN' }), 401).body);
    const input = tagWithId(html, 'f-accessCode');
    expect(input).toContain('type="password"');
    expect(input).toContain('autocomplete="current-password"');
    expect(input).toContain('aria-invalid="true"');
    expect(input).not.toContain('secret-code');
    expect(html).toContain('员工口令不正确');
    expect(html).toMatch(/<html lang="zh-CN">/);
  });

  it('only asks for the access code when needed', () => {
    expect(form('en', { needsAccessCode: false })).not.toContain('name="accessCode"');
    expect(form('en', { needsAccessCode: true })).toContain('name="accessCode"');
  });

  it('says "too many attempts" on 429 with no field errors', () => {
    const res = formErrorPage(ctx, new DomainError('rate_limited', 'x'), postEvent({ language: 'en' }), 429);
    expect(res.statusCode).toBe(429);
    expect(res.body).toContain('Too many attempts');
  });

  it('links Chinese summary entries with a full-width colon', () => {
    const html = form('zh-CN', { issues: [{ field: 'phone', code: 'contact_required', message: '' }] });
    expect(html).toContain('<a href="#f-phone">联系方式：请至少填写一种联系方式');
  });

  it('translates limits in codes', () => {
    const html = form('en', { issues: [{ field: 'description', code: 'too_long:4000', message: '' }] });
    expect(html).toContain('Too long: at most 4000 characters.');
  });
});

describe('works as a plain HTML form', () => {
  it('posts form-encoded to /complaints with the schema field names', () => {
    const html = form('zh-CN', { needsAccessCode: true });
    expect(html).toMatch(/<form id="cf" method="post" action="\/complaints"[^>]*>/);
    const names = new Set(
      [...html.matchAll(/<(?:input|select|textarea)\b[^>]*\sname="([^"]+)"/g)].map((m) => m[1]),
    );
    expect(names).toEqual(
      new Set([
        'language',
        'idempotencyKey',
        'name',
        'phone',
        'email',
        'wechat',
        'description',
        'category',
        'channel',
        'stage',
        'severity',
        'requests',
        'requestDetail',
        'staffInvolved',
        'location',
        'receivedBy',
        'promisedReplyAt',
        HONEYPOT_FIELD,
        'accessCode',
      ]),
    );
    // Every label points at a control that exists.
    for (const [, id] of html.matchAll(/<label for="([^"]+)"/g)) expect(html).toContain(`id="${id}"`);
  });

  it.each(LANGS)(
    'what the untouched page posts passes the shared schema once the required fields are filled (%s)',
    (lang) => {
      const posted = defaultPost(form(lang, { needsAccessCode: true }));
      expect(posted.channel).toBe('web_form');
      expect(posted.severity).toBe('normal');
      expect(posted.language).toBe(lang);
      const body: Record<string, unknown> = {
        ...posted,
        name: '李',
        phone: '13800138000',
        description: 'x',
        category: 'delay',
      };
      for (const k of [...TRANSPORT_FIELDS, HONEYPOT_FIELD]) delete body[k];
      const s = parseSubmission(DEFAULT_VALUE_LISTS, body);
      expect(s).toMatchObject({
        name: '李',
        channel: 'web_form',
        severity: 'normal',
        requests: [],
        language: lang,
      });
      expect(s.promisedReplyAt).toBeUndefined();
    },
  );

  it('hides the honeypot from people and assistive tech', () => {
    const html = form('en');
    expect(html).toMatch(
      /<div class="hp" aria-hidden="true">.*name="homepage_url" type="text" tabindex="-1" autocomplete="off"/,
    );
  });
});

describe('CSP and size', () => {
  it.each(LANGS)('PAGE_POLICY hashes are those of the inline script and style (%s)', (lang) => {
    for (const html of [form(lang), renderStatusPage(ctx, { lang })]) {
      const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1] ?? '');
      expect(styles.length).toBe(1);
      expect(styles.map(sha256)).toEqual(PAGE_POLICY.styleHashes);
      const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1] ?? '');
      for (const s of scripts) expect(PAGE_POLICY.scriptHashes).toContain(sha256(s));
      expect(html).not.toMatch(/\sstyle="|\son[a-z]+="/);
    }
    expect([...form(lang).matchAll(/<script>([\s\S]*?)<\/script>/g)]).toHaveLength(1);
  });

  it('the script never writes HTML strings into the page (Trusted Types)', () => {
    const script = /<script>([\s\S]*?)<\/script>/.exec(form('en'))?.[1] ?? '';
    expect(script).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(/);
  });

  it.each(LANGS)('the form page stays under 30 KB (%s)', (lang) => {
    const biggest = form(lang, {
      needsAccessCode: true,
      values: { description: 'x'.repeat(100) },
      issues: [{ field: 'phone', code: 'contact_required', message: '' }],
    });
    expect(Buffer.byteLength(biggest)).toBeLessThan(30 * 1024);
  });
});

describe('created page', () => {
  const c = {
    caseNo: '261122-007',
    repeat: true,
    relatedCases: ['261101-002', '261115-004'],
    severity: 'high',
    language: 'en',
    promisedReplyAt: '2026-11-23T07:00:00.000Z',
    deadlines: [
      { kind: 'investigate', dueAt: '2026-11-23T08:00:00.000Z' },
      { kind: 'reply', dueAt: '2026-11-23T07:00:00.000Z' },
    ],
  } as unknown as Case;

  it.each(LANGS)(
    'shows the number, the promise, the deadlines, the first step and the repeat notice (%s)',
    (lang) => {
      const html = renderCreatedPage(ctx, { lang, case: c });
      expect(html).toContain('<p class="caseno" id="case-no">261122-007</p>');
      expect(html).toContain(formatLocal('2026-11-23T07:00:00.000Z', 'Asia/Shanghai', lang));
      expect(html).toContain(formatLocal('2026-11-23T08:00:00.000Z', 'Asia/Shanghai', lang));
      expect(html).toContain(
        lang === 'en'
          ? 'Apologise first, listen patiently, record faithfully.'
          : '先道歉，耐心倾听，如实记录。',
      );
      expect(html).toContain('261101-002');
      expect(html).toContain('261115-004');
      expect(html).toContain(`href="/?lang=${lang}"`);
    },
  );
});

describe('status page', () => {
  it('shows the stage in customer words and dates, but no personal data', () => {
    const html = renderStatusPage(ctx, {
      lang: 'en',
      values: { caseNo: '261122-007' },
      result: {
        caseNo: '261122-007',
        status: 'awaiting_approval',
        receivedAt: '2026-11-22T08:00:00.000Z',
        promisedReplyAt: '2026-11-23T07:00:00.000Z',
        reopened: false,
      },
    });
    expect(html).toContain('Being handled');
    expect(html).not.toContain('awaiting_approval');
    expect(html).toContain(formatLocal('2026-11-22T08:00:00.000Z', 'Asia/Shanghai', 'en'));
    expect(html).toMatch(/<form id="sf" method="post" action="\/status"/);
    expect(html).toContain('name="language" value="en"');
  });

  it('answers "no such case" and "wrong digits" with one message, keeping what was typed', () => {
    const res = statusErrorPage(
      ctx,
      new DomainError('not_found', 'No case matches that number and those digits'),
      postEvent({ caseNo: '261122-007', last4: '1234', language: 'zh-CN' }),
      404,
    );
    expect(res.statusCode).toBe(404);
    expect(res.body).toContain('没有找到与该编号和号码匹配的案件');
    expect(tagWithId(String(res.body), 'f-caseNo')).toContain('value="261122-007"');
  });

  it('says "too many attempts" on 429', () => {
    const res = statusErrorPage(
      ctx,
      new DomainError('rate_limited', 'x'),
      postEvent({ language: 'en' }),
      429,
    );
    expect(res.body).toContain('Too many attempts');
  });
});
