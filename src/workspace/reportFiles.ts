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

/** A report file made earlier, by its id (a report going on in a later execution). */
export function fileById(id: string): File {
  return DriveApp.getFileById(id);
}

export function copyTemplate(templateId: string, name: string, folder: Folder): File {
  return DriveApp.getFileById(templateId).makeCopy(name, folder);
}

/** The document as PDF beside it, named `name`.pdf (call after the document is saved and closed). */
export function savePdf(document: File, folder: Folder, name: string): File {
  const pdf = document.getAs('application/pdf');
  return folder.createFile(pdf).setName(`${name}.pdf`);
}

/**
 * The name a report is made under until it is complete, so that a run cut off midway never leaves a
 * half-made document under the final name.
 */
export function draftName(name: string): string {
  return `Đang tạo - ${name}`;
}

/** Drafts a run cut off midway left in the folder (never shared): to the trash, best effort. */
export function trashDrafts(folder: Folder, name: string): void {
  const drafts = folder.getFilesByName(draftName(name));
  while (drafts.hasNext()) {
    try {
      drafts.next().setTrashed(true);
    } catch {
      return;
    }
  }
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

/**
 * Undoes a report that failed midway: every file is unshared, renamed back to the draft name (so a
 * file left untrashed never holds the final name, and the next run trashes it), then trashed. Each
 * step is tried on its own, so one failure does not leave the rest undone; what could not be undone
 * is returned, in words for Nhật ký. Files are shared only once complete (createReportDocument), so
 * whatever stays shared here is a whole report.
 */
export function discard(files: File[], report: ReportConfig, shared: boolean, name: string): string[] {
  const left: string[] = [];
  // Each step is tried twice: most of Google's failures are brief.
  const attempt = (what: string, step: () => unknown) => {
    for (let tries = 0; tries < 2; tries++) {
      try {
        step();
        return;
      } catch {
        // Tried again once, then named.
      }
    }
    left.push(what);
  };
  for (const file of files) {
    let label = 'tệp báo cáo';
    attempt('đọc tên tệp', () => (label = `"${file.getName()}"`));
    if (shared) {
      for (const email of report.chia_se_sua)
        attempt(`gỡ quyền sửa của ${email} trên ${label}`, () => file.removeEditor(email));
      for (const email of report.chia_se_xem)
        attempt(`gỡ quyền xem của ${email} trên ${label}`, () => file.removeViewer(email));
      if (report.chia_se_lien_ket === 'xem')
        attempt(`tắt chia sẻ qua đường liên kết của ${label}`, () =>
          file.setSharing(DriveApp.Access.PRIVATE, DriveApp.Permission.NONE),
        );
    }
    attempt(`đổi tên ${label} về "${draftName(name)}"`, () => file.setName(draftName(name)));
    attempt(`chuyển ${label} vào thùng rác`, () => file.setTrashed(true));
  }
  return left;
}
