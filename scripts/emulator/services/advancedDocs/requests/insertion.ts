/**
 * Where an insertion goes (insertText, insertTable, insertPageBreak): a `location` inside an
 * existing paragraph. InsertTextRequest.location: "Text must be inserted inside the bounds of an
 * existing Paragraph. For instance, text cannot be inserted at a table's start index (i.e. between
 * the table and its preceding paragraph)"; Location.index: "The zero-based index, in UTF-16 code
 * units" (https://developers.google.com/workspace/docs/api/reference/rest/v1/documents/request#location).
 * `endOfSegmentLocation` is not emulated.
 */
import type { BlockNode, ParagraphNode, Run } from '../../docs/model';
import { parentOf } from '../../docs/model';
import type { ParagraphSpan } from '../layout';
import type { DocView, Json } from '../requestKit';
import { Invalid, allowOnly } from '../requestKit';

export interface InsertionPoint {
  span: ParagraphSpan;
  /** The character offset in the paragraph's text. */
  offset: number;
  /** The blocks that hold the paragraph: its segment's, or its cell's. */
  siblings: BlockNode[];
  /** Whether the paragraph is inside a table cell. */
  inTable: boolean;
  /** The body ('' or absent segmentId) or a header or footer. */
  inBody: boolean;
}

/** The paragraph and offset `location` names, refused (as the API does) when not inside one. */
export function insertionPoint(view: DocView, body: Json, what: string): InsertionPoint {
  if (body?.endOfSegmentLocation !== undefined)
    throw new Invalid(`Not emulated: ${what}.endOfSegmentLocation`);
  const location = body?.location;
  // unverified: the text for a request with neither location nor endOfSegmentLocation.
  if (!location || typeof location !== 'object') throw new Invalid('location is required');
  allowOnly(location, ['index', 'segmentId'], `${what}.location`);
  const segment = view.segment(location.segmentId);
  const index: unknown = location.index;
  if (!Number.isInteger(index)) throw new Invalid('location.index must be an integer'); // unverified
  const at = index as number;
  // Seen in public reports for an index past the segment: "Index 10 must be less than the end index
  // of the referenced segment, 5."
  if (at >= segment.end)
    throw new Invalid(
      `Index ${at} must be less than the end index of the referenced segment, ${segment.end}.`,
    );
  const span = segment.paragraphs.find((p) => at >= p.start && at < p.end);
  // The API's text as public reports quote it (unverified wording).
  if (!span)
    throw new Invalid(
      'The insertion index must be inside the bounds of an existing paragraph. You can still create new paragraphs by inserting newlines.',
    );
  // Before a page break or a rule: the model keeps them at a paragraph's start only.
  if (at < span.textStart)
    throw new Invalid(`Not emulated: ${what} before a page break or a horizontal rule`);
  if (span.node.images?.length)
    throw new Invalid(`Not emulated: ${what} in a paragraph with an inline image`);
  const parent = parentOf(view.content, span.node);
  if (!parent || !('children' in parent)) throw new Error('Emulator: a paragraph outside a section or cell');
  return {
    span,
    offset: at - span.textStart,
    siblings: parent.children,
    inTable: parent.type === 'TABLE_CELL',
    inBody: !location.segmentId,
  };
}

/**
 * Cuts `p` at `offset`: `p` keeps the text before, the returned paragraph holds the rest with a copy
 * of p's paragraph style ("The paragraph style of the new paragraph will be copied from the
 * paragraph at the current insertion index", InsertTextRequest.text; the same assumed for the
 * newline insertTable puts before a table: unverified).
 */
export function splitParagraph(p: ParagraphNode, offset: number): ParagraphNode {
  const before: Run[] = [];
  const after: Run[] = [];
  let pos = 0;
  for (const run of p.runs) {
    const cut = Math.min(Math.max(offset - pos, 0), run.text.length);
    if (cut > 0) before.push({ text: run.text.slice(0, cut), attrs: { ...run.attrs } });
    if (cut < run.text.length) after.push({ text: run.text.slice(cut), attrs: { ...run.attrs } });
    pos += run.text.length;
  }
  p.runs = before;
  return { type: p.type, runs: after, attrs: { ...p.attrs } };
}
