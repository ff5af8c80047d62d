/**
 * UpdateParagraphStyleRequest: "Update the styling of all paragraphs that overlap the given range"
 * (https://developers.google.com/workspace/docs/api/reference/rest/v1/documents/request#updateparagraphstylerequest).
 * Only `alignment` is emulated; a field in the mask but absent from `paragraphStyle` is reset (the
 * paragraph then takes its named style's alignment), as field masks do.
 */
import { ALIGNMENT_FROM_API } from '../styles';
import type { RequestHandler } from '../requestKit';
import { InvalidValue, allowOnly, fieldsOf, rangeIn } from '../requestKit';

/** ParagraphStyle's fields (reference, ParagraphStyle). */
const PARAGRAPH_STYLE_FIELDS = [
  'headingId',
  'namedStyleType',
  'alignment',
  'lineSpacing',
  'direction',
  'spacingMode',
  'spaceAbove',
  'spaceBelow',
  'borderBetween',
  'borderTop',
  'borderBottom',
  'borderLeft',
  'borderRight',
  'indentFirstLine',
  'indentStart',
  'indentEnd',
  'tabStops',
  'keepLinesTogether',
  'keepWithNext',
  'avoidWidowAndOrphan',
  'shading',
  'pageBreakBefore',
] as const;

export const updateParagraphStyle: RequestHandler = (_ctx, view, body) => {
  allowOnly(body, ['range', 'paragraphStyle', 'fields'], 'updateParagraphStyle');
  // alignment is the only field emulated, so a valid mask names it.
  fieldsOf(body?.fields, PARAGRAPH_STYLE_FIELDS, ['alignment']);
  const style = body?.paragraphStyle ?? {};
  // A field of the style the mask does not name is ignored (field masks).
  allowOnly(style, PARAGRAPH_STYLE_FIELDS, 'updateParagraphStyle.paragraphStyle');
  const { segment, start, end } = rangeIn(view, body?.range);
  const align = style.alignment;
  if (align !== undefined && !ALIGNMENT_FROM_API[align])
    throw new InvalidValue('paragraph_style.alignment', align);
  for (const p of segment.paragraphs) {
    if (p.start >= end || p.end <= start) continue;
    if (align === undefined) delete p.node.attrs.HORIZONTAL_ALIGNMENT;
    else p.node.attrs.HORIZONTAL_ALIGNMENT = ALIGNMENT_FROM_API[align]!;
  }
  return undefined;
};
