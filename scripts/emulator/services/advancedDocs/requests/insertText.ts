/**
 * InsertTextRequest: "Inserts text at the specified location"; text: "Inserting a newline character
 * will implicitly create a new Paragraph at that index. The paragraph style of the new paragraph
 * will be copied from the paragraph at the current insertion index … In most cases, the text style
 * for the inserted text will match the text immediately before the insertion index. Some control
 * characters (U+0000-U+0008, U+000C-U+001F) and characters from the Unicode Basic Multilingual
 * Plane Private Use Area (U+E000-U+F8FF) will be stripped out of the inserted text"
 * (https://developers.google.com/workspace/docs/api/reference/rest/v1/documents/request#inserttextrequest).
 * At a paragraph's start the text before is the previous paragraph's "\n", whose style the model
 * does not hold: the inserted text takes the style of the text after it (unverified).
 */
import type { ParagraphNode } from '../../docs/model';
import { attrsAt, spliceText } from '../../docs/model';
import type { RequestHandler } from '../requestKit';
import { Invalid, allowOnly } from '../requestKit';
import { insertionPoint, splitParagraph } from './insertion';

// eslint-disable-next-line no-control-regex -- the reference's stripped ranges
const STRIPPED = /[\u0000-\u0008\u000C-\u001F\uE000-\uF8FF]/g;

export const insertText: RequestHandler = (_ctx, view, body) => {
  allowOnly(body, ['text', 'location', 'endOfSegmentLocation'], 'insertText');
  if (typeof body?.text !== 'string') throw new Invalid('text is required'); // unverified
  // "\r" is U+000D, stripped; "\n" (U+000A) makes paragraphs; "\t" (U+0009) and U+000B stay.
  const text: string = (body.text as string).replace(STRIPPED, '');
  // unverified: what the API does with empty text; refused, the stricter reading.
  if (text === '') throw new Invalid('Not emulated: insertText of no text');
  if (text.includes('\u000B')) throw new Invalid('Not emulated: insertText of a vertical tab (a line break)');
  const { span, offset, siblings } = insertionPoint(view, body, 'insertText');
  const p = span.node;
  const style = { ...(offset > 0 ? attrsAt(p, offset - 1) : attrsAt(p, 0)) };
  const lines = text.split('\n');
  spliceText(p, offset, offset, lines[0]!, style);
  if (lines.length > 1) {
    const rest = splitParagraph(p, offset + lines[0]!.length);
    const added: ParagraphNode[] = lines.slice(1, -1).map((line) => ({
      type: p.type,
      runs: line ? [{ text: line, attrs: { ...style } }] : [],
      attrs: { ...p.attrs },
    }));
    const last = lines[lines.length - 1]!;
    if (last) spliceText(rest, 0, 0, last, style);
    siblings.splice(siblings.indexOf(p) + 1, 0, ...added, rest);
  }
  view.moved();
  return undefined;
};
