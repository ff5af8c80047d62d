import fs from 'node:fs';
import type { IParagraphOptions, ParagraphChild } from 'docx';
import {
  AlignmentType,
  BorderStyle,
  Document,
  ExternalHyperlink,
  Footer,
  Header,
  HeadingLevel,
  HeightRule,
  ImageRun,
  LevelFormat,
  Packer,
  PageBreak,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import type { EmulatorContext } from '../core/context';
import { inlineParts, isImage } from '../services/docs/images';
import type {
  AttrValue,
  BlockNode,
  DocContent,
  ImageNode,
  ParagraphNode,
  Run,
  TableNode,
} from '../services/docs/model';
import { DEFAULT_PAGE } from '../services/docs/model';
import { savedContent } from '../services/docs/store';

/** Documents as .docx (what File > Download > Microsoft Word gives), built with the `docx` package. */

const twips = (points: number) => Math.round(points * 20);
const color = (value: AttrValue | undefined) =>
  typeof value === 'string' ? value.replace(/^#/, '') : undefined;
const num = (value: AttrValue | undefined) => (typeof value === 'number' ? value : undefined);

const HEADINGS: Record<string, IParagraphOptions['heading']> = {
  TITLE: HeadingLevel.TITLE,
  HEADING1: HeadingLevel.HEADING_1,
  HEADING2: HeadingLevel.HEADING_2,
  HEADING3: HeadingLevel.HEADING_3,
  HEADING4: HeadingLevel.HEADING_4,
  HEADING5: HeadingLevel.HEADING_5,
  HEADING6: HeadingLevel.HEADING_6,
};
const ALIGNMENTS: Record<string, IParagraphOptions['alignment']> = {
  LEFT: AlignmentType.LEFT,
  CENTER: AlignmentType.CENTER,
  RIGHT: AlignmentType.RIGHT,
  JUSTIFY: AlignmentType.JUSTIFIED,
};
const GLYPH_FORMATS = {
  BULLET: { format: LevelFormat.BULLET, text: () => '•' },
  HOLLOW_BULLET: { format: LevelFormat.BULLET, text: () => '◦' },
  SQUARE_BULLET: { format: LevelFormat.BULLET, text: () => '▪' },
  NUMBER: { format: LevelFormat.DECIMAL, text: (l: number) => `%${l + 1}.` },
  LATIN_UPPER: { format: LevelFormat.UPPER_LETTER, text: (l: number) => `%${l + 1}.` },
  LATIN_LOWER: { format: LevelFormat.LOWER_LETTER, text: (l: number) => `%${l + 1}.` },
  ROMAN_UPPER: { format: LevelFormat.UPPER_ROMAN, text: (l: number) => `%${l + 1}.` },
  ROMAN_LOWER: { format: LevelFormat.LOWER_ROMAN, text: (l: number) => `%${l + 1}.` },
};
type Glyph = keyof typeof GLYPH_FORMATS;

class DocxBuilder {
  /** Each Docs list gets its own numbering instance, so numbered lists restart. */
  private readonly listInstances = new Map<string, number>();

  constructor(private readonly contentWidth: number) {}

  /** An inline image at its size in pixels (docx takes pixels at 96 to the inch, as Docs does). */
  private image(image: ImageNode): ImageRun {
    const type = ({ 'image/png': 'png', 'image/jpeg': 'jpg', 'image/gif': 'gif' } as const)[
      image.contentType as 'image/png' | 'image/jpeg' | 'image/gif'
    ];
    return new ImageRun({
      type,
      data: Buffer.from(image.data, 'base64'),
      transformation: { width: image.width, height: image.height },
    });
  }

  private runs(p: ParagraphNode): ParagraphChild[] {
    return inlineParts(p).map((part) => (isImage(part) ? this.image(part) : this.textRun(part)));
  }

  private textRun(run: Run): ParagraphChild {
    const a = run.attrs;
    const text = new TextRun({
      text: run.text,
      bold: a.BOLD === true,
      italics: a.ITALIC === true,
      underline: a.UNDERLINE === true || typeof a.LINK_URL === 'string' ? {} : undefined,
      strike: a.STRIKETHROUGH === true,
      size: num(a.FONT_SIZE) ? Math.round(num(a.FONT_SIZE)! * 2) : undefined,
      font: typeof a.FONT_FAMILY === 'string' ? a.FONT_FAMILY : undefined,
      color: color(a.FOREGROUND_COLOR),
      shading: color(a.BACKGROUND_COLOR)
        ? { type: ShadingType.CLEAR, fill: color(a.BACKGROUND_COLOR)! }
        : undefined,
    });
    return typeof a.LINK_URL === 'string'
      ? new ExternalHyperlink({ link: a.LINK_URL, children: [text] })
      : text;
  }

  paragraph(p: ParagraphNode): Paragraph {
    const a = p.attrs;
    const start = num(a.INDENT_START) ?? 0;
    const options: { -readonly [K in keyof IParagraphOptions]: IParagraphOptions[K] } = {
      heading: HEADINGS[String(a.HEADING)],
      alignment: ALIGNMENTS[String(a.HORIZONTAL_ALIGNMENT)],
      spacing: {
        before: num(a.SPACING_BEFORE) !== undefined ? twips(num(a.SPACING_BEFORE)!) : undefined,
        after: num(a.SPACING_AFTER) !== undefined ? twips(num(a.SPACING_AFTER)!) : undefined,
        line: num(a.LINE_SPACING) !== undefined ? Math.round(240 * num(a.LINE_SPACING)!) : undefined,
      },
      indent: {
        left: start ? twips(start) : undefined,
        right: num(a.INDENT_END) ? twips(num(a.INDENT_END)!) : undefined,
        // Docs gives the first line's absolute indent; Word wants it relative to the others.
        firstLine:
          num(a.INDENT_FIRST_LINE) !== undefined ? twips(num(a.INDENT_FIRST_LINE)! - start) : undefined,
      },
    };
    // An empty paragraph's closing "\n" style (set through the Docs API): Word's paragraph mark, the line's height.
    const mark = p.mark ?? {};
    if (!p.runs.length && !p.images?.length && (num(mark.FONT_SIZE) || typeof mark.FONT_FAMILY === 'string'))
      options.run = {
        size: num(mark.FONT_SIZE) ? Math.round(num(mark.FONT_SIZE)! * 2) : undefined,
        font: typeof mark.FONT_FAMILY === 'string' ? mark.FONT_FAMILY : undefined,
      };
    if (p.inline === 'PAGE_BREAK')
      return new Paragraph({ ...options, children: [new PageBreak(), ...this.runs(p)] });
    if (p.inline === 'HORIZONTAL_RULE') {
      return new Paragraph({
        ...options,
        border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: 'auto', space: 1 } },
      });
    }
    if (p.type === 'LIST_ITEM') {
      const listId = String(a.LIST_ID);
      if (!this.listInstances.has(listId)) this.listInstances.set(listId, this.listInstances.size + 1);
      options.numbering = {
        reference: String(a.GLYPH_TYPE ?? 'BULLET'),
        level: num(a.NESTING_LEVEL) ?? 0,
        instance: this.listInstances.get(listId)!,
      };
    }
    return new Paragraph({ ...options, children: this.runs(p) });
  }

  private columnWidths(table: TableNode): number[] {
    const count = Math.max(table.columnWidths.length, ...table.rows.map((r) => r.cells.length), 1);
    const fixed = table.columnWidths.reduce<number>((sum, w) => sum + (w ?? 0), 0);
    const free = count - table.columnWidths.filter((w) => w !== null).length;
    const share = free ? Math.max(20, (this.contentWidth - fixed) / free) : 0;
    return Array.from({ length: count }, (_, i) => twips(table.columnWidths[i] ?? share));
  }

  table(table: TableNode): Table {
    const widths = this.columnWidths(table);
    const width = num(table.attrs.BORDER_WIDTH) ?? 1;
    const line = {
      style: width > 0 ? BorderStyle.SINGLE : BorderStyle.NONE,
      size: Math.round(width * 8),
      color: color(table.attrs.BORDER_COLOR) ?? '000000',
    };
    return new Table({
      columnWidths: widths,
      width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
      borders: {
        top: line,
        bottom: line,
        left: line,
        right: line,
        insideHorizontal: line,
        insideVertical: line,
      },
      rows: table.rows.map(
        (row, r) =>
          new TableRow({
            // The Docs API's pinned header rows: Word's "repeat as header row" (w:tblHeader).
            tableHeader: r < (table.headerRows ?? 0) ? true : undefined,
            height: num(row.attrs.MINIMUM_HEIGHT)
              ? { value: twips(num(row.attrs.MINIMUM_HEIGHT)!), rule: HeightRule.ATLEAST }
              : undefined,
            children: row.cells.map((cell, i) => {
              const a = cell.attrs;
              return new TableCell({
                width: { size: a.WIDTH ? twips(num(a.WIDTH)!) : (widths[i] ?? 0), type: WidthType.DXA },
                shading: color(a.BACKGROUND_COLOR)
                  ? { type: ShadingType.CLEAR, fill: color(a.BACKGROUND_COLOR)! }
                  : undefined,
                verticalAlign:
                  a.VERTICAL_ALIGNMENT === 'CENTER'
                    ? VerticalAlign.CENTER
                    : a.VERTICAL_ALIGNMENT === 'BOTTOM'
                      ? VerticalAlign.BOTTOM
                      : VerticalAlign.TOP,
                margins: {
                  top: twips(num(a.PADDING_TOP) ?? 5),
                  bottom: twips(num(a.PADDING_BOTTOM) ?? 5),
                  left: twips(num(a.PADDING_LEFT) ?? 5),
                  right: twips(num(a.PADDING_RIGHT) ?? 5),
                },
                children: this.blocks(cell.children),
              });
            }),
          }),
      ),
    });
  }

  blocks(blocks: BlockNode[]): Array<Paragraph | Table> {
    const out = blocks.map((b) => (b.type === 'TABLE' ? this.table(b) : this.paragraph(b)));
    // Word requires a cell to end with a paragraph.
    return out.length ? out : [new Paragraph({})];
  }
}

/** The .docx bytes of a document's content. */
export async function renderDocx(content: DocContent, title: string): Promise<Buffer> {
  const page = { ...DEFAULT_PAGE, ...content.body.attrs } as Record<string, number>;
  const builder = new DocxBuilder(page.PAGE_WIDTH! - page.MARGIN_LEFT! - page.MARGIN_RIGHT!);
  const document = new Document({
    title,
    styles: { default: { document: { run: { font: 'Arial', size: 22 } } } },
    numbering: {
      config: (Object.keys(GLYPH_FORMATS) as Glyph[]).map((glyph) => ({
        reference: glyph,
        levels: Array.from({ length: 9 }, (_, level) => ({
          level,
          format: GLYPH_FORMATS[glyph].format,
          text: GLYPH_FORMATS[glyph].text(level),
          alignment: AlignmentType.LEFT,
          style: { paragraph: { indent: { left: twips(18 * (level + 1)), hanging: twips(18) } } },
        })),
      })),
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: twips(page.PAGE_WIDTH!), height: twips(page.PAGE_HEIGHT!) },
            margin: {
              top: twips(page.MARGIN_TOP!),
              bottom: twips(page.MARGIN_BOTTOM!),
              left: twips(page.MARGIN_LEFT!),
              right: twips(page.MARGIN_RIGHT!),
            },
          },
        },
        headers: content.header
          ? { default: new Header({ children: builder.blocks(content.header.children) }) }
          : undefined,
        footers: content.footer
          ? { default: new Footer({ children: builder.blocks(content.footer.children) }) }
          : undefined,
        children: builder.blocks(content.body.children),
      },
    ],
  });
  return Packer.toBuffer(document);
}

/** Writes the document's saved version as .docx to `file`. */
export async function exportDocx(ctx: EmulatorContext, docId: string, file: string): Promise<void> {
  const name = ctx.state.files.files[docId]?.name ?? docId;
  fs.writeFileSync(file, await renderDocx(savedContent(ctx, docId), name));
}
