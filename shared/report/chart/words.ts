/**
 * Every text the charts draw besides numbers and dates. The font shipped for the charts is a subset made
 * for exactly these and the default value lists' labels (scripts/font-subset.ts); a label with a
 * character the subset lacks is drawn in English instead (see ./label.ts), never as empty boxes.
 */
import type { Lang } from '../../domain/values.js';

export const CHART_WORDS = {
  dailyTitle: { 'zh-CN': '近30天每日新增投诉', en: 'New complaints per day, last 30 days' },
  newCases: { 'zh-CN': '新增', en: 'New' },
  today: { 'zh-CN': '今天', en: 'Today' },
  monthlyTitle: { 'zh-CN': '每月投诉数（按类别）', en: 'Complaints per month, by category' },
  other: { 'zh-CN': '其他类别', en: 'Other categories' },
} as const satisfies Record<string, Record<Lang, string>>;

export type ChartWord = keyof typeof CHART_WORDS;
