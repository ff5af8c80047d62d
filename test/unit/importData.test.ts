import type { Indicator } from '../../src/domain/catalogue';
import { RATING_CLASSES, defaultCatalogue } from '../../src/domain/catalogue';
import type { ImportContext, ImportResult } from '../../src/domain/importData';
import { importRefusal, parseImport } from '../../src/domain/importData';
import type { DataPoint } from '../../src/domain/dataPoints';

function context(overrides: Partial<ImportContext> = {}): ImportContext {
  return {
    units: [
      { ma: 'DK', ten: 'Hội LHPN phường Đại Kim' },
      { ma: 'TL', ten: 'Hội LHPN phường Thịnh Liệt' },
      { ma: 'HL', ten: 'Hội LHPN phường Hoàng Liệt' },
    ],
    catalogue: defaultCatalogue(),
    level: 'huyen',
    year: 2026,
    currentQuarter: { year: 2026, quarter: 2 },
    submitted: new Set(['HL|2026-Q1']),
    isAdmin: false,
    ...overrides,
  };
}

function pointsOf(result: ImportResult): DataPoint[] {
  if (!result.ok) throw new Error(`expected the file to be accepted:\n${result.errors.join('\n')}`);
  return result.points;
}

function errorsOf(result: ImportResult): string[] {
  if (result.ok) throw new Error('expected the file to be refused');
  return result.errors;
}

const csv = (...lines: string[]) => lines.join('\n') + '\n';

describe('parseImport: accepted files', () => {
  it('reads the English header and returns numbers, ratings and canonical codes', () => {
    const points = pointsOf(
      parseImport(
        csv(
          'don_vi,ky,ma_chi_tieu,gia_tri',
          'DK,2026-Q1,TC_HV,1412',
          'DK,2026-Q2,TC_QUYHOI,36.8',
          'TL,2026-Q1,TD_XEP_LOAI,Hoàn thành tốt nhiệm vụ',
        ),
        context(),
      ),
    );
    expect(points).toEqual([
      { unit: 'DK', period: '2026-Q1', code: 'TC_HV', value: 1412 },
      { unit: 'DK', period: '2026-Q2', code: 'TC_QUYHOI', value: 36.8 },
      { unit: 'TL', period: '2026-Q1', code: 'TD_XEP_LOAI', value: 'Hoàn thành tốt nhiệm vụ' },
    ]);
    expect(typeof points[0]!.value).toBe('number');
  });

  it('reads the Vietnamese header in any case and decomposed form, after a BOM, with CRLF lines', () => {
    const header = 'ĐƠN VỊ , Kỳ,mã chỉ tiêu,Giá Trị'.normalize('NFD');
    const text = `\uFEFF${header}\r\nDK,2026-Q1,TC_HV,1412\r\n`;
    expect(pointsOf(parseImport(text, context()))).toEqual([
      { unit: 'DK', period: '2026-Q1', code: 'TC_HV', value: 1412 },
    ]);
  });

  it('finds units by code or by name, ignoring case, spacing and Unicode form', () => {
    const text = csv(
      'don_vi,ky,ma_chi_tieu,gia_tri',
      'dk,2026-Q1,TC_HV,1',
      `"  hội lhpn  phường THỊNH LIỆT ",2026-Q1,TC_HV,2`,
      `${'Hội LHPN phường Hoàng Liệt'.normalize('NFD')},2026-Q2,TC_HV,3`,
    );
    expect(pointsOf(parseImport(text, context())).map((p) => p.unit)).toEqual(['DK', 'TL', 'HL']);
  });

  it('matches a rating label regardless of case and returns the list label', () => {
    const text = csv('don_vi,ky,ma_chi_tieu,gia_tri', 'DK,2026-Q1,TD_XEP_LOAI,hoàn thành XUẤT SẮC nhiệm vụ');
    expect(pointsOf(parseImport(text, context()))[0]!.value).toBe(RATING_CLASSES[0]);
  });

  it('skips blank lines but keeps counting them as rows', () => {
    const text = csv('don_vi,ky,ma_chi_tieu,gia_tri', '', 'DK,2026-Q1,TC_HV,1', ',,,', 'XX,2026-Q1,TC_HV,1');
    expect(errorsOf(parseImport(text, context()))).toEqual([
      'Dòng 5: cột "don_vi" = "XX": không có đơn vị này trong bảng tính (ghi mã hoặc tên đơn vị như ở trang Đơn vị).',
    ]);
  });
});

describe('parseImport: refused files', () => {
  it('lists every problem of every bad row, one line each, and returns no points', () => {
    const text = csv(
      'don_vi,ky,ma_chi_tieu,gia_tri',
      'DK,2026-Q1,TC_HV,1412',
      'XX,2026-Q1,TC_HV,10',
      'DK,2026-Q1,TC_XYZ,5',
      'DK,2026-Q1,TC_HV_TL,80',
      '',
      'DK,2026-Q1,TC_HV,1,412',
      'DK,2026-Q3,TC_PN18,100',
      'DK,2025-Q4,TC_PN18,100',
      'DK,2026-2,TC_PN18,100',
      'DK,2026-Q1,TC_PN18,',
      'DK,2026-Q1,TC_HO_1HV,12a',
      'DK,2026-Q1,TC_HO_PN18,-3',
      'DK,2026-Q1,TT_CUOC,2.5',
      'DK,2026-Q1,TD_XEP_LOAI,Tốt',
      'DK,2026-Q1,TC_HV,1500',
      'HL,2026-Q1,TC_HV,900',
      'DK,2026-Q1,TC_HV_DD,5',
      'XX,2026-9,TC_XYZ,',
      'DK,2026-Q2',
    );
    const result = parseImport(text, context());
    expect(result).not.toHaveProperty('points');
    const number =
      'không phải số hợp lệ; ghi số bằng chữ số, ví dụ 1412, 36,8 hoặc 36.8 (không ghi chữ, đơn vị hay dấu %)';
    expect(errorsOf(result)).toEqual([
      'Dòng 3: cột "don_vi" = "XX": không có đơn vị này trong bảng tính (ghi mã hoặc tên đơn vị như ở trang Đơn vị).',
      'Dòng 4: cột "ma_chi_tieu" = "TC_XYZ": không có chỉ tiêu này trong danh mục.',
      'Dòng 5: cột "ma_chi_tieu" = "TC_HV_TL": là chỉ tiêu tính toán, không nhập trực tiếp.',
      'Dòng 7: có 5 cột, cần đúng 4 cột (don_vi,ky,ma_chi_tieu,gia_tri); nếu số có dấu phẩy (ví dụ 1,412) hãy ghi 1412, hoặc đặt số trong dấu ngoặc kép ("36,8").',
      'Dòng 8: cột "ky" = "2026-Q3": quý chưa bắt đầu (quý hiện tại là 2026-Q2).',
      'Dòng 9: cột "ky" = "2025-Q4": kỳ không thuộc năm 2026 của bảng tính này.',
      'Dòng 10: cột "ky" = "2026-2": kỳ phải ghi theo dạng năm-quý, ví dụ 2026-Q2.',
      'Dòng 11: cột "gia_tri" = "": thiếu giá trị (ô trống không được hiểu là 0).',
      `Dòng 12: cột "gia_tri" = "12a": ${number}.`,
      'Dòng 13: cột "gia_tri" = "-3": số âm; giá trị phải từ 0 trở lên.',
      'Dòng 14: cột "gia_tri" = "2.5": phải là số nguyên (đơn vị: cuộc).',
      `Dòng 15: cột "gia_tri" = "Tốt": không phải mức xếp loại hợp lệ; chọn một trong: ${RATING_CLASSES.join('; ')}.`,
      'Dòng 16: trùng với dòng 2 (cùng đơn vị DK, kỳ 2026-Q1, chỉ tiêu TC_HV).',
      'Dòng 17: cột "ky" = "2026-Q1": quý đã nộp, chỉ quản trị viên được sửa (đơn vị HL).',
      'Dòng 18: cột "ma_chi_tieu" = "TC_HV_DD": chỉ tiêu đang tắt trong bảng tính này; hãy bật chỉ tiêu ở trang Chỉ tiêu rồi nhập lại.',
      'Dòng 19: cột "don_vi" = "XX": không có đơn vị này trong bảng tính (ghi mã hoặc tên đơn vị như ở trang Đơn vị).',
      'Dòng 19: cột "ky" = "2026-9": kỳ phải ghi theo dạng năm-quý, ví dụ 2026-Q2.',
      'Dòng 19: cột "ma_chi_tieu" = "TC_XYZ": không có chỉ tiêu này trong danh mục.',
      'Dòng 19: cột "gia_tri" = "": thiếu giá trị (ô trống không được hiểu là 0).',
      'Dòng 20: có 2 cột, cần đúng 4 cột (don_vi,ky,ma_chi_tieu,gia_tri).',
    ]);
  });

  it('refuses a whole file for a single bad row', () => {
    const text = csv('don_vi,ky,ma_chi_tieu,gia_tri', 'DK,2026-Q1,TC_HV,1412', 'DK,2026-Q1,TC_PN18,1.412,5');
    expect(errorsOf(parseImport(text, context()))).toHaveLength(1);
  });

  it('names the earlier row of a duplicate, however the unit and quarter were written', () => {
    const text = csv(
      'don_vi,ky,ma_chi_tieu,gia_tri',
      'TL,2026-Q1,TC_PN18,10',
      'DK,2026-Q1,TC_HV,1412',
      'hội lhpn phường đại kim,2026-q1,tc_hv,1412',
      'DK,2026-Q1,TC_HV,1413',
    );
    expect(errorsOf(parseImport(text, context()))).toEqual([
      'Dòng 4: trùng với dòng 3 (cùng đơn vị DK, kỳ 2026-Q1, chỉ tiêu TC_HV).',
      'Dòng 5: trùng với dòng 3 (cùng đơn vị DK, kỳ 2026-Q1, chỉ tiêu TC_HV).',
    ]);
  });

  it('refuses a submitted quarter for an officer and accepts it for an admin', () => {
    const text = csv('don_vi,ky,ma_chi_tieu,gia_tri', 'HL,2026-Q1,TC_HV,900', 'HL,2026-Q2,TC_HV,910');
    expect(errorsOf(parseImport(text, context()))).toEqual([
      'Dòng 2: cột "ky" = "2026-Q1": quý đã nộp, chỉ quản trị viên được sửa (đơn vị HL).',
    ]);
    expect(pointsOf(parseImport(text, context({ isAdmin: true })))).toEqual([
      { unit: 'HL', period: '2026-Q1', code: 'TC_HV', value: 900 },
      { unit: 'HL', period: '2026-Q2', code: 'TC_HV', value: 910 },
    ]);
  });

  it('refuses computed indicators and those another level enters', () => {
    const text = csv(
      'don_vi,ky,ma_chi_tieu,gia_tri',
      'DK,2026-Q1,TC_HV_TL,80',
      'DK,2026-Q1,TC_HV_TANG,5',
      'DK,2026-Q1,TC_COSO,5',
    );
    const catalogue = defaultCatalogue().map((i) => ({ ...i, active: true }));
    expect(errorsOf(parseImport(text, context({ catalogue })))).toEqual([
      'Dòng 2: cột "ma_chi_tieu" = "TC_HV_TL": là chỉ tiêu tính toán, không nhập trực tiếp.',
      'Dòng 3: cột "ma_chi_tieu" = "TC_HV_TANG": là chỉ tiêu tính toán, không nhập trực tiếp.',
      'Dòng 4: cột "ma_chi_tieu" = "TC_COSO": không phải chỉ tiêu các cơ sở nhập ở bảng tính cấp huyện (chỉ tiêu này do Hội LHPN cấp huyện, cấp tỉnh theo dõi).',
    ]);
  });

  it('checks a typed percentage against 0–100', () => {
    const percent: Indicator = { ...defaultCatalogue()[0]!, code: 'TEST_PCT', unit: '%', active: true };
    const text = csv(
      'don_vi,ky,ma_chi_tieu,gia_tri',
      'DK,2026-Q1,TEST_PCT,100',
      'TL,2026-Q1,TEST_PCT,100.5',
      'HL,2026-Q2,TEST_PCT,-1',
    );
    expect(errorsOf(parseImport(text, context({ catalogue: [percent] })))).toEqual([
      'Dòng 3: cột "gia_tri" = "100.5": tỷ lệ phần trăm phải từ 0 đến 100.',
      'Dòng 4: cột "gia_tri" = "-1": số âm; giá trị phải từ 0 trở lên.',
    ]);
  });

  it('reads thousands separators by the convention the file shows (1250.75: the comma groups thousands)', () => {
    const text = csv(
      'don_vi,ky,ma_chi_tieu,gia_tri',
      'DK,2026-Q1,UT_DUNO,1250.75',
      'DK,2026-Q1,TC_HV,"1,412"',
    );
    expect(pointsOf(parseImport(text, context())).map((p) => p.value)).toEqual([1250.75, 1412]);
  });

  it('names columns as the Vietnamese header does', () => {
    const text = csv('Đơn vị,Kỳ,Mã chỉ tiêu,Giá trị', 'DK,2026-Q1,TC_XYZ,5');
    expect(errorsOf(parseImport(text, context()))).toEqual([
      'Dòng 2: cột "Mã chỉ tiêu" = "TC_XYZ": không có chỉ tiêu này trong danh mục.',
    ]);
  });

  it('asks for the code when two units share a name', () => {
    const units = [
      { ma: 'A1', ten: 'Chi hội 1' },
      { ma: 'A2', ten: 'Chi hội 1' },
    ];
    const text = csv('don_vi,ky,ma_chi_tieu,gia_tri', 'Chi hội 1,2026-Q1,TC_HV,5', 'A2,2026-Q1,TC_HV,5');
    expect(errorsOf(parseImport(text, context({ units })))).toEqual([
      'Dòng 2: cột "don_vi" = "Chi hội 1": có nhiều đơn vị cùng tên này, hãy ghi mã đơn vị.',
    ]);
  });

  it('refuses a wrong header with one line naming the expected header', () => {
    const text = csv('unit,period,code,value', 'DK,2026-Q1,TC_HV,1412', 'XX,bad,bad,');
    expect(errorsOf(parseImport(text, context()))).toEqual([
      'Dòng 1: dòng tiêu đề phải là "don_vi,ky,ma_chi_tieu,gia_tri" (hoặc "Đơn vị,Kỳ,Mã chỉ tiêu,Giá trị"; các cột cách nhau bởi dấu phẩy, dấu chấm phẩy hoặc dấu tab), tệp đang có "unit,period,code,value".',
    ]);
  });

  it.each([
    ['an empty file', ''],
    ['a BOM only', '\uFEFF'],
    ['a header only', 'don_vi,ky,ma_chi_tieu,gia_tri\n'],
    ['a header and blank lines', 'don_vi,ky,ma_chi_tieu,gia_tri\n\n,,,\n'],
  ])('refuses %s', (_name, text) => {
    expect(errorsOf(parseImport(text, context()))).toEqual([
      'Tệp không có dòng số liệu nào (tệp trống hoặc chỉ có dòng tiêu đề).',
    ]);
  });
});

describe('parseImport: files as offices make them', () => {
  it('finds the separator from the header: comma, semicolon or tab', () => {
    for (const sep of [',', ';', '\t']) {
      const text = csv(
        ['Đơn vị', 'Kỳ', 'Mã chỉ tiêu', 'Giá trị'].join(sep),
        ['DK', '2026-Q1', 'TC_HV', '1412'].join(sep),
      );
      expect(pointsOf(parseImport(text, context()))).toEqual([
        { unit: 'DK', period: '2026-Q1', code: 'TC_HV', value: 1412 },
      ]);
    }
  });

  it('reads a semicolon file from Vietnamese Excel with its thousands dots and decimal commas', () => {
    const text = csv(
      'don_vi;ky;ma_chi_tieu;gia_tri',
      'DK;2026-Q1;TC_HV;1.412',
      'DK;2026-Q1;UT_DUNO;36.800',
      'DK;2026-Q1;TC_QUYHOI;14,8',
    );
    const result = parseImport(text, context());
    expect(pointsOf(result).map((p) => p.value)).toEqual([1412, 36800, 14.8]);
    expect(result).toMatchObject({
      readAs: 'phân cách bằng dấu chấm phẩy, dấu phẩy thập phân (dòng 4: 14,8)',
    });
  });

  it('reads 36.800 as the file says, however far away the telling value is', () => {
    const dots = csv(
      'don_vi,ky,ma_chi_tieu,gia_tri',
      'DK,2026-Q1,UT_DUNO,36.800',
      'TL,2026-Q1,TC_QUYHOI,12.75',
    );
    expect(pointsOf(parseImport(dots, context())).map((p) => p.value)).toEqual([36.8, 12.75]);
    const commas = csv(
      'don_vi,ky,ma_chi_tieu,gia_tri',
      'DK,2026-Q1,UT_DUNO,36.800',
      'TL,2026-Q1,TC_QUYHOI,"14,8"',
    );
    expect(pointsOf(parseImport(commas, context())).map((p) => p.value)).toEqual([36800, 14.8]);
  });

  it('refuses 36.800 in a file that does not settle the convention, showing both readings', () => {
    const text = csv('don_vi,ky,ma_chi_tieu,gia_tri', 'DK,2026-Q1,TC_HV,1412', 'DK,2026-Q1,UT_DUNO,36.800');
    expect(errorsOf(parseImport(text, context()))).toEqual([
      'Dòng 3: cột "gia_tri" = "36.800": đọc được hai cách: 36800 (nếu dấu chấm phân cách hàng nghìn) hoặc 36,8 (nếu dấu chấm là dấu thập phân), và tệp không cho biết cách ghi số nào; hãy ghi 36800 không có dấu phân cách, hoặc chọn dấu thập phân của tệp khi nhập.',
    ]);
    expect(pointsOf(parseImport(text, context({ decimalMark: ',' })))[1]!.value).toBe(36800);
    expect(pointsOf(parseImport(text, context({ decimalMark: '.' })))[1]!.value).toBe(36.8);
  });

  it('refuses a file that writes numbers both ways', () => {
    const text = csv(
      'don_vi;ky;ma_chi_tieu;gia_tri',
      'DK;2026-Q1;TC_QUYHOI;12.75',
      'TL;2026-Q1;TC_QUYHOI;14,8',
    );
    expect(errorsOf(parseImport(text, context()))).toEqual([
      'Tệp ghi số theo hai cách: dấu chấm thập phân ở dòng 2, dấu phẩy thập phân ở dòng 3; hãy ghi mọi số theo cùng một cách, hoặc chọn dấu thập phân của tệp khi nhập.',
    ]);
  });

  it('refuses a 400-digit value instead of writing Infinity', () => {
    const text = csv('don_vi,ky,ma_chi_tieu,gia_tri', `DK,2026-Q1,UT_DUNO,${'9'.repeat(400)}`);
    const [error] = errorsOf(parseImport(text, context()));
    expect(error).toMatch(/^Dòng 2: cột "gia_tri" = "9{80}…": số quá lớn/);
  });

  it('lists the problems of the first 50 bad rows and counts the rest', () => {
    const rows = Array.from({ length: 50_000 }, () => 'DK,2026-Q1,TC_HV,1412');
    const result = parseImport(csv('don_vi,ky,ma_chi_tieu,gia_tri', ...rows), context());
    if (result.ok) throw new Error('expected a refusal');
    expect(result.badRows).toBe(49_999);
    expect(result.problemCount).toBe(49_999);
    expect(result.errors).toHaveLength(50);
    expect(result.errors[49]).toBe('Dòng 52: trùng với dòng 2 (cùng đơn vị DK, kỳ 2026-Q1, chỉ tiêu TC_HV).');
    const message = importRefusal(result);
    expect(message.split('\n')[0]).toBe(
      'Không nhập được: tệp có 49.999 lỗi ở 49.999 dòng, chưa có số liệu nào được ghi. Lỗi của 50 dòng đầu:',
    );
    expect(message.split('\n').pop()).toBe(
      '… và 49.949 dòng có lỗi khác, chưa liệt kê; hãy sửa các lỗi trên rồi nhập lại.',
    );
    expect(message.length).toBeLessThan(10_000);
  });
});
