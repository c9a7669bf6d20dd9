/**
 * The case file. POST /case-file: a manager asked from the sheet's menu (signed like the edit pings); the
 * file is emailed to their roster address. Invoked directly (`npm run invoke -- case-file --event
 * case.json` with `{ "caseNo": "261120-007" }`), it answers the printable HTML.
 */
import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import { httpSigned } from '../../shared/http/middleware.js';
import { type HttpEvent, json, type ValidatedEvent } from '../../shared/http/types.js';
import { validateInput } from '../../shared/http/validate.js';
import {
  type CaseFileRequest,
  parseCaseFileEvent,
  parseCaseFileRequest,
} from '../../shared/sheet/case-file-request.js';
import { makeCaseFile } from '../../shared/usecases/case-file.js';
import { wireCore } from '../../shared/wiring/core.js';
import { wireReportSettings } from '../../shared/wiring/report-settings.js';
import { functionSpec } from '../catalog.js';

const spec = functionSpec('case-file');
const core = await wireCore(spec.name);
const hookSecret = () => core.secrets.get('SHEET_HOOK_SECRET');
await hookSecret();
const { mail, report, roster } = wireReportSettings(core, spec);
const caseFile = makeCaseFile({
  cases: core.cases,
  roster,
  sendOnce: mail.sendOnce,
  clock: core.clock,
  logger: core.logger,
  report,
});

export async function lambdaHandler(event: ValidatedEvent<CaseFileRequest>) {
  return json(200, await caseFile.send(event.input.caseNo, event.input.user));
}

const signed = middy(lambdaHandler)
  .use(core.logger.lambdaContext)
  .use(httpSigned({ logger: core.logger, clock: core.clock, secret: hookSecret }))
  .use(validateInput((event) => parseCaseFileRequest(event.body)));

const direct = middy(async (event: unknown) => caseFile.render(parseCaseFileEvent(event).caseNo)).use(
  core.logger.lambdaContext,
);

const isHttp = (event: unknown): event is HttpEvent =>
  typeof event === 'object' && event !== null && 'requestContext' in event;

export const handler = (event: unknown, context: Context) =>
  isHttp(event) ? signed(event as ValidatedEvent<CaseFileRequest>, context) : direct(event, context);
