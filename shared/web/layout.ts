/**
 * The page shell and the accessible field pieces every form uses. Markup contract shared with the
 * script: wrapper `w-<field>`, control `f-<field>`, hint `h-<field>`, error `e-<field>` placed right
 * before the wrapper's first `.c` child, and controls carry `aria-describedby` / `aria-invalid`.
 */
import type { FieldIssue } from '../domain/errors.js';
import type { Lang, ValueOption } from '../domain/values.js';
import { CLIENT_SCRIPT, CSS } from './assets.js';
import { attr, flag, h, raw, type SafeHtml } from './html.js';
import { t } from './i18n.js';
import { issueMessage } from './messages.js';

/** A form's state while rendering: the language, what was typed, and one message per error target. */
export interface FormState {
  lang: Lang;
  values: Record<string, unknown>;
  errors: Map<string, string>;
}

/** Where an issue is shown: "at least one contact" belongs to the contact group, the rest to their field. */
export const errorTarget = (i: Pick<FieldIssue, 'field' | 'code'>): string =>
  i.code === 'contact_required' ? 'contact' : i.field;

export function formState(
  lang: Lang,
  values: Record<string, unknown> = {},
  issues: FieldIssue[] = [],
): FormState {
  const errors = new Map<string, string>();
  for (const i of issues) {
    const target = errorTarget(i);
    if (!errors.has(target)) errors.set(target, issueMessage(lang, i.field, i.code));
  }
  return { lang, values, errors };
}

/** A typed value as text (repeated form keys arrive as arrays). */
export function textValue(values: Record<string, unknown>, name: string): string {
  const v = values[name];
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) return v.filter((x) => typeof x === 'string').join(', ');
  return '';
}

export function listValue(values: Record<string, unknown>, name: string): string[] {
  const v = values[name];
  if (typeof v === 'string') return v.split(/[,，、]/).map((s) => s.trim());
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

const ids = (...xs: (string | false | undefined)[]) => xs.filter(Boolean).join(' ') || undefined;

/** Attributes linking a control to its hint and error. */
function described(
  s: FormState,
  name: string,
  extra: (string | false | undefined)[] = [],
  hint = false,
): SafeHtml {
  const err = s.errors.has(name);
  return h`${attr('aria-describedby', ids(...extra, hint && `h-${name}`, err && `e-${name}`))}${flag('aria-invalid="true"', err || extra.some((x) => typeof x === 'string' && x.startsWith('e-')))}`;
}

const errorLine = (s: FormState, name: string) =>
  s.errors.has(name) ? h`<p class="err" id="e-${name}">${s.errors.get(name)}</p>` : '';
const hintLine = (name: string, hint: string | undefined) =>
  hint ? h`<p class="hint" id="h-${name}">${hint}</p>` : '';
const star = (on: boolean | undefined) => (on ? raw(' <span class="req" aria-hidden="true">*</span>') : '');

export interface FieldOpts {
  label: string;
  hint?: string;
  required?: boolean;
  /** Extra attributes for the control (type, inputmode, autocomplete, maxlength, …). */
  attrs?: SafeHtml;
  multiline?: boolean;
  /** Ids of a surrounding group's hint/error to announce too. */
  groupIds?: (string | false | undefined)[];
  wrapperClass?: string;
}

export function textField(s: FormState, name: string, o: FieldOpts): SafeHtml {
  const value = textValue(s.values, name);
  const common = h`class="c" id="f-${name}" name="${name}"${flag('required', o.required)}${o.attrs ?? ''}${described(s, name, o.groupIds, !!o.hint)}`;
  const control = o.multiline
    ? h`<textarea ${common}>${value}</textarea>`
    : h`<input ${common} value="${value}">`;
  return h`<div class="${o.wrapperClass ?? 'f'}" id="w-${name}"><label for="f-${name}">${o.label}${star(o.required)}</label>${hintLine(name, o.hint)}${errorLine(s, name)}${control}</div>`;
}

export function selectField(
  s: FormState,
  name: string,
  options: ValueOption[],
  o: FieldOpts & { empty?: string; fallback?: string },
): SafeHtml {
  const chosen = textValue(s.values, name) || o.fallback || '';
  const opts = options.map(
    (v) => h`<option value="${v.code}"${flag('selected', v.code === chosen)}>${v.label[s.lang]}</option>`,
  );
  const empty = o.empty !== undefined ? h`<option value="">${o.empty}</option>` : '';
  return h`<div class="f" id="w-${name}"><label for="f-${name}">${o.label}${star(o.required)}</label>${hintLine(name, o.hint)}${errorLine(s, name)}<select class="c" id="f-${name}" name="${name}"${flag('required', o.required)}${described(s, name, [], !!o.hint)}>${empty}${opts}</select></div>`;
}

/** Radio buttons (one choice) or checkboxes (several) in a fieldset with a legend. */
export function choiceGroup(
  s: FormState,
  name: string,
  options: ValueOption[],
  o: { label: string; hint?: string; type: 'radio' | 'checkbox'; chosen: string[] },
): SafeHtml {
  const desc = described(s, name, [], !!o.hint);
  const items = options.map(
    (v) =>
      h`<label class="opt"><input type="${o.type}" id="f-${name}-${v.code}" name="${name}" value="${v.code}"${flag('checked', o.chosen.includes(v.code))}${desc}><span>${v.label[s.lang]}</span></label>`,
  );
  return h`<fieldset class="f" id="w-${name}"><legend>${o.label}</legend>${hintLine(name, o.hint)}${errorLine(s, name)}<div class="c opts">${items}</div></fieldset>`;
}

/** The group of contact inputs: at least one is required; its error sits under the legend. */
export function contactGroup(s: FormState, fields: { name: string; opts: FieldOpts }[]): SafeHtml {
  const groupIds = ['h-contact', s.errors.has('contact') && 'e-contact'];
  const inner = fields.map((f) => textField(s, f.name, { ...f.opts, groupIds, wrapperClass: 'sub' }));
  return h`<fieldset class="f" id="w-contact"><legend>${t(s.lang, 'contact')}${star(true)}</legend>${hintLine('contact', t(s.lang, 'contactHint'))}${errorLine(s, 'contact')}<div class="c">${inner}</div></fieldset>`;
}

/** The error summary: always present (the script fills it), shown when there is something to say. */
export function errorSummary(
  s: FormState,
  issues: FieldIssue[],
  message: string | undefined,
  labels: Record<string, string>,
) {
  if (!issues.length && !message)
    return h`<div id="summary" class="summary" role="alert" tabindex="-1" hidden></div>`;
  const seen = new Set<string>();
  const items = issues.flatMap((i) => {
    const target = errorTarget(i);
    if (seen.has(target)) return [];
    seen.add(target);
    const text = issueMessage(s.lang, i.field, i.code);
    const label = labels[target];
    if (!label) return [h`<li>${text}</li>`];
    const focus = target === 'contact' ? 'f-phone' : `f-${target}`;
    return [h`<li><a href="#${focus}">${label}${t(s.lang, 'labelSep')}${text}</a></li>`];
  });
  const title = issues.length ? t(s.lang, 'errorTitle') : message;
  return h`<div id="summary" class="summary" role="alert" tabindex="-1"><h2>${title}</h2>${items.length ? h`<ul>${items}</ul>` : ''}</div>`;
}

export { localInputValue } from '../domain/format.js';

/** Embeds data for the script as JSON that cannot close the element or break out of it. */
const jsonForScript = (data: unknown) =>
  JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');

export function page(o: {
  lang: Lang;
  title: string;
  path: '/' | '/status';
  body: SafeHtml;
  scriptData?: unknown;
}): string {
  // Staff pages carry the tool's name; the customer's page a neutral one.
  const app = t(o.lang, o.path === '/status' ? 'statusApp' : 'appName');
  const link = (l: Lang, text: string) =>
    h`<a href="${o.path}?lang=${l}" lang="${l}" hreflang="${l}"${flag('aria-current="true"', l === o.lang)}>${text}</a>`;
  const script =
    o.scriptData === undefined
      ? ''
      : h`<script type="application/json" id="i18n">${raw(jsonForScript(o.scriptData))}</script><script>${raw(CLIENT_SCRIPT)}</script>`;
  return h`<!doctype html>
<html lang="${o.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="same-origin">
<title>${o.title} · ${app}</title>
<link rel="icon" href="data:,">
<style>${raw(CSS)}</style>
</head>
<body>
<header class="top"><span class="app">${app}</span><nav aria-label="Language / 语言">${link('zh-CN', '中文')}${link('en', 'English')}</nav></header>
<main id="main">
${o.body}
</main>
${script}
</body>
</html>
`.value;
}
