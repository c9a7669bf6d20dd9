/** Compensation by category, side by side: each kind of complaint's cases in one group, with its range. */
import type { CompensationGroup } from '../domain/review/tally.js';
import type { Block } from './document.js';
import type { Say } from './say.js';

export function compensationTable(groups: readonly CompensationGroup[], s: Say): Block {
  const rows: (string | number)[][] = [];
  for (const g of groups) {
    const range = g.min === undefined ? '—' : `${g.min}–${g.max}`;
    rows.push([
      s.value('category', g.category),
      `${s.say('count')} ${g.count}`,
      '',
      `${s.say('total')} ${g.total} · ${s.say('range')} ${range}`,
      '',
      '',
    ]);
    for (const l of g.lines) {
      rows.push(['', l.caseNo, l.description, l.amount ?? '', s.yesNo(l.beyondPolicy), l.approvedBy ?? '']);
    }
  }
  return {
    kind: 'table',
    title: s.say('compensation'),
    head: [
      s.say('category'),
      s.say('caseNo'),
      s.say('given'),
      s.say('amount'),
      s.say('beyondPolicy'),
      s.say('approvedBy'),
    ],
    rows,
  };
}
