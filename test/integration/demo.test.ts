import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { ROOT } from '../support/product';

const OUT = path.join(ROOT, 'out', 'demo');
const OWNER = '[Hội LHPN quận Hoàng Mai]';
const QUARTERS = ['I', 'II', 'III', 'IV'];

interface DemoRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `npm run demo` as a person would, from the project folder. */
function runDemo(): DemoRun {
  const result = spawnSync('npm', ['run', '--silent', 'demo'], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    timeout: 170_000,
  });
  // npm itself may warn about the machine's npmrc on stderr; keep only the demo's own lines.
  const stderr = result.stderr
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('npm warn'))
    .join('\n');
  return { status: result.status, stdout: result.stdout, stderr };
}

function unescapeHtml(text: string): string {
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
  return text.replace(/&(#\d+|#x[0-9a-f]+|[a-z]+);/gi, (entity, code: string) => {
    if (code.startsWith('#x') || code.startsWith('#X'))
      return String.fromCodePoint(parseInt(code.slice(2), 16));
    if (code.startsWith('#')) return String.fromCodePoint(Number(code.slice(1)));
    return named[code] ?? entity;
  });
}

/** The files index.html links to, as paths relative to out/demo. */
function linkedFiles(html: string): string[] {
  return [...html.matchAll(/href="([^"]*)"/g)].map((m) => decodeURIComponent(unescapeHtml(m[1]!)));
}

/** A header of an .eml: unfolded, its encoded words (RFC 2047) decoded as UTF-8. */
function emlHeader(file: string, name: string): string {
  const raw = fs.readFileSync(file, 'latin1');
  const head = raw.slice(0, raw.search(/\r?\n\r?\n/)).replace(/\r?\n[ \t]+/g, ' ');
  const line = head.split(/\r?\n/).find((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`)) ?? '';
  const bytes = line
    .slice(name.length + 1)
    .trim()
    // Blanks between adjacent encoded words are not part of the text.
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_word, encoding: string, text: string) =>
      encoding.toLowerCase() === 'b'
        ? Buffer.from(text, 'base64').toString('latin1')
        : text
            .replace(/_/g, ' ')
            .replace(/=([0-9a-f]{2})/gi, (_h, hex: string) => String.fromCharCode(parseInt(hex, 16))),
    );
  return Buffer.from(bytes, 'latin1').toString('utf8');
}

/** The text of a .docx: its paragraphs, one per line. */
async function docxText(file: string): Promise<string> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const xml = await zip.file('word/document.xml')!.async('string');
  return xml
    .split('</w:p>')
    .map((p) => unescapeHtml([...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')))
    .join('\n');
}

describe('npm run demo', () => {
  let run: DemoRun;
  let index: string;

  beforeAll(() => {
    run = runDemo();
    index = fs.existsSync(path.join(OUT, 'index.html'))
      ? fs.readFileSync(path.join(OUT, 'index.html'), 'utf8')
      : '';
  }, 180_000);

  it('exits 0 and prints a short summary of the year', () => {
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Bản chạy thử: Hội LHPN quận Hoàng Mai: 14 đơn vị, năm 2026');
    expect(run.stdout).toMatch(/Quý I 14\/14 \(trễ hạn: phường Yên Sở\)/);
    expect(run.stdout).toMatch(/Kiểm tra số liệu: 0 lỗi, 1 cảnh báo/);
    expect(run.stdout).toMatch(/Thời gian chạy: [\d.]+ s/);
  });

  it('index.html links only files that exist: the workbook, every report and every email', () => {
    const links = linkedFiles(index);
    expect(links.length).toBeGreaterThan(0);
    for (const link of links)
      expect({ link, exists: fs.existsSync(path.join(OUT, link)) }).toEqual({ link, exists: true });
    expect(links).toContain('bang-tinh.xlsx');
    const reports = fs.readdirSync(path.join(OUT, 'bao-cao')).map((f) => `bao-cao/${f}`);
    const emails = fs.readdirSync(path.join(OUT, 'thu')).map((f) => `thu/${f}`);
    expect(links).toEqual(expect.arrayContaining([...reports, ...emails]));
  });

  it('writes the workbook, the four quarterly reports, the 6-month and the annual report', async () => {
    expect(fs.statSync(path.join(OUT, 'bang-tinh.xlsx')).size).toBeGreaterThan(0);
    const reports = fs.readdirSync(path.join(OUT, 'bao-cao')).filter((f) => f.endsWith('.docx'));
    const expected = [...QUARTERS.map((q) => `BC Quý ${q}-2026`), 'BC 6 tháng đầu năm 2026', 'BC Năm 2026'];
    for (const name of expected) {
      const file = reports.find((f) => f.startsWith(`${name} - `));
      expect({ name, file }).toEqual({ name, file: expect.any(String) });
      expect(await docxText(path.join(OUT, 'bao-cao', file!))).toContain('BÁO CÁO');
    }
  });

  it('writes each email as .eml: the quarterly reports to the district list, reminders to the late unit', () => {
    const emails = fs
      .readdirSync(path.join(OUT, 'thu'))
      .filter((f) => f.endsWith('.eml'))
      .map((f) => path.join(OUT, 'thu', f))
      .map((file) => ({ to: emlHeader(file, 'To'), subject: emlHeader(file, 'Subject') }));
    for (const q of QUARTERS) {
      const sent = emails.filter((e) => e.subject === `${OWNER} Báo cáo Quý ${q}/2026`);
      expect(sent.map((e) => e.to).sort()).toEqual(['thuongtruc@hoilhpn.vn', 'vanphong@hoilhpn.vn']);
    }
    expect(emails).toContainEqual({
      to: 'yenso@hoilhpn.vn',
      subject: `${OWNER} Nhắc nộp số liệu Quý I/2026 (hạn 10/04/2026)`,
    });
  });

  it('previews the latest report, the annual one, as escaped text', async () => {
    const match = /<h2>Xem trước báo cáo mới nhất: ([^<]*)<\/h2>\s*<div class="preview">([^<]*)<\/div>/.exec(
      index,
    );
    expect(match).not.toBeNull();
    const [, name, preview] = match!;
    expect(unescapeHtml(name!)).toBe('BC Năm 2026 - Hội LHPN quận Hoàng Mai');
    // Escaped: the report quotes the wards' words ("Mái ấm tình thương"), never raw in the page.
    expect(preview).not.toMatch(/["'>]/);
    const text = unescapeHtml(preview!);
    expect(text).toContain('Tổng kết công tác Hội và phong trào phụ nữ năm 2026');
    expect(text).toContain('"Mái ấm tình thương"');
    const docx = await docxText(path.join(OUT, 'bao-cao', `${unescapeHtml(name!)}.docx`));
    expect(docx).toContain('Tổng kết công tác Hội và phong trào phụ nữ năm 2026');
  });
});
