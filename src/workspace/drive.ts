/** The text of a Drive file (a CSV someone uploaded), as UTF-8. */
export function readDriveText(idOrUrl: string): string {
  const id =
    /\/d\/([\w-]{10,})/.exec(idOrUrl)?.[1] ?? /[?&]id=([\w-]{10,})/.exec(idOrUrl)?.[1] ?? idOrUrl.trim();
  return DriveApp.getFileById(id).getBlob().getDataAsString('UTF-8');
}
