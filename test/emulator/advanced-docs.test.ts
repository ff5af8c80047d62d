/**
 * Contract tests of the Advanced Docs service (Docs API v1: documents.get, batchUpdate, create;
 * https://developers.google.com/workspace/docs/api/reference/rest/v1/documents, the structure guide
 * …/concepts/structure and the tables guide …/how-tos/tables). What the API changes is the document
 * DocumentApp reads.
 */
import zlib from 'node:zlib';
import { deployedWith, documentXml, message } from './support';

/* eslint-disable @typescript-eslint/no-explicit-any -- the product sees the services untyped */

const DOCS_SERVICE = { userSymbol: 'Docs', serviceId: 'docs', version: 'v1' };
const FAILED = 'API call to docs.documents.batchUpdate failed with error: ';

function workspace(manifest: Record<string, unknown> = {}) {
  return deployedWith({
    timeZone: 'Asia/Ho_Chi_Minh',
    dependencies: { enabledAdvancedServices: [DOCS_SERVICE] },
    ...manifest,
  });
}

/** A saved document: "Tổng hợp", then a 2×2 table (and the paragraph appendTable adds after it). */
function withTable(g: Record<string, any>, emu: ReturnType<typeof workspace>['emu']): string {
  return emu.execute(() => {
    const doc = g.DocumentApp.create('Báo cáo thử');
    const body = doc.getBody();
    body.setText('Tổng hợp');
    body.appendTable([
      ['Đơn vị', 'Số hội viên'],
      ['Phường A', '1.412'],
    ]);
    doc.saveAndClose();
    return doc.getId();
  });
}

/** [startIndex, endIndex] of each structural element, cells' paragraphs included, in order. */
function spans(content: any[]): Array<[string, number | undefined, number]> {
  const out: Array<[string, number | undefined, number]> = [];
  for (const el of content) {
    if (el.sectionBreak) out.push(['sectionBreak', el.startIndex, el.endIndex]);
    if (el.paragraph) {
      const text = el.paragraph.elements.map((e: any) => e.textRun?.content ?? '').join('');
      out.push([`p ${JSON.stringify(text)}`, el.startIndex, el.endIndex]);
    }
    if (el.table) {
      out.push(['table', el.startIndex, el.endIndex]);
      for (const row of el.table.tableRows) {
        out.push(['row', row.startIndex, row.endIndex]);
        for (const cell of row.tableCells) {
          out.push(['cell', cell.startIndex, cell.endIndex]);
          out.push(...spans(cell.content));
        }
      }
    }
  }
  return out;
}

describe('the Docs global', () => {
  it('exists only when the manifest enables the Docs API v1, under its user symbol', () => {
    expect(deployedWith({ timeZone: 'Asia/Ho_Chi_Minh' }).g.Docs).toBeUndefined();
    const renamed = deployedWith({
      dependencies: { enabledAdvancedServices: [{ ...DOCS_SERVICE, userSymbol: 'DocsApi' }] },
    });
    expect(renamed.g.DocsApi.Documents).toBeDefined();
    expect(renamed.g.Docs).toBeUndefined();
  });

  it('needs the documents or drive scope: documents.currentonly does not serve it', () => {
    const { emu, g } = workspace({ oauthScopes: ['https://www.googleapis.com/auth/documents.currentonly'] });
    expect(message(() => emu.execute(() => g.Docs.Documents.create({ title: 'X' })))).toContain(
      'You do not have permission to call Docs.Documents.create',
    );
  });

  it('leaves what is not emulated unemulated', () => {
    const { g } = workspace();
    expect(message(() => g.Docs.Documents.remove('x'))).toBe('Not emulated: Docs.Documents.remove');
  });
});

describe('Documents.get', () => {
  it('gives each element its UTF-16 indices: the section break, a paragraph, a 2×2 table and its cells', () => {
    const { emu, g } = workspace();
    const id = withTable(g, emu);
    const doc = emu.execute(() => g.Docs.Documents.get(id));
    expect(doc.title).toBe('Báo cáo thử');
    expect(spans(doc.body.content)).toEqual([
      ['sectionBreak', undefined, 1],
      ['p "Tổng hợp\\n"', 1, 10],
      ['table', 10, 52],
      ['row', 11, 33],
      ['cell', 12, 20],
      ['p "Đơn vị\\n"', 13, 20],
      ['cell', 20, 33],
      ['p "Số hội viên\\n"', 21, 33],
      ['row', 33, 51],
      ['cell', 34, 44],
      ['p "Phường A\\n"', 35, 44],
      ['cell', 44, 51],
      ['p "1.412\\n"', 45, 51],
      ['p "\\n"', 52, 53],
    ]);
    expect(doc.body.content[2].table).toMatchObject({ rows: 2, columns: 2 });
  });

  it('counts in UTF-16 code units: a character outside the BMP takes two', () => {
    const { emu, g } = workspace();
    const id = emu.execute(() => {
      const doc = g.DocumentApp.create('Thử');
      doc.getBody().setText('Hội 😀');
      doc.getBody().appendParagraph('Sau');
      doc.saveAndClose();
      return doc.getId();
    });
    const content = emu.execute(() => g.Docs.Documents.get(id)).body.content;
    expect(spans(content).slice(1)).toEqual([
      ['p "Hội 😀\\n"', 1, 8],
      ['p "Sau\\n"', 8, 12],
    ]);
  });

  it('refuses what the emulator cannot show as the API does (a list item) instead of leaving it out', () => {
    const { emu, g } = workspace();
    const id = emu.execute(() => {
      const doc = g.DocumentApp.create('Thử');
      doc.getBody().appendListItem('Một');
      doc.saveAndClose();
      return doc.getId();
    });
    expect(message(() => emu.execute(() => g.Docs.Documents.get(id)))).toBe(
      'Not emulated: Docs.Documents.get of a list item',
    );
  });

  it('sees only what DocumentApp saved: a call over unsaved edits is refused', () => {
    const { emu, g } = workspace();
    const id = withTable(g, emu);
    const text = message(() =>
      emu.execute(() => {
        g.DocumentApp.openById(id).getBody().appendParagraph('chưa lưu');
        return g.Docs.Documents.get(id);
      }),
    );
    expect(text).toContain('while DocumentApp edits to it are not saved; call saveAndClose() first');
  });

  it('answers 404 for a document that does not exist', () => {
    const { emu, g } = workspace();
    expect(message(() => emu.execute(() => g.Docs.Documents.get('doc-none')))).toBe(
      'API call to docs.documents.get failed with error: Requested entity was not found.',
    );
  });
});

describe('Documents.batchUpdate', () => {
  it('styles the table, and DocumentApp reads back the alignment, bold, font, widths; get shows the pinned header', () => {
    const { emu, g } = workspace();
    const id = withTable(g, emu);
    const table = { index: 10 };
    const result = emu.execute(() =>
      g.Docs.Documents.batchUpdate(
        {
          requests: [
            {
              updateParagraphStyle: {
                range: { startIndex: 45, endIndex: 51 },
                paragraphStyle: { alignment: 'END' },
                fields: 'alignment',
              },
            },
            {
              updateTextStyle: {
                range: { startIndex: 11, endIndex: 33 },
                textStyle: { bold: true },
                fields: 'bold',
              },
            },
            {
              updateTextStyle: {
                range: { startIndex: 10, endIndex: 52 },
                textStyle: {
                  fontSize: { magnitude: 12, unit: 'PT' },
                  weightedFontFamily: { fontFamily: 'Times New Roman' },
                },
                fields: 'fontSize,weightedFontFamily',
              },
            },
            {
              updateTableColumnProperties: {
                tableStartLocation: table,
                columnIndices: [0],
                tableColumnProperties: { widthType: 'FIXED_WIDTH', width: { magnitude: 180, unit: 'PT' } },
                fields: 'widthType,width',
              },
            },
            { pinTableHeaderRows: { tableStartLocation: table, pinnedHeaderRowsCount: 1 } },
          ],
        },
        id,
      ),
    );
    expect(result).toEqual({ documentId: id, replies: [{}, {}, {}, {}, {}] });
    const seen = emu.execute(() => {
      const t = g.DocumentApp.openById(id).getBody().getTables()[0];
      const cell = (r: number, c: number) => t.getCell(r, c).getChild(0).asParagraph();
      return {
        figure: String(cell(1, 1).getAlignment()),
        label: cell(1, 0).getAlignment(),
        header: t.getCell(0, 1).editAsText().isBold(),
        body: t.getCell(1, 1).editAsText().isBold(),
        font: t.getCell(1, 0).editAsText().getFontFamily(),
        size: t.getCell(1, 0).editAsText().getFontSize(),
        widths: [t.getColumnWidth(0), t.getColumnWidth(1)],
      };
    });
    expect(seen).toEqual({
      figure: 'RIGHT',
      label: null,
      header: true,
      body: null,
      font: 'Times New Roman',
      size: 12,
      widths: [180, null],
    });
    const doc = emu.execute(() => g.Docs.Documents.get(id));
    const t = doc.body.content[2].table;
    expect(t.tableRows.map((r: any) => r.tableRowStyle.tableHeader ?? false)).toEqual([true, false]);
    expect(t.tableStyle.tableColumnProperties).toEqual([
      { widthType: 'FIXED_WIDTH', width: { magnitude: 180, unit: 'PT' } },
      { widthType: 'EVENLY_DISTRIBUTED' },
    ]);
    expect(t.tableRows[1].tableCells[1].content[0].paragraph.paragraphStyle.alignment).toBe('END');
    // Styling moves no index.
    expect(spans(doc.body.content).at(-1)).toEqual(['p "\\n"', 52, 53]);
  });

  it('is all or nothing: a bad request after a good one leaves the document as it was', () => {
    const { emu, g } = workspace();
    const id = withTable(g, emu);
    const align = (startIndex: number, endIndex: number) => ({
      updateParagraphStyle: {
        range: { startIndex, endIndex },
        paragraphStyle: { alignment: 'CENTER' },
        fields: 'alignment',
      },
    });
    expect(
      message(() =>
        emu.execute(() => g.Docs.Documents.batchUpdate({ requests: [align(1, 10), align(45, 99)] }, id)),
      ),
    ).toBe(
      `${FAILED}Invalid requests[1].updateParagraphStyle: Index 98 must be less than the end index of the referenced segment, 53.`,
    );
    const first = emu.execute(() =>
      g.DocumentApp.openById(id).getBody().getChild(0).asParagraph().getAlignment(),
    );
    expect(first).toBeNull();
  });

  it('requires a fields mask, and resets a field the mask names but the style leaves out', () => {
    const { emu, g } = workspace();
    const id = withTable(g, emu);
    const run = (body: any) => emu.execute(() => g.Docs.Documents.batchUpdate({ requests: [body] }, id));
    const range = { startIndex: 1, endIndex: 10 };
    expect(message(() => run({ updateTextStyle: { range, textStyle: { bold: true } } }))).toBe(
      `${FAILED}Invalid requests[0].updateTextStyle: At least one field must be listed in 'fields'. (Use '*' to indicate all fields.)`,
    );
    expect(
      message(() => run({ updateTextStyle: { range, textStyle: { bold: true }, fields: 'boldness' } })),
    ).toContain('Invalid requests[0].updateTextStyle: Invalid field selection boldness');
    expect(
      message(() =>
        run({ updateParagraphStyle: { range, paragraphStyle: { alignment: 'RIGHT' }, fields: 'alignment' } }),
      ),
    ).toBe(
      `${FAILED}Invalid value at 'requests[0].update_paragraph_style.paragraph_style.alignment' (TYPE_ENUM), "RIGHT"`,
    );
    run({ updateParagraphStyle: { range, paragraphStyle: { alignment: 'CENTER' }, fields: 'alignment' } });
    // Only the fields named change: bold in the style but not in the mask is ignored.
    run({ updateParagraphStyle: { range, paragraphStyle: {}, fields: 'alignment' } });
    run({ updateTextStyle: { range, textStyle: { bold: true, italic: true }, fields: 'italic' } });
    const p = emu.execute(() => {
      const para = g.DocumentApp.openById(id).getBody().getChild(0).asParagraph();
      return {
        align: para.getAlignment(),
        bold: para.editAsText().isBold(),
        italic: para.editAsText().isItalic(),
      };
    });
    expect(p).toEqual({ align: null, bold: null, italic: true });
  });

  it('pins header rows only at a table start, up to the table rows; 0 unpins', () => {
    const { emu, g } = workspace();
    const id = withTable(g, emu);
    const pin = (index: number, count: number) =>
      emu.execute(() =>
        g.Docs.Documents.batchUpdate(
          {
            requests: [
              { pinTableHeaderRows: { tableStartLocation: { index }, pinnedHeaderRowsCount: count } },
            ],
          },
          id,
        ),
      );
    expect(message(() => pin(11, 1))).toContain(
      'Invalid requests[0].pinTableHeaderRows: The provided table start location is invalid',
    );
    expect(message(() => pin(10, 3))).toContain('exceeds the number of rows in the table (2)');
    const header = () =>
      emu
        .execute(() => g.Docs.Documents.get(id))
        .body.content[2].table.tableRows.map((r: any) => r.tableRowStyle.tableHeader === true);
    pin(10, 2);
    expect(header()).toEqual([true, true]);
    pin(10, 0);
    expect(header()).toEqual([false, false]);
  });

  it('refuses a column narrower than 5 points', () => {
    const { emu, g } = workspace();
    const id = withTable(g, emu);
    const text = message(() =>
      emu.execute(() =>
        g.Docs.Documents.batchUpdate(
          {
            requests: [
              {
                updateTableColumnProperties: {
                  tableStartLocation: { index: 10 },
                  columnIndices: [],
                  tableColumnProperties: { widthType: 'FIXED_WIDTH', width: { magnitude: 4, unit: 'PT' } },
                  fields: 'widthType,width',
                },
              },
            ],
          },
          id,
        ),
      ),
    );
    expect(text).toContain(
      'Invalid requests[0].updateTableColumnProperties: The column width must be at least 5 points.',
    );
  });

  it('throws Not emulated for a request kind it does not implement, and refuses an empty batch', () => {
    const { emu, g } = workspace();
    const id = withTable(g, emu);
    expect(
      message(() =>
        emu.execute(() =>
          g.Docs.Documents.batchUpdate(
            { requests: [{ deleteContentRange: { range: { startIndex: 1, endIndex: 2 } } }] },
            id,
          ),
        ),
      ),
    ).toBe('Not emulated: Docs.Documents.batchUpdate deleteContentRange');
    expect(message(() => emu.execute(() => g.Docs.Documents.batchUpdate({ requests: [] }, id)))).toBe(
      `${FAILED}Must specify at least one request.`,
    );
  });

  it('leaves a DocumentApp handle opened before it stale: an edit through it is refused, a new handle sees the change', () => {
    const { emu, g } = workspace();
    const id = withTable(g, emu);
    const pin = { pinTableHeaderRows: { tableStartLocation: { index: 10 }, pinnedHeaderRowsCount: 1 } };
    const text = message(() =>
      emu.execute(() => {
        const before = g.DocumentApp.openById(id).getBody();
        g.Docs.Documents.batchUpdate({ requests: [pin] }, id);
        before.appendParagraph('mất?');
      }),
    );
    expect(text).toContain('opened before Docs.Documents.batchUpdate changed it; open it again');
    const after = emu.execute(() => {
      const body = g.DocumentApp.openById(id).getBody();
      body.appendParagraph('Ghi chú');
      return body.getNumChildren();
    });
    expect(after).toBe(4);
  });

  it('is refused to a person who may only view the document', () => {
    const { emu, g } = workspace();
    const id = withTable(g, emu);
    emu.execute(() => g.DriveApp.getFileById(id).addViewer('canbo@hoilhpn.vn'));
    const text = message(() =>
      emu.execute(
        () =>
          g.Docs.Documents.batchUpdate(
            {
              requests: [
                { pinTableHeaderRows: { tableStartLocation: { index: 10 }, pinnedHeaderRowsCount: 1 } },
              ],
            },
            id,
          ),
        { user: 'canbo@hoilhpn.vn' },
      ),
    );
    expect(text).toBe(`${FAILED}The caller does not have permission`);
  });
});

describe('Documents.create', () => {
  it('makes a blank document with the title only, which DocumentApp opens', () => {
    const { emu, g } = workspace();
    const doc = emu.execute(() => g.Docs.Documents.create({ title: 'Mẫu báo cáo quý' }));
    expect(doc.title).toBe('Mẫu báo cáo quý');
    expect(spans(doc.body.content)).toEqual([
      ['sectionBreak', undefined, 1],
      ['p "\\n"', 1, 2],
    ]);
    const name = emu.execute(() => g.DocumentApp.openById(doc.documentId).getName());
    expect(name).toBe('Mẫu báo cáo quý');
  });
});

describe('exports', () => {
  it('marks the pinned header rows as Word header rows (w:tblHeader), which repeat on each page', async () => {
    const { emu, g } = workspace();
    const id = withTable(g, emu);
    emu.execute(() =>
      g.Docs.Documents.batchUpdate(
        {
          requests: [{ pinTableHeaderRows: { tableStartLocation: { index: 10 }, pinnedHeaderRowsCount: 1 } }],
        },
        id,
      ),
    );
    const xml = await documentXml(emu, id);
    const rows = [...xml.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((m) => m[0].includes('<w:tblHeader'));
    expect(rows).toEqual([true, false]);
  });
});

describe('the PDF export', () => {
  /** How many times the content streams paint with `#fde9f1` (the header cells' background). */
  function headerPaints(pdf: Buffer): number {
    const text = pdf.toString('latin1');
    let count = 0;
    for (const m of text.matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)) {
      let data: string;
      try {
        data = zlib.inflateSync(Buffer.from(m[1]!, 'latin1')).toString('latin1');
      } catch {
        continue;
      }
      count += (data.match(/0\.992156\d* 0\.913725\d* 0\.945098\d* scn/g) ?? []).length;
    }
    return count;
  }

  it('draws the pinned header rows again at the top of each page a long table runs onto', () => {
    const { emu, g } = workspace();
    const id = emu.execute(() => {
      const doc = g.DocumentApp.create('Bảng dài');
      const rows = [['STT', 'Đơn vị']];
      for (let i = 1; i <= 120; i += 1) rows.push([String(i), `Hội LHPN phường ${i}`]);
      const table = doc.getBody().appendTable(rows);
      table.getCell(0, 0).setBackgroundColor('#fde9f1');
      doc.saveAndClose();
      return doc.getId();
    });
    const pages = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;
    const before = emu.documents.pdf(id);
    expect(pages(before)).toBeGreaterThan(2);
    expect(headerPaints(before)).toBe(1);
    emu.execute(() =>
      g.Docs.Documents.batchUpdate(
        {
          requests: [{ pinTableHeaderRows: { tableStartLocation: { index: 2 }, pinnedHeaderRowsCount: 1 } }],
        },
        id,
      ),
    );
    const after = emu.documents.pdf(id);
    expect(headerPaints(after)).toBe(pages(after));
  });
});
