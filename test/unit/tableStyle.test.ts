import type { ReportTable } from '../../src/domain/report/appendix';
import type { DocsElement } from '../../src/domain/report/tableStyle';
import { locateTables, tableStyleRequests, tablesIn } from '../../src/domain/report/tableStyle';

/** Documents.get's content for `tables` of string cells laid out from `start`, each after a paragraph. */
function body(tables: string[][][], start = 1): DocsElement[] {
  let index = start;
  const paragraph = (text: string): DocsElement => {
    const el = {
      startIndex: index,
      endIndex: index + text.length + 1,
      paragraph: { elements: [{ textRun: { content: `${text}\n` } }] },
    };
    index = el.endIndex;
    return el;
  };
  const out: DocsElement[] = [];
  for (const cells of tables) {
    out.push(paragraph('Biểu'));
    const tableStart = index;
    index += 1;
    const tableRows = cells.map((row) => {
      index += 1;
      return {
        tableCells: row.map((text) => {
          const cellStart = index;
          index += 1;
          const content = [paragraph(text)];
          return { startIndex: cellStart, endIndex: index, content };
        }),
      };
    });
    index += 1;
    out.push({ startIndex: tableStart, endIndex: index, table: { tableRows } });
  }
  out.push(paragraph(''));
  return out;
}

const UNITS: ReportTable = {
  cells: [
    ['STT', 'Đơn vị', 'Số hội viên'],
    ['1', 'Hội LHPN phường Đại Kim', '1.412'],
    ['2', 'Hội LHPN phường Thịnh Liệt', '990'],
    ['', 'Toàn đơn vị', '2.402'],
  ],
  widths: [36, 250, 181],
  fontSize: 12,
  boldRows: [3],
  align: ['center', 'left', 'right'],
};

describe('tablesIn and locateTables', () => {
  it('finds each report table by its text, whatever other tables come first', () => {
    const header = [['HỘI LHPN QUẬN HOÀNG MAI', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM']];
    const placed = tablesIn(body([header, UNITS.cells]));
    expect(placed.map((t) => t.startIndex)).toEqual([6, 75]);
    expect(placed[1]!.cells[1]![1]).toEqual({ start: 108, end: 132, text: 'Hội LHPN phường Đại Kim' });
    const other: ReportTable = { ...UNITS, cells: [['STT', 'Chỉ tiêu']] };
    expect(locateTables(placed, [other, UNITS])).toEqual([null, placed[1]]);
  });

  it('gives two tables with the same text to two report tables, in document order', () => {
    const placed = tablesIn(body([UNITS.cells, UNITS.cells]));
    expect(locateTables(placed, [UNITS, UNITS])).toEqual(placed);
  });

  it('finds a table inside a table cell', () => {
    const outer = body([[['x']]]);
    const cell = outer[1]!.table!.tableRows![0]!.tableCells![0]!;
    cell.content = body([UNITS.cells], cell.startIndex! + 1).slice(1, 2);
    expect(locateTables(tablesIn(outer), [UNITS])[0]?.cells[0]![0]!.text).toBe('STT');
  });
});

describe('tableStyleRequests', () => {
  const placed = tablesIn(body([UNITS.cells]))[0]!;
  const requests = tableStyleRequests(placed, UNITS, 'Times New Roman');
  const cell = (r: number, c: number) => placed.cells[r]![c]!;

  it('sets the font over the whole table and bolds the header and the total', () => {
    expect(requests.filter((q) => 'updateTextStyle' in q)).toEqual([
      {
        updateTextStyle: {
          range: { startIndex: cell(0, 0).start, endIndex: cell(3, 2).end },
          textStyle: {
            fontSize: { magnitude: 12, unit: 'PT' },
            weightedFontFamily: { fontFamily: 'Times New Roman' },
          },
          fields: 'fontSize,weightedFontFamily',
        },
      },
      {
        updateTextStyle: {
          range: { startIndex: cell(0, 0).start, endIndex: cell(0, 2).end },
          textStyle: { bold: true },
          fields: 'bold',
        },
      },
      {
        updateTextStyle: {
          range: { startIndex: cell(3, 0).start, endIndex: cell(3, 2).end },
          textStyle: { bold: true },
          fields: 'bold',
        },
      },
    ]);
  });

  it('aligns by runs of cells: the header and the next STT centred together, each figure right, names left', () => {
    const aligned = requests.flatMap((q) =>
      'updateParagraphStyle' in q
        ? [[q.updateParagraphStyle.range, q.updateParagraphStyle.paragraphStyle.alignment]]
        : [],
    );
    expect(aligned).toEqual([
      [{ startIndex: cell(0, 0).start, endIndex: cell(1, 0).end }, 'CENTER'],
      [{ startIndex: cell(1, 2).start, endIndex: cell(1, 2).end }, 'END'],
      [{ startIndex: cell(2, 0).start, endIndex: cell(2, 0).end }, 'CENTER'],
      // The total's empty STT cell joins the figure before it.
      [{ startIndex: cell(2, 2).start, endIndex: cell(3, 0).end }, 'END'],
      [{ startIndex: cell(3, 2).start, endIndex: cell(3, 2).end }, 'END'],
    ]);
  });

  it('fixes each column width and pins the header row', () => {
    expect(requests.filter((q) => 'updateTableColumnProperties' in q || 'pinTableHeaderRows' in q)).toEqual([
      ...UNITS.widths.map((w, c) => ({
        updateTableColumnProperties: {
          tableStartLocation: { index: placed.startIndex },
          columnIndices: [c],
          tableColumnProperties: { widthType: 'FIXED_WIDTH', width: { magnitude: w, unit: 'PT' } },
          fields: 'widthType,width',
        },
      })),
      { pinTableHeaderRows: { tableStartLocation: { index: placed.startIndex }, pinnedHeaderRowsCount: 1 } },
    ]);
  });

  it('costs a few requests a row, not one a cell', () => {
    const rows = Array.from({ length: 150 }, (_, i) => [
      String(i + 1),
      `Đơn vị ${i + 1}`,
      '1',
      '2',
      '3',
      '4',
    ]);
    const wide: ReportTable = {
      cells: [['STT', 'Đơn vị', 'A', 'B', 'C', 'D'], ...rows],
      widths: [30, 150, 60, 60, 60, 60],
      fontSize: 11,
      boldRows: [],
      align: ['center', 'left', 'right', 'right', 'right', 'right'],
    };
    const count = tableStyleRequests(tablesIn(body([wide.cells]))[0]!, wide, 'Times New Roman').length;
    expect(count).toBeLessThanOrEqual(2 * 151 + 10);
  });
});
