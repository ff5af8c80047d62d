/**
 * A data file someone put on Drive (a CSV an officer uploaded), as bytes: its encoding is decided
 * by the importer, not assumed to be UTF-8.
 */
export interface FileBytes {
  name: string;
  bytes: number[];
}

const GOOGLE_SHEET = 'application/vnd.google-apps.spreadsheet';

export function readDriveFile(idOrUrl: string): FileBytes {
  const id =
    /\/d\/([\w-]{10,})/.exec(idOrUrl)?.[1] ?? /[?&]id=([\w-]{10,})/.exec(idOrUrl)?.[1] ?? idOrUrl.trim();
  let file: GoogleAppsScript.Drive.File;
  try {
    file = DriveApp.getFileById(id);
  } catch {
    // Google's text ("No item with the given ID could be found…") is English and says nothing of what to do.
    throw new Error(
      `Không mở được tệp "${idOrUrl.trim()}" trên Drive: đường dẫn sai, tệp đã bị xóa hoặc chưa được chia sẻ với bạn. Hãy kiểm tra đường dẫn.`,
    );
  }
  if (file.getMimeType() === GOOGLE_SHEET) {
    throw new Error(
      `"${file.getName()}" là một Google Trang tính, không phải tệp CSV: hãy mở nó, chọn Tệp › Tải xuống › Giá trị được phân tách bằng dấu phẩy (.csv), tải tệp đó lên Drive rồi nhập lại.`,
    );
  }
  return { name: file.getName(), bytes: file.getBlob().getBytes() };
}

/**
 * A text kept in the running person's Drive between executions (the CSV of an import that goes on
 * later: too large for script properties, 9 KB a value and 500 KB in all, docs/apps-script-facts.md
 * §1.2). Returns its id.
 */
export function keepText(name: string, text: string): string {
  return DriveApp.createFile(name, text, 'text/csv').getId();
}

/** The text kept by `keepText`. */
export function keptText(id: string): string {
  return DriveApp.getFileById(id).getBlob().getDataAsString('UTF-8');
}

/** The kept text is no longer needed: to the trash (Drive empties it after 30 days). */
export function dropText(id: string): void {
  DriveApp.getFileById(id).setTrashed(true);
}
