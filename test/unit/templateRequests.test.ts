/**
 * The planned requests, applied to a small model of the Docs API's index space (one slot per index:
 * characters, a table's, a row's and a cell's opening index, a table's closing one, a page break),
 * must give the template's blocks in order, and style each template paragraph as the template says.
 */
import { REPORT_KINDS } from '../../src/domain/report/kinds';
import { defaultTemplate, PAGE, TEXT_WIDTH_PT } from '../../src/domain/report/template';
import type { ReportTemplate, TemplateParagraph } from '../../src/domain/report/template';
import { templateRequests } from '../../src/domain/report/templateRequests';
import type { TemplateRequest } from '../../src/domain/report/templateRequests';

type Slot = {
  kind: 'char' | 'nl' | 'section' | 'table' | 'row' | 'cell' | 'tableEnd' | 'pageBreak';
  ch?: string;
};

/** A blank document: the section break, then one empty paragraph (structure guide). */
const blank = (): Slot[] => [{ kind: 'section' }, { kind: 'nl' }];

/** Text, tables and page breaks go inside a paragraph only (InsertTextRequest.location). */
function insideParagraph(doc: Slot[], index: number): void {
  const slot = doc[index];
  if (!slot || (slot.kind !== 'char' && slot.kind !== 'nl'))
    throw new Error(`index ${index} is not inside a paragraph (${slot?.kind})`);
}

function apply(doc: Slot[], request: TemplateRequest): void {
  if ('insertText' in request) {
    const { location, text } = request.insertText;
    insideParagraph(doc, location.index);
    if (!text) throw new Error('empty insertText');
    const slots = [...text].map((ch): Slot => (ch === '\n' ? { kind: 'nl' } : { kind: 'char', ch }));
    doc.splice(location.index, 0, ...slots);
  } else if ('insertTable' in request) {
    const { location, rows, columns } = request.insertTable;
    insideParagraph(doc, location.index);
    const slots: Slot[] = [{ kind: 'nl' }, { kind: 'table' }];
    for (let r = 0; r < rows; r += 1) {
      slots.push({ kind: 'row' });
      for (let c = 0; c < columns; c += 1) slots.push({ kind: 'cell' }, { kind: 'nl' });
    }
    slots.push({ kind: 'tableEnd' });
    doc.splice(location.index, 0, ...slots);
  } else if ('insertPageBreak' in request) {
    insideParagraph(doc, request.insertPageBreak.location.index);
    doc.splice(request.insertPageBreak.location.index, 0, { kind: 'pageBreak' }, { kind: 'nl' });
  }
}

interface Para {
  start: number;
  end: number;
  text: string;
  pageBreak: boolean;
  inTable: boolean;
}
type Block = { kind: 'p'; para: Para } | { kind: 'table'; start: number; cells: Para[][] };

/** The body as blocks: paragraphs, and tables holding their cells' paragraphs. */
function blocksOf(doc: Slot[]): Block[] {
  const out: Block[] = [];
  let table: { kind: 'table'; start: number; cells: Para[][] } | null = null;
  let para: Para | null = null;
  doc.forEach((slot, i) => {
    if (slot.kind === 'section') return;
    if (slot.kind === 'table') {
      table = { kind: 'table', start: i, cells: [] };
      out.push(table);
      return;
    }
    if (slot.kind === 'row') return;
    if (slot.kind === 'cell') {
      table!.cells.push([]);
      return;
    }
    if (slot.kind === 'tableEnd') {
      table = null;
      return;
    }
    para ??= { start: i, end: i, text: '', pageBreak: false, inTable: table !== null };
    if (slot.kind === 'char') para.text += slot.ch;
    if (slot.kind === 'pageBreak') para.pageBreak = true;
    if (slot.kind === 'nl') {
      para.end = i + 1;
      if (table) (table as { cells: Para[][] }).cells.at(-1)!.push(para);
      else out.push({ kind: 'p', para });
      para = null;
    }
  });
  return out;
}

function build(template: ReportTemplate) {
  const requests = templateRequests(template);
  const doc = blank();
  for (const r of requests) apply(doc, r);
  return { requests, doc, blocks: blocksOf(doc) };
}

/** Each template paragraph beside the document paragraph it became, in order. */
function pairs(template: ReportTemplate, blocks: Block[]): Array<[TemplateParagraph, Para]> {
  const wanted = template.blocks.flatMap((b) =>
    b.kind === 'columns' ? [...b.left, ...b.right] : b.kind === 'paragraph' ? [b] : [],
  );
  // The paragraphs the template lacks: the empty line Docs keeps before the opening header table,
  // and the empty paragraph after each table (as DocumentApp's appendTable left it).
  const got = blocks
    .flatMap((b, i) => {
      if (b.kind === 'table') return b.cells.flat();
      return i === 0 || blocks[i - 1]!.kind === 'table' ? [] : [b.para];
    })
    .filter((p) => !p.pageBreak);
  expect(got.length).toBe(wanted.length);
  return wanted.map((p, i) => [p, got[i]!]);
}

/** The style requests that cover a paragraph, by kind. */
function stylesOf(requests: TemplateRequest[], para: Para) {
  const covers = (r: { startIndex: number; endIndex: number }) =>
    r.startIndex <= para.start && r.endIndex >= para.end;
  const text = requests.flatMap((r) =>
    'updateTextStyle' in r && covers(r.updateTextStyle.range) ? [r.updateTextStyle] : [],
  );
  const paragraph = requests.flatMap((r) =>
    'updateParagraphStyle' in r && covers(r.updateParagraphStyle.range) ? [r.updateParagraphStyle] : [],
  );
  return { text, paragraph };
}

describe.each(REPORT_KINDS.map((k) => k.kind))('the %s template as Docs API requests', (kind) => {
  const template = defaultTemplate(kind);
  const { requests, blocks } = build(template);

  it('gives the template blocks in order, with the empty line Docs needs before the header table and one after each table', () => {
    const shape = blocks.map((b) => (b.kind === 'table' ? 'table' : b.para.pageBreak ? 'pageBreak' : 'p'));
    const wanted = template.blocks.map((b) =>
      b.kind === 'columns' ? 'table' : b.kind === 'pageBreak' ? 'pageBreak' : 'p',
    );
    expect(shape).toEqual(['p', ...wanted.flatMap((b) => (b === 'table' ? ['table', 'p'] : [b]))]);
    // The paragraph after a table is empty, and left unstyled.
    blocks.forEach((b, i) => {
      if (i === 0 || blocks[i - 1]!.kind !== 'table') return;
      const { para } = b as { para: Para };
      expect(para.text).toBe('');
      expect(stylesOf(requests, para)).toEqual({ text: [], paragraph: [] });
    });
    // Each table: one row of two cells, each holding its side's paragraphs.
    const columns = template.blocks.filter((b) => b.kind === 'columns');
    const tables = blocks.filter((b) => b.kind === 'table');
    tables.forEach((t, i) => {
      expect(t.cells.map((c) => c.map((p) => p.text))).toEqual([
        columns[i]!.left.map((p) => p.text),
        columns[i]!.right.map((p) => p.text),
      ]);
    });
  });

  it('ends with the template last paragraph, not an extra empty one', () => {
    const last = blocks.at(-1)!;
    expect(last.kind).toBe('p');
    expect(pairs(template, blocks).at(-1)![1]).toBe((last as { para: Para }).para);
  });

  it('styles each paragraph once, as the template says', () => {
    for (const [p, para] of pairs(template, blocks)) {
      const { text, paragraph } = stylesOf(requests, para);
      expect(text).toHaveLength(1);
      expect(paragraph).toHaveLength(1);
      // The range covers whole paragraphs only (starts and ends on a paragraph's bounds).
      expect(text[0]!.textStyle).toEqual({
        bold: Boolean(p.bold),
        italic: Boolean(p.italic),
        fontSize: { magnitude: p.size ?? PAGE.bodySize, unit: 'PT' },
        weightedFontFamily: { fontFamily: 'Times New Roman' },
      });
      expect(paragraph[0]!.paragraphStyle.alignment).toBe(
        { left: 'START', center: 'CENTER', justify: 'JUSTIFIED' }[p.align ?? 'left'],
      );
      expect(paragraph[0]!.paragraphStyle.indentFirstLine!.magnitude).toBeCloseTo(p.indent ? 36 : 0, 1);
      expect(paragraph[0]!.paragraphStyle.spaceBelow!.magnitude).toBe(p.indent ? 6 : 0);
    }
  });

  it('makes the empty line before the header table 1 pt high, with no space around it', () => {
    const spacer = (blocks[0] as { para: Para }).para;
    const { text, paragraph } = stylesOf(requests, spacer);
    expect(text.map((t) => t.textStyle.fontSize.magnitude)).toEqual([1]);
    expect(paragraph.map((s) => s.paragraphStyle)).toEqual([
      { spaceAbove: { magnitude: 0, unit: 'PT' }, spaceBelow: { magnitude: 0, unit: 'PT' } },
    ]);
  });

  it('styles every range on whole paragraphs, and every table where it starts', () => {
    const paras = blocks.flatMap((b) => (b.kind === 'p' ? [b.para] : b.cells.flat()));
    const starts = new Set(paras.map((p) => p.start));
    const ends = new Set(paras.map((p) => p.end));
    for (const r of requests) {
      const range =
        'updateTextStyle' in r
          ? r.updateTextStyle.range
          : 'updateParagraphStyle' in r
            ? r.updateParagraphStyle.range
            : null;
      if (range) {
        expect(starts.has(range.startIndex)).toBe(true);
        expect(ends.has(range.endIndex)).toBe(true);
      }
    }
    const tableStarts = blocks.flatMap((b) => (b.kind === 'table' ? [b.start] : []));
    const located = requests.flatMap((r) =>
      'updateTableCellStyle' in r
        ? [r.updateTableCellStyle.tableStartLocation.index]
        : 'updateTableColumnProperties' in r
          ? [r.updateTableColumnProperties.tableStartLocation.index]
          : [],
    );
    expect(new Set(located)).toEqual(new Set(tableStarts));
  });

  it('sizes the header columns to the text width and hides the borders of both tables', () => {
    const widths = requests.flatMap((r) =>
      'updateTableColumnProperties' in r
        ? [r.updateTableColumnProperties.tableColumnProperties.width.magnitude]
        : [],
    );
    // Two tables, two columns each, filling the width between the margins.
    expect(widths).toHaveLength(4);
    expect(widths[0]! + widths[1]!).toBeCloseTo(TEXT_WIDTH_PT, 6);
    expect(widths[0]! / TEXT_WIDTH_PT).toBeCloseTo(0.42, 6);
    const borders = requests.flatMap((r) => ('updateTableCellStyle' in r ? [r.updateTableCellStyle] : []));
    expect(borders).toHaveLength(2);
    for (const b of borders)
      for (const side of Object.values(b.tableCellStyle)) expect(side.width.magnitude).toBe(0);
  });

  it('sets the page first: A4 with the Nghị định 30 margins', () => {
    const first = requests[0]!;
    expect('updateDocumentStyle' in first && first.updateDocumentStyle.documentStyle).toEqual({
      pageSize: {
        width: { magnitude: PAGE.widthPt, unit: 'PT' },
        height: { magnitude: PAGE.heightPt, unit: 'PT' },
      },
      marginTop: { magnitude: 56.7, unit: 'PT' },
      marginBottom: { magnitude: 56.7, unit: 'PT' },
      marginLeft: { magnitude: 85.05, unit: 'PT' },
      marginRight: { magnitude: 42.52, unit: 'PT' },
    });
  });
});

describe('templates of other shapes', () => {
  const p = (text: string, extra: Partial<TemplateParagraph> = {}): TemplateParagraph => ({
    kind: 'paragraph',
    text,
    ...extra,
  });

  it('puts a table straight after a paragraph and a page break straight after a table, and ends on an empty paragraph after a closing table', () => {
    const template: ReportTemplate = {
      name: 'x',
      blocks: [
        p('Mở đầu'),
        { kind: 'columns', left: [p('Trái')], right: [p('Phải 1'), p('Phải 2')], leftWidth: 50 },
        { kind: 'pageBreak' },
        p('Sau'),
        p('Sau nữa'),
        { kind: 'pageBreak' },
        { kind: 'columns', left: [p('A')], right: [p('')], leftWidth: 30 },
      ],
    };
    const { blocks, requests } = build(template);
    const shape = blocks.map((b) =>
      b.kind === 'table' ? 'table' : b.para.pageBreak ? 'pageBreak' : `p:${b.para.text}`,
    );
    // No empty line before the first table (a paragraph precedes it); Docs keeps one between a page
    // break and a table; one follows each table.
    expect(shape).toEqual([
      'p:Mở đầu',
      'table',
      'p:',
      'pageBreak',
      'p:Sau',
      'p:Sau nữa',
      'pageBreak',
      'p:',
      'table',
      'p:',
    ]);
    // Two neighbouring paragraphs that look the same: one range.
    const sau = blocks.flatMap((b) => (b.kind === 'p' && b.para.text.startsWith('Sau') ? [b.para] : []));
    const shared = stylesOf(requests, { ...sau[0]!, end: sau[1]!.end });
    expect(shared.text).toHaveLength(1);
    expect(shared.paragraph).toHaveLength(1);
    // The one empty line Docs needs before a table (after the page break) is made 1 pt high.
    const spacer = blocks[7] as { para: Para };
    expect(stylesOf(requests, spacer.para).text.map((t) => t.textStyle.fontSize.magnitude)).toEqual([1]);
    expect(
      requests.filter((r) => 'updateTextStyle' in r && r.updateTextStyle.textStyle.fontSize.magnitude === 1),
    ).toHaveLength(1);
  });

  it('refuses a paragraph holding a line break, which would make two', () => {
    expect(() => templateRequests({ name: 'x', blocks: [p('a\nb')] })).toThrow(/line break/);
  });
});
