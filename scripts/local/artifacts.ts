/**
 * What the product made in the emulated Workspace, written inside the workspace folder so a person
 * can open it: each Google Doc as .docx (and .pdf when LibreOffice is installed) under `tai-lieu/`,
 * each email sent as .eml under `thu-da-gui/`.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Emulator } from '../emulator';
import { exportEml } from '../emulator/export/eml';
import { convertDocxToPdf, sofficeAvailable } from '../emulator/export/pdf';

export const DOCUMENTS_DIR = 'tai-lieu';
export const OUTBOX_DIR = 'thu-da-gui';
/** The Drive folder Khởi tạo keeps the templates in (src/app/report.ts). */
const TEMPLATES_FOLDER = 'Mẫu báo cáo';

/** A file name that any file system takes, keeping the Vietnamese letters. */
export function safeName(name: string): string {
  const printable = [...name].filter((c) => c >= ' ').join('');
  return (
    printable
      .replace(/[\\/:*?"<>|]/g, '-')
      .trim()
      .slice(0, 150) || 'khong-ten'
  );
}

/** When each document was last written out, by id (a .docx embeds the time it is made, so bytes can't tell). */
function readManifest(file: string): Record<string, number> {
  return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, number>) : {};
}

/** Writes what is new or changed; returns the paths written. */
export async function writeArtifacts(dir: string, emulator: Emulator): Promise<string[]> {
  const written: string[] = [];
  const live = new Map(emulator.drive.files().map((f) => [f.id, f]));
  const documents = emulator.documents.ids().filter((id) => live.get(id) && !live.get(id)!.trashed);
  if (documents.length > 0) {
    const folder = path.join(dir, DOCUMENTS_DIR);
    fs.mkdirSync(folder, { recursive: true });
    const soffice = sofficeAvailable();
    // Templates are for editing; only the reports made from them get a PDF.
    const isTemplate = (id: string) =>
      live.get(id)!.parents.some((p) => live.get(p)?.name === TEMPLATES_FOLDER);
    const manifestFile = path.join(folder, '.da-ghi.json');
    const manifest = readManifest(manifestFile);
    for (const id of documents) {
      const file = live.get(id)!;
      const docx = path.join(folder, `${safeName(file.name)}.docx`);
      if (manifest[id] === file.updatedAt && fs.existsSync(docx)) continue;
      fs.writeFileSync(docx, await emulator.documents.docx(id));
      manifest[id] = file.updatedAt;
      written.push(docx);
      if (soffice && !isTemplate(id)) {
        try {
          written.push(convertDocxToPdf(docx, folder));
        } catch {
          // A LibreOffice without Writer (only Calc, say) cannot convert: the .docx is still there.
        }
      }
    }
    fs.writeFileSync(manifestFile, JSON.stringify(manifest));
  }
  const outbox = emulator.mail.outbox();
  if (outbox.length > 0) {
    const folder = path.join(dir, OUTBOX_DIR);
    fs.mkdirSync(folder, { recursive: true });
    for (const [i, message] of outbox.entries()) {
      const file = path.join(folder, `${String(i + 1).padStart(3, '0')} ${safeName(message.subject)}.eml`);
      if (fs.existsSync(file)) continue;
      await exportEml(message, file);
      written.push(file);
    }
  }
  return written;
}
