/** Showing instants to people: always in the business's time zone, in their language. */
import type { Lang } from './values.js';

export function formatLocal(iso: string | undefined, timeZone: string, lang: Lang): string {
  if (!iso) return '';
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'zh-CN', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(new Date(iso));
}
