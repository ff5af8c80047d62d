/**
 * "Nhập chỉ tiêu từ CSV": a congress's targets from a file into Mục tiêu, all or nothing, admins
 * only. The file comes as data files do (text, Drive, bytes); every row replaced or added is logged.
 */
import { checkRequest } from '../domain/requests';
import { TARGET_TYPE_LABELS } from '../domain/targets';
import { parseTargetsFile, targetCells } from '../domain/targetsFile';
import { withScriptLock } from '../workspace/lock';
import { appendLog } from '../workspace/logTab';
import { TAB } from '../workspace/tabs';
import { readTargetRows, writeTargetRows } from '../workspace/targetsTab';
import type { ImportRequest } from './importData';
import { requestedText } from './importData';
import { loadWorkbook, requireAdmin } from './workbook';

export interface TargetsImportSummary {
  so_chi_tieu: number;
  them_moi: number;
  thay_the: number;
  /** Rows Mục tiêu already held as they are. */
  khong_doi: number;
  nhiem_ky: string[];
}

const ACTION = 'Nhập chỉ tiêu từ CSV';

export function importTargets(request?: ImportRequest): TargetsImportSummary {
  checkRequest('importTargets', request);
  const { text, encoding } = requestedText(request);
  return withScriptLock(ACTION, () => {
    const workbook = loadWorkbook();
    requireAdmin(workbook, 'nhập chỉ tiêu');
    const result = parseTargetsFile(text, {
      catalogue: workbook.catalogue,
      unitCodes: workbook.units.map((u) => u.ma),
      existing: readTargetRows(workbook.spreadsheet),
      decimalMark: request?.thap_phan ?? null,
    });
    if (!result.ok) throw new Error(result.message);
    writeTargetRows(workbook.spreadsheet, result.rows);
    appendLog(workbook.spreadsheet, [
      {
        at: workbook.now,
        user: workbook.user,
        action: ACTION,
        place: TAB.targets,
        newValue: `${result.added.length} chỉ tiêu thêm mới, ${result.replaced.length} thay thế, ${result.unchanged} không đổi (${encoding}, ${result.readAs})`,
      },
      ...result.replaced.map((r) => ({
        at: workbook.now,
        user: workbook.user,
        action: `${ACTION}: thay thế dòng ${r.row}`,
        place: TAB.targets,
        cell: `${r.target.code} (${TARGET_TYPE_LABELS[r.target.type]})`,
        oldValue: r.before,
        newValue: targetCells(r.target)
          .filter((c) => c !== '')
          .join(' | '),
      })),
    ]);
    return {
      so_chi_tieu: result.targets.length,
      them_moi: result.added.length,
      thay_the: result.replaced.length,
      khong_doi: result.unchanged,
      nhiem_ky: [...new Set(result.targets.map((t) => t.term))].sort(),
    };
  });
}
