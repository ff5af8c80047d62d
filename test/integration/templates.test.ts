/**
 * Khởi tạo's report templates, written with the Docs API: what a person finds in the Drive folder
 * after a first setup, and after one cut short while a template was being written.
 */
import type { Emulator } from '../../scripts/emulator';
import { loadProduct, sampleConfig } from '../support/product';

const SETTINGS = 'Cấu hình';

function templateIds(emu: Emulator): string[] {
  return emu.sheets
    .values(SETTINGS)
    .filter((r) => String(r[0]).startsWith('mau_'))
    .map((r) => String(r[1]));
}

/** The Google Docs named "Mẫu …" that are not in the trash, by id. */
function templateFiles(emu: Emulator): string[] {
  return Object.values(emu.ctx.state.files.files)
    .filter(
      (f) => f.mimeType === 'application/vnd.google-apps.document' && f.name.startsWith('Mẫu') && !f.trashed,
    )
    .map((f) => f.id)
    .sort();
}

/** What DocumentApp reads of a template: its paragraphs' text in order, tables' cells included. */
function outline(emu: Emulator, id: string): string[] {
  const app = emu.globals.DocumentApp as GoogleAppsScript.Document.DocumentApp;
  return emu.execute(() => {
    const body = app.openById(id).getBody();
    const out: string[] = [];
    for (let i = 0; i < body.getNumChildren(); i += 1) {
      const child = body.getChild(i);
      if (child.getType() === app.ElementType.TABLE) {
        const t = child.asTable();
        out.push(`[${t.getCell(0, 0).getText()} | ${t.getCell(0, 1).getText()}]`);
      } else out.push(child.asParagraph().getText());
    }
    return out;
  });
}

describe('the report templates Khởi tạo makes', () => {
  it('writes each template in four calls, into the templates folder, laid out as the Nghị định 30 header asks', () => {
    const emu = loadProduct({ now: '2026-04-03T09:00:00+07:00' });
    emu.ctx.faults.record();
    emu.run('setUpWorkbook', [sampleConfig()]);
    const calls = emu.ctx.faults.recorded().map((c) => c.name);
    const count = (name: string) => calls.filter((c) => c === name).length;
    expect(count('Docs.Documents.create')).toBe(6);
    expect(count('Docs.Documents.batchUpdate')).toBe(6);
    // No DocumentApp call writes a template any more.
    expect(calls.filter((c) => /^(Body|Paragraph|Table|TableCell)\./.test(c))).toEqual([]);

    const ids = templateIds(emu);
    expect(ids).toHaveLength(6);
    expect(templateFiles(emu)).toEqual([...ids].sort());
    const quarterly = outline(emu, emu.sheets.values(SETTINGS).find((r) => r[0] === 'mau_quy')![1] as string);
    // The empty line Docs keeps before a table that opens a document, the header table, the empty
    // line after it, the title.
    expect(quarterly.slice(0, 5)).toEqual([
      '',
      '[{{CO_QUAN_CAP_TREN}}\n{{CO_QUAN_BAN_HANH}}\n──────────\n{{SO_KY_HIEU}} | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n────────────────────\n{{DIA_DANH_NGAY}}]',
      '',
      '',
      'BÁO CÁO',
    ]);
    expect(quarterly.at(-1)).toBe('');
    const body = (emu.globals.DocumentApp as GoogleAppsScript.Document.DocumentApp)
      .openById(ids[0]!)
      .getBody();
    const page = emu.execute(() => [body.getPageWidth(), body.getMarginLeft(), body.getMarginRight()]);
    expect(page).toEqual([595.276, 85.05, 42.52]);
  });

  it('after a failure while a template is written: no blank template is recorded or left about, and the re-run makes it', () => {
    const emu = loadProduct({ now: '2026-04-03T09:00:00+07:00' });
    emu.ctx.faults.inject('Docs.Documents.batchUpdate', { nth: 3, kind: 'unavailable' });
    try {
      emu.run('setUpWorkbook', [sampleConfig()]);
    } catch {
      // The setup tells the person; what matters here is what it leaves.
    }
    emu.ctx.faults.clear();
    const recorded = templateIds(emu).filter(Boolean);
    // The first two were made; the third was not.
    expect(recorded).toHaveLength(2);
    // Only whole templates are recorded, and the blank one went to the trash.
    expect(templateFiles(emu)).toEqual([...recorded].sort());
    for (const id of recorded) expect(outline(emu, id)).toContain('BÁO CÁO');
    emu.run('setUpWorkbook', []);
    const ids = templateIds(emu);
    expect(ids).toHaveLength(6);
    expect(templateFiles(emu)).toEqual([...ids].sort());
    for (const id of ids) expect(outline(emu, id)).toContain('BÁO CÁO');
  });
});
