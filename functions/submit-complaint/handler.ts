/** POST /complaints — staff record a complaint (JSON from the page's script or an API, or a plain form post). */
import middy from '@middy/core';
import { parseSubmission, TRANSPORT_FIELDS } from '../../shared/domain/submission.js';
import { bodyLimit, parseBody, withoutFields } from '../../shared/http/body.js';
import { HONEYPOT_FIELD, honeypot, rateLimit } from '../../shared/http/guards.js';
import { httpBase } from '../../shared/http/middleware.js';
import { staffAuth } from '../../shared/http/staff-auth.js';
import { type HttpEvent, header, html, json, wantsHtml } from '../../shared/http/types.js';
import { validateInput } from '../../shared/http/validate.js';
import { makeAfterCreate } from '../../shared/usecases/after-create.js';
import { createdView, makeSubmitComplaint } from '../../shared/usecases/submit-complaint.js';
import { formErrorPage, PAGE_POLICY, renderCreatedPage, webContextOf } from '../../shared/web/pages.js';
import { wireCore } from '../../shared/wiring/core.js';
import { wireHttp } from '../../shared/wiring/http.js';
import { wireMail } from '../../shared/wiring/mail.js';

const core = wireCore('submit-complaint');
const { mail, sendOnce } = wireMail(core);
const { http, limiter, hashContacts } = wireHttp(core);
const mailContext = {
  lists: core.rules.lists,
  timeZone: core.calendar.settings.timeZone,
  statusUrl: `${http.formOrigin}/status`,
};
const afterCreate = makeAfterCreate({ sendOnce, execManagers: mail.execManagers, mail: mailContext });
const submitComplaint = makeSubmitComplaint({ ...core, hashContacts, afterCreate });
const web = webContextOf(core);

const parse = (event: HttpEvent) =>
  parseSubmission(core.rules.lists, {
    ...withoutFields(event.body, [...TRANSPORT_FIELDS, HONEYPOT_FIELD]),
    ...(header(event, 'idempotency-key') ? { idempotencyKey: header(event, 'idempotency-key') } : {}),
  });

export async function lambdaHandler(event: HttpEvent) {
  const submission = event.input as ReturnType<typeof parse>;
  const result = await submitComplaint(submission, { id: submission.receivedBy ?? 'staff', door: 'form' });
  const status = result.created ? 201 : 200;
  return wantsHtml(event)
    ? html(status, renderCreatedPage(web(), { case: result.case, lang: submission.language }))
    : json(status, createdView(result));
}

export const handler = middy(lambdaHandler)
  .use(
    httpBase({
      logger: core.logger,
      origin: http.formOrigin,
      page: PAGE_POLICY,
      html: (e, ev, s) => formErrorPage(web(), e, ev, s),
    }),
  )
  .use(bodyLimit(http.maxBodyBytes))
  .use(parseBody())
  .use(honeypot(core.logger))
  .use(rateLimit({ limiter, scope: 'submit', perHour: http.submitPerHour, secret: core.config.appSecret }))
  .use(
    staffAuth({
      accessCode: http.staffAccessCode,
      secret: core.config.appSecret,
      clock: core.clock,
      sessionDays: http.staffSessionDays,
      secureCookie: http.formOrigin.startsWith('https:'),
    }),
  )
  .use(validateInput(parse));
