/**
 * Writes a default report template (domain/report/template.ts) as a Google Doc, so it exists on
 * Google exactly as locally and people can edit it in Docs.
 */
import type { ReportTemplate, TemplateColumns, TemplateParagraph } from '../domain/report/template';
import { PAGE } from '../domain/report/template';

type Body = GoogleAppsScript.Document.Body;
type Container = Body | GoogleAppsScript.Document.TableCell;

const CM = 28.35; // points per centimetre
const GOOGLE_DOCS = 'application/vnd.google-apps.document';

function attributes(p: TemplateParagraph): Record<string, unknown> {
  const A = DocumentApp.Attribute;
  const H = DocumentApp.HorizontalAlignment;
  const align = { left: H.LEFT, center: H.CENTER, justify: H.JUSTIFY }[p.align ?? 'left'];
  return {
    [A.FONT_FAMILY]: PAGE.font,
    [A.FONT_SIZE]: p.size ?? PAGE.bodySize,
    [A.BOLD]: Boolean(p.bold),
    [A.ITALIC]: Boolean(p.italic),
    [A.HORIZONTAL_ALIGNMENT]: align,
    [A.INDENT_FIRST_LINE]: p.indent ? 1.27 * CM : 0,
    [A.SPACING_AFTER]: p.indent ? 6 : 0,
  };
}

function appendParagraph(container: Container, p: TemplateParagraph): void {
  container.appendParagraph(p.text).setAttributes(attributes(p));
}

function appendColumns(body: Body, block: TemplateColumns): void {
  const sides = [block.left, block.right];
  // Each new cell holds one paragraph with the text given here: it becomes the side's first
  // paragraph, which saves appending one and removing the empty one a cell would start with.
  const table = body.appendTable([sides.map((paragraphs) => paragraphs[0]?.text ?? '')]);
  table.setBorderWidth(0);
  const width = PAGE.widthPt - PAGE.marginLeftPt - PAGE.marginRightPt;
  table.setColumnWidth(0, (width * block.leftWidth) / 100);
  table.setColumnWidth(1, (width * (100 - block.leftWidth)) / 100);
  sides.forEach((paragraphs, column) => {
    const [first, ...rest] = paragraphs;
    if (!first) return;
    const cell = table.getCell(0, column);
    cell.getChild(0).asParagraph().setAttributes(attributes(first));
    for (const p of rest) appendParagraph(cell, p);
  });
}

/** Creates the template in `folder`; returns its id. */
export function createTemplateDocument(
  template: ReportTemplate,
  folder: GoogleAppsScript.Drive.Folder,
): string {
  const doc = DocumentApp.create(template.name);
  const body = doc.getBody();
  body
    .setPageWidth(PAGE.widthPt)
    .setPageHeight(PAGE.heightPt)
    .setMarginTop(PAGE.marginTopPt)
    .setMarginBottom(PAGE.marginBottomPt)
    .setMarginLeft(PAGE.marginLeftPt)
    .setMarginRight(PAGE.marginRightPt);
  for (const block of template.blocks) {
    if (block.kind === 'columns') appendColumns(body, block);
    else if (block.kind === 'pageBreak') body.appendPageBreak();
    else appendParagraph(body, block);
  }
  // A new document starts with one empty paragraph, which would open the page with a blank line.
  body.getChild(0).removeFromParent();
  doc.saveAndClose();
  const file = DriveApp.getFileById(doc.getId());
  file.moveTo(folder);
  return file.getId();
}

/** Whether a template id still names a Google Doc the script can open (not deleted, not trashed). */
export function templateUsable(id: string): boolean {
  if (!id) return false;
  try {
    const file = DriveApp.getFileById(id);
    return !file.isTrashed() && file.getMimeType() === GOOGLE_DOCS;
  } catch {
    return false;
  }
}
