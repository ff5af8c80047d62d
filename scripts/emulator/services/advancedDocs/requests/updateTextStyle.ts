/**
 * UpdateTextStyleRequest: "Update the styling of text"
 * (https://developers.google.com/workspace/docs/api/reference/rest/v1/documents/request#updatetextstylerequest).
 * bold, italic, fontSize and weightedFontFamily are emulated; a field in the mask but absent from
 * `textStyle` is reset to inherit. A paragraph's closing "\n" in the range takes the style too (the
 * model's `mark`: an empty paragraph's height).
 */
import { formatText } from '../../docs/model';
import type { AttrValue } from '../../docs/model';
import type { RequestHandler } from '../requestKit';
import { Invalid, InvalidValue, allowOnly, fieldsOf, points, rangeIn } from '../requestKit';

/** TextStyle's fields (reference, TextStyle). */
const TEXT_STYLE_FIELDS = [
  'bold',
  'italic',
  'underline',
  'strikethrough',
  'smallCaps',
  'backgroundColor',
  'foregroundColor',
  'fontSize',
  'weightedFontFamily',
  'baselineOffset',
  'link',
] as const;
const EMULATED = ['bold', 'italic', 'fontSize', 'weightedFontFamily'] as const;
const ATTRIBUTE: Record<(typeof EMULATED)[number], string> = {
  bold: 'BOLD',
  italic: 'ITALIC',
  fontSize: 'FONT_SIZE',
  weightedFontFamily: 'FONT_FAMILY',
};

function boolean(value: unknown, field: string): boolean {
  if (typeof value !== 'boolean') throw new InvalidValue(`text_style.${field}`, value);
  return value;
}

/** The model's value for one field of `textStyle` (null: reset). */
function valueOf(field: (typeof EMULATED)[number], value: unknown): AttrValue {
  if (value === undefined) return null;
  if (field === 'bold' || field === 'italic') return boolean(value, field);
  if (field === 'fontSize') {
    const size = points(value, 'text_style.font_size');
    if (size <= 0) throw new Invalid('Font size must be greater than 0.'); // unverified
    return size;
  }
  const family = value as { fontFamily?: unknown; weight?: unknown };
  allowOnly(family, ['fontFamily', 'weight'], 'textStyle.weightedFontFamily');
  // "If weightedFontFamily is set, fontFamily must also be set"; the model holds no weight but 400.
  if (typeof family.fontFamily !== 'string' || family.fontFamily === '')
    throw new Invalid('weightedFontFamily.fontFamily must be set.'); // unverified
  if (family.weight !== undefined && family.weight !== 400)
    throw new Invalid('Not emulated: a font weight other than 400');
  return family.fontFamily;
}

export const updateTextStyle: RequestHandler = (_ctx, view, body) => {
  allowOnly(body, ['range', 'textStyle', 'fields'], 'updateTextStyle');
  const fields = fieldsOf(body?.fields, TEXT_STYLE_FIELDS, EMULATED);
  const style = body?.textStyle ?? {};
  // A field of the style the mask does not name is ignored (field masks).
  allowOnly(style, TEXT_STYLE_FIELDS, 'updateTextStyle.textStyle');
  const changes = [...fields].map((f) => {
    const field = f as (typeof EMULATED)[number];
    return { key: ATTRIBUTE[field], value: valueOf(field, style[field]) };
  });
  const { segment, start, end } = rangeIn(view, body?.range);
  for (const p of segment.paragraphs) {
    const lo = Math.max(start, p.textStart) - p.textStart;
    const hi = Math.min(end, p.end - 1) - p.textStart;
    for (const { key, value } of changes) formatText(p.node, lo, hi, key, value);
    // The range holds the paragraph's "\n": its style is the paragraph mark's.
    if (start <= p.end - 1 && p.end - 1 < end) {
      const mark = { ...p.node.mark };
      for (const { key, value } of changes) {
        if (value === null) delete mark[key];
        else mark[key] = value;
      }
      if (Object.keys(mark).length) p.node.mark = mark;
      else delete p.node.mark;
    }
  }
  return undefined;
};
