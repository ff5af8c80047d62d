/**
 * Drive side of a report: the folders (one root, one per year, one for the templates), the copy of
 * the template, its PDF, and sharing with exactly the people configured.
 */
import type { ReportConfig } from '../domain/config';

type Folder = GoogleAppsScript.Drive.Folder;
type File = GoogleAppsScript.Drive.File;

/** The folder an id names, unless it is gone or trashed. */
export function usableFolder(id: string): Folder | null {
  if (!id) return null;
  try {
    const folder = DriveApp.getFolderById(id);
    return folder.isTrashed() ? null : folder;
  } catch {
    return null;
  }
}

export function createRootFolder(name: string): Folder {
  return DriveApp.createFolder(name);
}

/** A subfolder by name, created when missing ("Năm 2026", "Mẫu báo cáo"). */
export function subfolder(parent: Folder, name: string): Folder {
  const existing = parent.getFoldersByName(name);
  return existing.hasNext() ? existing.next() : parent.createFolder(name);
}

/** Names already used in a folder, to version a regenerated report. */
export function fileNames(folder: Folder): Set<string> {
  const names = new Set<string>();
  const files = folder.getFiles();
  while (files.hasNext()) names.add(files.next().getName());
  return names;
}

export function copyTemplate(templateId: string, name: string, folder: Folder): File {
  return DriveApp.getFileById(templateId).makeCopy(name, folder);
}

/** The document as PDF beside it (call after the document is saved and closed). */
export function savePdf(document: File, folder: Folder): File {
  const pdf = document.getAs('application/pdf');
  return folder.createFile(pdf).setName(`${document.getName()}.pdf`);
}

/**
 * Shares the files with the configured viewers and editors, and with anyone holding the link only
 * when configured so. Google sends its usual "shared with you" email to each person.
 */
export function shareReport(files: File[], report: ReportConfig): void {
  for (const file of files) {
    if (report.chia_se_xem.length > 0) file.addViewers(report.chia_se_xem);
    if (report.chia_se_sua.length > 0) file.addEditors(report.chia_se_sua);
    if (report.chia_se_lien_ket === 'xem')
      file.setSharing(DriveApp.Access.ANYONE_WITH_LINK, DriveApp.Permission.VIEW);
  }
}

/** Undoes a report that failed midway: whatever was made goes to the trash, unshared. */
export function discard(files: File[], report: ReportConfig): void {
  for (const file of files) {
    try {
      for (const email of report.chia_se_sua) file.removeEditor(email);
      for (const email of report.chia_se_xem) file.removeViewer(email);
      if (report.chia_se_lien_ket === 'xem')
        file.setSharing(DriveApp.Access.PRIVATE, DriveApp.Permission.NONE);
      file.setTrashed(true);
    } catch {
      // Best effort: the original error is what the person needs to see.
    }
  }
}
