/**
 * The batchUpdate requests the emulator implements, by the name the API gives them; any other
 * request throws `Not emulated: Docs.Documents.batchUpdate <name>` (documents.ts).
 */
import type { RequestHandler } from '../requestKit';
import { insertPageBreak } from './insertPageBreak';
import { insertTable } from './insertTable';
import { insertText } from './insertText';
import { pinTableHeaderRows } from './pinTableHeaderRows';
import { updateDocumentStyle } from './updateDocumentStyle';
import { updateParagraphStyle } from './updateParagraphStyle';
import { updateTableCellStyle } from './updateTableCellStyle';
import { updateTableColumnProperties } from './updateTableColumnProperties';
import { updateTextStyle } from './updateTextStyle';

export const REQUESTS: Readonly<Record<string, RequestHandler>> = {
  insertPageBreak,
  insertTable,
  insertText,
  pinTableHeaderRows,
  updateDocumentStyle,
  updateParagraphStyle,
  updateTableCellStyle,
  updateTableColumnProperties,
  updateTextStyle,
};
