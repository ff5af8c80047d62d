/**
 * What the product made during the demo, written where a person can open it: each report (a Google
 * Doc in the emulated Drive, templates left out) as .docx, and as .pdf when the machine's LibreOffice
 * converts it; each email of the outbox as .eml.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Emulator } from '../emulator';
import { exportEml } from '../emulator/export/eml';
import { convertDocxToPdf, sofficeAvailable } from '../emulator/export/pdf';
import type { MailMessage } from '../emulator/services/mail';
import { safeName } from '../local/artifacts';

export const REPORTS_DIR = 'bao-cao';
export const EMAILS_DIR = 'thu';
const GOOGLE_DOC = 'application/vnd.google-apps.document';
/** The Drive folder Khởi tạo keeps the templates in (src/app/report.ts). */
const TEMPLATES_FOLDER = 'Mẫu báo cáo';

export interface ReportFile {
  docId: string;
  /** The name in Drive, e.g. "BC Quý I-2026 - Hội LHPN quận Hoàng Mai". */
  name: string;
  createdAt: number;
  /** Paths relative to the output folder, with '/' (they are links of index.html). */
  docx: string;
  pdf: string | null;
}

export interface EmailFile {
  kind: 'nhac-nop' | 'bao-cao-quy' | 'thu';
  to: string[];
  subject: string;
  sentAt: number;
  /** Path relative to the output folder, with '/'. */
  eml: string;
}

/** The reports in Drive, oldest first (the templates are for editing, not reports). */
function reportDocuments(emu: Emulator) {
  const files = emu.drive.files();
  const templateFolders = new Set(files.filter((f) => f.name === TEMPLATES_FOLDER).map((f) => f.id));
  return files
    .filter((f) => f.mimeType === GOOGLE_DOC && !f.trashed)
    .filter((f) => !f.parents.some((p) => templateFolders.has(p)))
    .sort((a, b) => a.createdAt - b.createdAt);
}

/**
 * Converts with LibreOffice when there is one; a LibreOffice without Writer (only Calc, say) cannot
 * convert any document, so the first failure stops further tries.
 */
class PdfConverter {
  private usable = sofficeAvailable();
  problem: string | null = this.usable ? null : 'máy không có LibreOffice';

  convert(docx: string): string | null {
    if (!this.usable) return null;
    try {
      return convertDocxToPdf(docx, path.dirname(docx));
    } catch {
      this.usable = false;
      this.problem = 'LibreOffice của máy không chuyển được .docx, có thể thiếu Writer';
      return null;
    }
  }
}

export async function writeReports(
  emu: Emulator,
  outDir: string,
): Promise<{ reports: ReportFile[]; pdfProblem: string | null }> {
  const dir = path.join(outDir, REPORTS_DIR);
  fs.mkdirSync(dir, { recursive: true });
  const pdf = new PdfConverter();
  const reports: ReportFile[] = [];
  for (const file of reportDocuments(emu)) {
    const docx = path.join(dir, `${safeName(file.name)}.docx`);
    fs.writeFileSync(docx, await emu.documents.docx(file.id));
    const converted = pdf.convert(docx);
    reports.push({
      docId: file.id,
      name: file.name,
      createdAt: file.createdAt,
      docx: `${REPORTS_DIR}/${path.basename(docx)}`,
      pdf: converted && `${REPORTS_DIR}/${path.basename(converted)}`,
    });
  }
  return { reports, pdfProblem: pdf.problem };
}

function kindOf(message: MailMessage): EmailFile['kind'] {
  if (/\] Nhắc nộp số liệu /.test(message.subject)) return 'nhac-nop';
  if (/\] Báo cáo Quý /.test(message.subject)) return 'bao-cao-quy';
  return 'thu';
}

/** "001-2026-04-05-nhac-nop-daikim.eml": in the order sent, with the day, the kind and the recipient. */
function emlName(index: number, message: MailMessage, kind: EmailFile['kind'], timeZone: string): string {
  const day = new Date(message.sentAt).toLocaleDateString('sv-SE', { timeZone });
  const who = (message.to[0] ?? 'khong-nguoi-nhan').split('@')[0]!.replace(/[^A-Za-z0-9._-]/g, '-');
  return `${String(index + 1).padStart(3, '0')}-${day}-${kind}-${who}.eml`;
}

export async function writeEmails(emu: Emulator, outDir: string): Promise<EmailFile[]> {
  const dir = path.join(outDir, EMAILS_DIR);
  fs.mkdirSync(dir, { recursive: true });
  const timeZone = emu.ctx.state.scriptTimeZone;
  const emails: EmailFile[] = [];
  for (const [i, message] of emu.mail.outbox().entries()) {
    const kind = kindOf(message);
    const name = emlName(i, message, kind, timeZone);
    await exportEml(message, path.join(dir, name));
    emails.push({
      kind,
      to: message.to,
      subject: message.subject,
      sentAt: message.sentAt,
      eml: `${EMAILS_DIR}/${name}`,
    });
  }
  return emails;
}
