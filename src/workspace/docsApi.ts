/**
 * The Docs API (the Advanced Docs service, enabled in appsscript.json): reading where a document's
 * elements sit and changing many of them in one request, where DocumentApp needs a call per
 * paragraph. The API works on the saved document: DocumentApp's edits must be saved first
 * (Document.saveAndClose).
 */
import type { DocsElement, DocsRequest } from '../domain/report/tableStyle';
import type { TemplateRequest } from '../domain/report/templateRequests';

function documents(): GoogleAppsScript.Docs.Collection.DocumentsCollection {
  // The manifest enables the service; a project copied without it fails here, not halfway.
  if (typeof Docs === 'undefined' || !Docs?.Documents)
    throw new Error('Dịch vụ Google Docs API chưa được bật cho dự án (appsscript.json).');
  return Docs.Documents;
}

/** A new, blank Google Doc in My Drive, named `title`; returns its id. */
export function createDocument(title: string): string {
  return documents().create({ title }).documentId!;
}

/** The body's structural elements, with their indices. */
export function documentBody(documentId: string): DocsElement[] {
  return (documents().get(documentId).body?.content ?? []) as DocsElement[];
}

/** Applies `requests` together: all of them or, when one is refused, none. */
export function updateDocument(
  documentId: string,
  requests: ReadonlyArray<DocsRequest | TemplateRequest>,
): void {
  if (requests.length === 0) return;
  // The typings predate some requests (pinTableHeaderRows); the JSON is the API's.
  documents().batchUpdate(
    { requests: requests as unknown as GoogleAppsScript.Docs.Schema.Request[] },
    documentId,
  );
}
