/**
 * PinTableHeaderRowsRequest: "Updates the number of pinned table header rows in a table";
 * pinnedHeaderRowsCount: "The number of table rows to pin, where 0 implies that all rows are
 * unpinned" (https://developers.google.com/workspace/docs/api/reference/rest/v1/documents/request#pintableheaderrowsrequest).
 * Pinned rows repeat at the top of each page the table runs onto (export/docx.ts, export/pdf.ts).
 */
import type { RequestHandler } from '../requestKit';
import { Invalid, InvalidValue, allowOnly, tableAt } from '../requestKit';

export const pinTableHeaderRows: RequestHandler = (_ctx, view, body) => {
  allowOnly(body, ['tableStartLocation', 'pinnedHeaderRowsCount'], 'pinTableHeaderRows');
  const table = tableAt(view, body?.tableStartLocation);
  const count: unknown = body?.pinnedHeaderRowsCount ?? 0;
  if (!Number.isInteger(count) || (count as number) < 0)
    throw new InvalidValue('pinned_header_rows_count', count);
  // unverified: the API's text for more pinned rows than the table has.
  if ((count as number) > table.node.rows.length)
    throw new Invalid(
      `The number of pinned header rows (${String(count)}) exceeds the number of rows in the table (${table.node.rows.length}).`,
    );
  if (count === 0) delete table.node.headerRows;
  else table.node.headerRows = count as number;
  return undefined;
};
