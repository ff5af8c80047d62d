/**
 * UpdateParagraphStyleRequest: "Update the styling of all paragraphs that overlap the given range"
 * (https://developers.google.com/workspace/docs/api/reference/rest/v1/documents/request#updateparagraphstylerequest).
 * `alignment`, `indentFirstLine`, `spaceAbove` and `spaceBelow` (Dimensions in points; DocumentApp's
 * INDENT_FIRST_LINE, SPACING_BEFORE, SPACING_AFTER) are emulated; a field in the mask but absent
 * from `paragraphStyle` is reset (the paragraph then takes its named style's), as field masks do.
 */
import { ALIGNMENT_FROM_API } from '../styles';
import type { RequestHandler } from '../requestKit';
import { Invalid, InvalidValue, allowOnly, fieldsOf, points, rangeIn } from '../requestKit';

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

/** The Dimension fields emulated, by the model's attribute. */
const DIMENSIONS = {
  indentFirstLine: 'INDENT_FIRST_LINE',
  spaceAbove: 'SPACING_BEFORE',
  spaceBelow: 'SPACING_AFTER',
} as const;

export const updateParagraphStyle: RequestHandler = (_ctx, view, body) => {
  allowOnly(body, ['range', 'paragraphStyle', 'fields'], 'updateParagraphStyle');
  const fields = fieldsOf(body?.fields, PARAGRAPH_STYLE_FIELDS, ['alignment', ...Object.keys(DIMENSIONS)]);
  const style = body?.paragraphStyle ?? {};
  // A field of the style the mask does not name is ignored (field masks).
  allowOnly(style, PARAGRAPH_STYLE_FIELDS, 'updateParagraphStyle.paragraphStyle');
  const { segment, start, end } = rangeIn(view, body?.range);
  const align = style.alignment;
  if (align !== undefined && !ALIGNMENT_FROM_API[align])
    throw new InvalidValue('paragraph_style.alignment', align);
  const dimensions = (Object.keys(DIMENSIONS) as Array<keyof typeof DIMENSIONS>)
    .filter((field) => fields.has(field))
    .map((field) => {
      if (style[field] === undefined) return { key: DIMENSIONS[field], value: null };
      const snake = field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
      const value = points(style[field], `paragraph_style.${snake}`);
      // unverified: the API's text; Docs offers no negative spacing.
      if (field !== 'indentFirstLine' && value < 0) throw new Invalid(`${field} cannot be negative.`);
      return { key: DIMENSIONS[field], value };
    });
  for (const p of segment.paragraphs) {
    if (p.start >= end || p.end <= start) continue;
    if (fields.has('alignment')) {
      if (align === undefined) delete p.node.attrs.HORIZONTAL_ALIGNMENT;
      else p.node.attrs.HORIZONTAL_ALIGNMENT = ALIGNMENT_FROM_API[align]!;
    }
    for (const { key, value } of dimensions) {
      if (value === null) delete p.node.attrs[key];
      else p.node.attrs[key] = value;
    }
  }
  return undefined;
};
