/** Which language a page answers in, and the headers that say so. */
import type { Lang } from '../domain/values.js';
import { readCookie } from '../http/staff-auth.js';
import { type HttpEvent, header } from '../http/types.js';

/** 'en…' => en, 'zh…' => zh-CN, anything else => undefined. */
export function langFrom(value: unknown): Lang | undefined {
  if (typeof value !== 'string') return undefined;
  const v = value.trim().toLowerCase();
  if (v.startsWith('zh')) return 'zh-CN';
  if (v.startsWith('en')) return 'en';
  return undefined;
}

/** The highest-weighted language in an Accept-Language header (ties keep header order). */
function preferredLanguage(accept: string): string | undefined {
  const ranked = accept
    .split(',')
    .map((part, order) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      return { tag: tag.trim(), q: q === undefined ? 1 : Number(q), order };
    })
    .filter((x) => x.tag && x.tag !== '*' && x.q > 0)
    .sort((a, b) => b.q - a.q || a.order - b.order);
  return ranked[0]?.tag;
}

/** ?lang= > cookie lang= > Accept-Language (zh* -> zh-CN, else en); default zh-CN. */
export function pickLang(event: Pick<HttpEvent, 'headers' | 'queryStringParameters' | 'cookies'>): Lang {
  const fromQuery = langFrom(event.queryStringParameters?.lang);
  if (fromQuery) return fromQuery;
  const fromCookie = langFrom(readCookie(event.cookies, header(event, 'cookie'), 'lang'));
  if (fromCookie) return fromCookie;
  const accept = header(event, 'accept-language');
  const preferred = accept ? preferredLanguage(accept) : undefined;
  if (!preferred) return 'zh-CN';
  return preferred.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

/** A page's answer says its language and that it varies with the language and the session cookie. */
export const pageHeaders = (lang: Lang): Record<string, string> => ({
  'content-language': lang,
  vary: 'accept-language, cookie',
});
