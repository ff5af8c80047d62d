/**
 * A report template (template.ts) as the Docs API requests that write it into a new, blank document
 * in one documents.batchUpdate, where DocumentApp needs a call per paragraph and per attribute.
 * Pure: the indices are planned here, from the Docs API's rules
 * (https://developers.google.com/workspace/docs/api/concepts/structure,
 * https://developers.google.com/workspace/docs/api/how-tos/tables,
 * https://developers.google.com/workspace/docs/api/reference/rest/v1/documents/request):
 * - a blank document's body is its section break (index 0) and one empty paragraph: "\n" at 1;
 * - text goes inside an existing paragraph, and a "\n" in it starts a new one;
 * - insertTable puts "a newline character … before the inserted table", which starts at the
 *   location + 1; each row and each cell take one index before their content, a new cell holds one
 *   "\n", and the table takes one index where it ends;
 * - insertPageBreak inserts "a page break followed by a newline" (a paragraph of its own).
 *
 * Everything is inserted at the end of the text (the last paragraph's "\n"), so what is already
 * written never moves: the styles, planned with the final indices, follow the insertions. A table
 * goes where the last paragraph ends, so the paragraph before it is the template's own; only a
 * table with nothing before it (the header, at the top of the page) gets the empty paragraph Docs
 * requires, made as small as a line can be. The empty paragraph after a table stays, unstyled.
 */
import type { ReportTemplate, TemplateColumns, TemplateParagraph } from './template';
import { PAGE, TEXT_WIDTH_PT } from './template';

const CM = 28.35; // points per centimetre
/** Running text's first-line indent (1,27 cm) and the space after it. */
const INDENT_PT = 1.27 * CM;
const SPACE_AFTER_PT = 6;
/** The empty line Docs keeps before a table that opens the document: as small as a line can be. */
const SPACER_SIZE_PT = 1;

type Dimension = { magnitude: number; unit: 'PT' };
type Range = { startIndex: number; endIndex: number };
type Location = { index: number };
const pt = (magnitude: number): Dimension => ({ magnitude, unit: 'PT' });

/** The requests planned here (the Docs API's Request, one kind each). */
export type TemplateRequest =
  | {
      updateDocumentStyle: {
        documentStyle: {
          pageSize: { width: Dimension; height: Dimension };
          marginTop: Dimension;
          marginBottom: Dimension;
          marginLeft: Dimension;
          marginRight: Dimension;
        };
        fields: string;
      };
    }
  | { insertText: { location: Location; text: string } }
  | { insertTable: { location: Location; rows: number; columns: number } }
  | { insertPageBreak: { location: Location } }
  | {
      updateParagraphStyle: {
        range: Range;
        paragraphStyle: {
          alignment?: 'START' | 'CENTER' | 'JUSTIFIED';
          indentFirstLine?: Dimension;
          spaceAbove?: Dimension;
          spaceBelow?: Dimension;
        };
        fields: string;
      };
    }
  | {
      updateTextStyle: {
        range: Range;
        textStyle: {
          bold?: boolean;
          italic?: boolean;
          fontSize: Dimension;
          weightedFontFamily?: { fontFamily: string };
        };
        fields: string;
      };
    }
  | {
      updateTableCellStyle: {
        tableStartLocation: Location;
        tableCellStyle: Record<'borderTop' | 'borderBottom' | 'borderLeft' | 'borderRight', Border>;
        fields: string;
      };
    }
  | {
      updateTableColumnProperties: {
        tableStartLocation: Location;
        columnIndices: number[];
        tableColumnProperties: { widthType: 'FIXED_WIDTH'; width: Dimension };
        fields: 'widthType,width';
      };
    };

/**
 * "Table cell borders cannot be transparent. To hide a table cell border, make its width 0"
 * (TableCellBorder reference): a black, solid, zero-width line.
 */
type Border = { color: { color: { rgbColor: Record<string, never> } }; width: Dimension; dashStyle: 'SOLID' };
const NO_BORDER: Border = { color: { color: { rgbColor: {} } }, width: pt(0), dashStyle: 'SOLID' };

/** Where a template paragraph ended up: [start, end), its "\n" at end - 1. */
interface Placed {
  p: TemplateParagraph;
  start: number;
  end: number;
}

const ALIGNMENT = { left: 'START', center: 'CENTER', justify: 'JUSTIFIED' } as const;

function paragraphStyle(p: TemplateParagraph) {
  return {
    alignment: ALIGNMENT[p.align ?? 'left'],
    indentFirstLine: pt(p.indent ? INDENT_PT : 0),
    spaceBelow: pt(p.indent ? SPACE_AFTER_PT : 0),
  };
}

function textStyle(p: TemplateParagraph) {
  return {
    bold: Boolean(p.bold),
    italic: Boolean(p.italic),
    fontSize: pt(p.size ?? PAGE.bodySize),
    weightedFontFamily: { fontFamily: PAGE.font },
  };
}

/**
 * One request per stretch of neighbouring paragraphs that look the same (a run of running text is
 * one range), each range the paragraphs' text and "\n" (the "\n" carries an empty line's size).
 */
function styleRequests(placed: Placed[]): TemplateRequest[] {
  const out: TemplateRequest[] = [];
  const merged = <S>(style: (p: TemplateParagraph) => S): Array<{ range: Range; style: S }> => {
    const groups: Array<{ range: Range; style: S; key: string }> = [];
    for (const { p, start, end } of placed) {
      const s = style(p);
      const key = JSON.stringify(s);
      const last = groups[groups.length - 1];
      if (last && last.key === key && last.range.endIndex === start) last.range.endIndex = end;
      else groups.push({ range: { startIndex: start, endIndex: end }, style: s, key });
    }
    return groups;
  };
  for (const { range, style } of merged(paragraphStyle))
    out.push({
      updateParagraphStyle: { range, paragraphStyle: style, fields: 'alignment,indentFirstLine,spaceBelow' },
    });
  for (const { range, style } of merged(textStyle))
    out.push({
      updateTextStyle: { range, textStyle: style, fields: 'bold,italic,fontSize,weightedFontFamily' },
    });
  return out;
}

function assertOneLine(p: TemplateParagraph): void {
  // A "\n" would start a paragraph the template does not have.
  if (/[\n\r]/.test(p.text))
    throw new Error(`A template paragraph holds a line break: ${JSON.stringify(p.text)}`);
}

/** The requests that write `template` into a blank document (Documents.create), in order. */
export function templateRequests(template: ReportTemplate): TemplateRequest[] {
  const inserts: TemplateRequest[] = [];
  const tables: TemplateRequest[] = [];
  const placed: Placed[] = [];
  const spacers: Range[] = [];
  /** The index of the last paragraph's "\n": where everything goes. */
  let end = 1;
  /** Whether the last paragraph is a template paragraph (else it is empty, free to take one). */
  let lastTaken = false;
  /** Text waiting to be inserted at `pendingAt` (neighbouring insertions, one request). */
  let pending = '';
  let pendingAt = end;

  const insertText = (text: string): void => {
    if (!pending) pendingAt = end;
    pending += text;
    end += text.length;
  };
  const flush = (): void => {
    if (pending) inserts.push({ insertText: { location: { index: pendingAt }, text: pending } });
    pending = '';
  };

  const paragraph = (p: TemplateParagraph): void => {
    assertOneLine(p);
    // A taken last paragraph is closed by a "\n", which makes the next one.
    if (lastTaken) insertText('\n');
    const start = end;
    insertText(p.text);
    placed.push({ p, start, end: end + 1 });
    lastTaken = true;
  };

  const columns = (block: TemplateColumns): void => {
    const sides = [block.left, block.right];
    sides.flat().forEach(assertOneLine);
    flush();
    // The last paragraph's text, up to `end`, stays before the table; its "\n" comes after.
    if (!lastTaken) spacers.push({ startIndex: end, endIndex: end + 1 });
    inserts.push({ insertTable: { location: { index: end }, rows: 1, columns: 2 } });
    const tableStart = end + 1;
    // The table, its row and its first cell take one index each; then the cell's "\n".
    let at = tableStart + 3;
    sides.forEach((paragraphs, column) => {
      if (column > 0) at += 1; // the next cell's own index
      const text = paragraphs.map((p) => p.text).join('\n');
      if (text) inserts.push({ insertText: { location: { index: at }, text } });
      for (const p of paragraphs) {
        placed.push({ p, start: at, end: at + p.text.length + 1 });
        at += p.text.length + 1;
      }
      if (paragraphs.length === 0) at += 1; // the new cell's own "\n"
    });
    const tableEnd = at + 1;
    tables.push({
      updateTableCellStyle: {
        tableStartLocation: { index: tableStart },
        tableCellStyle: {
          borderTop: NO_BORDER,
          borderBottom: NO_BORDER,
          borderLeft: NO_BORDER,
          borderRight: NO_BORDER,
        },
        fields: 'borderTop,borderBottom,borderLeft,borderRight',
      },
    });
    const left = (TEXT_WIDTH_PT * block.leftWidth) / 100;
    [left, TEXT_WIDTH_PT - left].forEach((width, column) =>
      tables.push({
        updateTableColumnProperties: {
          tableStartLocation: { index: tableStart },
          columnIndices: [column],
          tableColumnProperties: { widthType: 'FIXED_WIDTH', width: pt(width) },
          fields: 'widthType,width',
        },
      }),
    );
    // The last paragraph's "\n" now follows the table, an empty paragraph left as it is: DocumentApp's
    // appendTable left one after each table (a document cannot end with a table), and the templates
    // made before are laid out with it, so the page looks the same.
    end = tableEnd;
    lastTaken = true;
  };

  const pageBreak = (): void => {
    // A page break goes at the start of an empty paragraph, so that it stands alone in the
    // paragraph it makes (as DocumentApp's appendPageBreak gives it).
    if (lastTaken) insertText('\n');
    flush();
    inserts.push({ insertPageBreak: { location: { index: end } } });
    end += 2;
    lastTaken = false;
  };

  for (const block of template.blocks) {
    if (block.kind === 'columns') columns(block);
    else if (block.kind === 'pageBreak') pageBreak();
    else paragraph(block);
  }
  flush();

  const spacerRequests: TemplateRequest[] = spacers.flatMap((range) => [
    {
      updateParagraphStyle: {
        range,
        paragraphStyle: { spaceAbove: pt(0), spaceBelow: pt(0) },
        fields: 'spaceAbove,spaceBelow',
      },
    },
    { updateTextStyle: { range, textStyle: { fontSize: pt(SPACER_SIZE_PT) }, fields: 'fontSize' } },
  ]);
  return [documentStyle(), ...inserts, ...tables, ...styleRequests(placed), ...spacerRequests];
}

function documentStyle(): TemplateRequest {
  return {
    updateDocumentStyle: {
      documentStyle: {
        pageSize: { width: pt(PAGE.widthPt), height: pt(PAGE.heightPt) },
        marginTop: pt(PAGE.marginTopPt),
        marginBottom: pt(PAGE.marginBottomPt),
        marginLeft: pt(PAGE.marginLeftPt),
        marginRight: pt(PAGE.marginRightPt),
      },
      fields: 'pageSize,marginTop,marginBottom,marginLeft,marginRight',
    },
  };
}
