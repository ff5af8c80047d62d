import { Emulator } from '../../scripts/emulator';

const START = new Date('2026-03-02T08:00:00+07:00');
const OWNER = 'chutich@hoilhpn.vn';
type Doc = GoogleAppsScript.Document.Document;

function setup() {
  const emu = new Emulator({ now: START, owner: OWNER });
  const DocumentApp = emu.globals.DocumentApp as GoogleAppsScript.Document.DocumentApp;
  const DriveApp = emu.globals.DriveApp as GoogleAppsScript.Drive.DriveApp;
  return { emu, DocumentApp, DriveApp };
}

describe('DocumentApp: create, open, save', () => {
  test('create registers a Drive document owned by the effective user, with one empty paragraph', () => {
    const { emu, DocumentApp, DriveApp } = setup();
    const id = emu.execute(
      () => {
        const doc = DocumentApp.create('Báo cáo tháng 3');
        expect(doc.getBody().getNumChildren()).toBe(1);
        expect(doc.getBody().getText()).toBe('');
        expect(doc.getUrl()).toBe(`https://docs.google.com/open?id=${doc.getId()}`);
        return doc.getId();
      },
      { user: 'canbo@hoilhpn.vn' },
    );
    const file = emu.execute(() => DriveApp.getFileById(id), { user: 'canbo@hoilhpn.vn' });
    expect(file.getMimeType()).toBe('application/vnd.google-apps.document');
    expect(emu.drive.file(id)?.owner).toBe('canbo@hoilhpn.vn');
  });

  test("openById of a missing id, of a spreadsheet id, or without access throws Google's text", () => {
    const { emu, DocumentApp } = setup();
    const missing = "Document is missing (perhaps it was deleted, or you don't have read access?)";
    const id = emu.documents.create('Mẫu', { paragraphs: ['x'] });
    expect(() => emu.execute(() => DocumentApp.openById('nope'))).toThrow(missing);
    expect(() => emu.execute(() => DocumentApp.openById(id), { user: 'la@gmail.com' })).toThrow(missing);
    emu.drive.share(id, 'la@gmail.com', 'VIEW');
    expect(emu.execute(() => DocumentApp.openById(id).getName(), { user: 'la@gmail.com' })).toBe('Mẫu');
    const folder = emu.drive.createFolder('Thư mục');
    expect(() => emu.execute(() => DocumentApp.openById(folder))).toThrow(missing);
  });

  test('a viewer can read but not edit', () => {
    const { emu, DocumentApp } = setup();
    const id = emu.documents.create('Mẫu', { paragraphs: ['Nội dung'] });
    emu.drive.share(id, 'xem@hoilhpn.vn', 'VIEW');
    emu.execute(
      () => {
        const body = DocumentApp.openById(id).getBody();
        expect(body.getText()).toBe('Nội dung');
        expect(() => body.appendParagraph('thêm')).toThrow('Access denied: DocumentApp.');
      },
      { user: 'xem@hoilhpn.vn' },
    );
  });

  test('openByUrl accepts both the Drive and the Document URL forms', () => {
    const { emu, DocumentApp } = setup();
    const id = emu.documents.create('Mẫu');
    emu.execute(() => {
      expect(DocumentApp.openByUrl(`https://docs.google.com/document/d/${id}/edit`).getId()).toBe(id);
      expect(DocumentApp.openByUrl(`https://docs.google.com/open?id=${id}`).getId()).toBe(id);
    });
  });

  test('getActiveDocument is null in a spreadsheet-bound script', () => {
    const { DocumentApp } = setup();
    expect(DocumentApp.getActiveDocument()).toBeNull();
  });

  test('edits are pending until saveAndClose; a closed Document cannot be edited', () => {
    const { emu, DocumentApp } = setup();
    const id = emu.documents.create('Mẫu', { paragraphs: ['cũ'] });
    const doc = DocumentApp.openById(id);
    doc.getBody().appendParagraph('mới');
    expect(emu.documents.text(id)).toBe('cũ\nmới');
    expect(emu.documents.savedText(id)).toBe('cũ');
    doc.saveAndClose();
    expect(emu.documents.savedText(id)).toBe('cũ\nmới');
    expect(() => doc.getBody().appendParagraph('nữa')).toThrow(
      'Document is closed, its contents cannot be updated.',
    );
  });

  test('the end of an execution saves and closes the Documents it opened', () => {
    const { emu, DocumentApp } = setup();
    const id = emu.documents.create('Mẫu');
    const doc = emu.execute(() => {
      const d = DocumentApp.openById(id);
      d.getBody().appendParagraph('Xin chào');
      return d;
    });
    expect(emu.documents.hasPendingEdits(id)).toBe(false);
    expect(emu.documents.savedText(id)).toBe('\nXin chào');
    expect(() => doc.getBody().setText('x')).toThrow('Document is closed, its contents cannot be updated.');
  });

  test('header and footer exist only once added; addHeader does not add a second one', () => {
    const { DocumentApp } = setup();
    const doc = DocumentApp.create('Mẫu');
    expect(doc.getHeader()).toBeNull();
    doc.addHeader().appendParagraph('HỘI LHPN VIỆT NAM');
    doc.addHeader();
    doc.addFooter().setText('Trang 1');
    expect(doc.getHeader()!.getText()).toBe('\nHỘI LHPN VIỆT NAM');
    expect(doc.getFooter()!.getText()).toBe('Trang 1');
    expect(doc.getHeader()!.getType()).toBe(DocumentApp.ElementType.HEADER_SECTION);
  });
});

describe('Body and paragraphs', () => {
  function newBody() {
    const s = setup();
    const doc: Doc = s.DocumentApp.create('Mẫu');
    return { ...s, doc, body: doc.getBody() };
  }

  test('append and insert paragraphs, read children and indices', () => {
    const { body, DocumentApp } = newBody();
    body.getChild(0).asParagraph().setText('Đầu');
    const p = body.appendParagraph('Cuối');
    body.insertParagraph(1, 'Giữa');
    expect(body.getNumChildren()).toBe(3);
    expect(body.getText()).toBe('Đầu\nGiữa\nCuối');
    expect(body.getChildIndex(p)).toBe(2);
    expect(body.getChild(1).getType()).toBe(DocumentApp.ElementType.PARAGRAPH);
    expect(() => body.getChild(3)).toThrow(
      'Child index (3) must be less than the number of child elements (3).',
    );
  });

  test('the last paragraph of a section cannot be removed; clear leaves one empty paragraph', () => {
    const { body } = newBody();
    const first = body.appendParagraph('một');
    const last = body.appendParagraph('hai');
    expect(() => body.removeChild(last)).toThrow("Can't remove the last paragraph in a document section.");
    expect(() => last.removeFromParent()).toThrow("Can't remove the last paragraph in a document section.");
    first.removeFromParent();
    expect(body.getText()).toBe('\nhai');
    body.clear();
    expect(body.getNumChildren()).toBe(1);
    expect(body.getText()).toBe('');
  });

  test('headings, alignment, spacing and indents are kept per paragraph', () => {
    const { body, DocumentApp } = newBody();
    const p = body
      .appendParagraph('BÁO CÁO')
      .setHeading(DocumentApp.ParagraphHeading.HEADING1)
      .setAlignment(DocumentApp.HorizontalAlignment.CENTER)
      .setSpacingAfter(12)
      .setIndentFirstLine(36)
      .setLineSpacing(1.5);
    expect(p.getHeading()).toBe(DocumentApp.ParagraphHeading.HEADING1);
    expect(p.getAlignment()).toBe(DocumentApp.HorizontalAlignment.CENTER);
    expect(p.getSpacingAfter()).toBe(12);
    expect(p.getIndentFirstLine()).toBe(36);
    expect(p.getLineSpacing()).toBe(1.5);
    expect(body.appendParagraph('x').getHeading()).toBe(DocumentApp.ParagraphHeading.NORMAL);
    expect(() => p.setHeading('H1' as unknown as GoogleAppsScript.Document.ParagraphHeading)).toThrow(
      "The parameters (String) don't match the method signature for DocumentApp.Paragraph.setHeading.",
    );
  });

  test('setAttributes sets paragraph and text attributes; getAttributes reads them back', () => {
    const { body, DocumentApp } = newBody();
    const p = body.appendParagraph('Hội Liên hiệp Phụ nữ');
    const style: Record<string, unknown> = {};
    style[DocumentApp.Attribute.BOLD] = true;
    style[DocumentApp.Attribute.FONT_SIZE] = 13;
    style[DocumentApp.Attribute.HORIZONTAL_ALIGNMENT] = DocumentApp.HorizontalAlignment.JUSTIFY;
    p.setAttributes(style);
    const attrs = p.getAttributes() as Record<string, unknown>;
    expect(attrs.BOLD).toBe(true);
    expect(attrs.FONT_SIZE).toBe(13);
    expect(p.getAlignment()).toBe(DocumentApp.HorizontalAlignment.JUSTIFY);
    expect(p.editAsText().isBold(0)).toBe(true);
  });

  test('page size and margins of the Body default to A4 with 1-inch margins and can be set', () => {
    const { body } = newBody();
    expect(body.getPageWidth()).toBeCloseTo(595.3, 1);
    expect(body.getPageHeight()).toBeCloseTo(841.9, 1);
    body.setMarginLeft(85).setMarginRight(42.5).setMarginTop(56.7).setMarginBottom(56.7);
    expect([
      body.getMarginLeft(),
      body.getMarginRight(),
      body.getMarginTop(),
      body.getMarginBottom(),
    ]).toEqual([85, 42.5, 56.7, 56.7]);
  });

  test('consecutive list items share a list; setListId joins lists; glyphs and nesting are kept', () => {
    const { body, DocumentApp } = newBody();
    const a = body.appendListItem('Một').setGlyphType(DocumentApp.GlyphType.NUMBER);
    const b = body.appendListItem('Hai').setNestingLevel(1);
    body.appendParagraph('ngắt');
    const c = body.appendListItem('Ba');
    expect(b.getListId()).toBe(a.getListId());
    expect(c.getListId()).not.toBe(a.getListId());
    c.setListId(a);
    expect(c.getListId()).toBe(a.getListId());
    expect(a.getGlyphType()).toBe(DocumentApp.GlyphType.NUMBER);
    expect(b.getNestingLevel()).toBe(1);
    expect(body.getListItems()).toHaveLength(3);
    expect(body.getParagraphs()).toHaveLength(5);
  });

  test('copy gives a detached paragraph that can be appended; an attached one cannot', () => {
    const { body } = newBody();
    const p = body.appendParagraph('mẫu');
    p.editAsText().setBold(true);
    const copy = p.copy();
    expect(copy.getParent()).toBeNull();
    body.appendParagraph(copy);
    expect(body.getText()).toBe('\nmẫu\nmẫu');
    expect(body.getChild(2).asParagraph().editAsText().isBold()).toBe(true);
    expect(() => body.appendParagraph(p)).toThrow('Element must be detached.');
  });

  test('appendPageBreak and appendHorizontalRule live in paragraphs of their own', () => {
    const { body, DocumentApp } = newBody();
    const br = body.appendPageBreak();
    expect(br.getType()).toBe(DocumentApp.ElementType.PAGE_BREAK);
    expect(br.getParent().getType()).toBe(DocumentApp.ElementType.PARAGRAPH);
    expect(body.appendHorizontalRule().getType()).toBe(DocumentApp.ElementType.HORIZONTAL_RULE);
    expect(body.getNumChildren()).toBe(3);
  });
});

describe('Text runs', () => {
  function text(value: string) {
    const { DocumentApp } = setup();
    const p = DocumentApp.create('Mẫu').getBody().appendParagraph(value);
    return { p, t: p.editAsText(), DocumentApp };
  }

  test('formatting a range splits runs; getTextAttributeIndices shows a tag split across runs', () => {
    const { t } = text('Kính gửi {{ten_don_vi}} thân mến');
    expect(t.getTextAttributeIndices()).toEqual([0]);
    t.setBold(9, 14, true); // "{{ten_" bold, "don_vi}}" plain
    expect(t.getTextAttributeIndices()).toEqual([0, 9, 15]);
    expect(t.isBold(9)).toBe(true);
    expect(t.isBold(15)).toBeNull();
    expect(t.isBold()).toBeNull();
    t.setBold(false);
    t.setBold(null as unknown as boolean);
    expect(t.getTextAttributeIndices()).toEqual([0]);
  });

  test('insertText, appendText and deleteText edit the text; inserted text takes the format before it', () => {
    const { p, t } = text('Hội Phụ nữ');
    t.setItalic(0, 2, true);
    t.insertText(3, ' Liên hiệp');
    expect(t.getText()).toBe('Hội Liên hiệp Phụ nữ');
    expect(t.isItalic(5)).toBe(true);
    t.deleteText(3, 12);
    expect(t.getText()).toBe('Hội Phụ nữ');
    const added = p.appendText(' xã');
    added.setForegroundColor('#ff0000');
    expect(added.getText()).toBe(' xã');
    expect(t.getForegroundColor(10)).toBe('#ff0000');
    expect(t.getForegroundColor(0)).toBeNull();
    t.setFontSize(14)
      .setFontFamily('Times New Roman')
      .setUnderline(0, 2, true)
      .setLinkUrl(0, 2, 'https://hoilhpn.vn');
    expect(t.getFontSize()).toBe(14);
    expect(t.getFontFamily(4)).toBe('Times New Roman');
    expect(t.getLinkUrl(1)).toBe('https://hoilhpn.vn');
    expect(() => (t.setBold as (...a: unknown[]) => unknown)(1, true)).toThrow(
      "The parameters (number,Boolean) don't match the method signature for DocumentApp.Text.setBold.",
    );
  });
});

describe('replaceText and findText', () => {
  test('replaces in every block (paragraphs, table cells, header, footer) with literal replacement', () => {
    const { DocumentApp } = setup();
    const doc = DocumentApp.create('Mẫu');
    const body = doc.getBody();
    body.appendParagraph('Đơn vị: {{don_vi}}');
    body.appendTable([['{{don_vi}}', 'Tháng {{thang}}']]);
    doc.addHeader().setText('{{don_vi}}');
    doc.addFooter().setText('{{thang}}');
    body.replaceText('\\{\\{don_vi\\}\\}', 'Hội LHPN xã A');
    doc.getHeader()!.replaceText('\\{\\{don_vi\\}\\}', 'Hội LHPN xã A');
    doc.getFooter()!.replaceText('\\{\\{thang\\}\\}', '$1 03/2026');
    expect(body.getText()).toBe('\nĐơn vị: Hội LHPN xã A\nHội LHPN xã A\nTháng {{thang}}\n');
    expect(doc.getHeader()!.getText()).toBe('Hội LHPN xã A');
    expect(doc.getFooter()!.getText()).toBe('$1 03/2026');
  });

  test('anchors match per paragraph; matches never cross paragraphs', () => {
    const { DocumentApp } = setup();
    const body = DocumentApp.create('Mẫu').getBody();
    body.setText('một hai');
    body.appendParagraph('ba bốn');
    body.replaceText('^.*$', 'X');
    expect(body.getText()).toBe('X\nX');
    body.replaceText('X\\nX', 'Y');
    expect(body.getText()).toBe('X\nX');
  });

  test('the replaced text takes the format of the first matched character', () => {
    const { DocumentApp } = setup();
    const p = DocumentApp.create('Mẫu').getBody().appendParagraph('Ngày {{ngay}} tháng');
    p.editAsText().setBold(5, 7, true); // "{{n" bold
    p.replaceText('\\{\\{ngay\\}\\}', '02');
    const t = p.editAsText();
    expect(t.getText()).toBe('Ngày 02 tháng');
    expect(t.isBold(5)).toBe(true);
    expect(t.isBold(6)).toBe(true);
    expect(t.isBold(7)).toBeNull();
  });

  test('RE2 rejects lookarounds and backreferences', () => {
    const { DocumentApp } = setup();
    const body = DocumentApp.create('Mẫu').getBody();
    expect(() => body.replaceText('a(?=b)', 'x')).toThrow('Invalid regular expression pattern a(?=b)');
    expect(() => body.findText('(a)\\1')).toThrow('Invalid regular expression pattern (a)\\1');
  });

  test('findText walks matches in document order and returns null at the end', () => {
    const { DocumentApp } = setup();
    const body = DocumentApp.create('Mẫu').getBody();
    body.setText('{{a}} và {{b}}');
    body.appendParagraph('{{c}}');
    const found: string[] = [];
    for (let r = body.findText('\\{\\{\\w+\\}\\}'); r; r = body.findText('\\{\\{\\w+\\}\\}', r)) {
      const text = r.getElement().asText().getText();
      found.push(text.slice(r.getStartOffset(), r.getEndOffsetInclusive() + 1));
      expect(r.getElement().getType()).toBe(DocumentApp.ElementType.TEXT);
    }
    expect(found).toEqual(['{{a}}', '{{b}}', '{{c}}']);
    expect(body.findText('không có')).toBeNull();
  });

  test('a pattern used again and again keeps working (the emulator compiles it once)', () => {
    const { DocumentApp } = setup();
    const body = DocumentApp.create('Mẫu').getBody();
    body.setText('{{a}}');
    // Far more than re2-wasm's fixed heap holds when every call compiles its own copy.
    for (let i = 0; i < 30_000; i++) expect(body.findText('\\{\\{\\w+\\}\\}')).not.toBeNull();
  });
});

describe('Tables', () => {
  test('appendTable(cells) builds rows and cells and appends an empty paragraph after it', () => {
    const { DocumentApp } = setup();
    const body = DocumentApp.create('Mẫu').getBody();
    const table = body.appendTable([
      ['STT', 'Chỉ tiêu', 'Kết quả'],
      ['1', 'Hội viên mới', '25'],
    ]);
    expect(body.getNumChildren()).toBe(3);
    expect(body.getChild(2).getType()).toBe(DocumentApp.ElementType.PARAGRAPH);
    expect(table.getNumRows()).toBe(2);
    expect(table.getRow(1).getNumCells()).toBe(3);
    expect(table.getCell(1, 1).getText()).toBe('Hội viên mới');
    expect(table.getCell(0, 0).getParentRow().getParentTable().getNumRows()).toBe(2);
    expect(body.getTables()).toHaveLength(1);
  });

  test('rows and cells can be appended, inserted, removed; attributes are kept', () => {
    const { DocumentApp } = setup();
    const body = DocumentApp.create('Mẫu').getBody();
    const table = body.appendTable();
    expect(table.getNumRows()).toBe(0);
    const row = table.appendTableRow();
    row.appendTableCell('A');
    row.appendTableCell('B');
    table.insertTableRow(0, row.copy());
    table.appendTableRow().appendTableCell('C');
    table.removeRow(2);
    expect(table.getText()).toBe('A\nB\nA\nB');
    row.removeCell(0);
    expect(row.getNumCells()).toBe(1);
    table.setColumnWidth(0, 40).setBorderWidth(0.5).setBorderColor('#333333');
    expect(table.getColumnWidth(0)).toBe(40);
    expect(table.getBorderWidth()).toBe(0.5);
    const cell = table.getCell(0, 0);
    cell
      .setBackgroundColor('#fde9f1')
      .setWidth(40)
      .setPaddingTop(2)
      .setVerticalAlignment(DocumentApp.VerticalAlignment.CENTER);
    expect(cell.getBackgroundColor()).toBe('#fde9f1');
    expect(cell.getVerticalAlignment()).toBe(DocumentApp.VerticalAlignment.CENTER);
    expect(cell.getPaddingTop()).toBe(2);
    row.setMinimumHeight(20);
    expect(row.getMinimumHeight()).toBe(20);
    cell.setText('mới');
    expect(cell.getText()).toBe('mới');
    cell.appendParagraph('dòng 2');
    expect(cell.getNumChildren()).toBe(2);
  });

  test('appendTable(table) appends a copy; replaceText on a table stays in its cells', () => {
    const { DocumentApp } = setup();
    const body = DocumentApp.create('Mẫu').getBody();
    const t1 = body.appendTable([['{{x}}']]);
    const t2 = body.appendTable(t1);
    t1.replaceText('\\{\\{x\\}\\}', '1');
    expect(t1.getText()).toBe('1');
    expect(t2.getText()).toBe('{{x}}');
  });
});

describe('DocumentApp surface', () => {
  test('an unemulated member throws Not emulated', () => {
    const { DocumentApp } = setup();
    const body = DocumentApp.create('Mẫu').getBody();
    expect(() => body.getImages()).toThrow('Not emulated: Body.getImages');
    expect(() => (DocumentApp as unknown as { FontFamily: { ARIAL: unknown } }).FontFamily.ARIAL).toThrow(
      'Not emulated: DocumentApp.FontFamily',
    );
  });

  test('calls are logged for the cost model', () => {
    const { emu, DocumentApp } = setup();
    emu.ctx.log.clear();
    emu.execute(() => DocumentApp.create('Mẫu').getBody().replaceText('a', 'b'));
    expect(emu.ctx.log.count('DocumentApp.create')).toBe(1);
    expect(emu.ctx.log.count('Body.replaceText')).toBe(1);
  });

  test('a saved state restores the same documents and files', () => {
    const { emu, DocumentApp } = setup();
    const id = emu.execute(() => {
      const doc = DocumentApp.create('Báo cáo');
      doc.getBody().appendParagraph('Hội Liên hiệp Phụ nữ').editAsText().setBold(0, 2, true);
      doc.getBody().appendTable([['a', 'b']]);
      return doc.getId();
    });
    const restored = new Emulator({ state: emu.snapshot() });
    const DocumentApp2 = restored.globals.DocumentApp as GoogleAppsScript.Document.DocumentApp;
    restored.execute(() => {
      const body = DocumentApp2.openById(id).getBody();
      expect(body.getText()).toBe('\nHội Liên hiệp Phụ nữ\na\nb\n');
      expect(body.getParagraphs()[1]!.editAsText().getTextAttributeIndices()).toEqual([0, 3]);
      expect(body.getTables()[0]!.getCell(0, 1).getText()).toBe('b');
    });
    expect(restored.drive.file(id)?.name).toBe('Báo cáo');
  });
});
