/** "Danh sách thẻ": every tag a report template may hold, generated from the code and the catalogue. */
import type { TagInfo } from '../domain/report/tags';
import type { SharedTabs } from './tabLook';
import { giveLook } from './tabLook';
import { activeSpreadsheet, ensureSheet, replaceContent, TAB } from './tabs';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const KIND_LABEL: Record<TagInfo['kind'], string> = {
  text: 'Chữ (thay trong dòng)',
  block: 'Nhiều dòng (đứng riêng một dòng)',
  table: 'Bảng (đứng riêng một dòng)',
};

export function writeTagsTab(spreadsheet: Spreadsheet, tags: readonly TagInfo[], shared?: SharedTabs): void {
  const sheet = shared?.sheet(TAB.tags) ?? ensureSheet(spreadsheet, TAB.tags);
  replaceContent(
    sheet,
    [
      ['Thẻ', 'Loại', 'Ý nghĩa', 'Ví dụ'],
      ...tags.map((t) => [`{{${t.tag}}}`, KIND_LABEL[t.kind], t.meaning, t.example]),
    ],
    shared?.known(TAB.tags),
  );
  giveLook(sheet, TAB.tags, { header: 4 }, shared);
}

/** "Danh sách thẻ báo cáo" in the menu: brings the tab to the front. */
export function openTagsTab(): boolean {
  const sheet = activeSpreadsheet().getSheetByName(TAB.tags);
  if (sheet) sheet.activate();
  return sheet !== null;
}
