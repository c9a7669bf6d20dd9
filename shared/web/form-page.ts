/** The staff form (登记投诉) and the page shown once a complaint is recorded. */
import { randomBytes } from 'node:crypto';
import type { Case } from '../domain/case.js';
import type { FieldIssue } from '../domain/errors.js';
import { LIMITS } from '../domain/fields.js';
import { formatLocal } from '../domain/format.js';
import { type Lang, labelOf } from '../domain/values.js';
import { HONEYPOT_FIELD } from '../http/guards.js';
import { ACCESS_CODE_FIELD } from '../http/staff-auth.js';
import type { WebContext } from './context.js';
import { flag, h, raw } from './html.js';
import { t, type UiKey } from './i18n.js';
import {
  choiceGroup,
  contactGroup,
  errorSummary,
  errorTarget,
  formState,
  listValue,
  localInputValue,
  page,
  selectField,
  textField,
  textValue,
} from './layout.js';
import { messagesFor } from './messages.js';

/** A fresh key per rendered form: the same page sent twice makes one case. */
export const newIdempotencyKey = (): string => randomBytes(18).toString('base64url');

/** Fields that live in the "More (optional)" section; an error there opens it. */
const OPTIONAL_FIELDS = [
  'channel',
  'stage',
  'severity',
  'requests',
  'requestDetail',
  'staffInvolved',
  'location',
  'receivedBy',
  'promisedReplyAt',
];

/** Field labels for the error summary (contact = the group). */
function fieldLabels(lang: Lang): Record<string, string> {
  const keys: UiKey[] = [
    'name',
    'contact',
    'phone',
    'email',
    'wechat',
    'description',
    'category',
    'accessCode',
  ];
  const out: Record<string, string> = {};
  for (const k of [...keys, ...(OPTIONAL_FIELDS as UiKey[])]) out[k] = t(lang, k);
  return out;
}

/** Strings the script needs: the created view, button states, the messages for error codes. */
const CLIENT_UI: UiKey[] = [
  'labelSep',
  'submit',
  'sending',
  'errorTitle',
  'accessCode',
  'accessHint',
  'createdTitle',
  'caseNo',
  'caseNoHint',
  'repeatTitle',
  'repeatText',
  'repeatCases',
  'severityNow',
  'criticalText',
  'promisedTitle',
  'promisedText',
  'noPromise',
  'runningTitle',
  'investigateBy',
  'replyBy',
  'businessTime',
  'firstTitle',
  'firstStep',
  'nextStep',
  'another',
  'rateLimited',
  'tooLarge',
  'rejected',
  'idempotency',
  'internal',
  'network',
];

function clientData(ctx: WebContext, lang: Lang) {
  const ui: Record<string, string> = {};
  for (const k of CLIENT_UI) ui[k] = t(lang, k, { tz: ctx.timeZone });
  const severity: Record<string, string> = {};
  for (const s of ctx.lists.severity) severity[s.code] = s.label[lang];
  return { lang, tz: ctx.timeZone, ui, msg: messagesFor(lang), labels: fieldLabels(lang), severity };
}

export function renderFormPage(
  ctx: WebContext,
  i: {
    lang: Lang;
    values?: Record<string, unknown>;
    issues?: FieldIssue[];
    message?: string;
    needsAccessCode: boolean;
    idempotencyKey: string;
  },
): string {
  const { lang } = i;
  const issues = i.issues ?? [];
  const s = formState(lang, i.values, issues);
  const tt = (k: UiKey) => t(lang, k, { tz: ctx.timeZone });
  const off = raw(' autocomplete="off"');
  const openMore = issues.some((x) => OPTIONAL_FIELDS.includes(errorTarget(x)));

  const body = h`<h1>${tt('formTitle')}</h1>
<p>${tt('formIntro')}</p>
${errorSummary(s, issues, i.message, fieldLabels(lang))}
<form id="cf" method="post" action="/complaints" accept-charset="utf-8" novalidate>
<input type="hidden" name="language" value="${lang}">
<input type="hidden" name="idempotencyKey" value="${i.idempotencyKey}">
${textField(s, 'name', { label: tt('name'), required: true, attrs: h`${off} maxlength="${LIMITS.name}" autocapitalize="words"` })}
${contactGroup(s, [
  { name: 'phone', opts: { label: tt('phone'), attrs: h` type="tel" inputmode="tel"${off} maxlength="25"` } },
  {
    name: 'email',
    opts: {
      label: tt('email'),
      hint: tt('emailHint'),
      attrs: h` type="email" inputmode="email"${off} autocapitalize="off" spellcheck="false" maxlength="254"`,
    },
  },
  {
    name: 'wechat',
    opts: {
      label: tt('wechat'),
      attrs: h`${off} autocapitalize="off" spellcheck="false" maxlength="${LIMITS.contact}"`,
    },
  },
])}
${textField(s, 'description', { label: tt('description'), hint: tt('descriptionHint'), required: true, multiline: true, attrs: h` rows="5" maxlength="${LIMITS.description}"` })}
${selectField(s, 'category', ctx.lists.category, { label: tt('category'), required: true, empty: tt('choose') })}
<details id="more"${flag('open', openMore)}><summary>${tt('more')}</summary>
${selectField(s, 'channel', ctx.lists.channel, { label: tt('channel'), fallback: 'web_form' })}
${selectField(s, 'stage', ctx.lists.stage, { label: tt('stage'), empty: tt('notSpecified') })}
${choiceGroup(s, 'severity', ctx.lists.severity, { label: tt('severity'), hint: tt('severityHint'), type: 'radio', chosen: [textValue(s.values, 'severity') || 'normal'] })}
${choiceGroup(s, 'requests', ctx.lists.request, { label: tt('requests'), type: 'checkbox', chosen: listValue(s.values, 'requests') })}
${textField(s, 'requestDetail', { label: tt('requestDetail'), multiline: true, attrs: h` rows="2" maxlength="${LIMITS.short}"` })}
${textField(s, 'staffInvolved', { label: tt('staffInvolved'), hint: tt('staffHint'), attrs: h`${off}` })}
${textField(s, 'location', { label: tt('location'), attrs: h` maxlength="${LIMITS.short}"` })}
${textField(s, 'receivedBy', { label: tt('receivedBy'), attrs: h` autocomplete="name" maxlength="${LIMITS.name}"` })}
${textField(s, 'promisedReplyAt', { label: tt('promisedReplyAt'), hint: tt('promisedHint'), attrs: h` type="datetime-local" min="${localInputValue(ctx.now, ctx.timeZone)}"` })}
</details>
<div class="hp" aria-hidden="true"><label for="f-hp">${tt('honeypot')}</label><input id="f-hp" name="${HONEYPOT_FIELD}" type="text" tabindex="-1" autocomplete="off"></div>
${i.needsAccessCode ? textField(s, ACCESS_CODE_FIELD, { label: tt('accessCode'), hint: tt('accessHint'), required: true, attrs: h` type="password" autocomplete="current-password"` }) : ''}
<div class="f"><button type="submit">${tt('submit')}</button></div>
</form>`;
  return page({ lang, title: tt('formTitle'), path: '/', body, scriptData: clientData(ctx, lang) });
}

export function renderCreatedPage(ctx: WebContext, i: { lang: Lang; case: Case }): string {
  const { lang, case: c } = i;
  const tt = (k: UiKey, vars: Record<string, string> = {}) => t(lang, k, { tz: ctx.timeZone, ...vars });
  const when = (iso: string | undefined) => formatLocal(iso, ctx.timeZone, lang);
  const running = c.deadlines
    .filter((d) => !d.metAt && (d.kind === 'investigate' || d.kind === 'reply'))
    .map(
      (d) =>
        h`<dt>${tt(d.kind === 'investigate' ? 'investigateBy' : 'replyBy')}</dt><dd>${when(d.dueAt)}</dd>`,
    );
  const repeat = c.repeat
    ? h`<div class="notice"><p class="strong">${tt('repeatTitle')}</p><p>${tt('repeatText')}</p>${
        c.relatedCases.length
          ? h`<p>${tt('repeatCases')}${c.relatedCases.join(lang === 'en' ? ', ' : '、')}</p>`
          : ''
      }</div>`
    : '';
  const body = h`<h1 tabindex="-1">${tt('createdTitle')}</h1>
<div class="card"><p class="lbl">${tt('caseNo')}</p><p class="caseno" id="case-no">${c.caseNo}</p><p class="hint">${tt('caseNoHint')}</p></div>
${repeat}
<p><strong>${tt('severityNow')}</strong>${labelOf(ctx.lists, 'severity', c.severity, lang)}</p>
${c.severity === 'critical' ? h`<p class="notice strong">${tt('criticalText')}</p>` : ''}
<h2>${tt('promisedTitle')}</h2>
<p>${c.promisedReplyAt ? tt('promisedText', { t: when(c.promisedReplyAt) }) : tt('noPromise')}</p>
<h2>${tt('runningTitle')}</h2>
<dl class="dl">${running}</dl>
<p class="hint">${tt('businessTime')}</p>
<h2>${tt('firstTitle')}</h2>
<p class="first">${tt('firstStep')}</p>
<p>${tt('nextStep')}</p>
<p><a class="btn" href="/?lang=${lang}">${tt('another')}</a></p>`;
  return page({ lang, title: `${tt('createdTitle')} ${c.caseNo}`, path: '/', body });
}
