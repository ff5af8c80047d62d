/**
 * Text that came from a person (a unit name, a narrative, a CSV cell) and is written into a cell
 * must stay text: Sheets would run it as a formula if it began with =, +, - or @
 * (docs/architecture.md §7). A leading apostrophe makes Sheets keep it as typed and is not shown.
 */
export function asCellText(text: string): string {
  const normalized = text.normalize('NFC');
  return /^[=+\-@]/.test(normalized) ? `'${normalized}` : normalized;
}

/** A list typed in one cell ("a@x.vn, b@x.vn"), split on commas, semicolons and spaces. */
export function splitList(value: unknown): string[] {
  return String(value ?? '')
    .split(/[,;\s]+/)
    .filter((s) => s !== '');
}

/** "Tổng số hội viên" -> "tổng số hội viên", for a name in running text. */
export function lowerFirst(text: string): string {
  return text.charAt(0).toLocaleLowerCase('vi') + text.slice(1);
}
