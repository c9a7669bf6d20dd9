/**
 * The web pages: the staff form, the created page and the customer status page. Server-rendered HTML
 * that works without JavaScript; one inline stylesheet and one inline script allowed by hash.
 */
import type { DomainError, FieldIssue } from '../domain/errors.js';
import type { Lang, ValueLists } from '../domain/values.js';
import { HONEYPOT_FIELD } from '../http/guards.js';
import type { PagePolicy } from '../http/middleware.js';
import { ACCESS_CODE_FIELD, readCookie, SESSION_COOKIE } from '../http/staff-auth.js';
import { type HttpEvent, type HttpResult, header, html } from '../http/types.js';
import { SCRIPT_HASH, STYLE_HASH } from './assets.js';
import { newIdempotencyKey, renderFormPage } from './form-page.js';
import { t, type UiKey } from './i18n.js';
import { renderStatusPage } from './status-page.js';

export { renderCreatedPage, renderFormPage } from './form-page.js';
export { renderStatusPage } from './status-page.js';

export const PAGE_POLICY: PagePolicy = { scriptHashes: [SCRIPT_HASH], styleHashes: [STYLE_HASH] };

export interface WebContext {
  lists: ValueLists;
  timeZone: string;
  now: Date;
}

/** The page context of a function's wiring, read fresh (the clock moves) on every call. */
export const webContextOf =
  (core: {
    rules: { lists: ValueLists };
    calendar: { settings: { timeZone: string } };
    clock: { now(): Date };
  }) =>
  (): WebContext => ({
    lists: core.rules.lists,
    timeZone: core.calendar.settings.timeZone,
    now: core.clock.now(),
  });

/** 'en…' => en, 'zh…' => zh-CN, anything else => undefined. */
function langFrom(value: unknown): Lang | undefined {
  if (typeof value !== 'string') return undefined;
  const v = value.trim().toLowerCase();
  if (v.startsWith('zh')) return 'zh-CN';
  if (v.startsWith('en')) return 'en';
  return undefined;
}

/** The highest-weighted language in an Accept-Language header (ties keep header order). */
function preferredLanguage(accept: string): string | undefined {
  const ranked = accept
    .split(',')
    .map((part, order) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      return { tag: tag.trim(), q: q === undefined ? 1 : Number(q), order };
    })
    .filter((x) => x.tag && x.tag !== '*' && x.q > 0)
    .sort((a, b) => b.q - a.q || a.order - b.order);
  return ranked[0]?.tag;
}

/** ?lang= > cookie lang= > Accept-Language (zh* -> zh-CN, else en); default zh-CN. */
export function pickLang(event: Pick<HttpEvent, 'headers' | 'queryStringParameters'>): Lang {
  const fromQuery = langFrom(event.queryStringParameters?.lang);
  if (fromQuery) return fromQuery;
  const cookies = (event as { cookies?: string[] }).cookies;
  const fromCookie = langFrom(readCookie(cookies, header(event, 'cookie'), 'lang'));
  if (fromCookie) return fromCookie;
  const accept = header(event, 'accept-language');
  const preferred = accept ? preferredLanguage(accept) : undefined;
  if (!preferred) return 'zh-CN';
  return preferred.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

const bodyOf = (event: HttpEvent): Record<string, unknown> =>
  event.body && typeof event.body === 'object' && !Array.isArray(event.body)
    ? (event.body as Record<string, unknown>)
    : {};

/** The language the person was using: the form's hidden field, else the request's preferences. */
const langOfPost = (event: HttpEvent): Lang => langFrom(bodyOf(event).language) ?? pickLang(event);

function errorMessage(lang: Lang, error: DomainError, status: number): string | undefined {
  if (error.issues.length) return undefined;
  const key: UiKey =
    error.kind === 'rate_limited' || status === 429
      ? 'rateLimited'
      : error.kind === 'too_large'
        ? 'tooLarge'
        : error.kind === 'idempotency'
          ? 'idempotency'
          : error.kind === 'not_found'
            ? 'notFound'
            : error.kind === 'validation'
              ? 'rejected'
              : 'internal';
  return t(lang, key);
}

const pageHeaders = (lang: Lang) => ({ 'content-language': lang, vary: 'accept-language, cookie' });

/** Plain-form (no JS) error: re-render the form with every typed value kept and each error next to its field, in the chosen language; status as given (401 => needsAccessCode true). */
export function formErrorPage(
  ctx: WebContext,
  error: DomainError,
  event: HttpEvent,
  status: number,
): HttpResult {
  const lang = langOfPost(event);
  const values: Record<string, unknown> = { ...bodyOf(event) };
  delete values[HONEYPOT_FIELD];
  // An accepted code set no session yet (the request failed later), so it is kept for the resubmission;
  // a wrong or missing code is never echoed back.
  const codeAccepted = event.staff?.via === 'code';
  if (!codeAccepted) delete values[ACCESS_CODE_FIELD];
  const hasSessionCookie = !!readCookie(event.cookies, header(event, 'cookie'), SESSION_COOKIE);
  const needsAccessCode = status === 401 || codeAccepted || (!event.staff && !hasSessionCookie);
  const issues: FieldIssue[] = error.issues;
  const message = errorMessage(lang, error, status);
  const body = renderFormPage(ctx, {
    lang,
    values,
    issues,
    ...(message ? { message } : {}),
    needsAccessCode,
    idempotencyKey: newIdempotencyKey(),
  });
  return html(status, body, { ...pageHeaders(lang), ...(status === 429 ? { 'retry-after': '3600' } : {}) });
}

export function statusErrorPage(
  ctx: WebContext,
  error: DomainError,
  event: HttpEvent,
  status: number,
): HttpResult {
  const lang = langOfPost(event);
  const b = bodyOf(event);
  const values: Record<string, unknown> = {};
  for (const k of ['caseNo', 'last4']) if (typeof b[k] === 'string') values[k] = b[k];
  const message = errorMessage(lang, error, status);
  const body = renderStatusPage(ctx, { lang, values, issues: error.issues, ...(message ? { message } : {}) });
  return html(status, body, { ...pageHeaders(lang), ...(status === 429 ? { 'retry-after': '3600' } : {}) });
}
