/** The stand-in's page: every message received, newest first, as the group would have seen it. */
import type { Recorded } from './robots.js';

const esc = (s: unknown) =>
  String(s ?? '').replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

/** The text a person would read in the group: each robot keeps it in another field. */
export function shownText(m: Recorded): string {
  const b = (m.body ?? {}) as Record<string, Record<string, unknown> | undefined>;
  if (m.kind === 'wecom')
    return String(b.markdown?.content ?? (b.text as Record<string, unknown> | undefined)?.content ?? '');
  if (m.kind === 'dingtalk') return String(b.markdown?.text ?? '');
  if (m.kind === 'feishu') return String(b.content?.text ?? '');
  return `${String((b as Record<string, unknown>).title ?? '')}\n${String((b as Record<string, unknown>).text ?? '')}`;
}

export function page(messages: readonly Recorded[]): string {
  const rows = [...messages]
    .reverse()
    .map(
      (
        m,
      ) => `<article><header><strong>${esc(m.kind)}</strong> · ${esc(m.at)} · robot ${esc(m.token.slice(0, 6))}… ·
<span class="${m.outcome === 'ok' ? 'ok' : 'bad'}">${esc(m.outcome)}</span></header><pre>${esc(shownText(m))}</pre></article>`,
    )
    .join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Webhook stand-in</title>
<style>body{font-family:sans-serif;margin:1rem 2rem}article{border:1px solid #ccc;border-radius:6px;margin:.75rem 0;padding:.5rem 1rem}
pre{white-space:pre-wrap;font-size:.9rem}.ok{color:#080}.bad{color:#b00}</style></head>
<body><h1>Group-chat robots stand-in</h1><p>${messages.length} message(s) received (WeCom, DingTalk, Feishu, webhooks). JSON at <a href="/store">/store</a>.</p>
${rows || '<p>Nothing yet.</p>'}</body></html>`;
}
