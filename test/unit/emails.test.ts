import { shortDate } from '../../src/domain/dates';
import type { SummaryInput, SummaryRecord } from '../../src/domain/emails';
import {
  dayKey,
  emptyRecord,
  escapeHtml,
  isInvalidAddressError,
  isQuotaError,
  isSettled,
  latestDueQuarter,
  openReminderWindows,
  planSummary,
  quotaMessage,
  reminderEmail,
  reminderWindow,
  splitAddresses,
  summaryEmail,
  summarySubject,
} from '../../src/domain/emails';
import { quarterKey } from '../../src/domain/periods';

const SETTINGS = { han_nop_ngay: 10, nhac_truoc_ngay: 5 };
const at = (y: number, m: number, d: number, h = 8) => new Date(y, m - 1, d, h);
const keys = (now: Date, settings = SETTINGS) =>
  openReminderWindows(now, settings).map((w) => quarterKey(w.quarter));

describe('the reminder window', () => {
  it('runs from K days before the last on-time day up to that day', () => {
    const w = reminderWindow({ year: 2026, quarter: 1 }, SETTINGS);
    expect([shortDate(w.from), shortDate(w.lastDay), shortDate(w.deadline)]).toEqual([
      '05/04/2026',
      '10/04/2026',
      '11/04/2026',
    ]);
  });

  it('is open on its first and last day only, never the day after', () => {
    expect(keys(new Date(2026, 3, 4, 23, 59))).toEqual([]);
    expect(keys(new Date(2026, 3, 5, 0, 0))).toEqual(['2026-Q1']);
    expect(keys(new Date(2026, 3, 10, 23, 59))).toEqual(['2026-Q1']);
    expect(keys(new Date(2026, 3, 11, 0, 0))).toEqual([]);
  });

  it('finds the fourth quarter in the next January', () => {
    expect(keys(at(2027, 1, 5))).toEqual(['2026-Q4']);
    expect(keys(at(2026, 12, 31))).toEqual([]);
  });

  it('with K = 0 is the deadline day alone; a window may open before its quarter ends', () => {
    expect(keys(at(2026, 7, 9), { han_nop_ngay: 10, nhac_truoc_ngay: 0 })).toEqual([]);
    expect(keys(at(2026, 7, 10), { han_nop_ngay: 10, nhac_truoc_ngay: 0 })).toEqual(['2026-Q2']);
    expect(keys(at(2026, 6, 25), { han_nop_ngay: 0, nhac_truoc_ngay: 7 })).toEqual(['2026-Q2']);
  });
});

describe('the quarter the summary is about', () => {
  it('is the latest quarter whose deadline has passed', () => {
    const due = (now: Date) => quarterKey(latestDueQuarter(now, 10));
    expect(due(new Date(2026, 3, 10, 23, 59))).toBe('2025-Q4');
    expect(due(new Date(2026, 3, 11, 0, 0))).toBe('2026-Q1');
    expect(due(at(2026, 12, 31))).toBe('2026-Q3');
    expect(due(at(2027, 1, 10))).toBe('2026-Q3');
    expect(due(at(2027, 1, 11))).toBe('2026-Q4');
    expect(quarterKey(latestDueQuarter(at(2026, 4, 1, 0), 0))).toBe('2026-Q1');
  });

  it('days are keyed by the local calendar date', () => {
    expect(dayKey(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
  });
});

describe('addresses', () => {
  it('keeps valid addresses once, lower case, and names the invalid ones', () => {
    expect(splitAddresses([' A@hoilhpn.vn', 'a@hoilhpn.vn', 'khong-hop-le', '', 'b@x.vn', 'c@'])).toEqual({
      valid: ['a@hoilhpn.vn', 'b@x.vn'],
      invalid: ['khong-hop-le', 'c@'],
    });
  });

  it('tells MailApp refusals and quota errors apart', () => {
    expect(isInvalidAddressError('Invalid email: x')).toBe(true);
    expect(isQuotaError('Service invoked too many times for one day: email.')).toBe(true);
    expect(isQuotaError('Service unavailable: email')).toBe(false);
  });
});

describe('HTML', () => {
  it('escapes every character with a meaning in HTML', () => {
    expect(escapeHtml(`<b>"Đại Kim" & 'Hoàng Mai'</b>`)).toBe(
      '&lt;b&gt;&quot;Đại Kim&quot; &amp; &#39;Hoàng Mai&#39;&lt;/b&gt;',
    );
  });
});

describe('the reminder', () => {
  const email = reminderEmail({
    owner: 'Hội LHPN quận Hoàng Mai',
    unitName: 'Hội LHPN phường Đại Kim <script>',
    window: reminderWindow({ year: 2026, quarter: 2 }, SETTINGS),
    now: at(2026, 7, 7),
    tabUrl: 'https://docs.google.com/spreadsheets/d/abc/edit#gid=12',
    tabName: 'DK - phường Đại Kim',
    contact: 'chutich@hoilhpn.vn',
  });

  it('names the owner, the quarter and the deadline in the subject', () => {
    expect(email.subject).toBe('[Hội LHPN quận Hoàng Mai] Nhắc nộp số liệu Quý II/2026 (hạn 10/07/2026)');
  });

  it('names the unit, the quarter, the deadline, the days left and the link in the text', () => {
    expect(email.body).toContain(
      'Đến ngày 07/07/2026, Hội LHPN phường Đại Kim <script> chưa nộp số liệu Quý II/2026. Hạn nộp là hết ngày 10/07/2026 (còn 3 ngày).',
    );
    expect(email.body).toContain('Trang của đơn vị: https://docs.google.com/spreadsheets/d/abc/edit#gid=12');
    expect(email.body).toContain('đánh dấu ô "Nộp số liệu" của Quý II.');
    expect(email.body).toBe(email.body.normalize('NFC'));
  });

  it('escapes the names in HTML and links the tab', () => {
    expect(email.htmlBody).toContain('<b>Hội LHPN phường Đại Kim &lt;script&gt;</b>');
    expect(email.htmlBody).not.toContain('<script>');
    expect(email.htmlBody).toContain(
      '<a href="https://docs.google.com/spreadsheets/d/abc/edit#gid=12">Mở trang &quot;DK - phường Đại Kim&quot;</a>',
    );
  });

  it('says when the day is the last one', () => {
    const last = reminderEmail({
      owner: 'Hội LHPN quận Hoàng Mai',
      unitName: 'Hội LHPN phường Đại Kim',
      window: reminderWindow({ year: 2026, quarter: 2 }, SETTINGS),
      now: at(2026, 7, 10),
      tabUrl: 'https://x.vn',
      tabName: 'DK',
      contact: 'chutich@hoilhpn.vn',
    });
    expect(last.body).toContain('(hôm nay là ngày cuối)');
  });
});

describe('the quarterly summary', () => {
  const input: SummaryInput = {
    owner: 'Hội LHPN quận Hoàng Mai',
    quarter: { year: 2026, quarter: 3 },
    lastDay: at(2026, 10, 10),
    figures: [
      { name: 'Tổng số hội viên', value: '2.392 người', coverage: '2/3 đơn vị' },
      { name: 'Tỷ lệ <tập hợp>', value: '91,1%', coverage: '2/3 đơn vị' },
    ],
    completeness: {
      submitted: 2,
      expected: 3,
      late: [{ name: 'Hội LHPN phường Thịnh Liệt', at: at(2026, 10, 12) }],
      missing: ['Hội LHPN phường Giáp Bát'],
    },
    reportName: 'BC Quý III-2026 - Hội LHPN quận Hoàng Mai',
    docUrl: 'https://docs.google.com/document/d/doc1/edit',
    pdfUrl: 'javascript:alert(1)',
    sheetUrl: 'https://docs.google.com/spreadsheets/d/abc/edit',
    attachmentName: 'BC Quý III-2026 - Hội LHPN quận Hoàng Mai.pdf',
  };
  const email = summaryEmail(input);

  it('has the Vietnamese subject of the issue', () => {
    expect(email.subject).toBe('[Hội LHPN quận Hoàng Mai] Báo cáo Quý III/2026');
    expect(summarySubject('Hội LHPN quận Hoàng Mai', { year: 2026, quarter: 1 })).toBe(
      '[Hội LHPN quận Hoàng Mai] Báo cáo Quý I/2026',
    );
  });

  it('gives the key figures, completeness, late units and links as plain text', () => {
    expect(email.body).toContain('- Tổng số hội viên: 2.392 người (2/3 đơn vị)');
    expect(email.body).toContain('2/3 đơn vị đã nộp số liệu.');
    expect(email.body).toContain('Chưa nộp (1): Hội LHPN phường Giáp Bát.');
    expect(email.body).toContain('Nộp trễ hạn (1): Hội LHPN phường Thịnh Liệt (12/10/2026).');
    expect(email.body).toContain('sau hạn nộp ngày 10/10/2026');
    expect(email.body).toContain('- Báo cáo (Google Docs): https://docs.google.com/document/d/doc1/edit');
  });

  it('gives a table in HTML, escaped, and links only http(s) addresses', () => {
    expect(email.htmlBody).toContain('<table');
    expect(email.htmlBody).toContain('Tỷ lệ &lt;tập hợp&gt;</td>');
    expect(email.htmlBody).toContain('91,1%</td>');
    expect(email.htmlBody).toContain('<a href="https://docs.google.com/document/d/doc1/edit">');
    expect(email.htmlBody).not.toContain('javascript:');
    expect(email.htmlBody).not.toContain('<tập');
  });

  it('says when every unit was on time, and when the year is no longer in Tiến độ', () => {
    const allOnTime = summaryEmail({
      ...input,
      completeness: { submitted: 3, expected: 3, late: [], missing: [] },
    });
    expect(allOnTime.body).toContain('Tất cả các đơn vị đều nộp đúng hạn.');
    expect(summaryEmail({ ...input, completeness: null }).body).toContain('không còn trong bảng tính');
  });

  it('words a short quota', () => {
    expect(quotaMessage(3, 1)).toBe(
      'Hết hạn mức gửi email trong ngày: cần 3, còn 1; sẽ gửi lại lần chạy sau',
    );
    expect(quotaMessage(3, -2)).toContain('còn 0;');
  });
});

describe('exactly once per recipient', () => {
  const record = (
    statuses: Record<string, SummaryRecord['recipients'][string]['status']>,
  ): SummaryRecord => ({
    ...emptyRecord('2026-Q3'),
    recipients: Object.fromEntries(
      Object.entries(statuses).map(([address, status]) => [address, { status, at: '' }]),
    ),
  });
  const all = ['a@x.vn', 'b@x.vn', 'c@x.vn', 'd@x.vn', 'e@x.vn', 'f@x.vn'];
  const mixed = record({
    'a@x.vn': 'sent',
    'b@x.vn': 'failed',
    'c@x.vn': 'sending',
    'd@x.vn': 'invalid',
    'e@x.vn': 'unknown',
  });

  it('sends to new and failed recipients; reports an interrupted send instead of repeating it', () => {
    expect(planSummary(mixed, all, false)).toEqual({
      pending: ['b@x.vn', 'f@x.vn'],
      interrupted: ['c@x.vn'],
    });
  });

  it('resends, when an admin asks, to everyone without a sent mark', () => {
    expect(planSummary(mixed, all, true).pending).toEqual(['b@x.vn', 'c@x.vn', 'd@x.vn', 'e@x.vn', 'f@x.vn']);
  });

  it('is settled when nobody is left to try', () => {
    expect(isSettled(mixed, all)).toBe(false);
    expect(isSettled(mixed, ['a@x.vn', 'd@x.vn', 'e@x.vn'])).toBe(true);
    expect(isSettled(emptyRecord('2026-Q3'), [])).toBe(true);
  });
});
