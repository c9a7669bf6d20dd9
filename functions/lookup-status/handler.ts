/** POST /status — a customer checks their case with its number and the last 4 digits of their phone. */
import middy from '@middy/core';
import * as z from 'zod';
import { validationError } from '../../shared/domain/errors.js';
import { toFieldIssues } from '../../shared/domain/submission.js';
import { LANGS, type Lang } from '../../shared/domain/values.js';
import { bodyLimit, parseBody } from '../../shared/http/body.js';
import { rateLimit } from '../../shared/http/guards.js';
import { httpBase } from '../../shared/http/middleware.js';
import { type HttpEvent, html, json, wantsHtml } from '../../shared/http/types.js';
import { validateInput } from '../../shared/http/validate.js';
import { makeLookupStatus } from '../../shared/usecases/lookup-status.js';
import { PAGE_POLICY, renderStatusPage, statusErrorPage, webContextOf } from '../../shared/web/pages.js';
import { wireCore } from '../../shared/wiring/core.js';
import { wireHttp } from '../../shared/wiring/http.js';

const core = wireCore('lookup-status');
const { http, limiter } = wireHttp(core);
const lookupStatus = makeLookupStatus({ cases: core.cases });
const web = webContextOf(core);

const schema = z.strictObject({
  caseNo: z.string().trim().min(1, 'required').max(20, 'invalid'),
  last4: z.string().trim().min(1, 'required').max(8, 'invalid'),
  language: z.enum(LANGS as [Lang, ...Lang[]]).default('zh-CN'),
});
const parse = (event: HttpEvent) => {
  const r = schema.safeParse(event.body, { reportInput: true });
  if (r.success) return r.data;
  throw validationError('Enter the case number and the last 4 digits of the phone', toFieldIssues(r.error));
};

export async function lambdaHandler(event: HttpEvent) {
  const input = event.input as ReturnType<typeof parse>;
  const result = await lookupStatus(input);
  return wantsHtml(event)
    ? html(200, renderStatusPage(web(), { lang: input.language, result, values: { caseNo: input.caseNo } }))
    : json(200, result);
}

export const handler = middy(lambdaHandler)
  .use(
    httpBase({
      logger: core.logger,
      origin: http.formOrigin,
      page: PAGE_POLICY,
      html: (e, ev, s) => statusErrorPage(web(), e, ev, s),
    }),
  )
  .use(bodyLimit(4096))
  .use(parseBody())
  .use(rateLimit({ limiter, scope: 'status', perHour: http.statusPerHour, secret: core.config.appSecret }))
  .use(validateInput(parse));
