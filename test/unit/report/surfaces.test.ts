/** What a person reads: the CSV export (Excel-safe, no formulas, no contacts), the daily email, the case file. */
import { describe, expect, it } from 'vitest';
import { dailyFigures } from '../../../shared/domain/review/daily.js';
import { dayWindow } from '../../../shared/domain/review/period.js';
import { DEFAULT_VALUE_LISTS } from '../../../shared/domain/values.js';
import { caseFileHtml } from '../../../shared/report/case-file.js';
import { casesCsv, csvCell, toCsv } from '../../../shared/report/csv.js';
import { dailyBlocks, dailySubject } from '../../../shared/report/daily.js';
import { renderHtml, renderText } from '../../../shared/report/document.js';
import { sayer } from '../../../shared/report/say.js';
import { hoursAfter, newCaseWithEvent, RECEIVED_AT } from '../../support/builders.js';
import { R } from '../../support/lifecycle.js';

const s = sayer({ langs: ['zh-CN', 'en'], lists: DEFAULT_VALUE_LISTS, timeZone: 'Asia/Shanghai' });

describe('CSV export', () => {
  it('neutralises every text cell a spreadsheet would run as a formula (OWASP)', () => {
    expect(csvCell('=HYPERLINK("http://evil","x")')).toBe(`"'=HYPERLINK(""http://evil"",""x"")"`);
    expect(csvCell('+86 138')).toBe("'+86 138");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tcmd')).toBe("'\tcmd");
    expect(csvCell('\r=1')).toBe(`"'\r=1"`);
    expect(csvCell('plain 文本')).toBe('plain 文本');
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell(undefined)).toBe('');
  });

  it('starts with a byte-order mark, ends lines with CRLF and quotes commas, quotes and line breaks', () => {
    const csv = toCsv([
      ['a,b', 'say "hi"'],
      ['line\nbreak', 1],
    ]);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv).toBe('\uFEFF"a,b","say ""hi"""\r\n"line\nbreak",1\r\n');
  });

  it("leaves the customer's contacts out (and masks them in free text) unless configured", () => {
    const c = newCaseWithEvent({
      submission: { description: '=1+1 请回电 13800138000', email: 'li@example.com' },
    }).case;
    const csv = casesCsv([c], s, { contacts: false });
    expect(csv).not.toContain('13800138000');
    expect(csv).not.toContain('li@example.com');
    expect(csv).not.toContain('张三');
    expect(csv).toContain("'=1+1 请回电 [phone]");
    const full = casesCsv([c], s, { contacts: true });
    expect(full).toContain('13800138000');
    expect(full).toContain('张三');
  });
});

describe('daily email', () => {
  const { case: c, event } = newCaseWithEvent({
    submission: { description: '<script>alert(1)</script> 电话 13800138000', staffInvolved: '小王' },
  });
  const f = dailyFigures({
    day: '2026-11-20',
    window: dayWindow(R.calendar, '2026-11-20'),
    now: new Date(hoursAfter(RECEIVED_AT, 8)),
    received: [c],
    events: [event],
    open: [c],
    cases: new Map([[c.caseNo, c]]),
  });
  const days = Array.from({ length: 30 }, (_, i) => ({
    day: R.calendar.addDays('2026-10-22', i),
    count: i % 3,
  }));

  it('carries no contact data and no description, in both languages, with the chart by Content-ID', () => {
    const blocks = dailyBlocks(f, days, s, true);
    const html = renderHtml('x', blocks, 'zh-CN');
    const text = renderText(blocks);
    for (const body of [html, text]) {
      expect(body).not.toContain('13800138000');
      expect(body).not.toContain('张三');
      expect(body).not.toContain('script');
      expect(body).toContain('新增投诉 New complaints');
      expect(body).toContain('261120-001');
    }
    expect(html).toContain('src="cid:chart-30-days@complaints"');
    expect(dailySubject(f, s)).toBe(
      '[每日投诉小结 Daily complaint review] 2026-11-20 · 新增投诉 New complaints 1 · 逾期案件 Overdue cases 0',
    );
  });

  it('is short on a quiet day: no complaints today', () => {
    const quiet = dailyFigures({
      ...f,
      day: '2026-11-22',
      window: dayWindow(R.calendar, '2026-11-22'),
      now: new Date(),
      received: [],
      events: [],
      open: [],
      cases: new Map(),
    });
    const only = sayer({ langs: ['en'], lists: DEFAULT_VALUE_LISTS, timeZone: 'Asia/Shanghai' });
    const text = renderText(dailyBlocks(quiet, days, only, true));
    expect(text).toContain('No complaints today.');
    expect(text).not.toContain('新');
    expect(dailySubject(quiet, only)).toContain('No complaints today.');
  });
});

describe('case file', () => {
  it('holds the whole case with its contacts, every event and each deadline with its outcome', () => {
    const { case: c, event } = newCaseWithEvent({ submission: { description: 'a <b>bold</b> claim' } });
    const html = caseFileHtml(c, [event], new Date(hoursAfter(RECEIVED_AT, 30)), s);
    expect(html).toContain('13800138000');
    expect(html).toContain('a &lt;b&gt;bold&lt;/b&gt; claim');
    expect(html).toContain('初步调查（24小时） Investigation (24 h)');
    expect(html).toContain('未完成 Missed');
    expect(html).toContain('登记 Created');
  });
});
