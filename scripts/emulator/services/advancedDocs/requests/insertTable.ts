/**
 * InsertTableRequest: "Inserts a table at the specified location. A newline character will be
 * inserted before the inserted table"; location: "The table start index will be at the specified
 * location index + 1"; "Tables cannot be inserted inside a footnote or equation"
 * (https://developers.google.com/workspace/docs/api/reference/rest/v1/documents/request#inserttablerequest;
 * the tables guide, https://developers.google.com/workspace/docs/api/how-tos/tables). The paragraph
 * at the location is cut there: its text before stays before the table, ended by the new newline,
 * the rest follows the table. Each new cell holds one empty paragraph. A table inside a table cell,
 * or in a header or footer, is not emulated.
 */
import { newTable } from '../../docs/model';
import type { RequestHandler } from '../requestKit';
import { Invalid, InvalidValue, allowOnly } from '../requestKit';
import { insertionPoint, splitParagraph } from './insertion';

function count(value: unknown, field: string): number {
  if (!Number.isInteger(value)) throw new InvalidValue(field, value);
  // unverified: the API's text for a table without rows or columns.
  if ((value as number) < 1) throw new Invalid(`The table must have at least one ${field.slice(0, -1)}.`);
  return value as number;
}

export const insertTable: RequestHandler = (_ctx, view, body) => {
  allowOnly(body, ['rows', 'columns', 'location', 'endOfSegmentLocation'], 'insertTable');
  const rows = count(body?.rows, 'rows');
  const columns = count(body?.columns, 'columns');
  const { span, offset, siblings, inTable, inBody } = insertionPoint(view, body, 'insertTable');
  if (inTable) throw new Invalid('Not emulated: insertTable inside a table cell');
  if (!inBody) throw new Invalid('Not emulated: insertTable in a header or footer');
  const p = span.node;
  const rest = splitParagraph(p, offset);
  const table = newTable(Array.from({ length: rows }, () => Array.from({ length: columns }, () => '')));
  siblings.splice(siblings.indexOf(p) + 1, 0, table, rest);
  view.moved();
  return undefined;
};
