/**
 * The text a chart may draw: in the report's first language when the charts' font covers every
 * character of it, else in English (a business's own Chinese labels may use characters the subset
 * lacks: better English than empty boxes).
 */
import { DEFAULT_VALUE_LISTS, type Lang } from '../../domain/values.js';
import { FONT_COVERAGE } from './font/coverage.js';
import { CHART_WORDS } from './words.js';

const covered = new Set(FONT_COVERAGE);

export const fontCovers = (text: string): boolean => [...text].every((ch) => covered.has(ch));

/** The label in `lang`, or in English when the font cannot draw it. */
export const chartText = (label: Record<Lang, string>, lang: Lang): string =>
  fontCovers(label[lang]) ? label[lang] : label.en;

/** Every character the subset must cover, sorted and unique (scripts/font-subset.ts cuts the font to it). */
export function chartCharacters(): string {
  const ascii = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).join('');
  const labels = [
    ...Object.values(CHART_WORDS),
    ...DEFAULT_VALUE_LISTS.category.map((o) => o.label),
    ...DEFAULT_VALUE_LISTS.stage.map((o) => o.label),
  ].flatMap((l) => Object.values(l));
  return [...new Set([...ascii, ...labels.join(''), '…', '·'])].sort().join('');
}
