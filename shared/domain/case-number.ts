/**
 * Case numbers staff can read over the phone: the local receiving date and a daily sequence,
 * e.g. "261122-007". The number is taken in the case's own transaction (CaseRepository.createNumbered),
 * so numbers are unique and gap-free; three digits cover 999 cases a day and more follow if ever needed.
 */
import type { LocalDate } from './calendar.js';

const CASE_NO = /^(\d{6})-(\d{1,6})$/;

export function formatCaseNumber(day: LocalDate, sequence: number): string {
  if (!Number.isInteger(sequence) || sequence < 1) throw new Error(`bad case sequence ${sequence}`);
  const yymmdd = day.slice(2, 4) + day.slice(5, 7) + day.slice(8, 10);
  return `${yymmdd}-${String(sequence).padStart(3, '0')}`;
}

/** Accepts what a customer might type ("261122 7", "261122-007", full-width digits) and normalises it. */
export function parseCaseNumber(input: string): string | undefined {
  const ascii = input
    .normalize('NFKC')
    .trim()
    .replace(/[\s_—–－-]+/g, '-');
  const compact = /^\d{9,12}$/.test(ascii) ? `${ascii.slice(0, 6)}-${ascii.slice(6)}` : ascii;
  const m = CASE_NO.exec(compact);
  if (!m?.[1] || !m[2] || Number(m[2]) === 0) return undefined;
  return `${m[1]}-${m[2].padStart(3, '0').replace(/^0+(?=\d{3})/, '')}`;
}
