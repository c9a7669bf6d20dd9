/** The sync's words in the sheet: bilingual notes without contact data, and History rows, masked. */
import { describe, expect, it } from 'vitest';
import type { AuditEvent } from '../../../shared/domain/case.js';
import { transitionError, validationError } from '../../../shared/domain/errors.js';
import { zoneOf } from '../../../shared/sheet/dates.js';
import { eventKey, historyRows } from '../../../shared/sheet/history.js';
import * as notes from '../../../shared/sheet/notes.js';
import { rules } from '../../support/builders.js';

describe('sync notes', () => {
  it('explain a refusal in Chinese and English', () => {
    const note = notes.refusedNote(
      transitionError('case 261120-001 cannot become "decided": record the investigation findings first'),
    );
    expect(note).toBe(
      '⚠ 未生效 Not applied: 请先填写调查结果 / case 261120-001 cannot become "decided": record the investigation findings first',
    );
    expect(notes.isProblemNote(note)).toBe(true);
    expect(
      notes.refusedNote(
        validationError('Invalid change: complainant (contact_required)', [
          { field: 'complainant', code: 'contact_required', message: '' },
        ]),
      ),
    ).toBe('⚠ 未生效 Not applied: 内容无效 Invalid: 顾客 Complainant (contact_required)');
  });

  it('never quote contact data', () => {
    expect(
      notes.adjustedNote([{ column: 'notes', shown: '请回电 13800138000 或 li@example.com' }]),
    ).not.toMatch(/13800138000|li@example/);
    expect(notes.refusedNote(transitionError('phone 13800138000 is wrong'))).not.toContain('13800138000');
  });

  it('list what a half-typed row lacks by column', () => {
    expect(notes.missingNote(['name', 'phone'])).toBe(
      '⚠ 尚未登记，缺少 Not registered yet, missing: 顾客 Complainant, 电话/邮箱/微信 Phone/Email/WeChat',
    );
    expect(notes.isProblemNote(notes.restoredNote())).toBe(false);
  });
});

describe('History rows', () => {
  const r = rules();
  const ctx = { lists: r.lists, sheetZone: zoneOf('Asia/Shanghai'), timeZone: 'Asia/Shanghai' };
  const event: AuditEvent = {
    caseNo: '261120-001',
    seq: 3,
    at: '2026-11-20T06:30:00.000Z',
    actor: { id: 'wang@studio.example', door: 'sheet' },
    action: 'transition',
    from: 'received',
    to: 'investigating',
    changes: [
      {
        field: 'complainant',
        from: { name: '张*', phone: '138****8000' },
        to: { name: '张*', phone: '139****9000' },
      },
      { field: 'category', from: 'quality', to: 'privacy' },
      { field: 'notes', to: '客户说打 13900139000' },
      { field: 'promisedReplyAt', to: '2026-11-21T10:00:00.000Z' },
    ],
  };

  it('one row per change plus the status, labels for codes, local times, contacts masked', () => {
    const rows = historyRows(event, ctx);
    expect(rows.map((row) => row.slice(1, 8))).toEqual([
      [
        '261120-001',
        '表格 Sheet',
        'wang@studio.example',
        '状态变更 Status change',
        '状态 Status',
        '已登记 Received',
        '调查中 Investigating',
      ],
      [
        '261120-001',
        '表格 Sheet',
        'wang@studio.example',
        '状态变更 Status change',
        '顾客 Complainant',
        'name: 张*; phone: 138****8000',
        'name: 张*; phone: 139****9000',
      ],
      [
        '261120-001',
        '表格 Sheet',
        'wang@studio.example',
        '状态变更 Status change',
        '类别 Category',
        '技术/质量 Photo / technical quality',
        '隐私泄露 Privacy leak',
      ],
      [
        '261120-001',
        '表格 Sheet',
        'wang@studio.example',
        '状态变更 Status change',
        '备注 Notes',
        '',
        '客户说打 [phone]',
      ],
      [
        '261120-001',
        '表格 Sheet',
        'wang@studio.example',
        '状态变更 Status change',
        '约定答复 Promised reply',
        '',
        '2026/11/21 18:00',
      ],
    ]);
    expect(rows.every((row) => row[9] === eventKey(event) && typeof row[0] === 'number')).toBe(true);
  });

  it('a new case is one row', () => {
    expect(
      historyRows({ ...event, action: 'created', from: undefined, to: 'received', seq: 1 }, ctx),
    ).toHaveLength(1);
  });
});
