import type { Indicator } from '../../src/domain/catalogue';
import { defaultCatalogue, entryIndicators, RATING_CODE } from '../../src/domain/catalogue';
import type { ParsedUnitTab, UnitTabInput } from '../../src/domain/unitTab';
import { buildUnitTab, NARRATIVES, parseUnitTab, UNIT_TAB } from '../../src/domain/unitTab';

const catalogue = defaultCatalogue();
const empty: ParsedUnitTab = { values: {}, notes: {}, submitControls: [false, false, false, false] };

function build(overrides: Partial<UnitTabInput> = {}) {
  return buildUnitTab({
    unitName: 'Chi hội Xóm 1',
    unitWord: 'chi hội',
    unitCode: 'CH01',
    officers: ['lan@hoilhpn.vn', 'mai@hoilhpn.vn'],
    year: 2026,
    indicators: entryIndicators(catalogue, 'xa'),
    catalogue,
    existing: empty,
    statuses: ['Đã nộp 05/04/2026', 'Chưa nộp', 'Chưa đến kỳ', 'Chưa đến kỳ'],
    ...overrides,
  });
}

/** The grid row (0-based index into the grid) holding a code in column A. */
function rowOf(grid: unknown[][], code: string): unknown[] {
  const row = grid.find((r) => r[0] === code);
  if (!row) throw new Error(`no row for ${code}`);
  return row;
}

const quarters = (row: unknown[]) => row.slice(UNIT_TAB.firstQuarterColumn - 1, UNIT_TAB.noteColumn - 1);
const note = (row: unknown[]) => row[UNIT_TAB.noteColumn - 1];

describe('buildUnitTab', () => {
  it('titles the tab with the unit and year and names the officers', () => {
    const { grid } = build();
    expect(grid[0]![0]).toBe('Chi hội Xóm 1 – số liệu năm 2026');
    expect(grid[1]![0]).toBe('Mã chi hội: CH01. Cán bộ nhập số liệu: lan@hoilhpn.vn, mai@hoilhpn.vn');
    expect(build({ officers: [] }).grid[1]![0]).toBe('Mã chi hội: CH01. Cán bộ nhập số liệu: (chưa có)');
  });

  it('keeps a unit name that looks like a formula as text in the title', () => {
    expect(build({ unitName: '=Chi hội 1' }).grid[0]![0]).toBe("'=Chi hội 1 – số liệu năm 2026");
  });

  it('has a header, a status row and a submit row with the current controls', () => {
    const { grid } = build({ existing: { ...empty, submitControls: [true, false, false, false] } });
    expect(grid[UNIT_TAB.headerRow - 1]).toEqual([
      'Mã',
      'Chỉ tiêu',
      'ĐVT',
      'Quý I',
      'Quý II',
      'Quý III',
      'Quý IV',
      'Ghi chú',
    ]);
    expect(quarters(grid[UNIT_TAB.statusRow - 1]!)).toEqual([
      'Đã nộp 05/04/2026',
      'Chưa nộp',
      'Chưa đến kỳ',
      'Chưa đến kỳ',
    ]);
    expect(quarters(grid[UNIT_TAB.submitRow - 1]!)).toEqual([true, false, false, false]);
  });

  it('numbers the sections I, II, … in upper case, starting on the first data row', () => {
    const { grid, rows } = build();
    const sections = rows.filter((r) => r.kind === 'section').map((r) => grid[r.row - 1]![0]);
    expect(rows[0]).toEqual({ kind: 'section', row: UNIT_TAB.firstDataRow });
    expect(sections[0]).toBe('I. TỔ CHỨC HỘI, HỘI VIÊN');
    expect(sections[1]).toBe('II. TUYÊN TRUYỀN; PHONG TRÀO THI ĐUA; CUỘC VẬN ĐỘNG "5 KHÔNG 3 SẠCH"');
    expect(sections.at(-1)).toBe(`${toRoman(sections.length)}. NỘI DUNG GHI BẰNG LỜI`);
  });

  it('writes one row per indicator with its code, name and first unit', () => {
    const indicators = entryIndicators(catalogue, 'xa');
    const { grid, rows } = build();
    const indicatorRows = rows.filter((r) => r.kind === 'indicator');
    expect(indicatorRows.map((r) => r.code)).toEqual(indicators.map((i) => i.code));
    for (const r of indicatorRows) expect(grid[r.row - 1]![0]).toBe(r.code);
    expect(rowOf(grid, 'TC_HV').slice(0, 3)).toEqual(['TC_HV', 'Tổng số hội viên', 'người']);

    const shelters = catalogue.map((i) => (i.code === 'AS_MAIAM' ? { ...i, active: true } : i));
    const huyen = build({ indicators: entryIndicators(shelters, 'huyen'), catalogue: shelters });
    expect(rowOf(huyen.grid, 'AS_MAIAM')[2]).toBe('căn');
  });

  it('puts the narratives last, after their own section: one per field of work, then the three blocks', () => {
    const { grid, rows } = build();
    const last = rows.slice(-NARRATIVES.length);
    expect(last.map((r) => r.kind)).toEqual(NARRATIVES.map(() => 'narrative'));
    expect(last.map((r) => grid[r.row - 1]!.slice(0, 2))).toEqual([
      ['NT_TT', 'Tuyên truyền, giáo dục; tình hình tư tưởng hội viên, phụ nữ'],
      ['NT_PT', 'Phong trào thi đua, cuộc vận động, công trình, phần việc'],
      ['NT_KT', 'Hỗ trợ phát triển kinh tế, giảm nghèo, khởi nghiệp, vốn vay'],
      ['NT_AS', 'Xây dựng gia đình, an sinh xã hội, bảo vệ quyền phụ nữ, trẻ em'],
      ['NT_XD', 'Tham gia xây dựng Đảng, chính quyền; giám sát, phản biện'],
      ['NT_TC', 'Xây dựng tổ chức Hội; thi đua, khen thưởng'],
      ['NT_DA', 'Thực hiện các đề án, chuyển đổi số'],
      ['NT_NOI_BAT', 'Kết quả nổi bật'],
      ['NT_TON_TAI', 'Tồn tại, hạn chế'],
      ['NT_DE_XUAT', 'Đề xuất, kiến nghị'],
    ]);
    expect(rows.at(-NARRATIVES.length - 1)!.kind).toBe('section');
    expect(grid).toHaveLength(rows.at(-1)!.row);
  });

  it('pads every row to the full width', () => {
    expect(build().grid.every((r) => r.length === UNIT_TAB.width)).toBe(true);
  });

  it('carries typed values and notes over by code, wherever the row moves', () => {
    const existing: ParsedUnitTab = {
      values: { TC_HV: [120, 125, '', ''], NT_NOI_BAT: ['Tổ chức 3 buổi sinh hoạt', '', '', ''] },
      notes: { TC_HV: 'Số liệu rà soát lại' },
      submitControls: [true, false, false, false],
    };
    const { grid } = build({ existing });
    expect(quarters(rowOf(grid, 'TC_HV'))).toEqual([120, 125, '', '']);
    expect(note(rowOf(grid, 'TC_HV'))).toBe('Số liệu rà soát lại');
    expect(quarters(rowOf(grid, 'NT_NOI_BAT'))[0]).toBe('Tổ chức 3 buổi sinh hoạt');
    expect(quarters(rowOf(grid, 'TC_PN18'))).toEqual(['', '', '', '']);
  });

  it('keeps an indicator switched off that holds data, marked "(ngừng theo dõi)"', () => {
    const off = catalogue.map((i) => (i.code === 'TC_HV_NC' ? { ...i, active: false } : i));
    const existing: ParsedUnitTab = { ...empty, values: { TC_HV_NC: [0, '', '', ''] } };
    const { grid, rows } = build({ indicators: entryIndicators(off, 'xa'), catalogue: off, existing });
    const row = rowOf(grid, 'TC_HV_NC');
    expect(row[1]).toBe('Số hội viên nòng cốt (ngừng theo dõi)');
    expect(quarters(row)).toEqual([0, '', '', '']);
    expect(rows.find((r) => r.code === 'TC_HV_NC')!.kind).toBe('indicator');
    // In catalogue order, between its neighbours.
    const order = rows.filter((r) => r.kind === 'indicator').map((r) => r.code);
    expect(order.indexOf('TC_HV_NC')).toBe(order.indexOf('TC_HV_GIAM') + 1);
  });

  it('drops an indicator switched off that holds no data', () => {
    const off = catalogue.map((i) => (i.code === 'TC_HV_NC' ? { ...i, active: false } : i));
    const existing: ParsedUnitTab = { ...empty, values: { TC_HV_NC: ['', '', '', ''] } };
    const { grid } = build({ indicators: entryIndicators(off, 'xa'), catalogue: off, existing });
    expect(grid.some((r) => r[0] === 'TC_HV_NC')).toBe(false);
  });

  it('writes typed text that starts with = + - @ with a leading apostrophe, and numbers as numbers', () => {
    const existing: ParsedUnitTab = {
      ...empty,
      values: { TC_HV: ['=1+1', '+84 912', '-5 người', -5], NT_TON_TAI: ['@mọi người', '', '', ''] },
      notes: { TC_HV: '=IMPORTXML("http://x")' },
    };
    const { grid } = build({ existing });
    expect(quarters(rowOf(grid, 'TC_HV'))).toEqual(["'=1+1", "'+84 912", "'-5 người", -5]);
    expect(note(rowOf(grid, 'TC_HV'))).toBe('\'=IMPORTXML("http://x")');
    expect(quarters(rowOf(grid, 'NT_TON_TAI'))[0]).toBe("'@mọi người");
  });

  it('marks as inputs exactly the indicator and narrative rows, in runs broken by sections', () => {
    const { rows, inputBlocks } = build();
    const inputRows = inputBlocks.flatMap((b) => Array.from({ length: b.numRows }, (_, k) => b.row + k));
    const expected = rows.filter((r) => r.kind !== 'section').map((r) => r.row);
    expect(inputRows).toEqual(expected);
    const sectionRows = new Set(rows.filter((r) => r.kind === 'section').map((r) => r.row));
    expect(inputBlocks[0]!.row).toBe(UNIT_TAB.firstDataRow + 1);
    for (const block of inputBlocks) {
      // Each run starts right after a section and ends right before one (or the end of the tab).
      expect(sectionRows.has(block.row - 1)).toBe(true);
      const after = block.row + block.numRows;
      expect(sectionRows.has(after) || after > rows.at(-1)!.row).toBe(true);
    }
    expect(inputBlocks).toHaveLength(sectionRows.size);
  });
});

describe('parseUnitTab', () => {
  it('reads values and notes by the code in column A, skipping headers and sections', () => {
    const grid: unknown[][] = [
      ['Chi hội Xóm 1 – số liệu năm 2026'],
      ['Mã đơn vị: CH01'],
      ['Mã', 'Chỉ tiêu', 'ĐVT', 'Quý I', 'Quý II', 'Quý III', 'Quý IV', 'Ghi chú'],
      ['', 'Trạng thái', '', 'Đã nộp', '', '', '', ''],
      ['', 'Nộp số liệu', '', true, 'TRUE', false, '', ''],
      ['I. TỔ CHỨC HỘI, HỘI VIÊN', '', '', 'x', '', '', '', ''],
      [' TC_HV ', 'Tổng số hội viên', 'người', 120, '', 125, '', 'rà soát'],
      ['TC_PN18', 'Số phụ nữ', 'người', 300],
      ['ghi chú tự do', '', '', 5, '', '', '', ''],
    ];
    const parsed = parseUnitTab(grid);
    expect(parsed.values).toEqual({ TC_HV: [120, '', 125, ''], TC_PN18: [300, '', '', ''] });
    expect(parsed.notes).toEqual({ TC_HV: 'rà soát' });
    expect(parsed.submitControls).toEqual([true, false, false, false]);
  });

  it('reads an empty sheet as nothing typed and nothing submitted', () => {
    expect(parseUnitTab([])).toEqual(empty);
  });

  it('gives back what was built: values, notes and submit controls', () => {
    const existing: ParsedUnitTab = {
      values: {
        TC_HV: [120, 125, 0, ''],
        [RATING_CODE]: ['Hoàn thành tốt nhiệm vụ', '', '', ''],
        NT_DE_XUAT: ['Đề nghị hỗ trợ kinh phí', '', '', ''],
      },
      notes: { TC_PN18: 'Theo số liệu UBND' },
      submitControls: [true, true, false, false],
    };
    const parsed = parseUnitTab(build({ existing }).grid);
    expect(parsed.values.TC_HV).toEqual([120, 125, 0, '']);
    expect(parsed.values[RATING_CODE]).toEqual(['Hoàn thành tốt nhiệm vụ', '', '', '']);
    expect(parsed.values.NT_DE_XUAT![0]).toBe('Đề nghị hỗ trợ kinh phí');
    expect(parsed.notes).toEqual({ TC_PN18: 'Theo số liệu UBND' });
    expect(parsed.submitControls).toEqual([true, true, false, false]);
    const expectedCodes = [
      ...entryIndicators(catalogue, 'xa').map((i: Indicator) => i.code),
      ...NARRATIVES.map((n) => n.code),
    ];
    expect(Object.keys(parsed.values).sort()).toEqual(expectedCodes.sort());
  });

  it('is stable when set up again: guarded text is not guarded twice', () => {
    const existing: ParsedUnitTab = { ...empty, values: { NT_NOI_BAT: ['=SUM(A1)', '', '', ''] } };
    const first = build({ existing }).grid;
    const second = build({ existing: parseUnitTab(first) }).grid;
    expect(second).toEqual(first);
  });
});

function toRoman(n: number): string {
  return ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'][n - 1]!;
}

describe('sections', () => {
  it('keep a group together when the catalogue lists one of its rows elsewhere (the rating row)', () => {
    const catalogue = defaultCatalogue().map((i) =>
      i.code.startsWith('TD_CH_XL_') || i.code.startsWith('CDS_') ? { ...i, active: true } : i,
    );
    const layout = buildUnitTab({
      unitName: 'Hội LHPN phường Đại Kim',
      unitWord: 'cơ sở',
      unitCode: 'DK',
      officers: [],
      year: 2026,
      indicators: entryIndicators(catalogue, 'huyen'),
      catalogue,
      existing: parseUnitTab([]),
      statuses: ['', '', '', ''],
    });
    const sections = layout.grid.filter((r) => /^[IVX]+\. /.test(String(r[0]))).map((r) => String(r[0]));
    expect(sections.filter((s) => s.endsWith('THI ĐUA, XẾP LOẠI, KHEN THƯỞNG'))).toHaveLength(1);
    const rating = layout.grid.findIndex((r) => r[0] === 'TD_XEP_LOAI');
    const classCount = layout.grid.findIndex((r) => r[0] === 'TD_CH_XL_XS');
    const digital = layout.grid.findIndex((r) => r[0] === 'CDS_HV');
    expect(rating).toBeLessThan(digital);
    expect(classCount).toBeLessThan(digital);
  });
});
