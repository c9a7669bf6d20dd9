/**
 * GET / (the staff form) and GET /status (the customer status page): server-rendered HTML. A customer's
 * own link, GET /status?case=…&key=…, opens their case's status at once.
 */
import middy from '@middy/core';
import { isDomainError } from '../../shared/domain/errors.js';
import { hasStaffSession } from '../../shared/http/staff-auth.js';
import { type HttpEvent, type HttpResult, html } from '../../shared/http/types.js';
import { makeLookupStatus } from '../../shared/usecases/lookup-status.js';
import { webContextOf } from '../../shared/web/context.js';
import { newIdempotencyKey, renderFormPage } from '../../shared/web/form-page.js';
import { t } from '../../shared/web/i18n.js';
import { pageHeaders, pickLang } from '../../shared/web/language.js';
import { renderStatusPage } from '../../shared/web/status-page.js';
import { wireCore } from '../../shared/wiring/core.js';
import { wireHttp } from '../../shared/wiring/http.js';

const core = await wireCore('pages');
const { staffAccessCode, base } = await wireHttp(core);
const web = webContextOf(core);
const lookupStatus = makeLookupStatus(core);

const pathOf = (event: HttpEvent): string =>
  (event.rawPath || event.requestContext?.http?.path || '/').replace(/\/+$/, '') || '/';

export async function lambdaHandler(event: HttpEvent): Promise<HttpResult> {
  const ctx = web();
  const lang = pickLang(event);
  if (pathOf(event) === '/status') {
    const { case: caseNo, key } = event.queryStringParameters ?? {};
    if (!caseNo || !key) return html(200, renderStatusPage(ctx, { lang }), pageHeaders(lang));
    const result = await lookupStatus({ caseNo, key }).catch((e: unknown) => {
      if (isDomainError(e) && e.kind === 'not_found') return undefined;
      throw e;
    });
    const values = { caseNo };
    const page = result
      ? renderStatusPage(ctx, { lang, result, values })
      : renderStatusPage(ctx, { lang, values, message: t(lang, 'notFound') });
    return html(result ? 200 : 404, page, pageHeaders(lang));
  }
  const needsAccessCode = !hasStaffSession(
    event,
    { secret: core.appSecret, accessCode: await staffAccessCode() },
    ctx.now,
  );
  const body = renderFormPage(ctx, { lang, needsAccessCode, idempotencyKey: newIdempotencyKey() });
  return html(200, body, pageHeaders(lang));
}

export const handler = middy(lambdaHandler).use(base());
