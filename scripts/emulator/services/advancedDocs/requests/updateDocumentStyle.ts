/**
 * UpdateDocumentStyleRequest: "Updates the DocumentStyle"; fields: "At least one field must be
 * specified … To reset a property to its default value, include its field name in the field mask but
 * leave the field itself unset" (https://developers.google.com/workspace/docs/api/reference/rest/v1/documents/request#updatedocumentstylerequest).
 * DocumentStyle.pageSize ("The size of a page in the document") and marginTop, marginBottom,
 * marginLeft, marginRight are emulated, in points; a reset (the default depends on the account's
 * locale) is not emulated, nor are the other fields.
 */
import type { RequestHandler } from '../requestKit';
import { Invalid, allowOnly, fieldsOf, points } from '../requestKit';

/** DocumentStyle's fields (reference, DocumentStyle). */
const DOCUMENT_STYLE_FIELDS = [
  'background',
  'defaultHeaderId',
  'defaultFooterId',
  'evenPageHeaderId',
  'evenPageFooterId',
  'firstPageHeaderId',
  'firstPageFooterId',
  'useFirstPageHeaderFooter',
  'useEvenPageHeaderFooter',
  'pageNumberStart',
  'marginTop',
  'marginBottom',
  'marginRight',
  'marginLeft',
  'pageSize',
  'marginHeader',
  'marginFooter',
  'useCustomHeaderFooterMargins',
  'flipPageOrientation',
  'documentFormat',
] as const;
const MARGINS = {
  marginTop: 'MARGIN_TOP',
  marginBottom: 'MARGIN_BOTTOM',
  marginLeft: 'MARGIN_LEFT',
  marginRight: 'MARGIN_RIGHT',
} as const;

export const updateDocumentStyle: RequestHandler = (_ctx, view, body) => {
  allowOnly(body, ['documentStyle', 'fields'], 'updateDocumentStyle');
  const fields = fieldsOf(body?.fields, DOCUMENT_STYLE_FIELDS, ['pageSize', ...Object.keys(MARGINS)]);
  const style = body?.documentStyle ?? {};
  allowOnly(style, DOCUMENT_STYLE_FIELDS, 'updateDocumentStyle.documentStyle');
  const attrs = view.content.body.attrs;
  const changes: Array<[string, number]> = [];
  for (const field of fields) {
    if (style[field] === undefined) throw new Invalid(`Not emulated: resetting documentStyle.${field}`);
    if (field === 'pageSize') {
      allowOnly(style.pageSize, ['width', 'height'], 'documentStyle.pageSize');
      const width = points(style.pageSize.width, 'document_style.page_size.width');
      const height = points(style.pageSize.height, 'document_style.page_size.height');
      // unverified: the API's text for a page without area.
      if (width <= 0 || height <= 0) throw new Invalid('The page size must be positive.');
      changes.push(['PAGE_WIDTH', width], ['PAGE_HEIGHT', height]);
    } else {
      const key = field as keyof typeof MARGINS;
      const margin = points(
        style[key],
        `document_style.${key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}`,
      );
      if (margin < 0) throw new Invalid('Margins cannot be negative.'); // unverified
      changes.push([MARGINS[key], margin]);
    }
  }
  for (const [key, value] of changes) attrs[key] = value;
  return undefined;
};
