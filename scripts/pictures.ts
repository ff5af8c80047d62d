/**
 * `npm run pictures`: the README's pictures, made from what the demo produced (out/demo/), into
 * docs/img/: a unit's entry tab and Tổng hợp from the demo's workbook (.xlsx → PDF with LibreOffice
 * Calc), and the first page of the annual report (.docx → PDF with LibreOffice Writer), each page
 * rendered with poppler's pdftoppm and cropped to its content. The demo runs first when out/demo/ is
 * missing or older than the code and sample data it comes from, so the pictures follow the demo.
 *
 *   npm run pictures            reuse out/demo/ when it is up to date
 *   npm run pictures -- --demo  run the demo again first
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { convertDocxToPdf, sofficeAvailable } from './emulator/export/pdf';

const ROOT = path.resolve(__dirname, '..');
const DEMO = path.join(ROOT, 'out', 'demo');
const WORKBOOK = path.join(DEMO, 'bang-tinh.xlsx');
const REPORTS = path.join(DEMO, 'bao-cao');
const IMG = path.join(ROOT, 'docs', 'img');
/** What the demo's output is made from: when one of these is newer, the demo runs again. */
const DEMO_SOURCES = [
  'src',
  'scripts/demo',
  'scripts/demo.ts',
  'scripts/emulator',
  'examples/hoang-mai.json',
];

/** Dots per inch of the pictures: small files that still read on a screen. */
const DPI = 80;
/** Sheets grows a row whose text wraps; LibreOffice keeps the default height, so the copy sets it. */
const LINE_HEIGHT_PT = 15;
/** About how many characters of 10 pt text fit in one unit of Excel column width. */
const CHARACTERS_PER_WIDTH = 1.1;
/** White margin kept around the content, in pixels. */
const MARGIN = 8;

interface SheetPicture {
  file: string;
  sheet: string;
  /** Columns (1-based) to hide so the picture stays readable; the README says which. */
  hide?: (sheet: ExcelJS.Worksheet) => number[];
  /** At most this many pixels of the page's top, after cropping. */
  maxHeight?: number;
}

/** Tổng hợp has one column per unit: the picture keeps the first three and the totals after them. */
const SUMMARY_UNITS_SHOWN = 3;
const SUMMARY_FIRST_UNIT_COLUMN = 4;
const SUMMARY_TOTAL_HEADER = 'Toàn đơn vị';

function columnHeaded(sheet: ExcelJS.Worksheet, header: string): number {
  let found = 0;
  sheet.eachRow((row) => {
    row.eachCell((cell) => {
      if (!found && cell.value === header) found = Number(cell.col);
    });
  });
  if (!found) throw new Problem(`no column "${header}" in the tab "${sheet.name}"`);
  return found;
}

const SHEETS: SheetPicture[] = [
  { file: 'unit-tab.png', sheet: 'DK - phường Đại Kim', maxHeight: 760 },
  {
    file: 'summary.png',
    sheet: 'Tổng hợp',
    maxHeight: 760,
    hide: (sheet) => {
      const first = SUMMARY_FIRST_UNIT_COLUMN + SUMMARY_UNITS_SHOWN;
      const total = columnHeaded(sheet, SUMMARY_TOTAL_HEADER);
      return Array.from({ length: Math.max(0, total - first) }, (_, i) => first + i);
    },
  },
];
const REPORT = { file: 'report.png', name: /^BC Năm \d{4} - .*\.docx$/ };

class Problem extends Error {}

function onPath(name: string): boolean {
  return (process.env.PATH ?? '')
    .split(path.delimiter)
    .some((dir) => dir && fs.existsSync(path.join(dir, name)));
}

function requireTools(): void {
  const missing: string[] = [];
  if (!sofficeAvailable()) missing.push('LibreOffice (soffice)');
  if (!onPath('pdftoppm')) missing.push('poppler (pdftoppm)');
  if (missing.length > 0) {
    throw new Problem(
      `${missing.join(' and ')} not found. On Debian or Ubuntu: ` +
        'apt-get install -y libreoffice-writer-nogui libreoffice-calc-nogui poppler-utils',
    );
  }
}

function newestChange(target: string): number {
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return fs
    .readdirSync(target)
    .reduce((newest, name) => Math.max(newest, newestChange(path.join(target, name))), stat.mtimeMs);
}

function demoIsCurrent(): boolean {
  if (!fs.existsSync(WORKBOOK) || !fs.existsSync(REPORTS)) return false;
  const made = fs.statSync(WORKBOOK).mtimeMs;
  return DEMO_SOURCES.every((source) => newestChange(path.join(ROOT, source)) <= made);
}

function runDemo(): void {
  console.log('Running the demo (npm run demo)…');
  const tsx = require.resolve('tsx/cli', { paths: [ROOT] });
  const result = spawnSync(process.execPath, [tsx, path.join(ROOT, 'scripts', 'demo.ts')], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Problem('the demo failed; see its output above');
}

function run(command: string, args: string[]): Buffer {
  const result = spawnSync(command, args, { maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) {
    throw new Problem(
      `${command} ${args.join(' ')} failed: ${result.stderr?.toString() || result.error?.message}`,
    );
  }
  return result.stdout;
}

/** The bounding box of the non-white pixels of a page, from a grayscale rendering (binary PGM). */
function contentBox(pdf: string, page: number): { x: number; y: number; width: number; height: number } {
  const pgm = run('pdftoppm', ['-f', String(page), '-l', String(page), '-r', String(DPI), '-gray', pdf]);
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(pgm.subarray(0, 64).toString('latin1'));
  if (!header) throw new Problem(`pdftoppm gave no grayscale page for ${pdf}`);
  const [text, w, h] = [header[0], Number(header[1]), Number(header[2])];
  const pixels = pgm.subarray(text.length);
  let [left, top, right, bottom] = [w, h, -1, -1];
  for (let y = 0; y < h; y += 1) {
    for (let x = 0; x < w; x += 1) {
      if (pixels[y * w + x]! > 245) continue;
      left = Math.min(left, x);
      right = Math.max(right, x);
      top = Math.min(top, y);
      bottom = Math.max(bottom, y);
    }
  }
  if (right < 0) throw new Problem(`page ${page} of ${pdf} is blank`);
  const x = Math.max(0, left - MARGIN);
  const y = Math.max(0, top - MARGIN);
  return { x, y, width: Math.min(w, right + MARGIN + 1) - x, height: Math.min(h, bottom + MARGIN + 1) - y };
}

/** Page `page` of `pdf` as a PNG cropped to its content (and to `maxHeight`), written to `out`. */
function renderPage(pdf: string, page: number, out: string, maxHeight = Infinity): void {
  const box = contentBox(pdf, page);
  const height = Math.min(box.height, maxHeight);
  const prefix = out.replace(/\.png$/, '');
  run('pdftoppm', [
    ...['-f', String(page), '-l', String(page), '-r', String(DPI), '-png', '-singlefile'],
    ...['-x', String(box.x), '-y', String(box.y), '-W', String(box.width), '-H', String(height)],
    pdf,
    prefix,
  ]);
}

/** Gives each row with wrapped text the height Sheets would show it at. */
function fitWrappedRows(sheet: ExcelJS.Worksheet): void {
  sheet.eachRow((row) => {
    let lines = 1;
    row.eachCell((cell) => {
      if (!cell.alignment?.wrapText || typeof cell.value !== 'string') return;
      const width = (sheet.getColumn(cell.col).width ?? 8.43) * CHARACTERS_PER_WIDTH;
      lines = Math.max(lines, Math.ceil(cell.value.length / width));
    });
    if (lines > 1 && row.height === undefined) row.height = lines * LINE_HEIGHT_PT;
  });
}

/** An .xlsx has no checkboxes: a ticked or empty box stands where Sheets draws one. */
function drawCheckboxes(sheet: ExcelJS.Worksheet): void {
  sheet.eachRow((row) => {
    row.eachCell((cell) => {
      if (typeof cell.value !== 'boolean') return;
      cell.value = cell.value ? '☑' : '☐';
      cell.alignment = { ...cell.alignment, horizontal: 'center' };
    });
  });
}

/** A workbook holding only `picture.sheet`, laid out to print one page wide, as PDF. */
async function sheetPdf(picture: SheetPicture, dir: string): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(WORKBOOK);
  const sheet = workbook.getWorksheet(picture.sheet);
  if (!sheet) throw new Problem(`the demo's workbook has no tab "${picture.sheet}"`);
  for (const other of workbook.worksheets) if (other !== sheet) workbook.removeWorksheet(other.id);
  for (const column of picture.hide?.(sheet) ?? []) sheet.getColumn(column).hidden = true;
  fitWrappedRows(sheet);
  drawCheckboxes(sheet);
  sheet.pageSetup = {
    ...sheet.pageSetup,
    // The tab's own columns: text that overflows into empty cells beyond them is left out.
    printArea: `A1:${sheet.getColumn(sheet.columnCount).letter}${sheet.rowCount}`,
    paperSize: 9, // A4
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
  };
  const xlsx = path.join(dir, picture.file.replace(/\.png$/, '.xlsx'));
  await workbook.xlsx.writeFile(xlsx);
  try {
    return convertDocxToPdf(xlsx, dir);
  } catch (error) {
    throw new Problem(
      `LibreOffice could not convert the workbook (is Calc installed? apt-get install -y libreoffice-calc-nogui): ${(error as Error).message}`,
    );
  }
}

function reportPdf(dir: string): string {
  const docx = fs.readdirSync(REPORTS).find((name) => REPORT.name.test(name));
  if (!docx) throw new Problem(`no annual report in ${path.relative(ROOT, REPORTS)}`);
  // An ASCII name: with the Vietnamese locale missing from the system, soffice cannot open "Năm…".
  const copy = path.join(dir, 'report.docx');
  fs.copyFileSync(path.join(REPORTS, docx), copy);
  try {
    return convertDocxToPdf(copy, dir);
  } catch (error) {
    throw new Problem(
      `LibreOffice could not convert the report (is Writer installed? apt-get install -y libreoffice-writer-nogui): ${(error as Error).message}`,
    );
  }
}

async function pictures(): Promise<void> {
  requireTools();
  // Calc shows numbers in its own locale; the workbook's is Vietnam's (1.234,5 and 92,6%).
  process.env.LC_ALL = 'vi_VN.UTF-8';
  if (process.argv.includes('--demo') || !demoIsCurrent()) runDemo();
  else console.log(`Reusing ${path.relative(ROOT, DEMO)}/ (up to date with the code and the sample data).`);
  fs.mkdirSync(IMG, { recursive: true });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baocao-pictures-'));
  try {
    for (const picture of SHEETS) {
      renderPage(await sheetPdf(picture, dir), 1, path.join(IMG, picture.file), picture.maxHeight);
    }
    renderPage(reportPdf(dir), 1, path.join(IMG, REPORT.file));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  for (const file of [...SHEETS.map((s) => s.file), REPORT.file]) {
    const bytes = fs.statSync(path.join(IMG, file)).size;
    console.log(`docs/img/${file}: ${Math.round(bytes / 1024)} KB`);
  }
}

pictures().catch((error: unknown) => {
  console.error(error instanceof Problem ? `pictures: ${error.message}` : error);
  process.exit(1);
});
