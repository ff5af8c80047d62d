import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { Emulator } from '../../scripts/emulator';
import { exportDocx } from '../../scripts/emulator/export/docx';
import { exportPdf } from '../../scripts/emulator/export/pdf';

function report(rows = 3) {
  const emu = new Emulator({ now: new Date('2026-03-02T08:00:00+07:00'), owner: 'chutich@hoilhpn.vn' });
  const DocumentApp = emu.globals.DocumentApp as GoogleAppsScript.Document.DocumentApp;
  const id = emu.execute(() => {
    const doc = DocumentApp.create('Báo cáo Quý 1');
    doc.addHeader().setText('HỘI LHPN XÃ A');
    doc.addFooter().setText('Trang cuối');
    const body = doc.getBody();
    body.setMarginLeft(85).setMarginRight(42.5);
    const title = body.getChild(0).asParagraph();
    title.setText('BÁO CÁO');
    title.setHeading(DocumentApp.ParagraphHeading.HEADING1);
    body.appendParagraph('Hội Liên hiệp Phụ nữ').setAlignment(DocumentApp.HorizontalAlignment.CENTER);
    body.appendParagraph('Kết quả: ').appendText('tốt').setBold(true);
    body.appendListItem('Phát triển hội viên').setGlyphType(DocumentApp.GlyphType.NUMBER);
    body.appendListItem('Tuyên truyền');
    const data = [['STT', 'Chỉ tiêu', 'Kết quả']];
    for (let i = 1; i <= rows; i += 1)
      data.push([String(i), `Chỉ tiêu số ${i} về công tác hội`, String(i * 3)]);
    const table = body.appendTable(data).setBorderWidth(0.5).setColumnWidth(0, 36);
    table.getCell(0, 1).setBackgroundColor('#fde9f1');
    body.appendPageBreak();
    body.appendParagraph('Nơi nhận');
    return doc.getId();
  });
  return { emu, id };
}

async function readDocx(file: string) {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const xml = (name: string) => zip.file(name)!.async('string');
  const text = (x: string) => [...x.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('|');
  return { zip, xml, text };
}

describe('export to .docx and .pdf', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'docx-test-'));

  test('the .docx has the Vietnamese text in NFC, the table, header, footer, A4 and the margins', async () => {
    const { emu, id } = report();
    const file = path.join(dir, 'bao-cao.docx');
    await exportDocx(emu.ctx, id, file);
    const { zip, xml, text } = await readDocx(file);
    const body = await xml('word/document.xml');
    const words = text(body);
    expect(words).toContain('BÁO CÁO');
    expect(words).toContain('Hội Liên hiệp Phụ nữ');
    expect(words).toBe(words.normalize('NFC'));
    expect(words).toContain('Chỉ tiêu số 2 về công tác hội');
    expect(body.match(/<w:tbl>/g)).toHaveLength(1);
    expect(body.match(/<w:tr[ >]/g)).toHaveLength(4);
    expect(body).toContain('w:fill="fde9f1"');
    expect(body).toContain('<w:br w:type="page"/>');
    expect(body).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(body).toMatch(/w:left="1700"/);
    expect(body).toMatch(/<w:pStyle w:val="Heading1"\/>/);
    expect(body).toMatch(/<w:b\/>[\s\S]*tốt/);
    expect(body).toMatch(/<w:numPr>/);
    const headers = Object.keys(zip.files).filter((n) => /word\/header\d*\.xml/.test(n));
    expect(text(await xml(headers[0]!))).toBe('HỘI LHPN XÃ A');
  });

  test('the PDF is real, embeds a font with Vietnamese glyphs, and a full report renders fast', () => {
    const { emu, id } = report(30);
    const file = path.join(dir, 'bao-cao.pdf');
    const started = Date.now();
    exportPdf(emu.ctx, id, file);
    expect(Date.now() - started).toBeLessThan(3000);
    const pdf = fs.readFileSync(file);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.toString('latin1')).toMatch(/\/BaseFont \/[A-Z]{6}\+Tinos/);
    expect((pdf.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length).toBeGreaterThanOrEqual(2);
  });
});
