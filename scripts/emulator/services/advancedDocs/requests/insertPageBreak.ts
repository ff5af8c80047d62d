/**
 * InsertPageBreakRequest: "Inserts a page break followed by a newline at the specified location";
 * location: "The page break must be inserted inside the bounds of an existing Paragraph … The page
 * break cannot be inserted inside a table, equation, footnote, header or footer. Since page breaks
 * can only be inserted inside the body, the segment ID field must be empty"
 * (https://developers.google.com/workspace/docs/api/reference/rest/v1/documents/request#insertpagebreakrequest).
 * At a paragraph's start the break and its newline make a paragraph of their own before it, as
 * DocumentApp's appendPageBreak gives; a break after text is not emulated (the model keeps a break
 * at a paragraph's start only).
 */
import type { ParagraphNode } from '../../docs/model';
import type { RequestHandler } from '../requestKit';
import { Invalid, allowOnly } from '../requestKit';
import { insertionPoint } from './insertion';

export const insertPageBreak: RequestHandler = (_ctx, view, body) => {
  allowOnly(body, ['location', 'endOfSegmentLocation'], 'insertPageBreak');
  const { span, offset, siblings, inTable, inBody } = insertionPoint(view, body, 'insertPageBreak');
  // unverified: the API's texts for these two documented refusals.
  if (!inBody)
    throw new Invalid('A page break can only be inserted in the body: the segment ID must be empty.');
  if (inTable) throw new Invalid('A page break cannot be inserted inside a table.');
  const p = span.node;
  if (offset > 0 || p.inline) throw new Invalid('Not emulated: insertPageBreak after text in a paragraph');
  const node: ParagraphNode = { type: 'PARAGRAPH', runs: [], attrs: { ...p.attrs }, inline: 'PAGE_BREAK' };
  if (p.type === 'LIST_ITEM') throw new Invalid('Not emulated: insertPageBreak in a list item');
  siblings.splice(siblings.indexOf(p), 0, node);
  view.moved();
  return undefined;
};
