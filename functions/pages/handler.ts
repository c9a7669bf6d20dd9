/** GET / (the staff form) and GET /status (the customer status page): server-rendered HTML. */
import middy from '@middy/core';
import { hasStaffSession } from '../../shared/http/staff-auth.js';
import { type HttpEvent, type HttpResult, html } from '../../shared/http/types.js';
import { webContextOf } from '../../shared/web/context.js';
import { newIdempotencyKey, renderFormPage } from '../../shared/web/form-page.js';
import { pageHeaders, pickLang } from '../../shared/web/language.js';
import { renderStatusPage } from '../../shared/web/status-page.js';
import { wireCore } from '../../shared/wiring/core.js';
import { wireHttp } from '../../shared/wiring/http.js';

const core = await wireCore('pages');
const { staffAccessCode, base } = await wireHttp(core);
const web = webContextOf(core);

const pathOf = (event: HttpEvent): string =>
  (event.rawPath || event.requestContext?.http?.path || '/').replace(/\/+$/, '') || '/';

export async function lambdaHandler(event: HttpEvent): Promise<HttpResult> {
  const ctx = web();
  const lang = pickLang(event);
  if (pathOf(event) === '/status') return html(200, renderStatusPage(ctx, { lang }), pageHeaders(lang));
  const needsAccessCode = !hasStaffSession(
    event,
    { secret: core.appSecret, accessCode: await staffAccessCode() },
    ctx.now,
  );
  const body = renderFormPage(ctx, { lang, needsAccessCode, idempotencyKey: newIdempotencyKey() });
  return html(200, body, pageHeaders(lang));
}

export const handler = middy(lambdaHandler).use(base());
