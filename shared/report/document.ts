/**
 * A report as a list of blocks — headings, paragraphs, tables, an inline image — written once and rendered
 * twice: as HTML for mail clients and browsers (inline styles: clients drop style sheets) and as the plain
 * text part. Every text is escaped in HTML; nothing in a case can become markup.
 */
import { escapeHtml } from '../web/html.js';

export type Cell = string | number;

export type Block =
  | { kind: 'heading'; text: string; level?: 1 | 2 }
  | { kind: 'para'; text: string; muted?: boolean }
  | { kind: 'table'; head: readonly string[]; rows: readonly (readonly Cell[])[]; title?: string }
  | { kind: 'image'; cid: string; alt: string; width: number; height: number };

const FONT = "font-family:'PingFang SC','Microsoft YaHei','Noto Sans SC',Arial,sans-serif";
const STYLE = {
  h1: `margin:0 0 12px;font-size:20px;color:#111827;${FONT}`,
  h2: `margin:22px 0 8px;font-size:16px;color:#111827;${FONT}`,
  p: `margin:6px 0;font-size:14px;color:#1f2937;${FONT}`,
  muted: `margin:6px 0;font-size:12px;color:#6b7280;${FONT}`,
  table: `border-collapse:collapse;margin:4px 0 8px;font-size:13px;${FONT}`,
  th: 'border:1px solid #d1d5db;background:#eef2f7;padding:4px 8px;text-align:left;vertical-align:top',
  td: 'border:1px solid #d1d5db;padding:4px 8px;vertical-align:top;white-space:pre-line',
  num: 'border:1px solid #d1d5db;padding:4px 8px;text-align:right;vertical-align:top',
};

function htmlBlock(b: Block): string {
  switch (b.kind) {
    case 'heading':
      return b.level === 1
        ? `<h1 style="${STYLE.h1}">${escapeHtml(b.text)}</h1>`
        : `<h2 style="${STYLE.h2}">${escapeHtml(b.text)}</h2>`;
    case 'para':
      return `<p style="${b.muted ? STYLE.muted : STYLE.p}">${escapeHtml(b.text)}</p>`;
    case 'image':
      return `<p style="${STYLE.p}"><img src="cid:${escapeHtml(b.cid)}" alt="${escapeHtml(b.alt)}" width="${b.width}" height="${b.height}" style="display:block;max-width:100%;height:auto;border:0"></p>`;
    case 'table': {
      const head = b.head.some((h) => h !== '')
        ? `<thead><tr>${b.head.map((h) => `<th style="${STYLE.th}">${escapeHtml(h)}</th>`).join('')}</tr></thead>`
        : '';
      const rows = b.rows
        .map(
          (r) =>
            `<tr>${r.map((c) => `<td style="${typeof c === 'number' ? STYLE.num : STYLE.td}">${escapeHtml(c)}</td>`).join('')}</tr>`,
        )
        .join('');
      const title = b.title ? `<h2 style="${STYLE.h2}">${escapeHtml(b.title)}</h2>` : '';
      return `${title}<table style="${STYLE.table}">${head}<tbody>${rows}</tbody></table>`;
    }
  }
}

/** The HTML document: a readable width, printable (the case file is printed to PDF). */
export function renderHtml(title: string, blocks: readonly Block[], lang: string): string {
  return (
    `<!doctype html><html lang="${escapeHtml(lang)}"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(title)}</title>` +
    `<style>@media print{body{margin:0}table{page-break-inside:auto}tr{page-break-inside:avoid}}</style></head>` +
    `<body style="margin:0;padding:16px;background:#ffffff"><div style="max-width:760px">${blocks.map(htmlBlock).join('')}</div></body></html>`
  );
}

const cellText = (c: Cell) => String(c).replace(/\s*\n\s*/g, ' ');

function textBlock(b: Block): string {
  switch (b.kind) {
    case 'heading':
      return b.level === 1
        ? `${b.text}\n${'='.repeat(Math.min(60, b.text.length * 2))}`
        : `\n${b.text}\n${'-'.repeat(Math.min(60, b.text.length * 2))}`;
    case 'para':
      return b.text;
    case 'image':
      return '';
    case 'table': {
      const lines = b.rows.map((r) => r.map(cellText).join(' | '));
      const head = b.head.some((h) => h !== '') ? [b.head.join(' | ')] : [];
      return [...(b.title ? [`\n${b.title}`] : []), ...head, ...lines].join('\n');
    }
  }
}

/** The plain-text part: the same content, a line per table row. */
export const renderText = (blocks: readonly Block[]): string =>
  `${blocks
    .map(textBlock)
    .filter((s) => s !== '')
    .join('\n')}\n`;
