/**
 * Rule checks (DHIS2's validation rule analysis): every active rule over a unit's quarter, with the
 * previous quarter for PREV(). Admins check every unit and the results go to Kiểm tra in one write;
 * an officer checks their own unit and sees the result.
 */
import { entryIndicators, shortName, valueKind } from '../domain/catalogue';
import { compareQuarters, quarterKey, quarterName, quarterOf } from '../domain/periods';
import type { Rule, RuleResult } from '../domain/rules';
import { defaultRules, evaluateRules } from '../domain/rules';
import type { ParsedUnitTab } from '../domain/unitTab';
import type { UnitQuarterValues } from '../domain/dataPoints';
import { readArchive } from '../workspace/archiveTab';
import { writeChecks } from '../workspace/checksTab';
import { translatingFailures, withScriptLock } from '../workspace/lock';
import { ensureRulesTab, readRules } from '../workspace/rulesTab';
import type { SharedTabs } from '../workspace/tabLook';
import { tellUser } from '../workspace/ui';
import type { UnitRecord } from '../workspace/unitsTab';
import { quarterValues, readUnitTabs } from './unitData';
import type { Workbook } from './workbook';
import { loadWorkbook, unitsOf } from './workbook';

export function workbookDefaultRules(workbook: Workbook): () => Rule[] {
  return () =>
    defaultRules(workbook.catalogue, workbook.config.cap, {
      stockChangeWarningPercent: workbook.settings.nguong_bien_dong,
    });
}

export function ensureRules(workbook: Workbook, shared?: SharedTabs): void {
  ensureRulesTab(workbook.spreadsheet, workbookDefaultRules(workbook), shared);
}

export function rulesOf(workbook: Workbook): Rule[] {
  return readRules(workbook.spreadsheet, new Set(workbook.catalogue.map((i) => i.code)));
}

/**
 * Quý IV of the year before, by unit, from Lưu trữ: what PREV() means in Quý I, when the unit tabs
 * already hold the new year.
 */
export function lastYearsFinalQuarter(workbook: Workbook): Map<string, UnitQuarterValues> {
  const period = quarterKey({ year: workbook.settings.nam - 1, quarter: 4 });
  const byUnit = new Map<string, UnitQuarterValues>();
  for (const point of readArchive(workbook.spreadsheet, new Set([period]))) {
    byUnit.set(point.unit, { ...(byUnit.get(point.unit) ?? {}), [point.code]: point.value });
  }
  return byUnit;
}

export interface CheckContext {
  rules?: Rule[];
  /** Quý IV of last year by unit, read once by a job that checks many Quý I. */
  lastYear?: Map<string, UnitQuarterValues>;
}

/** Failed rules of one unit's quarter (errors and warnings). */
export function checkUnitQuarter(
  workbook: Workbook,
  unit: UnitRecord,
  tab: ParsedUnitTab,
  quarter: number,
  context: CheckContext = {},
): RuleResult[] {
  const rules = context.rules ?? rulesOf(workbook);
  const values = quarterValues(tab, quarter);
  const previous =
    quarter > 1
      ? quarterValues(tab, quarter - 1)
      : (context.lastYear ?? lastYearsFinalQuarter(workbook)).get(unit.ma);
  const period = quarterKey({ year: workbook.settings.nam, quarter });
  return [
    ...typeProblems(workbook, unit, values, period),
    ...evaluateRules(rules, { unit: unit.ma, period, values, previous }),
  ].filter((r) => !r.passed);
}

/** A value the tab's validation should have refused (typed before it existed, or by a script). */
function typeProblems(
  workbook: Workbook,
  unit: UnitRecord,
  values: Record<string, unknown>,
  period: string,
): RuleResult[] {
  const problems: RuleResult[] = [];
  for (const indicator of entryIndicators(workbook.catalogue, workbook.config.cap)) {
    const value = values[indicator.code];
    if (value === undefined || indicator.type === 'L') continue;
    const numeric = typeof value === 'number';
    const reason = !numeric
      ? `"${String(value)}" không phải là số`
      : value < 0
        ? 'không được âm'
        : valueKind(indicator) === 'count' && !Number.isInteger(value)
          ? 'phải là số nguyên'
          : null;
    if (reason) {
      problems.push({
        ruleId: `${indicator.code}:KIEU`,
        importance: 'error',
        unit: unit.ma,
        period,
        left: numeric ? value : null,
        right: null,
        passed: false,
        message: `${shortName(indicator)}: ${reason}`,
      });
    }
  }
  return problems;
}

export interface CheckSummary {
  so_don_vi: number;
  so_loi: number;
  so_canh_bao: number;
  ket_qua: Array<{ don_vi: string; ky: string; muc_do: 'Lỗi' | 'Cảnh báo'; thong_bao: string }>;
}

/** "Kiểm tra số liệu": every started quarter of the year, for the units the person may see. */
/** "Kiểm tra số liệu": its reads too run inside the boundary that translates Google's failures. */
export function checkData(): CheckSummary {
  return translatingFailures('Kiểm tra số liệu', checkWorkbook);
}

function checkWorkbook(): CheckSummary {
  const workbook = loadWorkbook();
  const units = workbook.isAdmin ? workbook.units.filter((u) => u.active) : unitsOf(workbook, workbook.user);
  if (units.length === 0) {
    throw new Error(`Tài khoản ${workbook.user || '(không xác định)'} không phụ trách đơn vị nào.`);
  }
  const current = quarterOf(workbook.now.getFullYear(), workbook.now.getMonth() + 1);
  const quarters = [1, 2, 3, 4].filter(
    (q) => compareQuarters({ year: workbook.settings.nam, quarter: q }, current) <= 0,
  );
  const context: CheckContext = { rules: rulesOf(workbook), lastYear: lastYearsFinalQuarter(workbook) };
  const tabs = readUnitTabs(workbook);
  const results = units.flatMap((unit) => {
    const tab = tabs.get(unit)!;
    return quarters.flatMap((q) => checkUnitQuarter(workbook, unit, tab, q, context));
  });
  if (workbook.isAdmin) withScriptLock('Kiểm tra số liệu', () => writeChecks(workbook.spreadsheet, results));
  const summary: CheckSummary = {
    so_don_vi: units.length,
    so_loi: results.filter((r) => r.importance === 'error').length,
    so_canh_bao: results.filter((r) => r.importance === 'warning').length,
    ket_qua: results.map((r) => ({
      don_vi: r.unit,
      ky: r.period,
      muc_do: r.importance === 'error' ? 'Lỗi' : 'Cảnh báo',
      thong_bao: r.message,
    })),
  };
  const lines = results
    .slice(0, 15)
    .map(
      (r) =>
        `• ${r.unit} ${quarterName({ year: Number(r.period.slice(0, 4)), quarter: Number(r.period.slice(-1)) })}: ${r.message}`,
    );
  tellUser(
    'Kiểm tra số liệu',
    results.length === 0
      ? `Không phát hiện lỗi nào ở ${units.length} đơn vị.`
      : `${summary.so_loi} lỗi, ${summary.so_canh_bao} cảnh báo.\n${lines.join('\n')}${results.length > 15 ? '\n…' : ''}${workbook.isAdmin ? `\nXem đầy đủ ở trang "Kiểm tra".` : ''}`,
  );
  return summary;
}
