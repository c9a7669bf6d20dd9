/** POST /status — a customer checks their case with its number and the last 4 digits of their phone. */
import middy from '@middy/core';
import { parseStatusLookup, type StatusLookup } from '../../shared/domain/status-lookup.js';
import { html, json, type ValidatedEvent, wantsHtml } from '../../shared/http/types.js';
import { validateInput } from '../../shared/http/validate.js';
import { makeLookupStatus } from '../../shared/usecases/lookup-status.js';
import { webContextOf } from '../../shared/web/context.js';
import { statusErrorPage } from '../../shared/web/error-pages.js';
import { renderStatusPage } from '../../shared/web/status-page.js';
import { wireCore } from '../../shared/wiring/core.js';
import { wireHttp } from '../../shared/wiring/http.js';

const core = await wireCore('lookup-status');
const { post, limits } = await wireHttp(core);
const lookupStatus = makeLookupStatus(core);
const web = webContextOf(core);

export async function lambdaHandler(event: ValidatedEvent<StatusLookup>) {
  const { input } = event;
  const result = await lookupStatus(input);
  return wantsHtml(event)
    ? html(200, renderStatusPage(web(), { lang: input.language, result, values: { caseNo: input.caseNo } }))
    : json(200, result);
}

export const handler = middy(lambdaHandler)
  .use(post('status', (e, ev, s) => statusErrorPage(web(), e, ev, s)))
  .use(limits.statusFailures())
  .use(validateInput((event) => parseStatusLookup(event.body)));
