/**
 * Saying things in a report's languages: one language, or both as the sheet shows them ("新增投诉 New
 * complaints"), value codes as their labels, instants in the business's time zone, shares as per cent.
 */
import { STATUS_LABELS } from '../domain/case.js';
import { formatLocal } from '../domain/format.js';
import { UNSPECIFIED } from '../domain/review/tally.js';
import type { Lang, ValueListName, ValueLists } from '../domain/values.js';
import { WORDS, type Word } from './words.js';

export interface ReportContext {
  /** The report's languages, the first one first (REPORT_LANGUAGES). */
  langs: readonly Lang[];
  lists: ValueLists;
  timeZone: string;
}

export function sayer(ctx: ReportContext) {
  const label = (l: Record<Lang, string>) => ctx.langs.map((lang) => l[lang]).join(' ');
  const say = (word: Word) => label(WORDS[word]);
  return {
    ctx,
    label,
    say,
    value(list: ValueListName, code: string | undefined): string {
      if (!code || code === UNSPECIFIED) return say('unspecified');
      const option = ctx.lists[list].find((o) => o.code === code);
      return option ? label(option.label) : code;
    },
    status: (code: keyof typeof STATUS_LABELS) => label(STATUS_LABELS[code]),
    when: (iso: string | undefined) => (iso ? formatLocal(iso, ctx.timeZone, ctx.langs[0] ?? 'zh-CN') : '—'),
    yesNo: (v: boolean | undefined) => (v === undefined ? '—' : say(v ? 'yes' : 'no')),
    /** 0.67 → "67%"; nothing to divide → "—". */
    percent: (rate: number | undefined) => (rate === undefined ? '—' : `${Math.round(rate * 100)}%`),
    num: (n: number | undefined) => (n === undefined ? '—' : String(n)),
  };
}
export type Say = ReturnType<typeof sayer>;
