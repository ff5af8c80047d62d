import type { EmulatorContext } from '../../core/context';
import { Emulated } from '../../core/context';
import { parameterMismatch } from '../../core/errors';
import type {
  AnyNode,
  AttrValue,
  BlockNode,
  CellNode,
  ContainerNode,
  ParagraphNode,
  RowNode,
  SectionNode,
  TableNode,
} from './model';
import {
  TEXT_ATTRIBUTES,
  attrsAt,
  clone,
  elementText,
  formatText,
  isTextAttribute,
  newCell,
  newParagraph,
  newTable,
  paragraphsIn,
  parentOf,
  runStarts,
  spliceText,
  tablesIn,
  textOf,
  uniformAttr,
} from './model';
import { BlobImpl } from '../../core/blob';
import { imageFromBlob } from './images';
import type { ImageNode } from './model';
import { compilePattern, matchRanges, replaceInParagraph } from './regex';
import type { DocRecord } from './store';

/**
 * One `Document` handle (openById, create): edits through it are pending until saveAndClose or
 * the end of the execution, and a closed handle can't edit (docs/apps-script-facts.md §3.4).
 */
export interface DocSession {
  docId: string;
  closed: boolean;
  editable: boolean;
  executionId: number | null;
  /** The document's DocRecord.apiWrites when this handle was opened. */
  apiWrites: number;
}

export const GLYPH_TYPES = [
  'BULLET',
  'HOLLOW_BULLET',
  'SQUARE_BULLET',
  'NUMBER',
  'LATIN_UPPER',
  'LATIN_LOWER',
  'ROMAN_UPPER',
  'ROMAN_LOWER',
] as const;
export const HEADINGS = [
  'NORMAL',
  'HEADING1',
  'HEADING2',
  'HEADING3',
  'HEADING4',
  'HEADING5',
  'HEADING6',
  'TITLE',
  'SUBTITLE',
] as const;
export const HORIZONTAL_ALIGNMENTS = ['LEFT', 'CENTER', 'RIGHT', 'JUSTIFY'] as const;
export const VERTICAL_ALIGNMENTS = ['BOTTOM', 'CENTER', 'TOP'] as const;

export function docRecord(ctx: EmulatorContext, docId: string): DocRecord {
  const record = ctx.state.document.docs[docId];
  if (!record) throw ctx.fail("Document is missing (perhaps it was deleted, or you don't have read access?)");
  return record;
}

/** Every edit passes here: refuses a closed or read-only handle, and keeps the saved version. */
export function beginEdit(ctx: EmulatorContext, s: DocSession): DocRecord {
  if (s.closed) throw ctx.fail('Document is closed, its contents cannot be updated.');
  // unverified: confirm on a real account (a viewer editing through DocumentApp).
  if (!s.editable) throw ctx.fail('Access denied: DocumentApp.');
  const record = docRecord(ctx, s.docId);
  // The handle's elements are the content as it was before the Docs API changed it. Whether Google
  // merges such edits is not documented (unverified): the emulator refuses them, the stricter reading.
  if ((record.apiWrites ?? 0) !== s.apiWrites)
    throw new Error(
      'Emulator: this Document was opened before Docs.Documents.batchUpdate changed it; open it again (DocumentApp.openById)',
    );
  record.savedContent ??= clone(record.content);
  return record;
}

/** Base of every document element facade: a view on one node of a document's content. */
export abstract class DocElement extends Emulated {
  constructor(
    ctx: EmulatorContext,
    className: string,
    public _s: DocSession,
    public _node: AnyNode,
  ) {
    super(ctx, className);
  }

  _record(): DocRecord {
    return docRecord(this._ctx, this._s.docId);
  }

  _edit(): void {
    beginEdit(this._ctx, this._s);
  }

  _wrap<T extends DocElement = DocElement>(node: AnyNode): T {
    return wrapNode(this._ctx, this._s, node) as T;
  }

  _enumArg<K extends string>(value: unknown, keys: readonly K[], method: string): K {
    if (typeof value === 'string' && (keys as readonly string[]).includes(value)) return value as K;
    throw parameterMismatch(this._ctx, method, [value]);
  }

  getType(): string {
    return this._node.type;
  }

  /** Element casts (asParagraph…): the same element, when it is of that type. */
  _as(type: string, className: string): this {
    if (this.getType() !== type) {
      // unverified: confirm on a real account.
      throw this._ctx.fail(`Cannot convert ${this._className} to ${className}.`);
    }
    return this;
  }
  asParagraph(): this {
    return this._as('PARAGRAPH', 'Paragraph');
  }
  asListItem(): this {
    return this._as('LIST_ITEM', 'ListItem');
  }
  asTable(): this {
    return this._as('TABLE', 'Table');
  }
  asTableRow(): this {
    return this._as('TABLE_ROW', 'TableRow');
  }
  asTableCell(): this {
    return this._as('TABLE_CELL', 'TableCell');
  }
  asText(): this {
    return this._as('TEXT', 'Text');
  }
  asBody(): this {
    return this._as('BODY_SECTION', 'Body');
  }
  asHeaderSection(): this {
    return this._as('HEADER_SECTION', 'HeaderSection');
  }
  asFooterSection(): this {
    return this._as('FOOTER_SECTION', 'FooterSection');
  }

  getText(): string {
    return elementText(this._node);
  }

  getParent(): DocElement | null {
    const parent = parentOf(this._record().content, this._node);
    return parent ? this._wrap(parent) : null;
  }

  editAsText(): TextImpl {
    return new TextImpl(this._ctx, this._s, this._node, 0);
  }

  replaceText(searchPattern: string, replacement: string): this {
    this._edit();
    const re = compilePattern(this._ctx, searchPattern);
    for (const p of paragraphsIn(this._node)) replaceInParagraph(p, re, String(replacement));
    return this;
  }

  findText(searchPattern: string, from?: RangeElementImpl): RangeElementImpl | null {
    return findIn(this._ctx, this._s, paragraphsIn(this._node), searchPattern, from);
  }

  getAttributes(): Record<string, AttrValue> {
    const out: Record<string, AttrValue> = { ...this._node.attrs };
    if (this._node.type === 'PARAGRAPH' || this._node.type === 'LIST_ITEM') {
      const p = this._node;
      for (const key of TEXT_ATTRIBUTES) out[key] = uniformAttr(p, 0, textOf(p).length, key);
    }
    return out;
  }

  setAttributes(attributes: Record<string, unknown>): this {
    this._edit();
    for (const [key, value] of Object.entries(attributes)) {
      const v = (value ?? null) as AttrValue;
      if (isTextAttribute(key)) {
        for (const p of paragraphsIn(this._node)) formatText(p, 0, textOf(p).length, key, v);
      } else if (v === null) {
        delete this._node.attrs[key];
      } else {
        this._node.attrs[key] = v;
      }
    }
    return this;
  }

  _attr(key: string): AttrValue {
    return this._node.attrs[key] ?? null;
  }

  _setAttr(key: string, value: unknown): this {
    this._edit();
    this._node.attrs[key] = (value ?? null) as AttrValue;
    return this;
  }

  /** The siblings list that holds this node, or null when it is detached. */
  _siblings(): AnyNode[] | null {
    const parent = parentOf(this._record().content, this._node);
    if (!parent) return null;
    if (parent.type === 'TABLE') return parent.rows;
    if (parent.type === 'TABLE_ROW') return parent.cells;
    return 'children' in parent ? parent.children : null;
  }

  _removeFromParent(): this {
    this._edit();
    const siblings = this._siblings();
    if (!siblings) return this;
    const index = siblings.indexOf(this._node);
    guardLastParagraph(this._ctx, siblings, index);
    siblings.splice(index, 1);
    return this;
  }

  _copy<T extends DocElement>(): T {
    return this._wrap<T>(clone(this._node));
  }
}

/** A section or cell must end with a paragraph (seen in real runs). */
function guardLastParagraph(ctx: EmulatorContext, siblings: AnyNode[], index: number): void {
  const node = siblings[index];
  if (index === siblings.length - 1 && (node?.type === 'PARAGRAPH' || node?.type === 'LIST_ITEM')) {
    throw ctx.fail("Can't remove the last paragraph in a document section.");
  }
}

function childIndexError(ctx: EmulatorContext, index: number, count: number): Error {
  // unverified: confirm on a real account.
  return ctx.fail(`Child index (${index}) must be less than the number of child elements (${count}).`);
}

function findIn(
  ctx: EmulatorContext,
  s: DocSession,
  paragraphs: ParagraphNode[],
  searchPattern: string,
  from?: RangeElementImpl,
): RangeElementImpl | null {
  const re = compilePattern(ctx, searchPattern);
  let started = !from;
  for (const p of paragraphs) {
    let offset = 0;
    if (!started) {
      if (p !== from!._p) continue;
      started = true;
      offset = from!._end + 1;
    }
    const [match] = matchRanges(re, textOf(p), offset);
    if (match) return new RangeElementImpl(ctx, s, p, match[0], match[1] - 1);
  }
  return null;
}

/** Body, HeaderSection, FooterSection and TableCell: elements that hold paragraphs and tables. */
abstract class ContainerBase extends DocElement {
  declare _node: ContainerNode;

  _kids(): BlockNode[] {
    return this._node.children;
  }

  _insert<T extends DocElement>(index: number, node: BlockNode): T {
    this._edit();
    const kids = this._kids();
    if (!Number.isInteger(index) || index < 0 || index > kids.length) {
      // unverified: confirm on a real account.
      throw this._ctx.fail(
        `Index (${index}) must be less than or equal to the number of child elements (${kids.length}).`,
      );
    }
    kids.splice(index, 0, node);
    return this._wrap<T>(node);
  }

  /** A paragraph argument is appended itself (it must be detached, e.g. from copy()); a string makes one. */
  _paragraphArg(value: unknown, type: ParagraphNode['type'], method: string): ParagraphNode {
    if (value instanceof ParagraphBase && value._node.type === type) {
      if (value._siblings()) throw this._ctx.fail('Element must be detached.'); // unverified
      return value._node;
    }
    if (typeof value === 'string' || typeof value === 'number') {
      const node = newParagraph(type, String(value));
      if (type === 'LIST_ITEM') this._joinList(node);
      return node;
    }
    throw parameterMismatch(this._ctx, method, [value]);
  }

  /** "Consecutive list items are added as part of the same list" (documented). */
  _joinList(node: ParagraphNode): void {
    const kids = this._kids();
    const prev = kids[kids.length - 1];
    if (prev?.type === 'LIST_ITEM') {
      node.attrs.LIST_ID = prev.attrs.LIST_ID ?? null;
      node.attrs.GLYPH_TYPE = prev.attrs.GLYPH_TYPE ?? 'BULLET';
    } else {
      node.attrs.LIST_ID = this._ctx.newId('kix');
      node.attrs.GLYPH_TYPE = 'BULLET';
    }
    node.attrs.NESTING_LEVEL = 0;
  }

  _tableArg(value: unknown, method: string): TableNode {
    if (value === undefined) return newTable([]);
    if (value instanceof TableImpl) return clone(value._node);
    if (Array.isArray(value) && value.every((row) => Array.isArray(row)))
      return newTable(value as string[][]);
    throw parameterMismatch(this._ctx, method, [value]);
  }

  appendParagraph(paragraph: unknown): ParagraphImpl {
    return this._insert(
      this._kids().length,
      this._paragraphArg(paragraph, 'PARAGRAPH', `DocumentApp.${this._className}.appendParagraph`),
    );
  }

  insertParagraph(childIndex: number, paragraph: unknown): ParagraphImpl {
    return this._insert(
      childIndex,
      this._paragraphArg(paragraph, 'PARAGRAPH', `DocumentApp.${this._className}.insertParagraph`),
    );
  }

  appendListItem(listItem: unknown): ListItemImpl {
    return this._insert(
      this._kids().length,
      this._paragraphArg(listItem, 'LIST_ITEM', `DocumentApp.${this._className}.appendListItem`),
    );
  }

  insertListItem(childIndex: number, listItem: unknown): ListItemImpl {
    return this._insert(
      childIndex,
      this._paragraphArg(listItem, 'LIST_ITEM', `DocumentApp.${this._className}.insertListItem`),
    );
  }

  /** "This method will also append an empty paragraph after the table" (documented). */
  appendTable(cells?: unknown): TableImpl {
    const table = this._insert<TableImpl>(
      this._kids().length,
      this._tableArg(cells, `DocumentApp.${this._className}.appendTable`),
    );
    this._kids().push(newParagraph('PARAGRAPH', ''));
    return table;
  }

  insertTable(childIndex: number, cells?: unknown): TableImpl {
    return this._insert(childIndex, this._tableArg(cells, `DocumentApp.${this._className}.insertTable`));
  }

  /** An image argument: a BlobSource, or an InlineImage whose copy is used. */
  _imageArg(value: unknown, method: string): ImageNode {
    if (value instanceof InlineImageImpl) return clone(value._image);
    const image = imageFromBlob(this._ctx, value);
    if (!image) throw parameterMismatch(this._ctx, method, [value]);
    return image;
  }

  _insertImage(childIndex: number, image: unknown, method: string): InlineImageImpl {
    const node = this._imageArg(image, `DocumentApp.${this._className}.${method}`);
    const paragraph: ParagraphNode = { ...newParagraph('PARAGRAPH', ''), images: [node] };
    this._insert(childIndex, paragraph);
    return new InlineImageImpl(this._ctx, this._s, paragraph, node);
  }

  /** "Creates and inserts an InlineImage … The image will be contained in a new Paragraph." */
  insertImage(childIndex: number, image: unknown): InlineImageImpl {
    return this._insertImage(childIndex, image, 'insertImage');
  }

  appendImage(image: unknown): InlineImageImpl {
    return this._insertImage(this._kids().length, image, 'appendImage');
  }

  appendHorizontalRule(): InlineImpl {
    const node: ParagraphNode = { ...newParagraph('PARAGRAPH', ''), inline: 'HORIZONTAL_RULE' };
    this._insert(this._kids().length, node);
    return new InlineImpl(this._ctx, this._s, node);
  }

  getNumChildren(): number {
    return this._kids().length;
  }

  getChild(childIndex: number): DocElement {
    const node = this._kids()[childIndex];
    if (!node) throw childIndexError(this._ctx, childIndex, this._kids().length);
    return this._wrap(node);
  }

  getChildIndex(child: DocElement): number {
    const index = this._kids().indexOf(child._node as BlockNode);
    // unverified: confirm on a real account.
    if (index < 0) throw this._ctx.fail('Element does not contain the specified child element.');
    return index;
  }

  removeChild(child: DocElement): this {
    this._edit();
    const kids = this._kids();
    const index = kids.indexOf(child._node as BlockNode);
    if (index < 0) throw this._ctx.fail('Element does not contain the specified child element.'); // unverified
    guardLastParagraph(this._ctx, kids, index);
    kids.splice(index, 1);
    return this;
  }

  clear(): this {
    this._edit();
    this._node.children = [newParagraph('PARAGRAPH', '')];
    return this;
  }

  setText(text: string): this {
    this._edit();
    this._node.children = [newParagraph('PARAGRAPH', String(text))];
    return this;
  }

  getParagraphs(): ParagraphBase[] {
    return paragraphsIn(this._node).map((p) => this._wrap<ParagraphBase>(p));
  }

  getListItems(): ListItemImpl[] {
    return paragraphsIn(this._node)
      .filter((p) => p.type === 'LIST_ITEM')
      .map((p) => this._wrap<ListItemImpl>(p));
  }

  getTables(): TableImpl[] {
    return tablesIn(this._node).map((t) => this._wrap<TableImpl>(t));
  }
}

export class BodyImpl extends ContainerBase {
  declare _node: SectionNode;

  constructor(ctx: EmulatorContext, s: DocSession, node: SectionNode) {
    super(ctx, 'Body', s, node);
  }

  appendPageBreak(): InlineImpl {
    const node: ParagraphNode = { ...newParagraph('PARAGRAPH', ''), inline: 'PAGE_BREAK' };
    this._insert(this._kids().length, node);
    return new InlineImpl(this._ctx, this._s, node);
  }

  getMarginTop(): number {
    return this._attr('MARGIN_TOP') as number;
  }
  getMarginBottom(): number {
    return this._attr('MARGIN_BOTTOM') as number;
  }
  getMarginLeft(): number {
    return this._attr('MARGIN_LEFT') as number;
  }
  getMarginRight(): number {
    return this._attr('MARGIN_RIGHT') as number;
  }
  getPageWidth(): number {
    return this._attr('PAGE_WIDTH') as number;
  }
  getPageHeight(): number {
    return this._attr('PAGE_HEIGHT') as number;
  }
  setMarginTop(marginTop: number): this {
    return this._setAttr('MARGIN_TOP', Number(marginTop));
  }
  setMarginBottom(marginBottom: number): this {
    return this._setAttr('MARGIN_BOTTOM', Number(marginBottom));
  }
  setMarginLeft(marginLeft: number): this {
    return this._setAttr('MARGIN_LEFT', Number(marginLeft));
  }
  setMarginRight(marginRight: number): this {
    return this._setAttr('MARGIN_RIGHT', Number(marginRight));
  }
  setPageWidth(pageWidth: number): this {
    return this._setAttr('PAGE_WIDTH', Number(pageWidth));
  }
  setPageHeight(pageHeight: number): this {
    return this._setAttr('PAGE_HEIGHT', Number(pageHeight));
  }
}

export class SectionImpl extends ContainerBase {
  declare _node: SectionNode;

  constructor(ctx: EmulatorContext, s: DocSession, node: SectionNode) {
    super(ctx, node.type === 'HEADER_SECTION' ? 'HeaderSection' : 'FooterSection', s, node);
  }
}

export class TableCellImpl extends ContainerBase {
  declare _node: CellNode;

  constructor(ctx: EmulatorContext, s: DocSession, node: CellNode) {
    super(ctx, 'TableCell', s, node);
  }

  removeFromParent(): this {
    return this._removeFromParent();
  }
  copy(): TableCellImpl {
    return this._copy();
  }
  getParentRow(): TableRowImpl {
    return this.getParent() as TableRowImpl;
  }
  getParentTable(): TableImpl {
    const row = parentOf(this._record().content, this._node) as RowNode;
    return this._wrap(parentOf(this._record().content, row)!);
  }
  getColSpan(): number {
    return 1;
  }
  getRowSpan(): number {
    return 1;
  }
  getBackgroundColor(): string | null {
    return this._attr('BACKGROUND_COLOR') as string | null;
  }
  setBackgroundColor(color: string): this {
    return this._setAttr('BACKGROUND_COLOR', color);
  }
  getWidth(): number | null {
    return this._attr('WIDTH') as number | null;
  }
  setWidth(width: number): this {
    return this._setAttr('WIDTH', Number(width));
  }
  getPaddingTop(): number | null {
    return this._attr('PADDING_TOP') as number | null;
  }
  getPaddingBottom(): number | null {
    return this._attr('PADDING_BOTTOM') as number | null;
  }
  getPaddingLeft(): number | null {
    return this._attr('PADDING_LEFT') as number | null;
  }
  getPaddingRight(): number | null {
    return this._attr('PADDING_RIGHT') as number | null;
  }
  setPaddingTop(paddingTop: number): this {
    return this._setAttr('PADDING_TOP', Number(paddingTop));
  }
  setPaddingBottom(paddingBottom: number): this {
    return this._setAttr('PADDING_BOTTOM', Number(paddingBottom));
  }
  setPaddingLeft(paddingLeft: number): this {
    return this._setAttr('PADDING_LEFT', Number(paddingLeft));
  }
  setPaddingRight(paddingRight: number): this {
    return this._setAttr('PADDING_RIGHT', Number(paddingRight));
  }
  getVerticalAlignment(): string | null {
    return this._attr('VERTICAL_ALIGNMENT') as string | null;
  }
  setVerticalAlignment(alignment: unknown): this {
    return this._setAttr(
      'VERTICAL_ALIGNMENT',
      this._enumArg(alignment, VERTICAL_ALIGNMENTS, 'DocumentApp.TableCell.setVerticalAlignment'),
    );
  }
}

/** Paragraph and ListItem. */
abstract class ParagraphBase extends DocElement {
  declare _node: ParagraphNode;

  /** Returns nothing, as on Google (no chaining). "Existing contents are cleared", images too. */
  setText(text: string): void {
    this._edit();
    spliceText(this._node, 0, textOf(this._node).length, String(text));
    delete this._node.inline;
    delete this._node.images;
  }

  /** Appends an image after the paragraph's content. */
  appendInlineImage(image: unknown): InlineImageImpl {
    this._edit();
    const node = image instanceof InlineImageImpl ? clone(image._image) : imageFromBlob(this._ctx, image);
    if (!node)
      throw parameterMismatch(this._ctx, `DocumentApp.${this._className}.appendInlineImage`, [image]);
    node.offset = textOf(this._node).length;
    (this._node.images ??= []).push(node);
    return new InlineImageImpl(this._ctx, this._s, this._node, node);
  }

  appendText(text: string): TextImpl {
    this._edit();
    const start = textOf(this._node).length;
    spliceText(this._node, start, start, String(text));
    return new TextImpl(this._ctx, this._s, this._node, start);
  }

  removeFromParent(): this {
    return this._removeFromParent();
  }

  getHeading(): string {
    return (this._attr('HEADING') as string | null) ?? 'NORMAL';
  }
  setHeading(heading: unknown): this {
    return this._setAttr(
      'HEADING',
      this._enumArg(heading, HEADINGS, `DocumentApp.${this._className}.setHeading`),
    );
  }
  getAlignment(): string | null {
    return this._attr('HORIZONTAL_ALIGNMENT') as string | null;
  }
  setAlignment(alignment: unknown): this {
    return this._setAttr(
      'HORIZONTAL_ALIGNMENT',
      this._enumArg(alignment, HORIZONTAL_ALIGNMENTS, `DocumentApp.${this._className}.setAlignment`),
    );
  }
  getIndentStart(): number | null {
    return this._attr('INDENT_START') as number | null;
  }
  getIndentEnd(): number | null {
    return this._attr('INDENT_END') as number | null;
  }
  getIndentFirstLine(): number | null {
    return this._attr('INDENT_FIRST_LINE') as number | null;
  }
  setIndentStart(indentStart: number): this {
    return this._setAttr('INDENT_START', Number(indentStart));
  }
  setIndentEnd(indentEnd: number): this {
    return this._setAttr('INDENT_END', Number(indentEnd));
  }
  setIndentFirstLine(indentFirstLine: number): this {
    return this._setAttr('INDENT_FIRST_LINE', Number(indentFirstLine));
  }
  getLineSpacing(): number | null {
    return this._attr('LINE_SPACING') as number | null;
  }
  setLineSpacing(multiplier: number): this {
    return this._setAttr('LINE_SPACING', Number(multiplier));
  }
  getSpacingBefore(): number | null {
    return this._attr('SPACING_BEFORE') as number | null;
  }
  getSpacingAfter(): number | null {
    return this._attr('SPACING_AFTER') as number | null;
  }
  setSpacingBefore(spacingBefore: number): this {
    return this._setAttr('SPACING_BEFORE', Number(spacingBefore));
  }
  setSpacingAfter(spacingAfter: number): this {
    return this._setAttr('SPACING_AFTER', Number(spacingAfter));
  }
  getLinkUrl(): string | null {
    return uniformAttr(this._node, 0, textOf(this._node).length, 'LINK_URL') as string | null;
  }
  setLinkUrl(url: string | null): this {
    this._edit();
    formatText(this._node, 0, textOf(this._node).length, 'LINK_URL', url);
    return this;
  }
}

export class ParagraphImpl extends ParagraphBase {
  constructor(ctx: EmulatorContext, s: DocSession, node: ParagraphNode) {
    super(ctx, 'Paragraph', s, node);
  }
  copy(): ParagraphImpl {
    return this._copy();
  }
}

export class ListItemImpl extends ParagraphBase {
  constructor(ctx: EmulatorContext, s: DocSession, node: ParagraphNode) {
    super(ctx, 'ListItem', s, node);
  }
  copy(): ListItemImpl {
    return this._copy();
  }
  getGlyphType(): string {
    return (this._attr('GLYPH_TYPE') as string | null) ?? 'BULLET';
  }
  setGlyphType(glyphType: unknown): this {
    return this._setAttr(
      'GLYPH_TYPE',
      this._enumArg(glyphType, GLYPH_TYPES, 'DocumentApp.ListItem.setGlyphType'),
    );
  }
  getNestingLevel(): number {
    return (this._attr('NESTING_LEVEL') as number | null) ?? 0;
  }
  setNestingLevel(nestingLevel: number): this {
    return this._setAttr('NESTING_LEVEL', Number(nestingLevel));
  }
  getListId(): string {
    return this._attr('LIST_ID') as string;
  }
  setListId(listItem: ListItemImpl): this {
    if (!(listItem instanceof ListItemImpl))
      throw parameterMismatch(this._ctx, 'DocumentApp.ListItem.setListId', [listItem]);
    return this._setAttr('LIST_ID', listItem._node.attrs.LIST_ID ?? null);
  }
}

export class TableImpl extends DocElement {
  declare _node: TableNode;

  constructor(ctx: EmulatorContext, s: DocSession, node: TableNode) {
    super(ctx, 'Table', s, node);
  }

  _row(rowIndex: number): RowNode {
    const row = this._node.rows[rowIndex];
    if (!row) throw childIndexError(this._ctx, rowIndex, this._node.rows.length);
    return row;
  }

  _insertRow(index: number, row: unknown): TableRowImpl {
    this._edit();
    let node: RowNode;
    if (row === undefined) node = { type: 'TABLE_ROW', cells: [], attrs: {} };
    else if (row instanceof TableRowImpl) node = clone(row._node);
    else throw parameterMismatch(this._ctx, 'DocumentApp.Table.insertTableRow', [row]);
    if (index < 0 || index > this._node.rows.length)
      throw childIndexError(this._ctx, index, this._node.rows.length);
    this._node.rows.splice(index, 0, node);
    return this._wrap(node);
  }

  getNumRows(): number {
    return this._node.rows.length;
  }
  getNumChildren(): number {
    return this._node.rows.length;
  }
  getRow(rowIndex: number): TableRowImpl {
    return this._wrap(this._row(rowIndex));
  }
  getChild(childIndex: number): TableRowImpl {
    return this._wrap(this._row(childIndex));
  }
  getCell(rowIndex: number, cellIndex: number): TableCellImpl {
    const cell = this._row(rowIndex).cells[cellIndex];
    if (!cell) throw childIndexError(this._ctx, cellIndex, this._row(rowIndex).cells.length);
    return this._wrap(cell);
  }
  appendTableRow(tableRow?: TableRowImpl): TableRowImpl {
    return this._insertRow(this._node.rows.length, tableRow);
  }
  insertTableRow(childIndex: number, tableRow?: TableRowImpl): TableRowImpl {
    return this._insertRow(childIndex, tableRow);
  }
  removeRow(rowIndex: number): TableRowImpl {
    this._edit();
    const row = this._row(rowIndex);
    this._node.rows.splice(rowIndex, 1);
    return this._wrap(row);
  }
  removeFromParent(): this {
    return this._removeFromParent();
  }
  copy(): TableImpl {
    return this._copy();
  }
  getColumnWidth(columnIndex: number): number | null {
    return this._node.columnWidths[columnIndex] ?? null;
  }
  setColumnWidth(columnIndex: number, width: number): this {
    this._edit();
    while (this._node.columnWidths.length <= columnIndex) this._node.columnWidths.push(null);
    this._node.columnWidths[columnIndex] = Number(width);
    return this;
  }
  getBorderWidth(): number | null {
    return this._attr('BORDER_WIDTH') as number | null;
  }
  setBorderWidth(width: number): this {
    return this._setAttr('BORDER_WIDTH', Number(width));
  }
  getBorderColor(): string | null {
    return this._attr('BORDER_COLOR') as string | null;
  }
  setBorderColor(color: string): this {
    return this._setAttr('BORDER_COLOR', color);
  }
}

export class TableRowImpl extends DocElement {
  declare _node: RowNode;

  constructor(ctx: EmulatorContext, s: DocSession, node: RowNode) {
    super(ctx, 'TableRow', s, node);
  }

  _cellArg(value: unknown): CellNode {
    if (value === undefined) return newCell('');
    if (value instanceof TableCellImpl) return clone(value._node);
    if (typeof value === 'string' || typeof value === 'number') return newCell(String(value));
    throw parameterMismatch(this._ctx, 'DocumentApp.TableRow.appendTableCell', [value]);
  }

  _insertCell(index: number, cell: unknown): TableCellImpl {
    this._edit();
    const node = this._cellArg(cell);
    if (index < 0 || index > this._node.cells.length)
      throw childIndexError(this._ctx, index, this._node.cells.length);
    this._node.cells.splice(index, 0, node);
    return this._wrap(node);
  }

  getNumCells(): number {
    return this._node.cells.length;
  }
  getNumChildren(): number {
    return this._node.cells.length;
  }
  getCell(cellIndex: number): TableCellImpl {
    const cell = this._node.cells[cellIndex];
    if (!cell) throw childIndexError(this._ctx, cellIndex, this._node.cells.length);
    return this._wrap(cell);
  }
  getChild(childIndex: number): TableCellImpl {
    return this.getCell(childIndex);
  }
  appendTableCell(cell?: unknown): TableCellImpl {
    return this._insertCell(this._node.cells.length, cell);
  }
  insertTableCell(childIndex: number, cell?: unknown): TableCellImpl {
    return this._insertCell(childIndex, cell);
  }
  removeCell(cellIndex: number): TableCellImpl {
    this._edit();
    const cell = this._node.cells[cellIndex];
    if (!cell) throw childIndexError(this._ctx, cellIndex, this._node.cells.length);
    this._node.cells.splice(cellIndex, 1);
    return this._wrap(cell);
  }
  getParentTable(): TableImpl {
    return this.getParent() as TableImpl;
  }
  removeFromParent(): this {
    return this._removeFromParent();
  }
  copy(): TableRowImpl {
    return this._copy();
  }
  getMinimumHeight(): number | null {
    return this._attr('MINIMUM_HEIGHT') as number | null;
  }
  setMinimumHeight(minHeight: number): this {
    return this._setAttr('MINIMUM_HEIGHT', Number(minHeight));
  }
}

/** A PageBreak or HorizontalRule: its parent is the paragraph Google wraps it in. */
export class InlineImpl extends Emulated {
  constructor(
    ctx: EmulatorContext,
    public _s: DocSession,
    public _p: ParagraphNode,
  ) {
    super(ctx, _p.inline === 'PAGE_BREAK' ? 'PageBreak' : 'HorizontalRule');
  }
  getType(): string {
    return this._p.inline!;
  }
  getParent(): ParagraphImpl {
    return new ParagraphImpl(this._ctx, this._s, this._p);
  }
}

/** An InlineImage: its parent is the paragraph that holds it. Sizes are in pixels. */
export class InlineImageImpl extends Emulated {
  constructor(
    ctx: EmulatorContext,
    public _s: DocSession,
    public _p: ParagraphNode,
    public _image: ImageNode,
  ) {
    super(ctx, 'InlineImage');
  }
  _size(method: string, value: unknown): number {
    if (typeof value !== 'number' || !Number.isFinite(value))
      throw parameterMismatch(this._ctx, `DocumentApp.InlineImage.${method}`, [value]);
    // unverified: Google's answer to a size of 0 or less; the stricter reading refuses it.
    if (value <= 0) throw this._ctx.fail('Not emulated: an image size of 0 or less');
    return Math.round(value);
  }
  getType(): string {
    return 'INLINE_IMAGE';
  }
  getParent(): DocElement {
    return wrapNode(this._ctx, this._s, this._p);
  }
  getWidth(): number {
    return this._image.width;
  }
  getHeight(): number {
    return this._image.height;
  }
  setWidth(width: number): this {
    const size = this._size('setWidth', width);
    beginEdit(this._ctx, this._s);
    this._image.width = size;
    return this;
  }
  setHeight(height: number): this {
    const size = this._size('setHeight', height);
    beginEdit(this._ctx, this._s);
    this._image.height = size;
    return this;
  }
  getBlob(): BlobImpl {
    return new BlobImpl(this._ctx, Buffer.from(this._image.data, 'base64'), this._image.contentType, null);
  }
  /** The image in its own type; converting it to another is not emulated. */
  getAs(contentType: string): BlobImpl {
    if (contentType !== this._image.contentType)
      throw this._ctx.fail(`Not emulated: InlineImage.getAs(${String(contentType)})`);
    return this.getBlob();
  }
}

/**
 * The Text of an element (editAsText, appendText, RangeElement.getElement): the element's
 * paragraphs, joined by "\n", from offset `_start` of the first one. Formatting may span
 * paragraphs; inserting or deleting across a paragraph boundary is not emulated.
 */
export class TextImpl extends DocElement {
  constructor(
    ctx: EmulatorContext,
    s: DocSession,
    node: AnyNode,
    public _start: number,
  ) {
    super(ctx, 'Text', s, node);
  }

  /** Each paragraph with its first offset in this Text and the first of its own offsets covered. */
  _segments(): Array<{ p: ParagraphNode; base: number; from: number; length: number }> {
    const out: Array<{ p: ParagraphNode; base: number; from: number; length: number }> = [];
    let base = 0;
    for (const p of paragraphsIn(this._node)) {
      const from = out.length === 0 ? this._start : 0;
      const length = textOf(p).length - from;
      out.push({ p, base, from, length });
      base += length + 1;
    }
    return out;
  }

  _length(): number {
    const segs = this._segments();
    const last = segs[segs.length - 1];
    return last ? last.base + last.length : 0;
  }

  _checkOffset(offset: number, max: number): void {
    if (!Number.isInteger(offset) || offset < 0 || offset > max) {
      throw this._ctx.fail(`Index (${offset}) must be less than the content length (${max + 1}).`); // unverified
    }
  }

  /** The segment holding `offset` (an offset at a segment's end belongs to it). */
  _locate(offset: number): { p: ParagraphNode; at: number } {
    for (const seg of this._segments()) {
      if (offset <= seg.base + seg.length) return { p: seg.p, at: seg.from + offset - seg.base };
    }
    throw this._ctx.fail(`Not emulated: Text offset ${offset} past the end`);
  }

  /** Applies `key` = value over [start, endInclusive] of this Text, across paragraphs. */
  _format(key: string, args: unknown[], method: string): this {
    this._edit();
    if (args.length === 2) throw parameterMismatch(this._ctx, `DocumentApp.Text.${method}`, args);
    const [start, end, value] =
      args.length >= 3 ? [Number(args[0]), Number(args[1]) + 1, args[2]] : [0, this._length(), args[0]];
    if (args.length >= 3) {
      this._checkOffset(start, this._length() - 1);
      this._checkOffset(end - 1, this._length() - 1);
    }
    for (const seg of this._segments()) {
      const lo = Math.max(start, seg.base);
      const hi = Math.min(end, seg.base + seg.length);
      if (hi > lo)
        formatText(
          seg.p,
          seg.from + lo - seg.base,
          seg.from + hi - seg.base,
          key,
          (value ?? null) as AttrValue,
        );
    }
    return this;
  }

  /** One attribute at an offset, or over the whole Text (null when mixed). */
  _read(key: string, offset?: number): AttrValue {
    if (offset !== undefined) {
      const { p, at } = this._locate(Number(offset));
      return attrsAt(p, at)[key] ?? null;
    }
    let value: AttrValue | undefined;
    for (const seg of this._segments()) {
      if (!seg.length) continue;
      const v = uniformAttr(seg.p, seg.from, seg.from + seg.length, key);
      if (value === undefined) value = v;
      else if (value !== v) return null;
    }
    return value ?? null;
  }

  override getText(): string {
    return this._segments()
      .map((seg) => textOf(seg.p).slice(seg.from))
      .join('\n');
  }

  setText(text: string): this {
    this._edit();
    const segs = this._segments();
    if (segs.length !== 1) throw this._ctx.fail('Not emulated: Text.setText over several paragraphs');
    const seg = segs[0]!;
    spliceText(seg.p, seg.from, seg.from + seg.length, String(text));
    return this;
  }

  insertText(offset: number, text: string): this {
    this._edit();
    this._checkOffset(Number(offset), this._length());
    const { p, at } = this._locate(Number(offset));
    spliceText(p, at, at, String(text));
    return this;
  }

  appendText(text: string): this {
    this._edit();
    const segs = this._segments();
    const last = segs[segs.length - 1];
    if (!last) throw this._ctx.fail('Not emulated: Text.appendText on an element without paragraphs');
    const end = last.from + last.length;
    spliceText(last.p, end, end, String(text));
    return this;
  }

  deleteText(startOffset: number, endOffsetInclusive: number): this {
    this._edit();
    const start = Number(startOffset);
    const end = Number(endOffsetInclusive);
    this._checkOffset(start, this._length() - 1);
    this._checkOffset(end, this._length() - 1);
    const a = this._locate(start);
    const b = this._locate(end);
    if (a.p !== b.p) throw this._ctx.fail('Not emulated: Text.deleteText across paragraphs');
    spliceText(a.p, a.at, b.at + 1, '');
    return this;
  }

  override replaceText(searchPattern: string, replacement: string): this {
    this._edit();
    const re = compilePattern(this._ctx, searchPattern);
    for (const seg of this._segments()) replaceInParagraph(seg.p, re, String(replacement), seg.from);
    return this;
  }

  getTextAttributeIndices(): number[] {
    const out: number[] = [];
    for (const seg of this._segments()) {
      out.push(seg.base);
      for (const start of runStarts(seg.p)) {
        if (start > seg.from && start < seg.from + seg.length) out.push(seg.base + start - seg.from);
      }
    }
    return out;
  }

  override getAttributes(offset?: number): Record<string, AttrValue> {
    return Object.fromEntries(TEXT_ATTRIBUTES.map((key) => [key, this._read(key, offset)]));
  }

  override setAttributes(...args: unknown[]): this {
    const attributes = (args.length >= 3 ? args[2] : args[0]) as Record<string, unknown>;
    for (const [key, value] of Object.entries(attributes)) {
      if (isTextAttribute(key))
        this._format(key, args.length >= 3 ? [args[0], args[1], value] : [value], 'setAttributes');
    }
    return this;
  }

  setBold(...args: unknown[]): this {
    return this._format('BOLD', args, 'setBold');
  }
  setItalic(...args: unknown[]): this {
    return this._format('ITALIC', args, 'setItalic');
  }
  setUnderline(...args: unknown[]): this {
    return this._format('UNDERLINE', args, 'setUnderline');
  }
  setStrikethrough(...args: unknown[]): this {
    return this._format('STRIKETHROUGH', args, 'setStrikethrough');
  }
  setFontSize(...args: unknown[]): this {
    return this._format('FONT_SIZE', args, 'setFontSize');
  }
  setFontFamily(...args: unknown[]): this {
    return this._format('FONT_FAMILY', args, 'setFontFamily');
  }
  setForegroundColor(...args: unknown[]): this {
    return this._format('FOREGROUND_COLOR', args, 'setForegroundColor');
  }
  setBackgroundColor(...args: unknown[]): this {
    return this._format('BACKGROUND_COLOR', args, 'setBackgroundColor');
  }
  setLinkUrl(...args: unknown[]): this {
    return this._format('LINK_URL', args, 'setLinkUrl');
  }
  isBold(offset?: number): boolean | null {
    return this._read('BOLD', offset) as boolean | null;
  }
  isItalic(offset?: number): boolean | null {
    return this._read('ITALIC', offset) as boolean | null;
  }
  isUnderline(offset?: number): boolean | null {
    return this._read('UNDERLINE', offset) as boolean | null;
  }
  isStrikethrough(offset?: number): boolean | null {
    return this._read('STRIKETHROUGH', offset) as boolean | null;
  }
  getFontSize(offset?: number): number | null {
    return this._read('FONT_SIZE', offset) as number | null;
  }
  getFontFamily(offset?: number): string | null {
    return this._read('FONT_FAMILY', offset) as string | null;
  }
  getForegroundColor(offset?: number): string | null {
    return this._read('FOREGROUND_COLOR', offset) as string | null;
  }
  getBackgroundColor(offset?: number): string | null {
    return this._read('BACKGROUND_COLOR', offset) as string | null;
  }
  getLinkUrl(offset?: number): string | null {
    return this._read('LINK_URL', offset) as string | null;
  }
  override getType(): string {
    return 'TEXT';
  }
  override getParent(): DocElement | null {
    return this._node.type === 'PARAGRAPH' || this._node.type === 'LIST_ITEM' ? this._wrap(this._node) : null;
  }
}

/** findText's answer: a match inside one paragraph's Text. */
export class RangeElementImpl extends Emulated {
  constructor(
    ctx: EmulatorContext,
    public _s: DocSession,
    public _p: ParagraphNode,
    public _startOffset: number,
    public _end: number,
  ) {
    super(ctx, 'RangeElement');
  }
  getElement(): TextImpl {
    return new TextImpl(this._ctx, this._s, this._p, 0);
  }
  getStartOffset(): number {
    return this._startOffset;
  }
  getEndOffsetInclusive(): number {
    return this._end;
  }
  isPartial(): boolean {
    return this._startOffset > 0 || this._end < textOf(this._p).length - 1;
  }
}

export function wrapNode(ctx: EmulatorContext, s: DocSession, node: AnyNode): DocElement {
  switch (node.type) {
    case 'PARAGRAPH':
      return new ParagraphImpl(ctx, s, node);
    case 'LIST_ITEM':
      return new ListItemImpl(ctx, s, node);
    case 'TABLE':
      return new TableImpl(ctx, s, node);
    case 'TABLE_ROW':
      return new TableRowImpl(ctx, s, node);
    case 'TABLE_CELL':
      return new TableCellImpl(ctx, s, node);
    case 'BODY_SECTION':
      return new BodyImpl(ctx, s, node);
    default:
      return new SectionImpl(ctx, s, node);
  }
}
