/**
 * UpdateTableCellStyleRequest: "Updates the style of a range of table cells"; tableStartLocation:
 * "When specified, the updates are applied to all the cells in the table"; TableCellBorder: "Table
 * cell borders cannot be transparent. To hide a table cell border, make its width 0"
 * (https://developers.google.com/workspace/docs/api/reference/rest/v1/documents/request#updatetablecellstylerequest,
 * …/documents#tablecellborder). The model holds one border (width, colour) for a whole table, as
 * DocumentApp's Table.setBorderWidth/setBorderColor set it: the four borders of every cell
 * (tableStartLocation), alike and solid, are emulated; a tableRange, other fields or different
 * borders are not. Each border must give its colour, width and dash style (the stricter reading:
 * unverified whether Docs fills a border's missing parts).
 */
import type { RequestHandler } from '../requestKit';
import { Invalid, InvalidValue, allowOnly, fieldsOf, points, tableAt } from '../requestKit';

/** TableCellStyle's fields (reference, TableCellStyle). */
const CELL_STYLE_FIELDS = [
  'rowSpan',
  'columnSpan',
  'backgroundColor',
  'borderLeft',
  'borderRight',
  'borderTop',
  'borderBottom',
  'paddingLeft',
  'paddingRight',
  'paddingTop',
  'paddingBottom',
  'contentAlignment',
] as const;
const BORDERS = ['borderLeft', 'borderRight', 'borderTop', 'borderBottom'] as const;
const DASH_STYLES = ['DASH_STYLE_UNSPECIFIED', 'SOLID', 'DOT', 'DASH'];

const hex = (channel: unknown) =>
  Math.round(Math.min(1, Math.max(0, typeof channel === 'number' ? channel : 0)) * 255)
    .toString(16)
    .padStart(2, '0');

/** One border as the model's width and "#rrggbb". */
function border(value: unknown, field: string): { width: number; color: string } {
  const snake = field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
  if (!value || typeof value !== 'object')
    throw new Invalid(`Not emulated: resetting tableCellStyle.${field}`);
  allowOnly(value, ['color', 'width', 'dashStyle'], `tableCellStyle.${field}`);
  const b = value as {
    color?: { color?: { rgbColor?: Record<string, unknown> } };
    width?: unknown;
    dashStyle?: unknown;
  };
  if (!DASH_STYLES.includes(String(b.dashStyle)))
    throw new InvalidValue(`table_cell_style.${snake}.dash_style`, b.dashStyle);
  if (b.dashStyle !== 'SOLID') throw new Invalid(`Not emulated: a ${String(b.dashStyle)} border`);
  const width = points(b.width, `table_cell_style.${snake}.width`);
  if (width < 0) throw new Invalid('A border width cannot be negative.'); // unverified
  // "Table cell borders cannot be transparent": an OptionalColor without its color is.
  const rgb = b.color?.color?.rgbColor;
  if (!rgb || typeof rgb !== 'object') throw new Invalid('Table cell borders cannot be transparent.'); // unverified wording
  allowOnly(rgb, ['red', 'green', 'blue'], `tableCellStyle.${field}.color.color.rgbColor`);
  return { width, color: `#${hex(rgb.red)}${hex(rgb.green)}${hex(rgb.blue)}` };
}

export const updateTableCellStyle: RequestHandler = (_ctx, view, body) => {
  allowOnly(body, ['tableCellStyle', 'fields', 'tableStartLocation', 'tableRange'], 'updateTableCellStyle');
  if (body?.tableRange !== undefined) throw new Invalid('Not emulated: updateTableCellStyle.tableRange');
  const fields = fieldsOf(body?.fields, CELL_STYLE_FIELDS, BORDERS);
  if (fields.size !== BORDERS.length) throw new Invalid('Not emulated: some of the borders only');
  const table = tableAt(view, body?.tableStartLocation);
  const style = body?.tableCellStyle ?? {};
  allowOnly(style, CELL_STYLE_FIELDS, 'updateTableCellStyle.tableCellStyle');
  const sides = BORDERS.map((side) => border(style[side], side));
  if (sides.some((s) => s.width !== sides[0]!.width || s.color !== sides[0]!.color))
    throw new Invalid('Not emulated: borders that differ');
  table.node.attrs.BORDER_WIDTH = sides[0]!.width;
  table.node.attrs.BORDER_COLOR = sides[0]!.color;
  return undefined;
};
