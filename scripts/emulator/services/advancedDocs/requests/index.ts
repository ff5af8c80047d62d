/**
 * The batchUpdate requests the emulator implements, by the name the API gives them; any other
 * request throws `Not emulated: Docs.Documents.batchUpdate <name>` (documents.ts).
 */
import type { RequestHandler } from '../requestKit';
import { pinTableHeaderRows } from './pinTableHeaderRows';
import { updateParagraphStyle } from './updateParagraphStyle';
import { updateTableColumnProperties } from './updateTableColumnProperties';
import { updateTextStyle } from './updateTextStyle';

export const REQUESTS: Readonly<Record<string, RequestHandler>> = {
  pinTableHeaderRows,
  updateParagraphStyle,
  updateTableColumnProperties,
  updateTextStyle,
};
