import { defaultCatalogue } from '../../src/domain/catalogue';
import { TARGET_HEADER, targetsFromRows, rateCodes } from '../../src/domain/targets';
import { parseTargetsFile, TARGET_FILE_COLUMNS } from '../../src/domain/targetsFile';

const catalogue = defaultCatalogue();
const context = { catalogue, unitCodes: ['CH01', 'CH02'], existing: [[...TARGET_HEADER]] };
const HEADER = TARGET_FILE_COLUMNS.join(',');

function refusal(text: string, ctx = context): string {
  const result = parseTargetsFile(text, ctx);
  if (result.ok) throw new Error('expected a refusal');
  return result.message;
}

/** The tab as the product reads it after the file is written. */
function readBack(rows: unknown[][]) {
  const codes = new Set(catalogue.map((i) => i.code));
  return targetsFromRows(rows, codes, new Set(['CH01', 'CH02']), rateCodes(catalogue));
}

describe('parseTargetsFile', () => {
  it('reads codes or labels, rates typed as 89 or 89%, and writes rows the tab reads back the same', () => {
    const text = [
      HEADER,
      '2021-2026,,,TC_HV_TL,Tỷ lệ cuối nhiệm kỳ,89%,,85.3,NQ ĐH lần thứ XXVI,',
      '2021-2026,,CH01,TC_HV_MOI,TERM_CUMULATIVE,1200,,,NQ ĐH lần thứ XXVI,',
      '2021-2026,2023,,TC_HV_MOI,Hằng năm,240,,,Chỉ tiêu giao 2023,ghi chú',
      '2021-2026,,,TC_HV_HP_TL,RANGE,95,100,,NQ ĐH lần thứ XXVI,',
      '',
    ].join('\n');
    const result = parseTargetsFile(text, context);
    if (!result.ok) throw new Error(result.message);
    expect(result.added).toHaveLength(4);
    expect(result.added[0]).toMatchObject({
      code: 'TC_HV_TL',
      type: 'END_STATE_RATE',
      value: 0.89,
      isRate: true,
    });
    expect(result.added[0]!.baseline).toBeCloseTo(0.853, 12);
    expect(result.rows[0]).toEqual([...TARGET_HEADER]);
    expect(result.rows[1]).toEqual([
      '2021-2026',
      '',
      '',
      'TC_HV_TL',
      'Tỷ lệ cuối nhiệm kỳ',
      '89',
      '',
      '85,3',
      'NQ ĐH lần thứ XXVI',
      '',
    ]);
    expect(result.rows[2]![4]).toBe('Cộng dồn nhiệm kỳ');
    expect(result.rows[2]![5]).toBe('1.200');
    const back = readBack(result.rows);
    expect(back.problems).toEqual([]);
    expect(back.targets.map((t) => [t.code, t.type, t.value, t.unit, t.year])).toEqual(
      result.added.map((t) => [t.code, t.type, t.value, t.unit, t.year]),
    );
    expect(result.readAs).toBe('phân cách bằng dấu phẩy, dấu chấm thập phân (dòng 2: 85.3)');
  });

  it('accepts the Vietnamese header of Mục tiêu, semicolons and decimal commas', () => {
    // Excel quotes the field that holds the separator ("Đơn vị (mã; trống = toàn đơn vị)").
    const header = TARGET_HEADER.map((c) => (c.includes(';') ? `"${c}"` : c)).join(';');
    const text = `\uFEFF${header}\r\n2021-2026;;;TC_HV_TL;Tỷ lệ cuối nhiệm kỳ;92,6;;;NQ;\r\n`;
    const result = parseTargetsFile(text, context);
    if (!result.ok) throw new Error(result.message);
    expect(result.added[0]!.value).toBeCloseTo(0.926, 12);
    expect(result.rows[1]![5]).toBe('92,6');
  });

  it('refuses the whole file naming every bad row with its unit, indicator, column and what is expected', () => {
    const text = [
      HEADER,
      '2021-2026,,CH09,TC_HV_MOI,Hằng năm,10,,,,',
      '2021-2026,,,TC_HV_TL,Hằng quý,89,,,,',
      '2021-2026,,,TC_HV_TL,Tỷ lệ cuối nhiệm kỳ,150%,,,,',
      '2021-2026,,,TC_HV_MOI,Hằng năm,abc,,,,',
      '2021-2026,,,TC_HV_MOI,Hằng năm,10,,',
      '2021-2026,,CH01,TC_HV_MOI,Hằng năm,12,,,,',
      '2021-2026,,CH01,TC_HV_MOI,Hằng năm,13,,,,',
    ].join('\n');
    expect(refusal(text).split('\n')).toEqual([
      'Không nhập được: tệp có 6 lỗi, chưa có chỉ tiêu nào được ghi.',
      'Dòng 2 (đơn vị CH09, chỉ tiêu TC_HV_MOI): không có đơn vị mã "CH09" (để trống nếu là chỉ tiêu toàn đơn vị).',
      'Dòng 3 (toàn đơn vị, chỉ tiêu TC_HV_TL): loại chỉ tiêu "Hằng quý" không hợp lệ (dùng một trong: Hằng năm, ' +
        'Cộng dồn nhiệm kỳ, Tỷ lệ cuối nhiệm kỳ, Mỗi đơn vị mỗi năm, Tối đa, Khoảng, Định tính).',
      'Dòng 4 (toàn đơn vị, chỉ tiêu TC_HV_TL): cột "gia_tri": tỷ lệ 150% lớn hơn 100 (ghi tỷ lệ theo phần trăm, ví dụ 92,6).',
      'Dòng 5 (toàn đơn vị, chỉ tiêu TC_HV_MOI): cột "gia_tri" = "abc": không phải số hợp lệ; ghi số bằng chữ số, ' +
        'ví dụ 1412, 36,8 hoặc 36.8 (không ghi chữ, đơn vị hay dấu %).',
      'Dòng 6: có 8 cột, cần đúng 10 cột (nhiem_ky,nam,don_vi,ma_chi_tieu,loai,gia_tri,gia_tri_tren,co_so,van_ban,ghi_chu).',
      'Dòng 8 (đơn vị CH01, chỉ tiêu TC_HV_MOI): trùng với dòng 7 (cùng nhiệm kỳ, năm, đơn vị, chỉ tiêu và văn bản).',
    ]);
  });

  it('refuses a number the file leaves ambiguous, with both readings', () => {
    const message = refusal(`${HEADER}\n2021-2026,,,TC_HV_MOI,Hằng năm,1.200,,,,\n`);
    expect(message).toContain(
      'Dòng 2 (toàn đơn vị, chỉ tiêu TC_HV_MOI): cột "gia_tri" = "1.200": đọc được hai cách: 1200',
    );
  });

  it('refuses a wrong header and an empty file', () => {
    expect(refusal('don_vi,ky,ma_chi_tieu,gia_tri\nDK,2026-Q1,TC_HV,1\n')).toContain(
      `Dòng 1: dòng tiêu đề phải là "${HEADER}"`,
    );
    expect(refusal(`${HEADER}\n`)).toContain('Tệp không có dòng chỉ tiêu nào');
  });

  it('replaces a row of Mục tiêu with the same key and keeps the others as they are', () => {
    const existing = [
      [...TARGET_HEADER],
      ['2021-2026', '', '', 'TC_HV_TL', 'Tỷ lệ cuối nhiệm kỳ', '88', '', '', 'NQ', ''],
      ['2021-2026', '', '', 'KT_HN_THOAT', 'Hằng năm', 1.5, '', '', 'NQ', 'typed'],
    ];
    const result = parseTargetsFile(`${HEADER}\n2021-2026,,,TC_HV_TL,END_STATE_RATE,89,,,nq,\n`, {
      ...context,
      existing,
    });
    if (!result.ok) throw new Error(result.message);
    expect(result.added).toEqual([]);
    expect(result.unchanged).toBe(0);
    expect(result.replaced).toMatchObject([
      { row: 2, before: '2021-2026 | TC_HV_TL | Tỷ lệ cuối nhiệm kỳ | 88 | NQ' },
    ]);
    expect(result.rows[1]![5]).toBe('89');
    expect(result.rows[2]).toEqual(existing[2]);
  });
});

describe('parseTargetsFile on a file imported before', () => {
  it('leaves rows the tab already holds as they are', () => {
    const text = `${HEADER}\n2021-2026,,,TC_HV_TL,Tỷ lệ cuối nhiệm kỳ,89%,,,NQ,\n`;
    const first = parseTargetsFile(text, context);
    if (!first.ok) throw new Error(first.message);
    const again = parseTargetsFile(text, { ...context, existing: first.rows });
    expect(again).toMatchObject({ ok: true, added: [], replaced: [], unchanged: 1, rows: first.rows });
  });
});
