/** POST /complaints — staff record a complaint (JSON from the page's script or an API, or a plain form post). */
import middy from '@middy/core';
import { parseSubmission, type Submission, TRANSPORT_FIELDS } from '../../shared/domain/submission.js';
import { withoutFields } from '../../shared/http/body.js';
import { HONEYPOT_FIELD, honeypot } from '../../shared/http/guards.js';
import { staffAuth } from '../../shared/http/staff-auth.js';
import {
  type HttpEvent,
  header,
  html,
  json,
  type ValidatedEvent,
  wantsHtml,
} from '../../shared/http/types.js';
import { validateInput } from '../../shared/http/validate.js';
import { createdView } from '../../shared/usecases/submit-complaint.js';
import { webContextOf } from '../../shared/web/context.js';
import { formErrorPage } from '../../shared/web/error-pages.js';
import { renderCreatedPage } from '../../shared/web/form-page.js';
import { wireCore } from '../../shared/wiring/core.js';
import { wireHttp } from '../../shared/wiring/http.js';
import { wireMail } from '../../shared/wiring/mail.js';
import { wireSubmitComplaint } from '../../shared/wiring/submit-complaint.js';
import { functionSpec } from '../catalog.js';

const spec = functionSpec('submit-complaint');
const core = await wireCore(spec.name);
const { http, staffAccessCode, post, limits } = await wireHttp(core);
const submitComplaint = wireSubmitComplaint(core, wireMail(core, spec));
const web = webContextOf(core);

const parse = (event: HttpEvent): Submission =>
  parseSubmission(core.rules.lists, {
    ...withoutFields(event.body, [...TRANSPORT_FIELDS, HONEYPOT_FIELD]),
    ...(header(event, 'idempotency-key') ? { idempotencyKey: header(event, 'idempotency-key') } : {}),
  });

export async function lambdaHandler(event: ValidatedEvent<Submission>) {
  const { input } = event;
  const actor = { id: input.receivedBy ?? 'staff', door: 'form' as const };
  const lockout = event.staff?.lockout;
  const result = await submitComplaint(input, actor, {
    quota: limits.submitQuota(event),
    ...(lockout ? { lockout } : {}),
  });
  const status = result.created ? 201 : 200;
  return wantsHtml(event)
    ? html(status, renderCreatedPage(web(), { case: result.case, lang: input.language }))
    : json(status, createdView(result));
}

export const handler = middy(lambdaHandler)
  .use(post('submit', (e, ev, s) => formErrorPage(web(), e, ev, s)))
  .use(honeypot(core.logger))
  .use(
    staffAuth({
      accessCode: staffAccessCode,
      secret: core.appSecret,
      clock: core.clock,
      sessionDays: http.staffSessionDays,
      secureCookie: http.formOrigin.startsWith('https:'),
      failures: limits.signinFailures,
    }),
  )
  .use(validateInput(parse));
