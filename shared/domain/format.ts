/** Showing instants to people: always in the business's time zone, in their language. */
import type { Lang } from './values.js';

const MINUTES = {
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
} as const;

export function formatLocal(iso: string | undefined, timeZone: string, lang: Lang): string {
  if (!iso) return '';
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'zh-CN', { timeZone, ...MINUTES }).format(
    new Date(iso),
  );
}

/** "YYYY-MM-DDTHH:MM" in the business time zone (the value format of <input type=datetime-local>). */
export function localInputValue(at: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, ...MINUTES }).formatToParts(at);
  const p = (type: string) => parts.find((x) => x.type === type)?.value ?? '00';
  return `${p('year')}-${p('month')}-${p('day')}T${p('hour')}:${p('minute')}`;
}
