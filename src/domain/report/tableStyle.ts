/**
 * The look of the report's tables as Docs API requests (documents.batchUpdate), planned from where
 * Documents.get says each table and cell sits: one batch styles every table, however many rows it
 * has, where DocumentApp needs a call per cell to align it (a paragraph's alignment is per
 * paragraph; DocumentApp has no column format). Pure: the shapes below are the parts of the Docs
 * API's JSON read or written here (https://developers.google.com/workspace/docs/api/reference/rest/v1/documents).
 *
 * Requests only style, so none moves an index and their order does not matter.
 */
import type { ReportTable } from './appendix';
import type { Align } from './tableLayout';

/** A StructuralElement of Documents.get, as far as it is read here. */
export interface DocsElement {
  startIndex?: number;
  endIndex?: number;
  paragraph?: { elements?: Array<{ textRun?: { content?: string } }> };
  table?: {
    tableRows?: Array<{
      tableCells?: Array<{ startIndex?: number; endIndex?: number; content?: DocsElement[] }>;
    }>;
  };
}

/** A table of the document: where it starts, and each cell's content span and text. */
export interface PlacedTable {
  startIndex: number;
  /** [row][column]: from the cell's first paragraph to the end of its last one. */
  cells: Array<Array<{ start: number; end: number; text: string }>>;
}

type Range = { startIndex: number; endIndex: number };
/** The requests planned here (the Docs API's Request, one kind each). */
export type DocsRequest =
  | {
      updateTextStyle: {
        range: Range;
        textStyle: {
          bold?: boolean;
          fontSize?: { magnitude: number; unit: 'PT' };
          weightedFontFamily?: { fontFamily: string };
        };
        fields: string;
      };
    }
  | { updateParagraphStyle: { range: Range; paragraphStyle: { alignment: string }; fields: 'alignment' } }
  | {
      updateTableColumnProperties: {
        tableStartLocation: { index: number };
        columnIndices: number[];
        tableColumnProperties: { widthType: 'FIXED_WIDTH'; width: { magnitude: number; unit: 'PT' } };
        fields: 'widthType,width';
      };
    }
  | { pinTableHeaderRows: { tableStartLocation: { index: number }; pinnedHeaderRowsCount: number } };

/** A cell's text: its paragraphs without their closing "\n", one line each. */
function textOf(content: DocsElement[]): string {
  return content
    .map((el) =>
      (el.paragraph?.elements ?? [])
        .map((e) => e.textRun?.content ?? '')
        .join('')
        .replace(/\n$/, ''),
    )
    .join('\n');
}

/** Every table of a segment's content, in document order, those inside table cells included. */
export function tablesIn(content: readonly DocsElement[]): PlacedTable[] {
  const out: PlacedTable[] = [];
  for (const el of content) {
    if (!el.table) continue;
    const inner: PlacedTable[] = [];
    const cells = (el.table.tableRows ?? []).map((row) =>
      (row.tableCells ?? []).map((cell) => {
        const parts = cell.content ?? [];
        inner.push(...tablesIn(parts));
        return {
          start: parts[0]?.startIndex ?? cell.startIndex ?? 0,
          end: cell.endIndex ?? 0,
          text: textOf(parts),
        };
      }),
    );
    out.push({ startIndex: el.startIndex ?? 0, cells }, ...inner);
  }
  return out;
}

function sameText(placed: PlacedTable, cells: readonly string[][]): boolean {
  return (
    placed.cells.length === cells.length &&
    placed.cells.every(
      (row, r) => row.length === cells[r]!.length && row.every((cell, c) => cell.text === cells[r]![c]),
    )
  );
}

/**
 * Each table where the document has it: the first table, in document order and not taken by an
 * earlier one, whose every cell holds that table's text. null when the document has none (the
 * template has no tag for it). The text, not the position, identifies a table: the template's own
 * tables (the header, Nơi nhận) and the order of the tags do not matter.
 */
export function locateTables(
  placed: readonly PlacedTable[],
  tables: readonly ReportTable[],
): Array<PlacedTable | null> {
  const taken = new Set<PlacedTable>();
  return tables.map((table) => {
    const found = placed.find((p) => !taken.has(p) && sameText(p, table.cells)) ?? null;
    if (found) taken.add(found);
    return found;
  });
}

const ALIGNMENT: Record<Align, string> = { left: 'START', center: 'CENTER', right: 'END' };

/** Runs of consecutive rows in `rows` (sorted, distinct), as [first, last]. */
function runsOf(rows: number[]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const r of rows) {
    const last = out[out.length - 1];
    if (last && last[1] === r - 1) last[1] = r;
    else out.push([r, r]);
  }
  return out;
}

/**
 * The requests that give one placed table its look: the font and size over the table, the header
 * and the group rows in bold, each column's alignment (the header centred), the column widths, and
 * the header row pinned so that it repeats at the top of each page the table runs onto.
 *
 * Alignment goes by runs of cells in reading order: consecutive cells with the same alignment are
 * one range, and an empty cell (nothing to align) joins the run it falls in. Cells aligned left need
 * no request: that is the paragraphs' default.
 */
export function tableStyleRequests(placed: PlacedTable, table: ReportTable, font: string): DocsRequest[] {
  const rows = placed.cells;
  const first = rows[0]?.[0];
  const lastRow = rows[rows.length - 1];
  const last = lastRow?.[lastRow.length - 1];
  if (!first || !last) return [];
  const requests: DocsRequest[] = [
    {
      updateTextStyle: {
        range: { startIndex: first.start, endIndex: last.end },
        textStyle: {
          fontSize: { magnitude: table.fontSize, unit: 'PT' },
          weightedFontFamily: { fontFamily: font },
        },
        fields: 'fontSize,weightedFontFamily',
      },
    },
  ];
  const bold = [...new Set([0, ...table.boldRows])].filter((r) => r < rows.length).sort((a, b) => a - b);
  for (const [from, to] of runsOf(bold)) {
    const end = rows[to]!;
    requests.push({
      updateTextStyle: {
        range: { startIndex: rows[from]![0]!.start, endIndex: end[end.length - 1]!.end },
        textStyle: { bold: true },
        fields: 'bold',
      },
    });
  }
  let run: { align: Align; start: number; end: number } | null = null;
  const close = () => {
    if (run && run.align !== 'left')
      requests.push({
        updateParagraphStyle: {
          range: { startIndex: run.start, endIndex: run.end },
          paragraphStyle: { alignment: ALIGNMENT[run.align] },
          fields: 'alignment',
        },
      });
  };
  rows.forEach((cells, r) =>
    cells.forEach((cell, c) => {
      const align: Align = r === 0 ? 'center' : (table.align[c] ?? 'left');
      if (run && (run.align === align || cell.text === '')) run.end = cell.end;
      else {
        close();
        run = { align, start: cell.start, end: cell.end };
      }
    }),
  );
  close();
  table.widths.forEach((width, c) =>
    requests.push({
      updateTableColumnProperties: {
        tableStartLocation: { index: placed.startIndex },
        columnIndices: [c],
        tableColumnProperties: { widthType: 'FIXED_WIDTH', width: { magnitude: width, unit: 'PT' } },
        fields: 'widthType,width',
      },
    }),
  );
  requests.push({
    pinTableHeaderRows: { tableStartLocation: { index: placed.startIndex }, pinnedHeaderRowsCount: 1 },
  });
  return requests;
}
