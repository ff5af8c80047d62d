import type { EmulatorContext } from '../../core/context';
import type { DocContent } from './model';

/** One document's stored content: what scripts edit, and what Drive last saw (null: the same). */
export interface DocRecord {
  content: DocContent;
  /** The content as of the last save, kept while an open Document has unsaved edits. */
  savedContent: DocContent | null;
  /** How many Docs API batchUpdates changed it: a DocumentApp handle opened before the last one is stale. */
  apiWrites?: number;
}

export interface DocumentState {
  /** By Drive file id. */
  docs: Record<string, DocRecord>;
}

export function createDocumentState(): DocumentState {
  return { docs: {} };
}

/**
 * What Drive sees of a document (File.getAs, makeCopy, exports): the last saved version. Edits
 * through an open Document are pending until saveAndClose or the end of the execution.
 */
export function savedContent(ctx: EmulatorContext, docId: string): DocContent {
  const record = ctx.state.document.docs[docId];
  if (!record) throw new Error(`No document ${docId} in the emulator`);
  return record.savedContent ?? record.content;
}
