/**
 * Where each element of a document sits in the Docs API's index space, and the document as
 * Documents.get gives it. Sources: the structure guide
 * (https://developers.google.com/workspace/docs/api/concepts/structure: indices are zero-based,
 * in UTF-16 code units, relative to their segment; the body starts with a section break that ends at
 * index 1; every paragraph ends with "\n"; a header's or footer's indices start at 0) and the tables
 * guide (https://developers.google.com/workspace/docs/api/how-tos/tables). A table takes one index
 * where it starts, each row one, each cell one, then the cell's content; the first cell's text of a
 * table inserted at index i is at i + 4 (InsertTableRequest: "the table start index will be at the
 * specified location index + 1"; public code that inserts into new tables: "first cell at
 * tableStart + 4, then +2 per cell, +1 per row"). The table also takes one index where it ends
 * (Docs' internal table-end mark; unverified against a real get). JavaScript string lengths are
 * UTF-16 code units already.
 *
 * What the model holds and the API shows otherwise (list items need the document's `lists`, inline
 * images its `inlineObjects`) throws `Not emulated` rather than being left out.
 */
import type { EmulatorContext } from '../../core/context';
import type { BlockNode, DocContent, ParagraphNode, SectionNode, TableNode } from '../docs/model';
import { paragraphStyleOf, textStyleOf } from './styles';

/* eslint-disable @typescript-eslint/no-explicit-any -- the API's shapes are untyped JSON */
type Json = any;

export interface ParagraphSpan {
  node: ParagraphNode;
  start: number;
  /** Exclusive; the paragraph's "\n" is at end - 1. */
  end: number;
  /** Where the paragraph's text starts (after a page break or a rule, which take one index). */
  textStart: number;
}

export interface TableSpan {
  node: TableNode;
  start: number;
  end: number;
}

/** One segment (the body, a header, a footer) laid out. */
export interface SegmentLayout {
  /** In document order, those inside tables included. */
  paragraphs: ParagraphSpan[];
  tables: TableSpan[];
  /** The segment's end index (exclusive). */
  end: number;
  /** StructuralElement[], as `content` in Documents.get. */
  content: Json[];
}

/** The API's ids of the header and footer: the emulator's own (Docs makes ids like "kix.…"; unverified). */
export const HEADER_ID = 'kix.header0';
export const FOOTER_ID = 'kix.footer0';

export function layoutSection(ctx: EmulatorContext, section: SectionNode): SegmentLayout {
  const out: SegmentLayout = { paragraphs: [], tables: [], end: 0, content: [] };
  let index = 0;
  if (section.type === 'BODY_SECTION') {
    out.content.push({ endIndex: 1, sectionBreak: { sectionStyle: { sectionType: 'CONTINUOUS' } } });
    index = 1;
  }
  const blocks = (children: BlockNode[], into: Json[]): void => {
    for (const child of children) {
      if (child.type === 'TABLE') into.push(table(child));
      else into.push(paragraph(child));
    }
  };
  const paragraph = (p: ParagraphNode): Json => {
    if (p.type === 'LIST_ITEM') throw ctx.fail('Not emulated: Docs.Documents.get of a list item');
    if (p.images?.length) throw ctx.fail('Not emulated: Docs.Documents.get of an inline image');
    const start = index;
    const elements: Json[] = [];
    if (p.inline) {
      const kind = p.inline === 'PAGE_BREAK' ? 'pageBreak' : 'horizontalRule';
      elements.push({ startIndex: index, endIndex: index + 1, [kind]: { textStyle: {} } });
      index += 1;
    }
    const textStart = index;
    const mark = p.mark ?? {};
    const last = p.runs[p.runs.length - 1];
    // The paragraph's "\n" closes its last run, or is a run of its own when its style differs.
    const runs =
      last && JSON.stringify(last.attrs) === JSON.stringify({ ...last.attrs, ...mark })
        ? p.runs
        : [...p.runs, { text: '', attrs: { ...(last?.attrs ?? {}), ...mark } }];
    runs.forEach((run, i) => {
      const content = i === runs.length - 1 ? `${run.text}\n` : run.text;
      elements.push({
        startIndex: index,
        endIndex: index + content.length,
        textRun: { content, textStyle: textStyleOf(run.attrs) },
      });
      index += content.length;
    });
    out.paragraphs.push({ node: p, start, end: index, textStart });
    return {
      startIndex: start,
      endIndex: index,
      paragraph: { elements, paragraphStyle: paragraphStyleOf(p.attrs) },
    };
  };
  const table = (t: TableNode): Json => {
    const span: TableSpan = { node: t, start: index, end: 0 };
    out.tables.push(span);
    index += 1;
    const pinned = t.headerRows ?? 0;
    const tableRows = t.rows.map((row, r) => {
      const rowStart = index;
      index += 1;
      const tableCells = row.cells.map((cell) => {
        const cellStart = index;
        index += 1;
        const content: Json[] = [];
        blocks(cell.children, content);
        return {
          startIndex: cellStart,
          endIndex: index,
          content,
          tableCellStyle: { rowSpan: 1, columnSpan: 1 },
        };
      });
      const tableRowStyle: Json = {};
      // TableRowStyle.tableHeader: "Whether the row is a table header" (set by pinTableHeaderRows).
      if (r < pinned) tableRowStyle.tableHeader = true;
      return { startIndex: rowStart, endIndex: index, tableCells, tableRowStyle };
    });
    index += 1;
    span.end = index;
    return {
      startIndex: span.start,
      endIndex: span.end,
      table: {
        rows: t.rows.length,
        columns: t.columnWidths.length,
        tableRows,
        tableStyle: {
          tableColumnProperties: t.columnWidths.map((w) =>
            w === null
              ? { widthType: 'EVENLY_DISTRIBUTED' }
              : { widthType: 'FIXED_WIDTH', width: { magnitude: w, unit: 'PT' } },
          ),
        },
      },
    };
  };
  blocks(section.children, out.content);
  out.end = index;
  return out;
}

/** The segment a request's `segmentId` names: the body when empty or absent. */
export function segmentOf(content: DocContent, segmentId: unknown): SectionNode | null {
  if (segmentId === undefined || segmentId === null || segmentId === '') return content.body;
  if (segmentId === HEADER_ID) return content.header;
  if (segmentId === FOOTER_ID) return content.footer;
  return null;
}

/** The document as Documents.get answers (`tabs` and suggestions are not emulated). */
export function documentJson(ctx: EmulatorContext, id: string, title: string, content: DocContent): Json {
  const body = layoutSection(ctx, content.body);
  const attrs = content.body.attrs;
  const pt = (v: unknown) => ({ magnitude: Number(v), unit: 'PT' });
  const doc: Json = {
    documentId: id,
    title,
    body: { content: body.content },
    documentStyle: {
      pageSize: { width: pt(attrs.PAGE_WIDTH), height: pt(attrs.PAGE_HEIGHT) },
      marginTop: pt(attrs.MARGIN_TOP),
      marginBottom: pt(attrs.MARGIN_BOTTOM),
      marginLeft: pt(attrs.MARGIN_LEFT),
      marginRight: pt(attrs.MARGIN_RIGHT),
    },
  };
  if (content.header) {
    doc.headers = {
      [HEADER_ID]: { headerId: HEADER_ID, content: layoutSection(ctx, content.header).content },
    };
    doc.documentStyle.defaultHeaderId = HEADER_ID;
  }
  if (content.footer) {
    doc.footers = {
      [FOOTER_ID]: { footerId: FOOTER_ID, content: layoutSection(ctx, content.footer).content },
    };
    doc.documentStyle.defaultFooterId = FOOTER_ID;
  }
  return doc;
}
