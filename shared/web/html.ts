/**
 * HTML building with escaping by default: every value interpolated into the `h` template is escaped
 * unless it is already `SafeHtml` (the result of another `h` template or an explicit `raw`).
 * Nothing a person typed can become markup.
 */

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

/** Marks trusted markup (constants written in this module tree only — never user input). */
export const raw = (markup: string): SafeHtml => new SafeHtml(markup);

type Part = SafeHtml | string | number | boolean | null | undefined | readonly Part[];

function render(part: Part): string {
  if (part === null || part === undefined || part === false || part === true) return '';
  if (part instanceof SafeHtml) return part.value;
  if (Array.isArray(part)) return part.map(render).join('');
  return escapeHtml(part);
}

/** Tagged template: `h\`<p>${text}</p>\`` escapes `text`; nested `h` results, arrays and `raw` pass through. */
export function h(strings: TemplateStringsArray, ...values: Part[]): SafeHtml {
  let out = strings[0] ?? '';
  for (let i = 0; i < values.length; i++) out += render(values[i]) + (strings[i + 1] ?? '');
  return new SafeHtml(out);
}

/** An attribute that is present only when `on` is true (`required`, `checked`, `open`, …). */
export const flag = (name: string, on: boolean | undefined): SafeHtml => raw(on ? ` ${name}` : '');

/** An attribute with an escaped value, omitted when the value is empty. */
export function attr(name: string, value: string | undefined): SafeHtml {
  return value ? raw(` ${name}="${escapeHtml(value)}"`) : raw('');
}
