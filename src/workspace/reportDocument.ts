/**
 * Reading a template's tags and filling a copy of it. Calls grow with the number of tags, the
 * lines of the block tags and the cells of the tables (each goes in with one call, then its
 * columns are aligned cell by cell); each text tag costs one replaceText.
 */
import type { ReportContent, ReportTable } from '../domain/report/content';
import type { TagOccurrence } from '../domain/report/tags';
import { PAGE } from '../domain/report/template';

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
 * The table at its tag: font, the widths the content needs, the header and the group rows in
 * bold, each column aligned (figures to the right). Alignment is a paragraph's, so it is set cell
 * by cell (DocumentApp has no column format): the calls grow with the table's cells, nothing else.
 * DocumentApp cannot mark a header row to repeat on each page (that is the Docs API's
 * pinTableHeaderRows, not DocumentApp's), so a table over several pages shows its header once.
 */
function insertTable(doc: Document, tag: string, table: ReportTable): void {
  const found = doc.getBody().findText(literalPattern(`{{${tag}}}`));
  if (!found) return;
  const placeholder = paragraphOf(found.getElement());
  const container = containerOf(placeholder);
  const inserted = container.insertTable(container.getChildIndex(placeholder), table.cells);
  inserted.setAttributes({
    [DocumentApp.Attribute.FONT_FAMILY]: PAGE.font,
    [DocumentApp.Attribute.FONT_SIZE]: table.fontSize,
  });
  table.widths.forEach((w, i) => inserted.setColumnWidth(i, w));
  for (const row of [0, ...table.boldRows]) inserted.getRow(row).editAsText().setBold(true);
  const H = DocumentApp.HorizontalAlignment;
  const alignments = { left: H.LEFT, center: H.CENTER, right: H.RIGHT };
  table.cells.forEach((cells, r) =>
    cells.forEach((text, c) => {
      const align = r === 0 ? 'center' : (table.align[c] ?? 'left');
      if (align === 'left' || text === '') return;
      inserted.getCell(r, c).getChild(0).asParagraph().setAlignment(alignments[align]);
    }),
  );
  placeholder.removeFromParent();
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
  for (const [tag, table] of Object.entries(content.tables)) if (tags.has(tag)) insertTable(doc, tag, table);
  for (const [tag, lines] of Object.entries(content.blocks)) if (tags.has(tag)) insertLines(doc, tag, lines);
  for (const section of sections(doc)) {
    for (const tag of tags) {
      const value = content.text[tag];
      if (value !== undefined) replaceLiteral(section, literalPattern(`{{${tag}}}`), value);
    }
  }
  doc.saveAndClose();
}
