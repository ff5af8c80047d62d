/**
 * Reading a template's tags and filling a copy of it. Calls grow with the number of tags and the
 * lines of the block tags; each text tag costs one replaceText, each table one insertTable, and the
 * tables' look (alignment, bold rows, font, widths, the repeated header) one Docs API read and one
 * batch for all of them, however many rows they have.
 */
import type { ReportContent, ReportTable } from '../domain/report/content';
import { locateTables, tableStyleRequests, tablesIn } from '../domain/report/tableStyle';
import type { TagOccurrence } from '../domain/report/tags';
import { PAGE } from '../domain/report/template';
import { documentBody, updateDocument } from './docsApi';

type Document = GoogleAppsScript.Document.Document;
type Element = GoogleAppsScript.Document.Element;
type Paragraph = GoogleAppsScript.Document.Paragraph;
type Searchable =
  | GoogleAppsScript.Document.Body
  | GoogleAppsScript.Document.HeaderSection
  | GoogleAppsScript.Document.FooterSection;

export interface TemplateScan {
  occurrences: TagOccurrence[];
  /** What follows each "{{" that is never closed on its line. */
  unclosed: string[];
}

const OPEN = '\\{\\{';

/** An RE2 pattern matching exactly this text. */
export function literalPattern(text: string): string {
  return text.replace(/[\\^$.|?*+()[\]{}]/g, '\\$&');
}

function sections(doc: Document): Searchable[] {
  return [doc.getBody(), doc.getHeader(), doc.getFooter()].filter((s): s is Searchable => s !== null);
}

/** Every "{{" of the template, with its tag and whether the tag's characters share one format. */
export function scanTemplate(templateId: string): TemplateScan {
  const doc = DocumentApp.openById(templateId);
  const scan: TemplateScan = { occurrences: [], unclosed: [] };
  for (const section of sections(doc)) {
    for (let found = section.findText(OPEN); found; found = section.findText(OPEN, found)) {
      const text = found.getElement().asText();
      const line = text.getText();
      const start = found.getStartOffset();
      const close = line.indexOf('}}', start);
      if (close < 0) {
        scan.unclosed.push(line.slice(start));
        continue;
      }
      const end = close + 1;
      const changes = text.getTextAttributeIndices();
      scan.occurrences.push({
        text: line.slice(start, end + 1),
        mixedFormatting: changes.some((i) => i > start && i <= end),
        line,
      });
    }
  }
  return scan;
}

/**
 * Where a paragraph sits: the body or a table cell (the Nơi nhận block is in one). Both insert
 * children by index the same way, which is all the code below uses.
 */
export function containerOf(paragraph: Paragraph): GoogleAppsScript.Document.Body {
  return paragraph.getParent() as unknown as GoogleAppsScript.Document.Body;
}

/** The paragraph holding a block tag (found inside a Text element). */
export function paragraphOf(element: Element): Paragraph {
  const parent = element.getParent();
  return (parent.getType() === DocumentApp.ElementType.PARAGRAPH ? parent : element).asParagraph();
}

/**
 * The table at its tag, with its cells. Its look is set afterwards through the Docs API
 * (styleTables): DocumentApp aligns a paragraph at a time, so a column's alignment would cost a call
 * per cell, and it cannot make a header row repeat on each page.
 */
function insertTable(doc: Document, tag: string, table: ReportTable): boolean {
  const found = doc.getBody().findText(literalPattern(`{{${tag}}}`));
  if (!found) return false;
  const placeholder = paragraphOf(found.getElement());
  const container = containerOf(placeholder);
  container.insertTable(container.getChildIndex(placeholder), table.cells);
  placeholder.removeFromParent();
  return true;
}

/**
 * The inserted tables' look, in one Docs API batch over the saved document: each found by its text
 * (tableStyle.ts locateTables). A table that cannot be found is a fault of the filling, not of the
 * template: the report is not made rather than made without its look.
 */
function styleTables(documentId: string, tables: readonly ReportTable[]): void {
  if (tables.length === 0) return;
  const placed = locateTables(tablesIn(documentBody(documentId)), tables);
  if (placed.some((p) => p === null))
    throw new Error('Không tìm thấy bảng vừa chèn vào báo cáo để định dạng.');
  updateDocument(
    documentId,
    placed.flatMap((p, i) => tableStyleRequests(p!, tables[i]!, PAGE.font)),
  );
}

/**
 * A tag alone on its line becomes one line per entry, each keeping the line's format; with no
 * entry the line goes (a section shows only what there is to say).
 */
function insertLines(doc: Document, tag: string, lines: string[]): void {
  const pattern = literalPattern(`{{${tag}}}`);
  for (const section of sections(doc)) {
    const found = section.findText(pattern);
    if (!found) continue;
    const first = paragraphOf(found.getElement());
    const container = containerOf(first);
    const index = container.getChildIndex(first);
    if (lines.length === 0 && index < container.getNumChildren() - 1) {
      first.removeFromParent();
      return;
    }
    // Copies are made before the first line is filled, so each still holds the tag to replace.
    for (let i = lines.length - 1; i >= 1; i -= 1) {
      const line = first.copy();
      replaceLiteral(line, pattern, lines[i]!);
      container.insertParagraph(index + 1, line);
    }
    replaceLiteral(first, pattern, lines[0] ?? '');
    return;
  }
}

/**
 * replaceText with text taken literally. Whether Docs substitutes "$1" or "\1" in a replacement is
 * not documented (docs/apps-script-facts.md §3.1), so text holding "$" or "\" is written with insertText.
 */
function replaceLiteral(target: Searchable | Paragraph, pattern: string, value: string): void {
  if (!/[$\\]/.test(value)) {
    target.replaceText(pattern, value);
    return;
  }
  for (let found = target.findText(pattern); found; found = target.findText(pattern)) {
    const text = found.getElement().asText();
    const start = found.getStartOffset();
    text.deleteText(start, found.getEndOffsetInclusive());
    if (value !== '') text.insertText(start, value);
  }
}

/**
 * The header table (the two-column table holding the issuing body's tag) sized to the names, so that
 * "HỘI LHPN THÀNH PHỐ HÀ NỘI" does not break inside the place name. A template whose header is laid
 * out otherwise is left as it is.
 */
function sizeHeader(doc: Document, widths: readonly number[]): void {
  const found = doc.getBody().findText(literalPattern('{{CO_QUAN_BAN_HANH}}'));
  if (!found) return;
  const cell = paragraphOf(found.getElement()).getParent();
  if (cell.getType() !== DocumentApp.ElementType.TABLE_CELL) return;
  const table = cell.asTableCell().getParentTable();
  if (table.getNumRows() !== 1 || table.getRow(0).getNumCells() !== widths.length) return;
  widths.forEach((w, i) => table.setColumnWidth(i, w));
}

/** Fills a copy of the template (already checked by scanTemplate) and saves it. */
export function fillDocument(documentId: string, content: ReportContent, tags: ReadonlySet<string>): void {
  const doc = DocumentApp.openById(documentId);
  sizeHeader(doc, content.headerWidths);
  const inserted: ReportTable[] = [];
  for (const [tag, table] of Object.entries(content.tables))
    if (tags.has(tag) && insertTable(doc, tag, table)) inserted.push(table);
  for (const [tag, lines] of Object.entries(content.blocks)) if (tags.has(tag)) insertLines(doc, tag, lines);
  for (const section of sections(doc)) {
    for (const tag of tags) {
      const value = content.text[tag];
      if (value !== undefined) replaceLiteral(section, literalPattern(`{{${tag}}}`), value);
    }
  }
  // The Docs API sees the document as saved.
  doc.saveAndClose();
  styleTables(documentId, inserted);
}
