/** GET / (the staff form) and GET /status (the customer status page): server-rendered HTML. */
import middy from '@middy/core';
import { httpBase } from '../../shared/http/middleware.js';
import { hasStaffSession } from '../../shared/http/staff-auth.js';
import { type HttpEvent, type HttpResult, html } from '../../shared/http/types.js';
import { newIdempotencyKey } from '../../shared/web/form-page.js';
import {
  PAGE_POLICY,
  pickLang,
  renderFormPage,
  renderStatusPage,
  webContextOf,
} from '../../shared/web/pages.js';
import { wireCore } from '../../shared/wiring/core.js';
import { wireHttp } from '../../shared/wiring/http.js';

const core = wireCore('pages');
const { http } = wireHttp(core);
const web = webContextOf(core);

const pathOf = (event: HttpEvent): string =>
  (event.rawPath || event.requestContext?.http?.path || '/').replace(/\/+$/, '') || '/';

export async function lambdaHandler(event: HttpEvent): Promise<HttpResult> {
  const ctx = web();
  const lang = pickLang(event);
  const headers = { 'content-language': lang, vary: 'accept-language, cookie' };
  if (pathOf(event) === '/status') return html(200, renderStatusPage(ctx, { lang }), headers);
  const needsAccessCode = !hasStaffSession(
    event,
    { secret: core.config.appSecret, accessCode: http.staffAccessCode },
    ctx.now,
  );
  const body = renderFormPage(ctx, { lang, needsAccessCode, idempotencyKey: newIdempotencyKey() });
  return html(200, body, headers);
}

export const handler = middy(lambdaHandler).use(
  httpBase({ logger: core.logger, origin: http.formOrigin, page: PAGE_POLICY }),
);
