/**
 * Contract tests of the Docs API requests that write a document's content and page: insertText,
 * insertTable, insertPageBreak, updateDocumentStyle, updateTableCellStyle, and updateParagraphStyle's
 * spacing and indent (https://developers.google.com/workspace/docs/api/reference/rest/v1/documents/request,
 * the structure guide …/concepts/structure and the tables guide …/how-tos/tables). What the API
 * writes is what DocumentApp reads and the exports draw.
 */
import { deployedWith, documentXml, message } from './support';

/* eslint-disable @typescript-eslint/no-explicit-any -- the product sees the services untyped */

const FAILED = 'API call to docs.documents.batchUpdate failed with error: ';

function blankDocument() {
  const { emu, g } = deployedWith({
    timeZone: 'Asia/Ho_Chi_Minh',
    dependencies: { enabledAdvancedServices: [{ userSymbol: 'Docs', serviceId: 'docs', version: 'v1' }] },
  });
  const id: string = emu.execute(() => g.Docs.Documents.create({ title: 'Mẫu thử' }).documentId);
  const update = (...requests: any[]) => emu.execute(() => g.Docs.Documents.batchUpdate({ requests }, id));
  const refused = (...requests: any[]) => message(() => update(...requests));
  /** The body's elements as [kind text, start, end], cells' paragraphs included. */
  const layoutOf = (docId: string): Array<[string, number, number]> => {
    const out: Array<[string, number, number]> = [];
    const walk = (content: any[]) => {
      for (const el of content) {
        if (el.paragraph) {
          const text = el.paragraph.elements
            .map((e: any) => (e.pageBreak ? '<PB>' : (e.textRun?.content ?? '')))
            .join('');
          out.push([`p ${text}`, el.startIndex, el.endIndex]);
        }
        if (el.table) {
          out.push(['table', el.startIndex, el.endIndex]);
          for (const row of el.table.tableRows)
            for (const cell of row.tableCells) {
              out.push(['cell', cell.startIndex, cell.endIndex]);
              walk(cell.content);
            }
        }
      }
    };
    walk(emu.execute(() => g.Docs.Documents.get(docId)).body.content);
    return out;
  };
  const layout = () => layoutOf(id);
  const body = () => emu.execute(() => g.DocumentApp.openById(id).getBody());
  return { emu, g, id, update, refused, layout, layoutOf, body };
}

const text = (index: number, t: string, segmentId?: string) => ({
  insertText: { location: { index, ...(segmentId === undefined ? {} : { segmentId }) }, text: t },
});

describe('insertText', () => {
  it('writes into a paragraph; a "\\n" starts a new one with the same paragraph style', () => {
    const { update, layout, body, emu } = blankDocument();
    update({
      updateParagraphStyle: {
        range: { startIndex: 1, endIndex: 2 },
        paragraphStyle: { alignment: 'CENTER' },
        fields: 'alignment',
      },
    });
    update(text(1, 'BÁO CÁO\nKết quả'));
    expect(layout()).toEqual([
      ['p BÁO CÁO\n', 1, 9],
      ['p Kết quả\n', 9, 17],
    ]);
    const paragraphs = emu.execute(() => {
      const b = body();
      return [0, 1].map((i) => [
        b.getChild(i).asParagraph().getText(),
        b.getChild(i).asParagraph().getAlignment(),
      ]);
    });
    expect(paragraphs).toEqual([
      ['BÁO CÁO', 'CENTER'],
      ['Kết quả', 'CENTER'],
    ]);
    // Into the middle of a paragraph, in UTF-16 units.
    update(text(4, '-'));
    expect(layout()[0]).toEqual(['p BÁO- CÁO\n', 1, 10]);
  });

  it('takes the text style of the text before it', () => {
    const { update, emu, body } = blankDocument();
    update(text(1, 'Đậm'), {
      updateTextStyle: { range: { startIndex: 1, endIndex: 4 }, textStyle: { bold: true }, fields: 'bold' },
    });
    update(text(4, ' thêm'));
    expect(emu.execute(() => body().getChild(0).asParagraph().editAsText().isBold(5))).toBe(true);
  });

  it('strips the control characters the reference lists', () => {
    const { update, layout } = blankDocument();
    update(text(1, 'a\u0001b\u001fc\ue000d\re'));
    expect(layout()).toEqual([['p abcde\n', 1, 7]]);
  });

  it('refuses an index outside a paragraph: past the segment, at a table start, or no text', () => {
    const { update, refused } = blankDocument();
    expect(refused(text(2, 'x'))).toBe(
      `${FAILED}Invalid requests[0].insertText: Index 2 must be less than the end index of the referenced segment, 2.`,
    );
    expect(refused(text(0, 'x'))).toBe(
      `${FAILED}Invalid requests[0].insertText: The insertion index must be inside the bounds of an existing paragraph. You can still create new paragraphs by inserting newlines.`,
    );
    update(text(1, 'Trước'), { insertTable: { location: { index: 6 }, rows: 1, columns: 1 } });
    // The table starts at 7: between it and the paragraph before, no text goes.
    expect(refused(text(7, 'x'))).toContain('must be inside the bounds of an existing paragraph');
    expect(refused(text(1, '\u0001'))).toBe('Not emulated: insertText of no text');
    expect(refused({ insertText: { endOfSegmentLocation: {}, text: 'x' } })).toBe(
      'Not emulated: insertText.endOfSegmentLocation',
    );
  });
});

describe('insertTable', () => {
  it('puts a newline before the table, which starts at the location + 1; each cell holds one "\\n"', () => {
    const { update, layout, emu, body } = blankDocument();
    update({ insertTable: { location: { index: 1 }, rows: 1, columns: 2 } });
    expect(layout()).toEqual([
      ['p \n', 1, 2],
      ['table', 2, 9],
      ['cell', 4, 6],
      ['p \n', 5, 6],
      ['cell', 6, 8],
      ['p \n', 7, 8],
      ['p \n', 9, 10],
    ]);
    // The first cell's text at the table start + 3 (the location + 4), the next cell's two further on.
    update(text(7, 'Phải'), text(5, 'Trái'));
    const cells = emu.execute(() => {
      const table = body().getChild(1).asTable();
      return [table.getCell(0, 0).getText(), table.getCell(0, 1).getText(), table.getNumRows()];
    });
    expect(cells).toEqual(['Trái', 'Phải', 1]);
  });

  it('cuts the paragraph at the location: the text before stays before the table, the rest follows it', () => {
    const { update, layout } = blankDocument();
    update(text(1, 'Nơi nhận'), { insertTable: { location: { index: 4 }, rows: 1, columns: 1 } });
    expect(layout().map(([kind]) => kind)).toEqual(['p Nơi\n', 'table', 'cell', 'p \n', 'p  nhận\n']);
  });

  it('refuses a table without rows, and one inside a table cell is not emulated', () => {
    const { update, refused } = blankDocument();
    expect(refused({ insertTable: { location: { index: 1 }, rows: 0, columns: 2 } })).toBe(
      `${FAILED}Invalid requests[0].insertTable: The table must have at least one row.`,
    );
    update({ insertTable: { location: { index: 1 }, rows: 1, columns: 1 } });
    expect(refused({ insertTable: { location: { index: 5 }, rows: 1, columns: 1 } })).toBe(
      'Not emulated: insertTable inside a table cell',
    );
  });
});

describe('insertPageBreak', () => {
  it('inserts a page break and a newline: a paragraph of its own before the one at the location', () => {
    const { update, layout, layoutOf, emu, g } = blankDocument();
    update(text(1, 'Mở đầu\n'), { insertPageBreak: { location: { index: 8 } } }, text(10, 'PHỤ LỤC'));
    expect(layout()).toEqual([
      ['p Mở đầu\n', 1, 8],
      ['p <PB>\n', 8, 10],
      ['p PHỤ LỤC\n', 10, 18],
    ]);
    // The same as DocumentApp's appendPageBreak gives.
    const made = emu.execute(() => {
      const doc = g.DocumentApp.create('Bằng DocumentApp');
      const b = doc.getBody();
      b.setText('Mở đầu');
      b.appendPageBreak();
      b.appendParagraph('PHỤ LỤC');
      doc.saveAndClose();
      return doc.getId();
    });
    expect(layoutOf(made)).toEqual(layout());
  });

  it('refuses a page break inside a table, and after text is not emulated', () => {
    const { update, refused } = blankDocument();
    update(text(1, 'Chữ'));
    expect(refused({ insertPageBreak: { location: { index: 2 } } })).toBe(
      'Not emulated: insertPageBreak after text in a paragraph',
    );
    update({ insertTable: { location: { index: 4 }, rows: 1, columns: 1 } });
    expect(refused({ insertPageBreak: { location: { index: 8 } } })).toBe(
      `${FAILED}Invalid requests[0].insertPageBreak: A page break cannot be inserted inside a table.`,
    );
  });
});

describe('updateDocumentStyle', () => {
  const A4 = {
    pageSize: { width: { magnitude: 595.276, unit: 'PT' }, height: { magnitude: 841.89, unit: 'PT' } },
    marginTop: { magnitude: 56.7, unit: 'PT' },
    marginLeft: { magnitude: 85.05, unit: 'PT' },
  };

  it('sets the page size and margins, which DocumentApp reads back and get shows', () => {
    const { update, emu, body, g, id } = blankDocument();
    update({ updateDocumentStyle: { documentStyle: A4, fields: 'pageSize,marginTop,marginLeft' } });
    const page = emu.execute(() => {
      const b = body();
      return [b.getPageWidth(), b.getPageHeight(), b.getMarginTop(), b.getMarginLeft(), b.getMarginRight()];
    });
    // The right margin, not in the mask, keeps Docs' 1 inch.
    expect(page).toEqual([595.276, 841.89, 56.7, 85.05, 72]);
    expect(emu.execute(() => g.Docs.Documents.get(id)).documentStyle.marginLeft).toEqual({
      magnitude: 85.05,
      unit: 'PT',
    });
  });

  it('applies only the fields the mask names; a reset or another field is not emulated', () => {
    const { update, refused, emu, body } = blankDocument();
    update({ updateDocumentStyle: { documentStyle: A4, fields: 'marginTop' } });
    expect(emu.execute(() => [body().getMarginTop(), body().getMarginLeft()])).toEqual([56.7, 72]);
    expect(refused({ updateDocumentStyle: { documentStyle: {}, fields: 'marginTop' } })).toBe(
      'Not emulated: resetting documentStyle.marginTop',
    );
    expect(refused({ updateDocumentStyle: { documentStyle: {}, fields: 'pageNumberStart' } })).toBe(
      'Not emulated: fields pageNumberStart',
    );
    expect(refused({ updateDocumentStyle: { documentStyle: {}, fields: 'pageColour' } })).toBe(
      `${FAILED}Invalid requests[0].updateDocumentStyle: Invalid field selection pageColour`,
    );
  });
});

describe('updateTableCellStyle', () => {
  const border = (width: number, extra: Record<string, unknown> = {}) => ({
    color: { color: { rgbColor: {} } },
    width: { magnitude: width, unit: 'PT' },
    dashStyle: 'SOLID',
    ...extra,
  });
  const all = (b: unknown) => ({ borderTop: b, borderBottom: b, borderLeft: b, borderRight: b });
  const FIELDS = 'borderTop,borderBottom,borderLeft,borderRight';

  it('hides every border of a table with width 0: DocumentApp reads 0, the .docx has no lines', async () => {
    const { update, emu, body, id } = blankDocument();
    update({ insertTable: { location: { index: 1 }, rows: 1, columns: 2 } });
    update({
      updateTableCellStyle: {
        tableStartLocation: { index: 2 },
        tableCellStyle: all(border(0)),
        fields: FIELDS,
      },
    });
    expect(emu.execute(() => body().getChild(1).asTable().getBorderWidth())).toBe(0);
    const xml = await documentXml(emu, id);
    expect(xml).toMatch(/<w:tblBorders>.*<w:top w:val="none"/);
  });

  it('refuses a transparent border and an unknown dash style; per-side borders and a range are not emulated', () => {
    const { update, refused } = blankDocument();
    update({ insertTable: { location: { index: 1 }, rows: 1, columns: 1 } });
    const at = { tableStartLocation: { index: 2 }, fields: FIELDS };
    expect(refused({ updateTableCellStyle: { ...at, tableCellStyle: all(border(0, { color: {} })) } })).toBe(
      `${FAILED}Invalid requests[0].updateTableCellStyle: Table cell borders cannot be transparent.`,
    );
    expect(
      refused({ updateTableCellStyle: { ...at, tableCellStyle: all(border(0, { dashStyle: 'WAVY' })) } }),
    ).toBe(
      `${FAILED}Invalid value at 'requests[0].update_table_cell_style.table_cell_style.border_left.dash_style' (TYPE_ENUM), "WAVY"`,
    );
    expect(
      refused({
        updateTableCellStyle: { ...at, tableCellStyle: { ...all(border(0)), borderTop: border(1) } },
      }),
    ).toBe('Not emulated: borders that differ');
    expect(
      refused({
        updateTableCellStyle: { ...at, fields: 'borderTop', tableCellStyle: { borderTop: border(0) } },
      }),
    ).toBe('Not emulated: some of the borders only');
    expect(
      refused({ updateTableCellStyle: { tableRange: {}, fields: FIELDS, tableCellStyle: all(border(0)) } }),
    ).toBe('Not emulated: updateTableCellStyle.tableRange');
    // Not a table's start: the paragraph inside the cell.
    expect(
      refused({
        updateTableCellStyle: { ...at, tableStartLocation: { index: 4 }, tableCellStyle: all(border(0)) },
      }),
    ).toContain('The provided table start location is invalid');
  });
});

describe('updateParagraphStyle spacing and indent', () => {
  it('sets the first-line indent and the space before and after, in points; a named field left out resets', () => {
    const { update, emu, body } = blankDocument();
    update(text(1, 'Đoạn văn'));
    const range = { startIndex: 1, endIndex: 10 };
    update({
      updateParagraphStyle: {
        range,
        paragraphStyle: {
          indentFirstLine: { magnitude: 36, unit: 'PT' },
          spaceAbove: { magnitude: 0, unit: 'PT' },
          spaceBelow: { magnitude: 6, unit: 'PT' },
        },
        fields: 'indentFirstLine,spaceAbove,spaceBelow',
      },
    });
    const read = () =>
      emu.execute(() => {
        const p = body().getChild(0).asParagraph();
        return [p.getIndentFirstLine(), p.getSpacingBefore(), p.getSpacingAfter()];
      });
    expect(read()).toEqual([36, 0, 6]);
    update({ updateParagraphStyle: { range, paragraphStyle: {}, fields: 'spaceBelow' } });
    expect(read()).toEqual([36, 0, null]);
  });

  it('refuses a negative space and a unit other than points', () => {
    const { refused } = blankDocument();
    const style = (paragraphStyle: unknown, fields: string) => ({
      updateParagraphStyle: { range: { startIndex: 1, endIndex: 2 }, paragraphStyle, fields },
    });
    expect(refused(style({ spaceBelow: { magnitude: -1, unit: 'PT' } }, 'spaceBelow'))).toBe(
      `${FAILED}Invalid requests[0].updateParagraphStyle: spaceBelow cannot be negative.`,
    );
    expect(refused(style({ indentFirstLine: { magnitude: 1, unit: 'MM' } }, 'indentFirstLine'))).toBe(
      `${FAILED}Invalid value at 'requests[0].update_paragraph_style.paragraph_style.indent_first_line.unit' (TYPE_ENUM), "MM"`,
    );
  });
});

describe("the style of a paragraph's closing newline", () => {
  it('is set by updateTextStyle over it: an empty line 1 pt high in get and in the .docx', async () => {
    const { update, emu, g, id } = blankDocument();
    update(text(1, 'Chữ\n'));
    const size = (startIndex: number, endIndex: number, magnitude: number) => ({
      updateTextStyle: {
        range: { startIndex, endIndex },
        textStyle: { fontSize: { magnitude, unit: 'PT' } },
        fields: 'fontSize',
      },
    });
    // The text and its "\n" alike: one run; the empty paragraph's "\n" alone.
    update(size(1, 5, 12), size(5, 6, 1));
    const runs = emu
      .execute(() => g.Docs.Documents.get(id))
      .body.content.filter((el: any) => el.paragraph)
      .map((el: any) =>
        el.paragraph.elements.map((e: any) => [e.textRun.content, e.textRun.textStyle.fontSize]),
      );
    expect(runs).toEqual([
      [['Chữ\n', { magnitude: 12, unit: 'PT' }]],
      [['\n', { magnitude: 1, unit: 'PT' }]],
    ]);
    const xml = await documentXml(emu, id);
    // Word's paragraph mark of the empty paragraph: half-points.
    expect(xml).toMatch(/<w:p><w:pPr>(?:(?!<\/w:pPr>).)*<w:rPr><w:sz w:val="2"\/>/);
  });

  it('moves with the paragraph it closes when text with a newline is inserted before it', () => {
    const { update, emu, g, id } = blankDocument();
    update({
      updateTextStyle: {
        range: { startIndex: 1, endIndex: 2 },
        textStyle: { fontSize: { magnitude: 1, unit: 'PT' } },
        fields: 'fontSize',
      },
    });
    update(text(1, 'Trên\n'));
    const marks = emu
      .execute(() => g.Docs.Documents.get(id))
      .body.content.filter((el: any) => el.paragraph)
      .map((el: any) => el.paragraph.elements.at(-1).textRun.textStyle.fontSize?.magnitude);
    // The inserted text takes the style after it (unverified), its new "\n" too; the old "\n" keeps 1 pt.
    expect(marks).toEqual([undefined, 1]);
  });

  it('shows a "\n" styled apart from the text before it as a run of its own', () => {
    const { update, emu, g, id } = blankDocument();
    update(text(1, 'Chữ'), {
      updateTextStyle: { range: { startIndex: 4, endIndex: 5 }, textStyle: { bold: true }, fields: 'bold' },
    });
    const elements = emu.execute(() => g.Docs.Documents.get(id)).body.content[1].paragraph.elements;
    expect(elements.map((e: any) => [e.startIndex, e.textRun.content, e.textRun.textStyle.bold])).toEqual([
      [1, 'Chữ', undefined],
      [4, '\n', true],
    ]);
  });
});

describe('a batch that writes', () => {
  it('is all or nothing: an insertion before a refused request is not kept', () => {
    const { refused, layout } = blankDocument();
    expect(refused(text(1, 'Mất'), text(99, 'x'))).toContain('Invalid requests[1].insertText');
    expect(layout()).toEqual([['p \n', 1, 2]]);
  });

  it('lays out again after each insertion: a later request uses the indices the earlier made', () => {
    const { update, layout } = blankDocument();
    update(text(1, 'Một'), text(4, '\nHai'), text(8, ' Ba'));
    expect(layout()).toEqual([
      ['p Một\n', 1, 5],
      ['p Hai Ba\n', 5, 12],
    ]);
  });
});
