/**
 * The staff form and the status page in a real browser on a phone-sized screen, through the local
 * gateway, on DynamoDB Local and the SES stand-in: with JavaScript (fetch + JSON) and without (plain
 * form posts), in both languages. Screenshots of each created page land in test-artifacts/.
 */
import { randomInt } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Gateway } from '../../local/gateway.js';
import { formatLocal } from '../../shared/domain/format.js';
import type { Lang } from '../../shared/domain/values.js';
import { PAGE_POLICY } from '../../shared/web/assets.js';
import { launchChromium } from '../support/browser.js';
import {
  caseRepository,
  type LocalEnv,
  sesEmails,
  setupLocalEnv,
  startTestGateway,
} from '../support/local-env.js';

const ARTIFACTS = resolve(import.meta.dirname, '../../test-artifacts');
const TZ = 'Asia/Shanghai';
const PHONE_SCREEN = {
  viewport: { width: 390, height: 844 },
  isMobile: true,
  hasTouch: true,
  deviceScaleFactor: 2,
};

const L = {
  'zh-CN': {
    name: '投诉人姓名',
    phone: '电话',
    email: '邮箱',
    description: '发生了什么',
    category: '投诉类别',
    accessCode: '员工口令',
    submit: '提交登记',
    created: '投诉已登记',
    firstStep: '先道歉，耐心倾听，如实记录。',
    caseNo: '案件编号',
    last4: '手机号后4位',
    check: '查询',
    received: '已受理，我们正在了解情况',
    another: '再登记一个投诉',
  },
  en: {
    name: "Complainant's name",
    phone: 'Phone',
    email: 'Email',
    description: 'What happened',
    category: 'Category',
    accessCode: 'Staff access code',
    submit: 'Record complaint',
    created: 'Complaint recorded',
    firstStep: 'Apologise first, listen patiently, record faithfully.',
    caseNo: 'Case number',
    last4: 'Last 4 digits of your phone',
    check: 'Check',
    received: 'Received — we are looking into it',
    another: 'Record another complaint',
  },
} as const;

let env: LocalEnv;
let gw: Gateway;
let browser: Browser;
const contexts: BrowserContext[] = [];
let serial = 0;

beforeAll(async () => {
  // Every test here posts from 127.0.0.1; the per-address limit is not what is under test.
  env = await setupLocalEnv({ RATE_LIMIT_SUBMIT_PER_HOUR: '500', RATE_LIMIT_STATUS_PER_HOUR: '500' });
  gw = await startTestGateway();
  mkdirSync(ARTIFACTS, { recursive: true });
  browser = await launchChromium();
});

afterAll(async () => {
  await Promise.all(contexts.map((c) => c.close()));
  await browser?.close();
  await gw?.close();
});

/** A unique customer per test, so repeat detection and the mail store never mix tests up. */
function customer(label: string) {
  serial += 1;
  const phone = `139${String(randomInt(0, 100_000_000)).padStart(8, '0')}`;
  return {
    name: `${label} "测试" <b>客户</b>`,
    phone,
    email: `customer-${env.tag}-${serial}@example.com`,
    description: `<script>alert(${serial})</script> 样片颜色与约定不符。`,
  };
}

/** A phone-sized page; CSP or Trusted Types violations and script errors are collected to assert on. */
async function openPage(lang: Lang, opts: { javaScriptEnabled?: boolean } = {}) {
  const context = await browser.newContext({ ...PHONE_SCREEN, locale: lang, ...opts });
  contexts.push(context);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (/Content.Security.Policy|Trusted ?Type|Refused to/i.test(m.text())) problems.push(m.text());
  });
  return { context, page, problems };
}

/** A label's text, ignoring the required-field star (which is aria-hidden). */
const labelled = (text: string) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}( \\*)?$`);

async function fillRequired(page: Page, lang: Lang, c: ReturnType<typeof customer>, withCode = true) {
  const l = L[lang];
  await page.getByLabel(labelled(l.name)).fill(c.name);
  await page.getByLabel(labelled(l.phone)).fill(c.phone);
  await page.getByLabel(labelled(l.email)).fill(c.email);
  await page.getByLabel(labelled(l.description)).fill(c.description);
  await page.getByLabel(labelled(l.category)).selectOption('quality');
  if (withCode) await page.getByLabel(labelled(l.accessCode)).fill(env.env.STAFF_ACCESS_CODE ?? '');
}

async function caseNumberShown(page: Page): Promise<string> {
  const el = page.locator('#case-no');
  await el.waitFor();
  const caseNo = (await el.textContent())?.trim() ?? '';
  expect(caseNo).toMatch(/^\d{6}-\d{3,}$/);
  return caseNo;
}

/** Cases of one complainant received on the case number's day. */
async function casesFor(email: string, caseNo: string) {
  const day = `20${caseNo.slice(0, 2)}-${caseNo.slice(2, 4)}-${caseNo.slice(4, 6)}`;
  const { items } = await caseRepository().listReceivedOn(day, { limit: 500 });
  return items.filter((c) => c.complainant.email === email);
}

const shot = (page: Page, name: string) =>
  page.screenshot({ path: resolve(ARTIFACTS, `${name}.png`), fullPage: true });

const tomorrowAt = (hhmm: string) => {
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: TZ }).format(new Date(Date.now() + 86_400_000));
  return { local: `${day}T${hhmm}`, iso: new Date(`${day}T${hhmm}:00+08:00`).toISOString() };
};

describe.each(['zh-CN', 'en'] as const)('staff form with JavaScript (%s)', (lang) => {
  it('records a complaint, mails the customer, and the customer finds it on the status page', async () => {
    const l = L[lang];
    const c = customer(`JS-${lang}`);
    const { page, problems } = await openPage(lang);
    const res = await page.goto(`${gw.url}/?lang=${lang}`);
    expect(res?.status()).toBe(200);
    // The inline script and style run under the strict CSP (only by their hashes).
    const csp = res?.headers()['content-security-policy'] ?? '';
    expect(csp).toContain(`'${PAGE_POLICY.scriptHashes?.[0]}'`);
    expect(csp).toContain(`'${PAGE_POLICY.styleHashes?.[0]}'`);
    expect(csp).toContain("require-trusted-types-for 'script'");
    expect(await page.getAttribute('html', 'lang')).toBe(lang);
    await fillRequired(page, lang, c);
    await page.locator('#more > summary').click();
    const promised = tomorrowAt('18:00');
    await page.locator('#f-promisedReplyAt').fill(promised.local);
    await page.locator('#f-requests-reshoot').check();
    await page.getByRole('button', { name: l.submit }).click();

    const caseNo = await caseNumberShown(page);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(l.created);
    expect(await page.locator('main').textContent()).toContain(l.firstStep);
    expect(await page.locator('main').textContent()).toContain(formatLocal(promised.iso, TZ, lang));
    await shot(page, `created-js-${lang}`);

    const stored = await caseRepository().get(caseNo);
    expect(stored).toMatchObject({
      caseNo,
      status: 'received',
      language: lang,
      source: 'form',
      category: 'quality',
      channel: 'web_form',
      requests: ['reshoot'],
      description: c.description,
      promisedReplyAt: promised.iso,
      complainant: { name: c.name, phone: c.phone, email: c.email },
    });

    await expect.poll(async () => (await sesEmails(c.email)).length).toBe(1);
    const [mail] = await sesEmails(c.email);
    expect(`${mail?.subject}\n${mail?.body.text}`).toContain(caseNo);

    // The session cookie remembers this phone: the next form does not ask for the code again.
    await page.getByRole('link', { name: l.another }).click();
    await page.getByLabel(labelled(l.name)).waitFor();
    expect(await page.locator('#f-accessCode').count()).toBe(0);

    await page.goto(`${gw.url}/status?lang=${lang}`);
    await page.getByLabel(labelled(l.caseNo)).fill(caseNo);
    await page.getByLabel(labelled(l.last4)).fill(c.phone.slice(-4));
    await page.getByRole('button', { name: l.check }).click();
    await page.locator('#result').waitFor();
    expect(await page.locator('#result-h').textContent()).toContain(caseNo);
    expect(await page.locator('#result-status').textContent()).toBe(l.received);
    const text = (await page.locator('main').textContent()) ?? '';
    expect(text).not.toContain(c.email);
    expect(text).not.toContain('测试');
    await shot(page, `status-${lang}`);
    expect(problems).toEqual([]);
  });
});

describe('staff form without JavaScript', () => {
  it('a plain form post creates exactly one case and shows the created page', async () => {
    const c = customer('NoJS');
    const { page, problems } = await openPage('en', { javaScriptEnabled: false });
    await page.goto(`${gw.url}/?lang=en`);
    await fillRequired(page, 'en', c);
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/complaints') && r.request().method() === 'POST'),
      page.getByRole('button', { name: L.en.submit }).click(),
    ]);
    expect(response.status()).toBe(201);
    expect(response.request().headers()['content-type']).toMatch(/^application\/x-www-form-urlencoded/);
    const caseNo = await caseNumberShown(page);
    expect(await page.locator('main').textContent()).toContain(L.en.firstStep);
    await shot(page, 'created-nojs-en');
    expect(await casesFor(c.email, caseNo)).toHaveLength(1);
    expect(await caseRepository().get(caseNo)).toMatchObject({
      complainant: { name: c.name },
      language: 'en',
    });
    expect(problems).toEqual([]);
  });

  it('an error re-renders the form with everything typed and the error at its field; fixing it records the case', async () => {
    const c = customer('NoJS-error');
    const { page } = await openPage('zh-CN', { javaScriptEnabled: false });
    await page.goto(`${gw.url}/?lang=zh-CN`);
    await fillRequired(page, 'zh-CN', c);
    await page.getByLabel(labelled(L['zh-CN'].phone)).fill('');
    await page.getByLabel(labelled(L['zh-CN'].email)).fill('');
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/complaints')),
      page.getByRole('button', { name: L['zh-CN'].submit }).click(),
    ]);
    expect(response.status()).toBe(422);
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    expect(await page.locator('#summary').getAttribute('role')).toBe('alert');
    expect(await page.locator('#e-contact').textContent()).toContain('请至少填写一种联系方式');
    expect(await page.locator('#f-phone').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#f-phone').getAttribute('aria-describedby')).toContain('e-contact');
    expect(await page.locator('#f-name').inputValue()).toBe(c.name);
    expect(await page.locator('#f-description').inputValue()).toBe(c.description);
    expect(await page.locator('#f-category').inputValue()).toBe('quality');
    await shot(page, 'error-nojs-zh-CN');

    // The code was accepted the first time, so it is still filled in: fixing the contact is enough.
    await page.getByLabel(labelled(L['zh-CN'].phone)).fill(c.phone);
    await page.getByLabel(labelled(L['zh-CN'].email)).fill(c.email);
    await page.getByRole('button', { name: L['zh-CN'].submit }).click();
    const caseNo = await caseNumberShown(page);
    await shot(page, 'created-nojs-zh-CN');
    expect(await casesFor(c.email, caseNo)).toHaveLength(1);
  });

  it('tells staff when the customer complained before, with the earlier case numbers', async () => {
    const c = customer('NoJS-repeat');
    const { page } = await openPage('en', { javaScriptEnabled: false });
    await page.goto(`${gw.url}/?lang=en`);
    await fillRequired(page, 'en', c);
    await page.getByRole('button', { name: L.en.submit }).click();
    const first = await caseNumberShown(page);
    expect(await page.locator('.notice').count()).toBe(0);

    // Same phone, another email: the session cookie means no access code this time.
    await page.getByRole('link', { name: L.en.another }).click();
    await fillRequired(page, 'en', { ...c, email: `again-${c.email}` }, false);
    await page.getByRole('button', { name: L.en.submit }).click();
    const second = await caseNumberShown(page);
    expect(second).not.toBe(first);
    const notice = (await page.locator('.notice').first().textContent()) ?? '';
    expect(notice).toContain('complained before');
    expect(notice).toContain(first);
    await shot(page, 'created-repeat-nojs-en');
  });

  it('a double click makes one case', async () => {
    const c = customer('NoJS-double');
    const { page } = await openPage('en', { javaScriptEnabled: false });
    await page.goto(`${gw.url}/?lang=en`);
    await fillRequired(page, 'en', c);
    await page.getByRole('button', { name: L.en.submit }).dblclick();
    const caseNo = await caseNumberShown(page);
    expect(await casesFor(c.email, caseNo)).toHaveLength(1);
  });
});

describe('staff form with JavaScript: errors and double clicks', () => {
  it('checks the form in the page language before sending, keeping what was typed', async () => {
    const c = customer('JS-error');
    const { page, problems } = await openPage('en');
    const posts: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST') posts.push(r.url());
    });
    await page.goto(`${gw.url}/?lang=en`);
    await page.getByLabel(labelled(L.en.name)).fill(c.name);
    await page.getByLabel(labelled(L.en.email)).fill('not-an-email');
    await page.getByLabel(labelled(L.en.description)).fill(c.description);
    await page.getByRole('button', { name: L.en.submit }).click();

    await page.locator('#e-email').waitFor();
    expect(posts).toEqual([]);
    expect(await page.locator('#e-email').textContent()).toBe(
      'Enter an email address like name@example.com.',
    );
    expect(await page.locator('#e-category').textContent()).toBe('Choose a category.');
    expect(await page.locator('#e-accessCode').textContent()).toBe('Enter the staff access code.');
    expect(await page.locator('#f-email').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#f-email').getAttribute('aria-describedby')).toContain('e-email');
    expect(await page.locator('#summary').isVisible()).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('summary');
    expect(await page.locator('#f-name').inputValue()).toBe(c.name);
    expect(await page.locator('#f-description').inputValue()).toBe(c.description);
    await shot(page, 'error-js-en');

    await fillRequired(page, 'en', c);
    await page.getByRole('button', { name: L.en.submit }).click();
    const caseNo = await caseNumberShown(page);
    expect(await casesFor(c.email, caseNo)).toHaveLength(1);
    expect(problems).toEqual([]);
  });

  it("shows the server's field errors next to the fields and opens the optional section", async () => {
    const c = customer('JS-server-error');
    const { page, problems } = await openPage('zh-CN');
    await page.goto(`${gw.url}/?lang=zh-CN`);
    await fillRequired(page, 'zh-CN', c);
    await page.locator('#more > summary').click();
    await page.locator('#f-promisedReplyAt').fill('2020-01-01T10:00');
    await page.locator('#more > summary').click(); // closed again: the error must reopen it
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/complaints')),
      page.getByRole('button', { name: L['zh-CN'].submit }).click(),
    ]);
    expect(response.status()).toBe(422);
    await page.locator('#e-promisedReplyAt').waitFor();
    expect(await page.locator('#e-promisedReplyAt').textContent()).toBe(
      '约定答复时间不能早于接收投诉的时间。',
    );
    expect(await page.locator('#more').getAttribute('open')).not.toBeNull();
    expect(await page.locator('#f-name').inputValue()).toBe(c.name);
    expect(await page.getByRole('button', { name: L['zh-CN'].submit }).isEnabled()).toBe(true);

    await page.locator('#f-promisedReplyAt').fill('');
    await page.getByRole('button', { name: L['zh-CN'].submit }).click();
    const caseNo = await caseNumberShown(page);
    expect(await casesFor(c.email, caseNo)).toHaveLength(1);
    expect(problems).toEqual([]);
  });

  it('a double click sends once and makes one case', async () => {
    const c = customer('JS-double');
    const { page, problems } = await openPage('en');
    const posts: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST') posts.push(r.url());
    });
    await page.goto(`${gw.url}/?lang=en`);
    await fillRequired(page, 'en', c);
    await page.getByRole('button', { name: L.en.submit }).dblclick();
    const caseNo = await caseNumberShown(page);
    expect(posts).toHaveLength(1);
    expect(await casesFor(c.email, caseNo)).toHaveLength(1);
    expect(problems).toEqual([]);
  });

  it('asks for the access code when the server says it is missing or wrong', async () => {
    const c = customer('JS-code');
    const { page } = await openPage('en');
    await page.goto(`${gw.url}/?lang=en`);
    await fillRequired(page, 'en', c, false);
    await page.getByLabel(labelled(L.en.accessCode)).fill('definitely-wrong');
    await page.getByRole('button', { name: L.en.submit }).click();
    await page.locator('#e-accessCode').waitFor();
    expect(await page.locator('#e-accessCode').textContent()).toBe('The access code is wrong.');
    expect(await page.locator('#f-name').inputValue()).toBe(c.name);
    await page.getByLabel(labelled(L.en.accessCode)).fill(env.env.STAFF_ACCESS_CODE ?? '');
    await page.getByRole('button', { name: L.en.submit }).click();
    const caseNo = await caseNumberShown(page);
    expect(await casesFor(c.email, caseNo)).toHaveLength(1);
  });
});

describe('status page', () => {
  it('gives one answer for an unknown case and wrong digits, in the chosen language', async () => {
    const { page } = await openPage('en', { javaScriptEnabled: false });
    await page.goto(`${gw.url}/status?lang=en`);
    await page.getByLabel(labelled(L.en.caseNo)).fill('200101-999');
    await page.getByLabel(labelled(L.en.last4)).fill('0000');
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/status') && r.request().method() === 'POST'),
      page.getByRole('button', { name: L.en.check }).click(),
    ]);
    expect(response.status()).toBe(404);
    expect(await page.locator('#summary').textContent()).toContain(
      'No case matches that number and those digits',
    );
    expect(await page.locator('#f-caseNo').inputValue()).toBe('200101-999');
  });
});

/** Moves the page's clock over the script's retry waits (1 s, 3 s) until `done`, instead of waiting them out. */
async function skipBackoff(page: Page, done: () => boolean) {
  await expect
    .poll(async () => {
      if (!done()) await page.clock.fastForward(1000);
      return done();
    })
    .toBe(true);
}

describe('staff form when the server fails', () => {
  it('with JavaScript, retries a 5xx with the same idempotency key and keeps what was typed: one case', async () => {
    const c = customer('Outage');
    const { page, problems } = await openPage('en');
    await page.clock.install();
    await page.goto(`${gw.url}/?lang=en`);
    await fillRequired(page, 'en', c);
    const keys: string[] = [];
    let failures = 0;
    // The first two posts meet an outage (one after the case was saved, as a timeout would); the third gets through.
    await page.route('**/complaints', async (route) => {
      keys.push(route.request().headers()['idempotency-key'] ?? '');
      failures += 1;
      if (failures === 1) return route.fulfill({ status: 503, body: '{"message":"Service Unavailable"}' });
      if (failures === 2) {
        await route.fetch();
        return route.fulfill({ status: 500, body: '{"error":"internal"}' });
      }
      return route.continue();
    });
    await page.getByRole('button', { name: L.en.submit }).click();
    await skipBackoff(page, () => keys.length === 3);
    const caseNo = await caseNumberShown(page);
    expect(keys).toHaveLength(3);
    expect(new Set(keys).size).toBe(1);
    expect(await casesFor(c.email, caseNo)).toHaveLength(1);
    await expect.poll(async () => (await sesEmails(c.email)).length).toBe(1);
    expect(problems).toEqual([]);
  });

  it('with JavaScript, says "not saved" after the retries and keeps the text for the next try', async () => {
    const c = customer('Outage-long');
    const { page } = await openPage('zh-CN');
    await page.clock.install();
    await page.goto(`${gw.url}/?lang=zh-CN`);
    await fillRequired(page, 'zh-CN', c);
    let posts = 0;
    await page.route('**/complaints', (route) => {
      posts += 1;
      return route.fulfill({ status: 500, body: '{"error":"internal"}' });
    });
    await page.getByRole('button', { name: L['zh-CN'].submit }).click();
    await skipBackoff(page, () => posts === 3);
    await page.locator('#summary h2').waitFor({ timeout: 15_000 });
    expect(posts).toBe(3);
    expect(await page.locator('#summary').textContent()).toContain('本次未能保存');
    expect(await page.getByLabel(labelled(L['zh-CN'].description)).inputValue()).toBe(c.description);
  });
});
