import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { EmulatorContext } from '../core/context';
import { inlineParts, isImage } from '../services/docs/images';
import type { BlockNode, DocContent, ParagraphNode, SectionNode, TableNode } from '../services/docs/model';
import { DEFAULT_PAGE, textOf } from '../services/docs/model';
import { savedContent } from '../services/docs/store';

/**
 * Documents as PDF without LibreOffice: drawn with pdfkit, with the Tinos TrueType fonts (metric
 * compatible with Times New Roman, full Vietnamese coverage) for every font family. The layout is
 * close to Google's, not identical: the point is a real, readable PDF with the right text,
 * headings, lists, tables, header and footer.
 */

// pdfkit ships no types; this is the part of its API used here.
interface PdfDoc {
  x: number;
  y: number;
  page: {
    width: number;
    height: number;
    margins: { top: number; bottom: number; left: number; right: number };
  };
  registerFont(name: string, file: string): this;
  font(name: string): this;
  fontSize(size: number): this;
  fillColor(color: string): this;
  strokeColor(color: string): this;
  lineWidth(width: number): this;
  text(
    text: string,
    x?: number | Record<string, unknown>,
    y?: number,
    options?: Record<string, unknown>,
  ): this;
  heightOfString(text: string, options?: Record<string, unknown>): number;
  currentLineHeight(includeGap?: boolean): number;
  rect(x: number, y: number, w: number, h: number): this;
  image(data: Buffer, x: number, y: number, options: { width: number; height: number }): this;
  moveTo(x: number, y: number): this;
  lineTo(x: number, y: number): this;
  fill(color?: string): this;
  stroke(): this;
  addPage(): this;
  on(event: string, fn: () => void): this;
  end(): void;
  read(): Buffer | null;
}
type PdfCtor = new (options: Record<string, unknown>) => PdfDoc;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const PDFDocument = require('pdfkit') as PdfCtor;

const FONT_DIR = path.dirname(require.resolve('@expo-google-fonts/tinos/package.json'));
const FONTS = {
  R: path.join(FONT_DIR, '400Regular/Tinos_400Regular.ttf'),
  B: path.join(FONT_DIR, '700Bold/Tinos_700Bold.ttf'),
  I: path.join(FONT_DIR, '400Regular_Italic/Tinos_400Regular_Italic.ttf'),
  BI: path.join(FONT_DIR, '700Bold_Italic/Tinos_700Bold_Italic.ttf'),
};

/** Google Docs' default sizes of the named styles, in points. */
const HEADING_SIZE: Record<string, number> = {
  TITLE: 26,
  SUBTITLE: 15,
  HEADING1: 20,
  HEADING2: 16,
  HEADING3: 14,
  HEADING4: 12,
  HEADING5: 11,
  HEADING6: 11,
};
const DEFAULT_SIZE = 11;
const CELL_PADDING = 5;
const HEADER_MARGIN = 36;

function fontName(bold: unknown, italic: unknown): keyof typeof FONTS {
  if (bold && italic) return 'BI';
  if (bold) return 'B';
  return italic ? 'I' : 'R';
}

function num(value: unknown, fallback: number): number {
  return typeof value === 'number' ? value : fallback;
}

/** The bullet or number shown before each list item, numbered per list and nesting level. */
function listLabels(content: DocContent): Map<ParagraphNode, string> {
  const labels = new Map<ParagraphNode, string>();
  const counters = new Map<string, number[]>();
  const visit = (blocks: BlockNode[]) => {
    for (const block of blocks) {
      if (block.type === 'TABLE') {
        for (const row of block.rows) for (const cell of row.cells) visit(cell.children);
        continue;
      }
      if (block.type !== 'LIST_ITEM') continue;
      const level = num(block.attrs.NESTING_LEVEL, 0);
      const counts = counters.get(String(block.attrs.LIST_ID)) ?? [];
      counts[level] = (counts[level] ?? 0) + 1;
      counts.length = level + 1;
      counters.set(String(block.attrs.LIST_ID), counts);
      labels.set(block, glyph(String(block.attrs.GLYPH_TYPE ?? 'BULLET'), counts[level]!));
    }
  };
  for (const section of [content.body, content.header, content.footer]) if (section) visit(section.children);
  return labels;
}

function roman(n: number): string {
  const table: Array<[number, string]> = [
    [1000, 'm'],
    [900, 'cm'],
    [500, 'd'],
    [400, 'cd'],
    [100, 'c'],
    [90, 'xc'],
    [50, 'l'],
    [40, 'xl'],
    [10, 'x'],
    [9, 'ix'],
    [5, 'v'],
    [4, 'iv'],
    [1, 'i'],
  ];
  let out = '';
  for (const [value, letters] of table) {
    while (n >= value) {
      out += letters;
      n -= value;
    }
  }
  return out;
}

export function glyph(type: string, n: number): string {
  switch (type) {
    case 'NUMBER':
      return `${n}.`;
    case 'LATIN_UPPER':
      return `${String.fromCharCode(64 + (((n - 1) % 26) + 1))}.`;
    case 'LATIN_LOWER':
      return `${String.fromCharCode(96 + (((n - 1) % 26) + 1))}.`;
    case 'ROMAN_UPPER':
      return `${roman(n).toUpperCase()}.`;
    case 'ROMAN_LOWER':
      return `${roman(n)}.`;
    case 'HOLLOW_BULLET':
      return '◦';
    case 'SQUARE_BULLET':
      return '▪';
    default:
      return '•';
  }
}

class Renderer {
  private readonly labels: Map<ParagraphNode, string>;

  constructor(
    private readonly pdf: PdfDoc,
    private readonly content: DocContent,
  ) {
    this.labels = listLabels(content);
  }

  private baseSize(p: ParagraphNode): number {
    return HEADING_SIZE[String(p.attrs.HEADING)] ?? DEFAULT_SIZE;
  }

  /** The paragraph's runs as pdfkit text calls, wrapped to `width` at (x, y). Returns the new y. */
  paragraph(p: ParagraphNode, x: number, width: number, measureOnly = false): number {
    const pdf = this.pdf;
    const start = num(p.attrs.INDENT_START, 0);
    const indentStart = start + (p.type === 'LIST_ITEM' ? 18 * (num(p.attrs.NESTING_LEVEL, 0) + 1) : 0);
    const size = this.baseSize(p);
    const lineGap = (num(p.attrs.LINE_SPACING, 1.15) - 1) * size;
    const options = {
      width: Math.max(10, width - indentStart - num(p.attrs.INDENT_END, 0)),
      align: String(p.attrs.HORIZONTAL_ALIGNMENT ?? 'LEFT').toLowerCase(),
      // Docs gives the first line's absolute indent; pdfkit wants it relative to the others.
      indent: num(p.attrs.INDENT_FIRST_LINE, start) - start,
      lineGap,
    };
    const startY = pdf.y + num(p.attrs.SPACING_BEFORE, 0);
    const label = this.labels.get(p);
    const runs = p.runs.filter((r) => r.text);
    if (p.images?.length) return this.imageParagraph(p, x, width, startY, measureOnly);
    // An empty paragraph is as high as its closing "\n" (its style set through the Docs API).
    const emptySize = num(p.mark?.FONT_SIZE, size);
    if (measureOnly) {
      pdf.font('R').fontSize(runs.length ? size : emptySize);
      const text = textOf(p) || 'x';
      return startY + pdf.heightOfString(text, options) + num(p.attrs.SPACING_AFTER, 0);
    }
    if (p.inline === 'HORIZONTAL_RULE') {
      pdf
        .moveTo(x, startY + 6)
        .lineTo(x + width, startY + 6)
        .strokeColor('#888888')
        .lineWidth(0.5)
        .stroke();
      pdf.y = startY + 12;
      return pdf.y;
    }
    if (label)
      pdf
        .font('R')
        .fontSize(size)
        .fillColor('#000000')
        .text(label, x + indentStart - 14, startY, { lineBreak: false });
    if (!runs.length) {
      pdf.font('R').fontSize(emptySize);
      pdf.y = startY + pdf.currentLineHeight(true) + lineGap;
    } else {
      runs.forEach((run, i) => {
        const a = run.attrs;
        pdf
          .font(fontName(a.BOLD, a.ITALIC))
          .fontSize(num(a.FONT_SIZE, size))
          .fillColor(typeof a.FOREGROUND_COLOR === 'string' ? a.FOREGROUND_COLOR : '#000000');
        const runOptions = {
          ...options,
          continued: i < runs.length - 1,
          underline: Boolean(a.UNDERLINE),
          strike: Boolean(a.STRIKETHROUGH),
          link: typeof a.LINK_URL === 'string' ? a.LINK_URL : undefined,
        };
        if (i === 0) pdf.text(run.text, x + indentStart, startY, runOptions);
        else pdf.text(run.text, runOptions);
      });
    }
    pdf.x = x;
    pdf.y += num(p.attrs.SPACING_AFTER, 0);
    return pdf.y;
  }

  /**
   * A paragraph holding images: each image on its own line at its size (pixels at 96 to the inch,
   * shrunk to the width when wider), aligned as the paragraph; its text, if any, between them.
   */
  private imageParagraph(
    p: ParagraphNode,
    x: number,
    width: number,
    startY: number,
    measureOnly: boolean,
  ): number {
    const pdf = this.pdf;
    const align = String(p.attrs.HORIZONTAL_ALIGNMENT ?? 'LEFT');
    const size = this.baseSize(p);
    let y = startY;
    for (const part of inlineParts(p)) {
      if (!isImage(part)) {
        const a = part.attrs;
        pdf.font(fontName(a.BOLD, a.ITALIC)).fontSize(num(a.FONT_SIZE, size)).fillColor('#000000');
        const options = { width, align: align.toLowerCase() };
        if (measureOnly) y += pdf.heightOfString(part.text, options);
        else {
          pdf.text(part.text, x, y, options);
          y = pdf.y;
        }
        continue;
      }
      const w = Math.min(part.width * 0.75, width);
      const h = (part.height * 0.75 * w) / (part.width * 0.75);
      if (!measureOnly) {
        const bottom = pdf.page.height - pdf.page.margins.bottom;
        if (y + h > bottom && y > pdf.page.margins.top + 1) {
          pdf.addPage();
          y = pdf.page.margins.top;
        }
        const left = align === 'CENTER' ? x + (width - w) / 2 : align === 'RIGHT' ? x + width - w : x;
        pdf.image(Buffer.from(part.data, 'base64'), left, y, { width: w, height: h });
      }
      y += h;
    }
    pdf.x = x;
    pdf.y = y + num(p.attrs.SPACING_AFTER, 0);
    return pdf.y;
  }

  private blocksHeight(blocks: BlockNode[], width: number): number {
    const saved = this.pdf.y;
    let y = 0;
    for (const block of blocks) {
      this.pdf.y = y;
      y = block.type === 'TABLE' ? y + this.tableHeight(block, width) : this.paragraph(block, 0, width, true);
    }
    this.pdf.y = saved;
    return y;
  }

  private tableHeight(table: TableNode, width: number): number {
    const widths = this.columnWidths(table, width);
    return table.rows.reduce(
      (sum, row) =>
        sum +
        this.rowHeight(
          row.cells.map((c) => c.children),
          widths,
          row.attrs.MINIMUM_HEIGHT,
        ),
      0,
    );
  }

  private rowHeight(cells: BlockNode[][], widths: number[], minimum: unknown): number {
    const heights = cells.map(
      (blocks, i) => this.blocksHeight(blocks, (widths[i] ?? 50) - 2 * CELL_PADDING) + 2 * CELL_PADDING,
    );
    return Math.max(num(minimum, 0), ...heights);
  }

  private columnWidths(table: TableNode, available: number): number[] {
    const count = Math.max(table.columnWidths.length, ...table.rows.map((r) => r.cells.length));
    const fixed = table.columnWidths.reduce<number>((sum, w) => sum + (w ?? 0), 0);
    const free =
      table.columnWidths.filter((w) => w === null).length + Math.max(0, count - table.columnWidths.length);
    const share = free ? Math.max(20, (available - fixed) / free) : 0;
    const widths = Array.from({ length: count }, (_, i) => table.columnWidths[i] ?? share);
    const total = widths.reduce((a, b) => a + b, 0);
    return total > available ? widths.map((w) => (w * available) / total) : widths;
  }

  /**
   * A table, row by row; a row that does not fit starts a new page. The pinned header rows (the Docs
   * API's pinTableHeaderRows) are drawn again at the top of each page the table continues on, as
   * Docs does for a table whose header rows repeat.
   */
  table(table: TableNode, x: number, width: number, bottom: number): void {
    const pdf = this.pdf;
    const widths = this.columnWidths(table, width);
    const heights = table.rows.map((row) =>
      this.rowHeight(
        row.cells.map((c) => c.children),
        widths,
        row.attrs.MINIMUM_HEIGHT,
      ),
    );
    const pinned = Math.min(table.headerRows ?? 0, table.rows.length);
    const headerHeight = heights.slice(0, pinned).reduce((a, b) => a + b, 0);
    table.rows.forEach((row, r) => {
      const height = heights[r]!;
      if (pdf.y + height > bottom && pdf.y > pdf.page.margins.top + 1) {
        pdf.addPage();
        // Repeated only when the header leaves room for the row (unverified: Docs' rule for a header too tall).
        if (r >= pinned && pinned > 0 && pdf.y + headerHeight + height <= bottom)
          table.rows.slice(0, pinned).forEach((header, h) => this.row(table, header, heights[h]!, widths, x));
      }
      this.row(table, row, height, widths, x);
    });
  }

  private row(
    table: TableNode,
    row: TableNode['rows'][number],
    height: number,
    widths: number[],
    x: number,
  ): void {
    const pdf = this.pdf;
    const border = num(table.attrs.BORDER_WIDTH, 1);
    const borderColor = typeof table.attrs.BORDER_COLOR === 'string' ? table.attrs.BORDER_COLOR : '#000000';
    const top = pdf.y;
    let cx = x;
    row.cells.forEach((cell, i) => {
      const w = widths[i] ?? 50;
      if (typeof cell.attrs.BACKGROUND_COLOR === 'string')
        pdf.rect(cx, top, w, height).fill(cell.attrs.BACKGROUND_COLOR);
      pdf.y = top + CELL_PADDING;
      this.blocks(cell.children, cx + CELL_PADDING, w - 2 * CELL_PADDING, Infinity);
      if (border > 0) pdf.rect(cx, top, w, height).lineWidth(border).strokeColor(borderColor).stroke();
      cx += w;
    });
    pdf.x = x;
    pdf.y = top + height;
  }

  blocks(blocks: BlockNode[], x: number, width: number, bottom: number): void {
    for (const block of blocks) {
      if (block.type === 'TABLE') this.table(block, x, width, bottom);
      else if (block.inline === 'PAGE_BREAK') this.pdf.addPage();
      else this.paragraph(block, x, width);
    }
  }

  /** Header and footer on every page, inside the top and bottom margins. */
  decorate(section: SectionNode | null, where: 'top' | 'bottom'): void {
    if (!section) return;
    const pdf = this.pdf;
    const { x, y } = pdf;
    const { margins, width, height } = pdf.page;
    const inner = width - margins.left - margins.right;
    const bottomMargin = margins.bottom;
    // Drawing in the margins must not trigger pdfkit's automatic page break.
    margins.bottom = 0;
    const sectionHeight = this.blocksHeight(section.children, inner);
    pdf.y = where === 'top' ? HEADER_MARGIN : height - HEADER_MARGIN - sectionHeight;
    this.blocks(section.children, margins.left, inner, Infinity);
    margins.bottom = bottomMargin;
    pdf.x = x;
    pdf.y = y;
  }

  render(): void {
    const { body, header, footer } = this.content;
    const page = this.pdf.page;
    const draw = () => {
      this.decorate(header, 'top');
      this.decorate(footer, 'bottom');
    };
    this.pdf.on('pageAdded', draw);
    draw();
    this.blocks(
      body.children,
      page.margins.left,
      page.width - page.margins.left - page.margins.right,
      page.height - page.margins.bottom,
    );
  }
}

/** The document as PDF bytes, synchronously (File.getAs must answer within the call). */
export function renderPdf(content: DocContent, title: string, createdAt: number): Buffer {
  const attrs = { ...DEFAULT_PAGE, ...content.body.attrs };
  const pdf = new PDFDocument({
    size: [num(attrs.PAGE_WIDTH, 595.276), num(attrs.PAGE_HEIGHT, 841.89)],
    margins: {
      top: num(attrs.MARGIN_TOP, 72),
      bottom: num(attrs.MARGIN_BOTTOM, 72),
      left: num(attrs.MARGIN_LEFT, 72),
      right: num(attrs.MARGIN_RIGHT, 72),
    },
    info: { Title: title, Producer: 'baocao-hoi emulator', CreationDate: new Date(createdAt) },
  });
  for (const [name, file] of Object.entries(FONTS)) pdf.registerFont(name, file);
  new Renderer(pdf, content).render();
  pdf.end();
  const chunks: Buffer[] = [];
  for (let chunk = pdf.read(); chunk !== null; chunk = pdf.read()) chunks.push(chunk);
  return Buffer.concat(chunks);
}

/** Writes the document's saved version as PDF to `file`. */
export function exportPdf(ctx: EmulatorContext, docId: string, file: string): void {
  const record = ctx.state.files.files[docId];
  fs.writeFileSync(file, renderPdf(savedContent(ctx, docId), record?.name ?? docId, ctx.clock.now()));
}

/** Whether LibreOffice is on PATH, for a PDF that matches Google's layout more closely. */
export function sofficeAvailable(): boolean {
  const names = process.platform === 'win32' ? ['soffice.exe', 'soffice.com'] : ['soffice'];
  return (process.env.PATH ?? '')
    .split(path.delimiter)
    .some((dir) => dir && names.some((name) => fs.existsSync(path.join(dir, name))));
}

/** Converts a .docx with LibreOffice; returns the path of the PDF written in `outDir`. */
export function convertDocxToPdf(docx: string, outDir: string): string {
  const result = spawnSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', outDir, docx], {
    encoding: 'utf8',
    timeout: 120_000,
  });
  const out = path.join(outDir, `${path.basename(docx, path.extname(docx))}.pdf`);
  if (result.status !== 0 || !fs.existsSync(out)) {
    throw new Error(
      `soffice could not convert ${docx}: ${result.stderr || result.error?.message || 'no output'}`,
    );
  }
  return out;
}
