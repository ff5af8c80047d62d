/**
 * A Google Docs document as plain JSON: sections hold blocks (paragraphs, list items, tables);
 * a paragraph's text is a list of runs, each with its text attributes (keys are
 * DocumentApp.Attribute names). Facades (Body, Paragraph, Text…) are views on these objects.
 */
export type AttrValue = string | number | boolean | null;
export type Attrs = Record<string, AttrValue>;

export interface Run {
  text: string;
  attrs: Attrs;
}

/** An InlineImage inside a paragraph (services/docs/images.ts). */
export interface ImageNode {
  type: 'INLINE_IMAGE';
  /** The image bytes, base64 (the state is JSON). */
  data: string;
  contentType: string;
  /** Pixels, as InlineImage.getWidth/getHeight give them. */
  width: number;
  height: number;
  /** The character offset of the paragraph's text the image stands at. */
  offset: number;
}

export interface ParagraphNode {
  type: 'PARAGRAPH' | 'LIST_ITEM';
  runs: Run[];
  /** Paragraph-level attributes: HEADING, HORIZONTAL_ALIGNMENT, spacing, indents, list fields. */
  attrs: Attrs;
  /** A page break or a horizontal rule, which Google wraps in a paragraph of its own. */
  inline?: 'PAGE_BREAK' | 'HORIZONTAL_RULE';
  /** Inline images, in order; absent = none. They are not part of the text. */
  images?: ImageNode[];
  /**
   * The text style of the paragraph's closing "\n", which the Docs API styles with the text
   * (updateTextStyle over it) and which sets an empty paragraph's line height; absent = none set.
   * DocumentApp's setters do not reach it in the model (unverified what they do to it on Google).
   */
  mark?: Attrs;
}

export interface CellNode {
  type: 'TABLE_CELL';
  children: BlockNode[];
  attrs: Attrs;
}

export interface RowNode {
  type: 'TABLE_ROW';
  cells: CellNode[];
  attrs: Attrs;
}

export interface TableNode {
  type: 'TABLE';
  rows: RowNode[];
  attrs: Attrs;
  /** Points per column; null = Docs shares the page width equally. */
  columnWidths: Array<number | null>;
  /**
   * How many leading rows repeat at the top of each page (the Docs API's pinTableHeaderRows; DocumentApp
   * has no such method). Absent = none.
   */
  headerRows?: number;
}

export type BlockNode = ParagraphNode | TableNode;

export interface SectionNode {
  type: 'BODY_SECTION' | 'HEADER_SECTION' | 'FOOTER_SECTION';
  children: BlockNode[];
  attrs: Attrs;
}

export interface DocContent {
  body: SectionNode;
  header: SectionNode | null;
  footer: SectionNode | null;
}

export type ContainerNode = SectionNode | CellNode;
export type AnyNode = BlockNode | SectionNode | CellNode | RowNode;

/** The attributes that apply to characters; the others belong to paragraphs, cells, tables, the body. */
export const TEXT_ATTRIBUTES = [
  'BOLD',
  'ITALIC',
  'UNDERLINE',
  'STRIKETHROUGH',
  'FONT_SIZE',
  'FONT_FAMILY',
  'FOREGROUND_COLOR',
  'BACKGROUND_COLOR',
  'LINK_URL',
] as const;
const TEXT_ATTRIBUTE_SET = new Set<string>(TEXT_ATTRIBUTES);

export function isTextAttribute(key: string): boolean {
  return TEXT_ATTRIBUTE_SET.has(key);
}

/** A4 in points, the page size Docs gives a Vietnamese-locale account, with Docs' 1-inch margins. */
export const DEFAULT_PAGE: Attrs = {
  PAGE_WIDTH: 595.276,
  PAGE_HEIGHT: 841.89,
  MARGIN_TOP: 72,
  MARGIN_BOTTOM: 72,
  MARGIN_LEFT: 72,
  MARGIN_RIGHT: 72,
};

export function newParagraph(type: ParagraphNode['type'], text: string): ParagraphNode {
  return { type, runs: text ? [{ text, attrs: {} }] : [], attrs: { HEADING: 'NORMAL' } };
}

export function newSection(type: SectionNode['type']): SectionNode {
  return {
    type,
    children: [newParagraph('PARAGRAPH', '')],
    attrs: type === 'BODY_SECTION' ? { ...DEFAULT_PAGE } : {},
  };
}

export function newContent(): DocContent {
  return { body: newSection('BODY_SECTION'), header: null, footer: null };
}

export function newCell(text: string): CellNode {
  return { type: 'TABLE_CELL', children: [newParagraph('PARAGRAPH', text)], attrs: {} };
}

/** A table from string[][]; a ragged array is padded with empty cells (unverified: confirm on a real account). */
export function newTable(cells: string[][]): TableNode {
  const width = Math.max(0, ...cells.map((row) => row.length));
  return {
    type: 'TABLE',
    rows: cells.map((row) => ({
      type: 'TABLE_ROW',
      cells: Array.from({ length: width }, (_, i) => newCell(String(row[i] ?? ''))),
      attrs: {},
    })),
    attrs: {},
    columnWidths: Array.from({ length: width }, () => null),
  };
}

export function clone<T>(value: T): T {
  return structuredClone(value);
}

export function textOf(p: ParagraphNode): string {
  let text = '';
  for (const run of p.runs) text += run.text;
  return text;
}

function sameAttrs(a: Attrs, b: Attrs): boolean {
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  return ka.every((k) => a[k] === b[k]);
}

/** Drops empty runs and merges neighbours with equal attributes, so runs mark real format changes. */
function normalize(p: ParagraphNode): void {
  const out: Run[] = [];
  for (const run of p.runs) {
    if (!run.text) continue;
    const last = out[out.length - 1];
    if (last && sameAttrs(last.attrs, run.attrs)) last.text += run.text;
    else out.push(run);
  }
  p.runs = out;
}

/** Splits runs so that a run boundary falls at `offset`; returns the index of the run starting there. */
function splitAt(p: ParagraphNode, offset: number): number {
  let pos = 0;
  for (let i = 0; i < p.runs.length; i += 1) {
    const run = p.runs[i]!;
    if (offset === pos) return i;
    if (offset < pos + run.text.length) {
      const cut = offset - pos;
      p.runs.splice(
        i,
        1,
        { text: run.text.slice(0, cut), attrs: run.attrs },
        { text: run.text.slice(cut), attrs: { ...run.attrs } },
      );
      return i + 1;
    }
    pos += run.text.length;
  }
  return p.runs.length;
}

/** The attributes of the character at `offset` (the last one when offset is the end). */
export function attrsAt(p: ParagraphNode, offset: number): Attrs {
  let pos = 0;
  for (const run of p.runs) {
    if (offset < pos + run.text.length) return run.attrs;
    pos += run.text.length;
  }
  return p.runs[p.runs.length - 1]?.attrs ?? {};
}

/**
 * Replaces [start, end) with `text`. Without `attrs` the new text takes the format of the first
 * replaced character (or of the character before an insertion point).
 */
export function spliceText(p: ParagraphNode, start: number, end: number, text: string, attrs?: Attrs): void {
  const format = { ...(attrs ?? (end > start ? attrsAt(p, start) : attrsAt(p, Math.max(0, start - 1)))) };
  const from = splitAt(p, start);
  const to = splitAt(p, end);
  p.runs.splice(from, to - from, { text, attrs: format });
  normalize(p);
  // Images after the edit keep their place in the text; those inside the replaced span go to its start.
  for (const image of p.images ?? []) {
    if (image.offset >= end) image.offset += text.length - (end - start);
    else if (image.offset > start) image.offset = start;
  }
}

/** Sets (or, with null, clears) one text attribute on [start, end). */
export function formatText(
  p: ParagraphNode,
  start: number,
  end: number,
  key: string,
  value: AttrValue,
): void {
  if (end <= start) return;
  const from = splitAt(p, start);
  const to = splitAt(p, end);
  for (let i = from; i < to; i += 1) {
    const run = p.runs[i]!;
    if (value === null) delete run.attrs[key];
    else run.attrs[key] = value;
  }
  normalize(p);
}

/** The offsets where a run of distinct formatting starts (Text.getTextAttributeIndices). */
export function runStarts(p: ParagraphNode): number[] {
  const starts: number[] = [];
  let pos = 0;
  for (const run of p.runs) {
    starts.push(pos);
    pos += run.text.length;
  }
  return starts.length ? starts : [0];
}

/** One attribute over [start, end): its value when uniform, else null (Apps Script's "mixed"). */
export function uniformAttr(p: ParagraphNode, start: number, end: number, key: string): AttrValue {
  let value: AttrValue | undefined;
  let pos = 0;
  for (const run of p.runs) {
    const runEnd = pos + run.text.length;
    if (runEnd > start && pos < end) {
      const v = run.attrs[key] ?? null;
      if (value === undefined) value = v;
      else if (value !== v) return null;
    }
    pos = runEnd;
  }
  return value ?? null;
}

/** Every paragraph (and list item) under a node, in document order, tables included. */
export function paragraphsIn(node: AnyNode, out: ParagraphNode[] = []): ParagraphNode[] {
  switch (node.type) {
    case 'PARAGRAPH':
    case 'LIST_ITEM':
      out.push(node);
      break;
    case 'TABLE':
      for (const row of node.rows) paragraphsIn(row, out);
      break;
    case 'TABLE_ROW':
      for (const cell of node.cells) paragraphsIn(cell, out);
      break;
    default:
      for (const child of node.children) paragraphsIn(child, out);
  }
  return out;
}

export function tablesIn(node: AnyNode, out: TableNode[] = []): TableNode[] {
  const visit = (children: BlockNode[]) => {
    for (const child of children) {
      if (child.type === 'TABLE') {
        out.push(child);
        tablesIn(child, out);
      }
    }
  };
  if (node.type === 'TABLE') for (const row of node.rows) for (const cell of row.cells) visit(cell.children);
  else if (node.type === 'TABLE_ROW') for (const cell of node.cells) visit(cell.children);
  else if ('children' in node) visit(node.children);
  return out;
}

/** The text of any element: its paragraphs joined by newlines (unverified for tables: confirm on a real account). */
export function elementText(node: AnyNode): string {
  return paragraphsIn(node)
    .map((p) => textOf(p))
    .join('\n');
}

/** The node that holds `target` as a child, searching the document's sections. */
export function parentOf(content: DocContent, target: AnyNode): AnyNode | null {
  const search = (node: AnyNode): AnyNode | null => {
    const kids: AnyNode[] =
      node.type === 'TABLE'
        ? node.rows
        : node.type === 'TABLE_ROW'
          ? node.cells
          : 'children' in node
            ? node.children
            : [];
    for (const kid of kids) {
      if (kid === target) return node;
      const found = search(kid);
      if (found) return found;
    }
    return null;
  };
  for (const section of [content.body, content.header, content.footer]) {
    if (!section) continue;
    const found = search(section);
    if (found) return found;
  }
  return null;
}
