/**
 * The pages a person opens: `/` lists the spreadsheets, `/grid/{id}` shows one tab as a grid to type
 * into (dropdowns where validation offers choices, conditional colours), sort by a column, and
 * insert or delete rows. The script talks to `/__emulator/ui/…` only.
 */
import type { SpreadsheetState } from '../model.js';

const esc = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] as string,
  );

const STYLE = `
body{font:14px system-ui,sans-serif;margin:16px;color:#202124}
h1{font-size:18px;margin:0 0 8px}
nav button{margin-right:4px}
nav button[aria-current=page]{font-weight:bold}
table{border-collapse:collapse;margin-top:8px}
th,td{border:1px solid #dadce0;padding:0;min-width:90px;height:24px}
th{background:#f1f3f4;font-weight:normal;font-size:12px;padding:2px 4px;white-space:nowrap}
td input,td select{border:0;width:100%;box-sizing:border-box;font:inherit;padding:2px 4px;background:transparent;color:inherit}
td.invalid{box-shadow:inset 0 0 0 2px #d93025}
tr.frozen td{border-bottom:2px solid #9aa0a6;font-weight:bold}
th button{font-size:11px;padding:0 3px}
#status{min-height:20px;color:#d93025}
label{margin-right:8px}`;

export function indexPage(list: SpreadsheetState[]): string {
  const items = list
    .map(
      (ss) =>
        `<li><a href="/grid/${encodeURIComponent(ss.spreadsheetId)}">${esc(ss.properties.title)}</a> <small>${esc(ss.spreadsheetId)}</small></li>`,
    )
    .join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sheets stand-in</title><style>${STYLE}</style></head>
<body><h1>Sheets stand-in</h1><p>Spreadsheets (JSON: <a href="/__emulator/spreadsheets">/__emulator/spreadsheets</a>)</p>
<ul>${items || '<li>none yet</li>'}</ul></body></html>`;
}

const SCRIPT = `
const id = document.body.dataset.id;
let sheetId = Number(new URLSearchParams(location.search).get('sheet') || new URLSearchParams(location.hash.slice(1)).get('gid')) || undefined;
const $ = (s) => document.querySelector(s);
const col = (i) => { let s = '', n = i + 1; while (n > 0) { const r = (n - 1) % 26; s = String.fromCharCode(65 + r) + s; n = Math.floor((n - 1) / 26); } return s; };
async function post(action, body) {
  const res = await fetch('/__emulator/ui/' + encodeURIComponent(id) + '/' + action, {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ sheetId: view.sheetId, user: $('#user').value, ...body }),
  });
  const json = await res.json();
  $('#status').textContent = res.ok ? '' : (json.error && json.error.message) || 'failed';
  await load();
  return res.ok;
}
let view;
async function load() {
  const q = sheetId === undefined ? '' : '?sheetId=' + sheetId;
  view = await (await fetch('/__emulator/ui/' + encodeURIComponent(id) + '/view' + q)).json();
  render();
}
function el(tag, attrs, ...kids) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) if (v !== undefined) e.setAttribute(k, v);
  for (const k of kids) e.append(k);
  return e;
}
function render() {
  $('#title').textContent = view.title;
  const nav = $('#tabs'); nav.replaceChildren();
  for (const s of view.sheets) {
    const b = el('button', { type: 'button', 'aria-current': s.sheetId === view.sheetId ? 'page' : undefined }, s.title);
    b.onclick = () => { sheetId = s.sheetId; load(); };
    nav.append(b);
  }
  const table = $('#grid'); table.replaceChildren();
  const width = view.rows[0] ? view.rows[0].cells.length : 0;
  const head = el('tr', {}, el('th', {}, ''));
  for (let c = 0; c < width; c++) {
    const up = el('button', { type: 'button', 'aria-label': 'Sort by column ' + col(c) + ' ascending' }, '↑');
    const down = el('button', { type: 'button', 'aria-label': 'Sort by column ' + col(c) + ' descending' }, '↓');
    up.onclick = () => post('sort', { col: c, order: 'ASCENDING' });
    down.onclick = () => post('sort', { col: c, order: 'DESCENDING' });
    head.append(el('th', { scope: 'col' }, col(c) + ' ', up, down));
  }
  table.append(head);
  view.rows.forEach((row, r) => {
    const ins = el('button', { type: 'button', 'aria-label': 'Insert row below ' + (r + 1) }, '+');
    const del = el('button', { type: 'button', 'aria-label': 'Delete row ' + (r + 1) }, '−');
    ins.onclick = () => post('insert-row', { row: r });
    del.onclick = () => post('delete-row', { row: r });
    const tr = el('tr', { class: r < view.frozenRowCount ? 'frozen' : undefined }, el('th', { scope: 'row' }, String(r + 1) + ' ', ins, del));
    row.cells.forEach((cell, c) => {
      const name = col(c) + (r + 1);
      let input;
      if (cell.options) {
        input = el('select', { 'aria-label': name });
        const opts = cell.options.includes(cell.text) ? cell.options : [cell.text, ...cell.options];
        if (!opts.includes('')) opts.unshift('');
        for (const o of opts) { const op = el('option', { value: o }, o); if (o === cell.text) op.selected = true; input.append(op); }
      } else {
        input = el('input', { 'aria-label': name, value: cell.text });
      }
      input.onchange = () => post('edit', { row: r, col: c, value: input.value });
      const td = el('td', { class: cell.invalid ? 'invalid' : undefined }, input);
      if (cell.bg) td.style.background = cell.bg;
      if (cell.fg) td.style.color = cell.fg;
      tr.append(td);
    });
    table.append(tr);
  });
}
load();`;

export function gridPage(ss: SpreadsheetState): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(ss.properties.title)} – Sheets stand-in</title><style>${STYLE}</style></head>
<body data-id="${esc(ss.spreadsheetId)}"><h1 id="title">${esc(ss.properties.title)}</h1>
<p><a href="/">All spreadsheets</a> · <label>Editing as <input id="user" value="manager@studio.example" aria-label="Editing as"></label></p>
<nav id="tabs" aria-label="Tabs"></nav><div id="status" role="alert"></div>
<table id="grid" aria-label="Grid"></table><script>${SCRIPT}</script></body></html>`;
}
