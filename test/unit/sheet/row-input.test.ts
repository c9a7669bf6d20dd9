/** What a manager typed, read into the case core's terms. */
import { describe, expect, it } from 'vitest';
import type { CellValue } from '../../../shared/ports/sheet-gateway.js';
import { type RowContext, renderCase } from '../../../shared/sheet/case-row.js';
import { CASE_COLUMNS, type CaseColumnKey, columnIndex } from '../../../shared/sheet/columns.js';
import { hasContent, missingForIntake, readEdits, readIntake } from '../../../shared/sheet/row-input.js';
import { newCase, rowContext } from '../../support/builders.js';

const ctx = rowContext();
const c = newCase({ submission: { email: 'zs@example.com' } });
const edit = (values: Partial<Record<CaseColumnKey, CellValue>>, o: RowContext = ctx) => {
  const cells = renderCase(c, o);
  for (const [k, v] of Object.entries(values)) cells[columnIndex(k as CaseColumnKey)] = v ?? null;
  return readEdits(cells, new Set(Object.keys(values) as CaseColumnKey[]), c, o);
};
const empty = () => CASE_COLUMNS.map((): CellValue => '');

describe('readEdits', () => {
  it('turns labels into codes and statuses, yes/no into booleans, typed dates into instants', () => {
    expect(
      edit({
        status: 'investigating',
        stage: '拍摄',
        substantiated: '否 No',
        requests: '道歉 Apology、Refund',
        staffInvolved: '小王, 小李',
        promisedReplyAt: '2026-11-25 10:00',
      }),
    ).toEqual({
      to: 'investigating',
      patch: {
        stage: 'shoot',
        substantiated: false,
        requests: ['apology', 'refund'],
        staffInvolved: ['小王', '小李'],
        promisedReplyAt: '2026-11-25T02:00:00.000Z',
      },
      problems: [],
    });
  });

  it('clears fields whose cells were emptied', () => {
    expect(edit({ stage: '', notes: '', promisedReplyAt: '' }).patch).toEqual({
      stage: '',
      notes: '',
      promisedReplyAt: '',
    });
  });

  it('builds the complainant from its four columns, the changed ones from the row', () => {
    expect(edit({ phone: '', wechat: 'zs_wx' }).patch.complainant).toEqual({
      name: '张三',
      email: 'zs@example.com',
      wechat: 'zs_wx',
    });
  });

  it('builds the compensation from its four columns; clearing them all removes it', () => {
    expect(
      edit({ compensation: '赠送相框', compensationAmount: '¥300', beyondPolicy: '是' }).patch.compensation,
    ).toEqual({
      description: '赠送相框',
      amount: 300,
      beyondPolicy: true,
    });
    expect(edit({ compensation: '' }).patch).toEqual({ compensation: undefined });
  });

  it('names what it cannot read; masked contacts cannot be changed', () => {
    expect(
      edit({ category: '天气', substantiated: '也许', notifiedAt: '下周', compensationAmount: '很多' })
        .problems,
    ).toEqual([
      { column: 'category', code: 'invalid_option' },
      { column: 'substantiated', code: 'invalid_yes_no' },
      { column: 'notifiedAt', code: 'invalid_date' },
      { column: 'compensationAmount', code: 'invalid_amount' },
    ]);
    expect(edit({ phone: '13900000000' }, { ...ctx, maskContacts: true }).problems).toEqual([
      { column: 'phone', code: 'masked' },
    ]);
  });
});

describe('a hand-typed row', () => {
  it('says what a new case still lacks', () => {
    const cells = empty();
    cells[columnIndex('name')] = '周先生';
    expect(hasContent(cells)).toBe(true);
    expect(missingForIntake(cells)).toEqual(['phone', 'description', 'category']);
    expect(hasContent(empty())).toBe(false);
  });

  it('reads the submission, defaulting the channel to "sheet" and a future received time to now', () => {
    const cells = empty();
    const put = (k: CaseColumnKey, v: CellValue) => {
      cells[columnIndex(k)] = v;
    };
    put('name', '周先生');
    put('phone', '０１３８００１３８０００');
    put('description', '迟到');
    put('category', '服务态度 Service attitude');
    put('receivedAt', '2099-01-01 10:00');
    const now = new Date('2026-11-24T02:00:00Z');
    expect(readIntake(cells, ctx, now)).toEqual({
      input: {
        language: 'zh-CN',
        channel: 'sheet',
        name: '周先生',
        phone: '013800138000',
        description: '迟到',
        category: 'attitude',
        receivedAt: now.toISOString(),
      },
      problems: [],
    });
  });
});
