/**
 * Writes a default report template (domain/report/template.ts) as a Google Doc, so it exists on
 * Google exactly as locally and people can edit it in Docs. The Docs API writes it in one batch
 * (domain/report/templateRequests.ts), where DocumentApp needs a call per paragraph and attribute.
 */
import type { ReportTemplate } from '../domain/report/template';
import { templateRequests } from '../domain/report/templateRequests';
import { createDocument, updateDocument } from './docsApi';

const GOOGLE_DOCS = 'application/vnd.google-apps.document';

/**
 * Creates the template in `folder`; returns its id, which the caller records. batchUpdate is all or
 * nothing, so the document is blank or whole, and it goes into the folder only once whole. When a
 * call fails the blank document goes to the trash (best effort); a run cut off outright leaves it
 * unrecorded, and the next run makes the template again.
 */
export function createTemplateDocument(
  template: ReportTemplate,
  folder: GoogleAppsScript.Drive.Folder,
): string {
  const id = createDocument(template.name);
  try {
    updateDocument(id, templateRequests(template));
    DriveApp.getFileById(id).moveTo(folder);
  } catch (error) {
    try {
      DriveApp.getFileById(id).setTrashed(true);
    } catch {
      // Left in My Drive, unrecorded: nothing reads it.
    }
    throw error;
  }
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
