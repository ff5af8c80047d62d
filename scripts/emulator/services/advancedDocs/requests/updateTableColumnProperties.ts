/**
 * UpdateTableColumnPropertiesRequest
 * (https://developers.google.com/workspace/docs/api/reference/rest/v1/documents/request#updatetablecolumnpropertiesrequest):
 * columnIndices "If no indices are specified, all columns will be updated"; "If the value of
 * tableColumnProperties#width is less than 5 points (5/72 inch), a 400 bad request error is
 * returned". widthType FIXED_WIDTH (with a width in points) and EVENLY_DISTRIBUTED are emulated.
 */
import type { RequestHandler } from '../requestKit';
import { Invalid, InvalidValue, allowOnly, fieldsOf, points, tableAt } from '../requestKit';

const COLUMN_FIELDS = ['widthType', 'width'] as const;

export const updateTableColumnProperties: RequestHandler = (_ctx, view, body) => {
  allowOnly(
    body,
    ['tableStartLocation', 'columnIndices', 'tableColumnProperties', 'fields'],
    'updateTableColumnProperties',
  );
  const fields = fieldsOf(body?.fields, COLUMN_FIELDS, COLUMN_FIELDS);
  // The model holds a width only with its type: a mask of one of them alone is not emulated.
  if (!fields.has('widthType')) throw new Invalid('Not emulated: fields without widthType');
  const table = tableAt(view, body?.tableStartLocation);
  const props = body?.tableColumnProperties ?? {};
  allowOnly(props, ['widthType', 'width'], 'tableColumnProperties');
  let width: number | null;
  if (props.widthType === 'EVENLY_DISTRIBUTED') width = null;
  else if (props.widthType === 'FIXED_WIDTH') {
    if (!fields.has('width')) throw new Invalid('Not emulated: FIXED_WIDTH without width in fields');
    width = points(props.width, 'table_column_properties.width');
    // unverified: the wording (the rule is documented).
    if (width < 5) throw new Invalid('The column width must be at least 5 points.');
  } else throw new InvalidValue('table_column_properties.width_type', props.widthType);
  const count = table.node.columnWidths.length;
  const indices: unknown = body?.columnIndices ?? [];
  if (!Array.isArray(indices)) throw new InvalidValue('column_indices', indices);
  const columns = indices.length === 0 ? [...Array(count).keys()] : indices;
  for (const c of columns) {
    // unverified: the API's text for a column the table does not have.
    if (!Number.isInteger(c) || c < 0 || c >= count)
      throw new Invalid(`Column index ${String(c)} is out of range: the table has ${count} columns.`);
    table.node.columnWidths[c] = width;
  }
  return undefined;
};
