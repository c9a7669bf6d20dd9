/**
 * The form page's only script, shipped inline and allowed by its sha256 hash (see assets.ts). Plain
 * ES2017 so it runs on any phone browser without a build step. It validates in the page's language,
 * sends JSON with an Idempotency-Key, and draws the result with createElement/textContent only: the
 * CSP requires Trusted Types, so no HTML strings ever reach the DOM. Without it the form posts as HTML.
 *
 * Markup contract (form-page.ts): field wrapper `w-<field>`, control `f-<field>`, hint `h-<field>`,
 * error `e-<field>` inserted before the wrapper's first `.c` child; `#summary`; JSON in `#i18n`.
 * The phone and email checks are the domain's own patterns (shared/domain/fields.ts), written in here.
 */
import { EMAIL_MAX_LENGTH, EMAIL_PATTERN, PHONE_PATTERN } from '../domain/fields.js';

export const CLIENT_SCRIPT = `(function () {
  'use strict';
  var form = document.getElementById('cf');
  var data = document.getElementById('i18n');
  if (!form || !data || !window.fetch) return;
  var T = JSON.parse(data.textContent || '{}');
  var U = T.ui;
  var EMAIL = /${EMAIL_PATTERN.source}/;
  var PHONE = /${PHONE_PATTERN.source}/;
  var button = form.querySelector('button[type="submit"]');
  var summary = document.getElementById('summary');
  var busy = false;

  function byId(id) { return document.getElementById(id); }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = text;
    return e;
  }
  function add(parent) {
    for (var i = 1; i < arguments.length; i++) if (arguments[i]) parent.appendChild(arguments[i]);
    return parent;
  }
  function value(name) {
    var f = form.elements.namedItem(name);
    return f && typeof f.value === 'string' ? f.value.trim() : '';
  }
  function message(field, code) {
    var m = /^(too_long|too_many):(\\d+)$/.exec(code);
    var text = T.msg[field + '.' + code] || T.msg[m ? m[1] : code] || T.msg.invalid;
    return m ? text.replace('{n}', m[2]) : text;
  }
  function controls(w) { return w.querySelectorAll('input,select,textarea'); }
  function describe(c, id, on) {
    var ids = (c.getAttribute('aria-describedby') || '').split(' ').filter(function (x) { return x && x !== id; });
    if (on) ids.push(id);
    if (ids.length) c.setAttribute('aria-describedby', ids.join(' '));
    else c.removeAttribute('aria-describedby');
  }
  function clear() {
    var errs = form.querySelectorAll('.err');
    for (var i = 0; i < errs.length; i++) {
      var p = errs[i];
      var cs = controls(p.parentNode);
      for (var j = 0; j < cs.length; j++) { cs[j].removeAttribute('aria-invalid'); describe(cs[j], p.id, false); }
      p.parentNode.removeChild(p);
    }
    summary.hidden = true;
    while (summary.firstChild) summary.removeChild(summary.firstChild);
  }
  function show(issues, text) {
    var list = el('ul');
    issues.forEach(function (issue) {
      var name = issue.code === 'contact_required' ? 'contact' : issue.field;
      var w = byId('w-' + name);
      var msg = message(issue.field, issue.code);
      var li = el('li');
      if (!w) { li.textContent = msg; list.appendChild(li); return; }
      var id = 'e-' + name;
      if (!byId(id)) {
        var p = el('p', 'err', msg);
        p.id = id;
        w.insertBefore(p, w.querySelector('.c'));
      }
      var cs = controls(w);
      for (var j = 0; j < cs.length; j++) { cs[j].setAttribute('aria-invalid', 'true'); describe(cs[j], id, true); }
      var d = w.closest('details');
      if (d) d.open = true;
      var a = el('a', null, (T.labels[name] || name) + U.labelSep + msg);
      a.href = '#' + (cs[0] ? cs[0].id : w.id);
      a.addEventListener('click', function (ev) { if (cs[0]) { ev.preventDefault(); cs[0].focus(); } });
      list.appendChild(add(li, a));
    });
    add(summary, el('h2', null, text || U.errorTitle), issues.length ? list : null);
    summary.hidden = false;
    summary.focus();
  }
  function validate() {
    var issues = [];
    if (!value('name')) issues.push({ field: 'name', code: 'required' });
    var phone = value('phone');
    var email = value('email');
    if (!phone && !email && !value('wechat')) issues.push({ field: 'phone', code: 'contact_required' });
    if (phone && !PHONE.test(phone)) issues.push({ field: 'phone', code: 'invalid_phone' });
    if (email && (email.length > ${EMAIL_MAX_LENGTH} || !EMAIL.test(email))) issues.push({ field: 'email', code: 'invalid_email' });
    if (!value('description')) issues.push({ field: 'description', code: 'required' });
    if (!value('category')) issues.push({ field: 'category', code: 'required' });
    if (byId('f-accessCode') && !value('accessCode')) issues.push({ field: 'accessCode', code: 'required' });
    return issues;
  }
  function ensureAccessCode() {
    if (byId('w-accessCode')) return;
    var w = el('div', 'f');
    w.id = 'w-accessCode';
    var label = el('label', null, U.accessCode);
    label.htmlFor = 'f-accessCode';
    var hint = el('p', 'hint', U.accessHint);
    hint.id = 'h-accessCode';
    var input = el('input', 'c');
    input.id = 'f-accessCode';
    input.name = 'accessCode';
    input.type = 'password';
    input.required = true;
    input.setAttribute('autocomplete', 'current-password');
    input.setAttribute('aria-describedby', 'h-accessCode');
    form.insertBefore(add(w, label, hint, input), button.parentNode);
  }
  function payload() {
    var out = {};
    for (var i = 0; i < form.elements.length; i++) {
      var e = form.elements[i];
      if (!e.name || e.disabled || e.tagName === 'BUTTON' || e.tagName === 'FIELDSET') continue;
      if (e.type === 'checkbox') { if (e.checked) (out[e.name] = out[e.name] || []).push(e.value); }
      else if (e.type === 'radio') { if (e.checked) out[e.name] = e.value; }
      else out[e.name] = e.value;
    }
    return out;
  }
  function freshKey() {
    var bytes = new Uint8Array(16);
    crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return ('0' + b.toString(16)).slice(-2); }).join('');
  }
  function fmt(iso) {
    if (!iso) return '';
    return new Intl.DateTimeFormat(T.lang === 'en' ? 'en-GB' : 'zh-CN', {
      timeZone: T.tz, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false,
    }).format(new Date(iso));
  }
  function created(r) {
    var main = document.querySelector('main');
    while (main.firstChild) main.removeChild(main.firstChild);
    var h1 = el('h1', null, U.createdTitle);
    h1.tabIndex = -1;
    var no = el('p', 'caseno', r.caseNo);
    no.id = 'case-no';
    add(main, h1, add(el('div', 'card'), el('p', 'lbl', U.caseNo), no, el('p', 'hint', U.caseNoHint)));
    var related = r.relatedCases && r.relatedCases.length
      ? el('p', null, U.repeatCases + r.relatedCases.join(T.lang === 'en' ? ', ' : '\u3001')) : null;
    if (r.repeat) add(main, add(el('div', 'notice'), el('p', 'strong', U.repeatTitle), el('p', null, U.repeatText), related));
    var sev = add(el('p'), el('strong', null, U.severityNow), document.createTextNode(T.severity[r.severity] || r.severity));
    add(main, sev, r.severity === 'critical' ? el('p', 'notice strong', U.criticalText) : null);
    add(main, el('h2', null, U.promisedTitle),
      el('p', null, r.promisedReplyAt ? U.promisedText.replace('{t}', fmt(r.promisedReplyAt)) : U.noPromise));
    var dl = el('dl', 'dl');
    (r.deadlines || []).forEach(function (d) {
      var label = d.kind === 'investigate' ? U.investigateBy : d.kind === 'reply' ? U.replyBy : '';
      if (label && !d.metAt) add(dl, el('dt', null, label), el('dd', null, fmt(d.dueAt)));
    });
    add(main, el('h2', null, U.runningTitle), dl, el('p', 'hint', U.businessTime));
    add(main, el('h2', null, U.firstTitle), el('p', 'first', U.firstStep), el('p', null, U.nextStep));
    var again = el('a', 'btn', U.another);
    again.href = '/?lang=' + encodeURIComponent(T.lang);
    add(main, add(el('p'), again));
    document.title = U.createdTitle + ' ' + r.caseNo;
    window.scrollTo(0, 0);
    h1.focus();
  }
  function handle(status, r) {
    if (status === 200 || status === 201) return created(r);
    if (status === 401) ensureAccessCode();
    if (r.error === 'idempotency') form.elements.namedItem('idempotencyKey').value = freshKey();
    if (r.issues && r.issues.length) return show(r.issues);
    var key = status === 429 ? 'rateLimited' : status === 413 ? 'tooLarge'
      : r.error === 'idempotency' ? 'idempotency' : status < 500 ? 'rejected' : 'internal';
    show([], U[key]);
  }
  // A server or network failure is tried again, twice, with the same body and so the same idempotency
  // key: a request that did reach the server makes no second case. Then the text stays for a manual retry.
  var RETRY_MS = [1000, 3000];
  function later(ms) { return new Promise(function (ok) { setTimeout(ok, ms); }); }
  function send(body, attempt) {
    var again = attempt < RETRY_MS.length
      ? function () { return later(RETRY_MS[attempt]).then(function () { return send(body, attempt + 1); }); }
      : null;
    return fetch(form.getAttribute('action'), {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', accept: 'application/json', 'idempotency-key': body.idempotencyKey },
      body: JSON.stringify(body),
    }).then(function (res) {
      return res.json().catch(function () { return {}; }).then(function (r) {
        if (res.status >= 500 && again) return again();
        handle(res.status, r || {});
      });
    }, function () {
      if (again) return again();
      show([], U.network);
    });
  }
  form.addEventListener('submit', function (ev) {
    ev.preventDefault();
    if (busy) return;
    clear();
    var issues = validate();
    if (issues.length) return show(issues);
    busy = true;
    button.disabled = true;
    button.textContent = U.sending;
    form.setAttribute('aria-busy', 'true');
    var body = payload();
    send(body, 0).catch(function () { show([], U.network); }).then(function () {
      busy = false;
      button.disabled = false;
      button.textContent = U.submit;
      form.removeAttribute('aria-busy');
    });
  });
})();
`;
