/**
 * Customer contact data is personal data (PRC Criminal Law art. 253-1): it is stored on the case and
 * nowhere else. Indexes use keyed hashes of it; anything shown outside the case uses the masks below.
 */
export interface Complainant {
  name: string;
  phone?: string;
  email?: string;
  wechat?: string;
}

/** Digits only, with the +86 / 0086 country prefix removed so "+86 138-0013-8000" matches "13800138000". */
export function normalizePhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  if (digits.length > 11 && digits.startsWith('0086')) return digits.slice(4);
  if (digits.length > 11 && digits.startsWith('86')) return digits.slice(2);
  return digits;
}

export const normalizeEmail = (email: string): string => email.trim().toLowerCase();

export function maskPhone(phone: string): string {
  const d = normalizePhone(phone);
  if (d.length < 7) return '*'.repeat(d.length);
  // Shorter numbers (local landlines) keep only their last four digits, so at least three are hidden.
  const head = d.length >= 11 ? 3 : 0;
  return `${d.slice(0, head)}${'*'.repeat(d.length - head - 4)}${d.slice(-4)}`;
}

export function maskEmail(email: string): string {
  const [user = '', domain = ''] = normalizeEmail(email).split('@');
  return `${user.slice(0, 1)}***@${domain}`;
}

export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length <= 1) return '*';
  return `${chars[0]}${'*'.repeat(Math.min(chars.length - 1, 3))}`;
}

/** A short masked form of the contact for lists shown to staff (never in emails or logs). */
export function maskedContact(c: Complainant): string {
  const parts: string[] = [];
  if (c.phone) parts.push(maskPhone(c.phone));
  if (c.email) parts.push(maskEmail(c.email));
  if (c.wechat) parts.push('WeChat ***');
  return parts.join(' / ');
}

/** Last four digits of the phone, the customer's proof on the status page. */
export function phoneLast4(c: Complainant): string | undefined {
  const d = c.phone ? normalizePhone(c.phone) : '';
  return d.length >= 4 ? d.slice(-4) : undefined;
}

/**
 * Contacts staff type when the customer gave none that works: the form's own examples (its hints say
 * "138 0013 8000" and "name@example.com") and numbers of one repeated digit. As identities they would
 * link every such stranger into one ever-growing "repeat complainant".
 */
const PLACEHOLDER_IDENTITIES = new Set(['phone:13800138000', 'email:name@example.com']);
const isPlaceholder = (id: string) => PLACEHOLDER_IDENTITIES.has(id) || /^phone:(\d)\1*$/.test(id);

/**
 * Identities under which a complainant may return: each contact, normalised, placeholders left out. The
 * caller hashes them with a secret before they reach any index (see shared/ports/contact-hasher.ts).
 */
export function contactIdentities(c: Complainant): string[] {
  const ids: string[] = [];
  if (c.phone && normalizePhone(c.phone).length >= 6) ids.push(`phone:${normalizePhone(c.phone)}`);
  if (c.email) ids.push(`email:${normalizeEmail(c.email)}`);
  if (c.wechat?.trim()) ids.push(`wechat:${c.wechat.trim().toLowerCase()}`);
  return ids.filter((id) => !isPlaceholder(id));
}

// ASCII addresses only: Chinese text runs straight into an address ("邮箱：li@qq.com谢谢") without spaces.
const EMAIL_IN_TEXT = /[a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}/gi;
// Mainland mobiles (optionally +86 / 0086) and landlines with an area code, e.g. 010-12345678, (0755) 8888 8888.
const PHONE_IN_TEXT =
  /(?<!\d)(?:(?:\+|00)?86[\s-]?)?1[3-9]\d[\s-]?\d{4}[\s-]?\d{4}(?!\d)|(?:(?<!\d)0\d{2,3}|[(（]0\d{2,3}[)）])[\s-]?\d{3,4}[\s-]?\d{4}(?!\d)/g;

/** Masks contact details staff may have typed into free text before it leaves the case (emails, logs). */
export function maskContactsInText(text: string): string {
  return text.replace(EMAIL_IN_TEXT, '[email]').replace(PHONE_IN_TEXT, '[phone]');
}
