/** The customer's status page: where the case stands and when they will hear — dates only, no personal data. */
import type { FieldIssue } from '../domain/errors.js';
import { formatLocal } from '../domain/format.js';
import type { Lang } from '../domain/values.js';
import type { PublicStatus } from '../usecases/lookup-status.js';
import type { WebContext } from './context.js';
import { h, raw } from './html.js';
import { STATUS_STEPS, STEP_LABELS, statusLabel, t, type UiKey } from './i18n.js';
import { errorSummary, formState, page, textField } from './layout.js';

function resultView(ctx: WebContext, lang: Lang, r: PublicStatus) {
  const tt = (k: UiKey) => t(lang, k, { tz: ctx.timeZone });
  const current = STATUS_STEPS.findIndex((statuses) => statuses.includes(r.status));
  const steps = STEP_LABELS[lang].map((label, n) =>
    n === current
      ? h`<li aria-current="step">${label}</li>`
      : h`<li${raw(n < current ? ' class="done"' : '')}>${label}</li>`,
  );
  const rows: [UiKey, string | undefined][] = [
    ['received', r.receivedAt],
    ['promisedReply', r.promisedReplyAt],
    ['resolvedAt', r.resolvedAt],
    ['notifyBy', r.notifiedAt ? undefined : r.notifyBy],
    ['notifiedAt', r.notifiedAt],
    ['closedAt', r.closedAt],
  ];
  const dl = rows
    .filter(([, v]) => v)
    .map(([k, v]) => h`<dt>${tt(k)}</dt><dd>${formatLocal(v, ctx.timeZone, lang)}</dd>`);
  return h`<section class="card" id="result" aria-labelledby="result-h">
<h2 id="result-h">${tt('caseNo')} ${r.caseNo}</h2>
<p class="lbl">${tt('stageNow')}</p>
<p class="first" id="result-status">${statusLabel(lang, r.status)}</p>
<ol class="steps">${steps}</ol>
${r.reopened ? h`<p class="notice">${tt('reopened')}</p>` : ''}
<dl class="dl">${dl}</dl>
<p class="hint">${tt('businessTime')}</p>
</section>`;
}

export function renderStatusPage(
  ctx: WebContext,
  i: {
    lang: Lang;
    result?: PublicStatus;
    values?: Record<string, unknown>;
    issues?: FieldIssue[];
    message?: string;
  },
): string {
  const { lang } = i;
  const issues = i.issues ?? [];
  const s = formState(lang, i.values, issues);
  const tt = (k: UiKey) => t(lang, k, { tz: ctx.timeZone });
  const labels = { caseNo: tt('statusCaseNo'), last4: tt('last4') };
  const body = h`<h1>${tt('statusTitle')}</h1>
${i.result ? resultView(ctx, lang, i.result) : ''}
${i.result ? h`<h2>${tt('checkAnother')}</h2>` : ''}
<p>${tt('statusIntro')}</p>
${errorSummary(s, issues, i.message, labels)}
<form id="sf" method="post" action="/status" accept-charset="utf-8" novalidate>
<input type="hidden" name="language" value="${lang}">
${textField(s, 'caseNo', { label: labels.caseNo, hint: tt('statusCaseHint'), required: true, attrs: raw(' autocomplete="off" autocapitalize="off" spellcheck="false" maxlength="20"') })}
${textField(s, 'last4', { label: labels.last4, required: true, attrs: raw(' inputmode="numeric" autocomplete="off" maxlength="8"') })}
<div class="f"><button type="submit">${tt('check')}</button></div>
</form>`;
  return page({ lang, title: tt('statusTitle'), path: '/status', body });
}
