import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Emulator } from '../../scripts/emulator';
import { exportEml } from '../../scripts/emulator/export/eml';

const SUBJECT = '[Hội LHPN quận Hoàng Mai] Báo cáo Quý III/2026';
const PDF = Buffer.from('%PDF-1.4\n% báo cáo\n%%EOF\n');

/** Decodes RFC 2047 encoded words (B and Q), enough to read a header back. */
function decodeWords(header: string): string {
  return header
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?UTF-8\?([BQ])\?([^?]*)\?=/gi, (_m, enc: string, text: string) =>
      enc.toUpperCase() === 'B'
        ? Buffer.from(text, 'base64').toString('utf8')
        : Buffer.from(
            text
              .replace(/_/g, ' ')
              .replace(/=([0-9A-F]{2})/gi, (_h, hex: string) => String.fromCharCode(parseInt(hex, 16))),
            'latin1',
          ).toString('utf8'),
    );
}

/** The value of a (possibly folded) header. */
function header(raw: string, name: string): string {
  const match = new RegExp(`^${name}: (.*(?:\\r\\n[ \\t].*)*)`, 'mi').exec(raw);
  return match ? match[1]!.replace(/\r\n[ \t]/g, ' ') : '';
}

describe('exportEml', () => {
  test('writes a multipart message with an encoded Vietnamese subject, text, HTML and a PDF', async () => {
    const emu = new Emulator({ now: new Date('2026-03-02T08:00:00+07:00'), owner: 'chutich@hoilhpn.vn' });
    const MailApp = emu.globals.MailApp as GoogleAppsScript.Mail.MailApp;
    const Utilities = emu.globals.Utilities as GoogleAppsScript.Utilities.Utilities;
    emu.execute(() =>
      MailApp.sendEmail('phuong.tuongmai@hoilhpn.vn', SUBJECT, 'Kính gửi các đơn vị,', {
        htmlBody: '<p>Kính gửi <b>các đơn vị</b>,</p>',
        name: 'Hội LHPN quận Hoàng Mai',
        bcc: 'luu@hoilhpn.vn',
        attachments: [Utilities.newBlob(Array.from(PDF), 'application/pdf', 'Báo cáo Quý III.pdf')],
      }),
    );
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'eml-')), 'message.eml');
    await exportEml(emu.mail.outbox()[0]!, file);
    const raw = fs.readFileSync(file, 'utf8');

    // Headers are ASCII: the subject and the sender's name travel as UTF-8 encoded words.
    expect(header(raw, 'Subject')).toMatch(/^=\?UTF-8\?[BQ]\?/);
    expect(decodeWords(header(raw, 'Subject'))).toBe(SUBJECT);
    expect(decodeWords(header(raw, 'From'))).toBe('Hội LHPN quận Hoàng Mai <chutich@hoilhpn.vn>');
    expect(header(raw, 'To')).toBe('phuong.tuongmai@hoilhpn.vn');
    expect(header(raw, 'Bcc')).toBe('luu@hoilhpn.vn');
    expect(header(raw, 'Date')).toBe('Mon, 02 Mar 2026 01:00:00 +0000');
    expect(raw.split('\r\n\r\n')[0]).toMatch(/^[\x20-\x7e\r\n\t]*$/);

    // multipart/mixed holding a multipart/alternative (text + HTML) and the PDF.
    expect(header(raw, 'Content-Type')).toMatch(/^multipart\/mixed;/);
    expect(raw).toMatch(/Content-Type: multipart\/alternative;/);
    expect(raw).toMatch(/Content-Type: text\/plain; charset=utf-8/);
    expect(raw).toMatch(/Content-Type: text\/html; charset=utf-8/);
    const pdfPart = raw.split(/\r\n--/).find((p) => p.includes('Content-Type: application/pdf'))!;
    expect(pdfPart).toMatch(/Content-Transfer-Encoding: base64/);
    expect(pdfPart).toMatch(/Content-Disposition: attachment/);
    const body = pdfPart.split('\r\n\r\n')[1]!.replace(/\s+/g, '');
    expect(Buffer.from(body, 'base64')).toEqual(PDF);
  });
});
