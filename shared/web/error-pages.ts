/**
 * Errors answered as pages, for browsers that posted a plain form (no JavaScript): the form comes back
 * with everything typed kept and each error next to its field, in the language the person was using.
 */
import type { DomainError } from '../domain/errors.js';
import { IDEMPOTENCY_KEY } from '../domain/submission.js';
import type { Lang } from '../domain/values.js';
import { HONEYPOT_FIELD } from '../http/guards.js';
import { ACCESS_CODE_FIELD, readCookie, SESSION_COOKIE } from '../http/staff-auth.js';
import { type HttpEvent, type HttpResult, header, html } from '../http/types.js';
import type { WebContext } from './context.js';
import { newIdempotencyKey, renderFormPage } from './form-page.js';
import { t, type UiKey } from './i18n.js';
import { langFrom, pageHeaders, pickLang } from './language.js';
import { renderStatusPage } from './status-page.js';

const bodyOf = (event: HttpEvent): Record<string, unknown> =>
  event.body && typeof event.body === 'object' && !Array.isArray(event.body)
    ? (event.body as Record<string, unknown>)
    : {};

/** The language the person was using: the form's hidden field, else the request's preferences. */
const langOfPost = (event: HttpEvent): Lang => langFrom(bodyOf(event).language) ?? pickLang(event);

/** The page's message for an error without field issues (those are shown next to their fields). */
const MESSAGE_BY_KIND: Partial<Record<DomainError['kind'], UiKey>> = {
  rate_limited: 'rateLimited',
  too_large: 'tooLarge',
  idempotency: 'idempotency',
  not_found: 'notFound',
  validation: 'rejected',
  malformed: 'rejected',
  unsupported_type: 'rejected',
  internal: 'internal',
};

function errorMessage(lang: Lang, error: DomainError): string | undefined {
  if (error.issues.length) return undefined;
  return t(lang, MESSAGE_BY_KIND[error.kind] ?? 'internal');
}

/** A page answer with the error's status (the mapper adds what the status itself calls for). */
type ErrorPage = (ctx: WebContext, error: DomainError, event: HttpEvent, status: number) => HttpResult;

/** The staff form again; a 401 (or a code accepted on this failed request) asks for the access code. */
export const formErrorPage: ErrorPage = (ctx, error, event, status) => {
  const lang = langOfPost(event);
  const values: Record<string, unknown> = { ...bodyOf(event) };
  delete values[HONEYPOT_FIELD];
  // An accepted code set no session yet (the request failed later), so it is kept for the resubmission;
  // a wrong or missing code is never echoed back.
  const codeAccepted = event.staff?.via === 'code';
  if (!codeAccepted) delete values[ACCESS_CODE_FIELD];
  const hasSessionCookie = !!readCookie(event.cookies, header(event, 'cookie'), SESSION_COOKIE);
  const needsAccessCode = status === 401 || codeAccepted || (!event.staff && !hasSessionCookie);
  const message = errorMessage(lang, error);
  // The same key again, so sending the page once more can never make a second case (after a 5xx the
  // first try may have been saved after all); a key already used for other content gets a fresh one.
  const posted = typeof values.idempotencyKey === 'string' ? values.idempotencyKey : '';
  const keep = error.kind !== 'idempotency' && IDEMPOTENCY_KEY.test(posted);
  const body = renderFormPage(ctx, {
    lang,
    values,
    issues: error.issues,
    ...(message ? { message } : {}),
    needsAccessCode,
    idempotencyKey: keep ? posted : newIdempotencyKey(),
  });
  return html(status, body, pageHeaders(lang));
};

/** The status page again, with the case number and digits typed (never anything else). */
export const statusErrorPage: ErrorPage = (ctx, error, event, status) => {
  const lang = langOfPost(event);
  const b = bodyOf(event);
  const values: Record<string, unknown> = {};
  for (const k of ['caseNo', 'last4']) if (typeof b[k] === 'string') values[k] = b[k];
  const message = errorMessage(lang, error);
  const body = renderStatusPage(ctx, { lang, values, issues: error.issues, ...(message ? { message } : {}) });
  return html(status, body, pageHeaders(lang));
};
