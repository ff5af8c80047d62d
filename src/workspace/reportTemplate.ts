/**
 * Writes a default report template (domain/report/template.ts) as a Google Doc, so it exists on
 * Google exactly as locally and people can edit it in Docs. The Docs API writes it in one batch
 * (domain/report/templateRequests.ts), where DocumentApp needs a call per paragraph and attribute.
 */
import type { ReportTemplate } from '../domain/report/template';
import { templateRequests } from '../domain/report/templateRequests';

const GOOGLE_DOCS = 'application/vnd.google-apps.document';

function documents(): GoogleAppsScript.Docs.Collection.DocumentsCollection {
  // The manifest enables the service; a project copied without it fails here, before any document.
  if (typeof Docs === 'undefined' || !Docs?.Documents)
    throw new Error('Dịch vụ Google Docs API chưa được bật cho dự án (appsscript.json).');
  return Docs.Documents;
}

/**
 * Creates the template in `folder`; returns its id. The document is moved into the folder only once
 * it is whole: a run cut short before leaves it in the user's root as "Mẫu …" unrecorded, and the
 * next run makes a new one (batchUpdate is all or nothing, so it is never half written).
 */
export function createTemplateDocument(
  template: ReportTemplate,
  folder: GoogleAppsScript.Drive.Folder,
): string {
  const api = documents();
  const id = api.create({ title: template.name }).documentId!;
  // The typings predate some requests (updateDocumentStyle, updateTableCellStyle…); the JSON is the API's.
  api.batchUpdate(
    { requests: templateRequests(template) as unknown as GoogleAppsScript.Docs.Schema.Request[] },
    id,
  );
  const file = DriveApp.getFileById(id);
  file.moveTo(folder);
  return id;
}

/** Whether a template id still names a Google Doc the script can open (not deleted, not trashed). */
export function templateUsable(id: string): boolean {
  if (!id) return false;
  try {
    const file = DriveApp.getFileById(id);
    return !file.isTrashed() && file.getMimeType() === GOOGLE_DOCS;
  } catch {
    return false;
  }
}
