import { checkRequest, requestProblems } from '../../src/domain/requests';

describe('checkRequest', () => {
  it('accepts no argument, null, and every well-typed field', () => {
    expect(requestProblems('createReport', undefined)).toEqual([]);
    expect(requestProblems('createReport', null)).toEqual([]);
    expect(requestProblems('createReport', { ky: '2026-Q3', loai: 'quy', tam_tinh: true })).toEqual([]);
    expect(requestProblems('sendQuarterSummary', { ky: '2026-Q1', gui_lai: false })).toEqual([]);
    expect(requestProblems('importCsv', { base64: 'QQ==', ten_tep: 'a.csv', thap_phan: ',' })).toEqual([]);
  });

  it('lets a time-driven trigger pass its event object to the jobs it runs', () => {
    const event = { authMode: 'FULL', triggerUid: '123', year: 2026, month: 4, hour: 7 };
    expect(requestProblems('rollUp', event)).toEqual([]);
    expect(requestProblems('sendQuarterSummary', event)).toEqual([]);
    expect(requestProblems('remindLateUnits', event)).toEqual([]);
    // Their continuation triggers (a long report or import that paused: src/app/longJob.ts).
    expect(requestProblems('createReport', event)).toEqual([]);
    expect(requestProblems('importCsv', event)).toEqual([]);
    expect(requestProblems('submitQuarter', event)).toHaveLength(5);
  });

  it('names the field, what it should be and what it got, instead of a JavaScript error', () => {
    expect(() => checkRequest('createReport', { ky: 2026 })).toThrow(
      'Tạo báo cáo (createReport): trường "ky" (kỳ báo cáo (2026-Q3, 2026-H1, 2026-9M, 2026, 2021-2026…)) phải là chuỗi trong dấu ngoặc kép, ví dụ "2026-Q3", không phải số 2026. Chưa có gì thay đổi.',
    );
    expect(() => checkRequest('importCsv', { csv: 123 })).toThrow(
      /trường "csv" \(nội dung CSV\) phải là chuỗi.*không phải số 123/,
    );
    expect(() => checkRequest('sendQuarterSummary', { ky: 1 })).toThrow(
      /trường "ky" \(quý\).*không phải số 1\./,
    );
    expect(() => checkRequest('sendQuarterSummary', { gui_lai: 'có' })).toThrow(
      /trường "gui_lai".*phải là true hoặc false, không phải chuỗi "có"/,
    );
    expect(() => checkRequest('importCsv', { csv: 'x', thap_phan: ';' })).toThrow(
      /trường "thap_phan".*phải là một trong "\.", ",", không phải chuỗi ";"/,
    );
  });

  it('refuses a bare value rather than ignoring it', () => {
    expect(() => checkRequest('createReport', '2026-Q3')).toThrow(
      'đối số phải là một đối tượng JSON, ví dụ {"ky":"2026-Q3"}, không phải chuỗi "2026-Q3"',
    );
    expect(requestProblems('rollUp', ['2026'])).toEqual([
      'đối số phải là một đối tượng JSON, ví dụ {"ky":"2026-Q3"}, không phải một danh sách',
    ]);
    expect(requestProblems('submitQuarter', 7)[0]).toContain('không phải số 7');
  });

  it('refuses an unknown field (a typo would otherwise be ignored), listing the accepted ones', () => {
    expect(requestProblems('createReport', { Ky: '2026-Q3' })).toEqual([
      'không có trường "Ky"; các trường được nhận: "ky" (kỳ báo cáo (2026-Q3, 2026-H1, 2026-9M, 2026, 2021-2026…)), "loai" (loại báo cáo), "tam_tinh" (tạo báo cáo với số liệu tạm tính khi kỳ chưa kết thúc)',
    ]);
  });

  it('asks for a required field and refuses an overlong one', () => {
    expect(requestProblems('exportData', undefined)).toEqual([
      'thiếu trường "ky" (quý), ví dụ {"ky":"2026-Q1"}',
    ]);
    expect(requestProblems('exportRollUp', {})).toEqual([
      'thiếu trường "ky" (kỳ báo cáo), ví dụ {"ky":"2026-Q3"}',
    ]);
    expect(requestProblems('reopenQuarter', { don_vi: 'D'.repeat(5000) })).toEqual([
      'trường "don_vi" (mã đơn vị) dài 5000 ký tự, quá giới hạn 100 ký tự',
    ]);
  });

  it('lists every problem at once', () => {
    expect(requestProblems('submitQuarter', { don_vi: 5, ky: ['2026-Q1'], x: 1 })).toHaveLength(3);
  });
});
