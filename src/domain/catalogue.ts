/**
 * The indicator catalogue (DHIS2's "data elements"): what is collected, how it combines across units
 * and time, and who enters it. The default is ./data/indicators.csv (docs/domain.md §5), embedded as
 * data; codes are stable identifiers.
 */
import defaultCatalogueCsv from './data/indicators.csv';
import type { Level } from './config';
import { parseCsv } from './csv';

/** S stock, F flow, R ratio, C count of units meeting a condition, K count per class, L a unit's rating. */
export type IndicatorType = 'S' | 'F' | 'R' | 'C' | 'K' | 'S/F' | 'L';

export interface Indicator {
  code: string;
  /** Section, e.g. "TC - Tổ chức Hội, hội viên". */
  group: string;
  name: string;
  /** Unit of measure (ĐVT); for parallel sub-fields ("căn; triệu đồng") the first is entered. */
  unit: string;
  type: IndicatorType;
  acrossUnits: string;
  acrossTime: string;
  /** Who enters it: CH→X, X, X+, H/T, derived, any… */
  level: string;
  numerator: string;
  denominator: string;
  active: boolean;
}

/** A unit's own rating, entered from a list; the K indicators count units per class. */
export const RATING_CODE = 'TD_XEP_LOAI';
export const RATING_CLASSES = [
  'Hoàn thành xuất sắc nhiệm vụ',
  'Hoàn thành tốt nhiệm vụ',
  'Hoàn thành nhiệm vụ',
  'Không hoàn thành nhiệm vụ',
] as const;

const RATING_INDICATOR: Omit<Indicator, 'active'> = {
  code: RATING_CODE,
  group: 'TD - Thi đua, xếp loại, khen thưởng',
  name: 'Xếp loại thi đua của đơn vị (chọn trong danh sách)',
  unit: 'xếp loại',
  type: 'L',
  acrossUnits: 'COUNT_BY_CLASS',
  acrossTime: 'LAST',
  level: 'CH→X',
  numerator: '',
  denominator: '',
};

/**
 * Switched on by default: what a commune union and its branches report every quarter (members,
 * movements, poverty, credit, social security, Party building), the ratios computed from them, and
 * the ratings.
 */
const DEFAULT_ACTIVE = new Set([
  'TC_PN18',
  'TC_HV',
  'TC_HV_TL',
  'TC_HV_MOI',
  'TC_HV_GIAM',
  'TC_HV_NC',
  'TC_HV_NC_TL',
  'TC_HV_SHTX',
  'TC_HV_SHTX_TL',
  'TC_HV_HP',
  'TC_HV_HP_TL',
  'TC_HO_1HV',
  'TC_HO_PN18',
  'TC_HO_1HV_TL',
  'TC_CHIHOI',
  'TC_QUYHOI',
  'TT_CUOC',
  'TT_LUOT',
  'GD_5K3S_DK',
  'GD_5K3S_MOI',
  'GD_5K3S_DAT',
  'GD_HO_HV',
  'GD_5K3S_TL',
  'GD_CTPV',
  'KT_HN_THOAT',
  'KT_HN_GIUP',
  'KT_VON_NB_TO',
  'KT_VL',
  'UT_DUNO',
  'UT_HO',
  'UT_TO',
  'UT_NQH',
  'UT_NQH_TL',
  'AS_BHYT_MOI',
  'AS_BHXH_MOI',
  'AS_HOAGIAI',
  'XD_DV_KN',
  'XD_GS',
  'XD_PB',
  RATING_CODE,
  // Counted from the units' ratings and figures (computed; communes also report their branches'
  // ratings as counts): "4/4 chi hội hoàn thành xuất sắc", "90% cơ sở xếp loại tốt trở lên".
  'TD_CH_XL_XS',
  'TD_CH_XL_T',
  'TD_CH_XL_HT',
  'TD_CH_XL_KHT',
  'TD_CS_XL_XS',
  'TD_CS_XL_T',
  'TD_CS_XL_HT',
  'TD_CS_XL_KHT',
  'TD_CS_TOT',
  'TD_CS_TOT_TL',
  'TC_COSO_TH50',
]);

const TYPES: readonly IndicatorType[] = ['S', 'F', 'R', 'C', 'K', 'S/F', 'L'];

/** Reads the catalogue CSV (the columns of ./data/indicators.csv, docs/domain.md §5.1). */
export function parseCatalogue(csv: string): Array<Omit<Indicator, 'active'>> {
  const [header, ...rows] = parseCsv(csv);
  if (!header) return [];
  const column = (name: string) => header.indexOf(name);
  const at = (row: string[], name: string) => (row[column(name)] ?? '').trim().normalize('NFC');
  return rows
    .filter((row) => at(row, 'code') !== '')
    .map((row) => {
      const type = at(row, 'type') as IndicatorType;
      if (!TYPES.includes(type)) throw new Error(`Chỉ tiêu ${at(row, 'code')}: loại "${type}" không hợp lệ`);
      return {
        code: at(row, 'code'),
        group: at(row, 'group'),
        name: at(row, 'name_vi'),
        unit: at(row, 'unit'),
        type,
        acrossUnits: at(row, 'across_units'),
        acrossTime: at(row, 'across_time'),
        level: at(row, 'level'),
        numerator: at(row, 'numerator'),
        denominator: at(row, 'denominator'),
      };
    });
}

/**
 * Problems of a catalogue an admin edited (tab Chỉ tiêu), each naming its spreadsheet row (the
 * header is row 1): an unknown type, a repeated code, a ratio whose parts are not in the catalogue.
 */
export function catalogueProblems(catalogue: readonly Indicator[]): string[] {
  const problems: string[] = [];
  const codes = new Map<string, number>();
  catalogue.forEach((indicator, index) => {
    const row = index + 2;
    if (!TYPES.includes(indicator.type)) {
      problems.push(
        `Dòng ${row} (${indicator.code}): loại "${indicator.type}" không hợp lệ, phải là một trong ${TYPES.join(', ')}`,
      );
    }
    const earlier = codes.get(indicator.code);
    if (earlier !== undefined) problems.push(`Dòng ${row}: mã "${indicator.code}" trùng với dòng ${earlier}`);
    else codes.set(indicator.code, row);
  });
  for (const [index, indicator] of catalogue.entries()) {
    if (indicator.type !== 'R') continue;
    const missing = [indicator.numerator, indicator.denominator].filter((c) => !codes.has(c));
    if (missing.length > 0) {
      problems.push(
        `Dòng ${index + 2} (${indicator.code}): tử số / mẫu số không có trong danh mục: ${missing.join(', ') || '(trống)'}`,
      );
    }
  }
  return problems;
}

/** The default catalogue with the default subset switched on. */
export function defaultCatalogue(): Indicator[] {
  return (
    [...parseCatalogue(defaultCatalogueCsv), RATING_INDICATOR]
      // A code with a lower-case letter is a pattern row (NQ_TL_i: one rate per target), not data.
      .filter((i) => !/[a-z]/.test(i.code))
      .map((i) => ({ ...i, active: DEFAULT_ACTIVE.has(i.code) }))
  );
}

/**
 * Whether a unit tab of a workbook at this level enters the indicator: stocks, flows and ratings
 * (ratios, condition counts and class counts are computed), entered at the tab units' level. A
 * commune workbook's tabs are branches (chi hội); a district or province workbook's tabs are
 * communes, which also enter what their branches report.
 */
export function isEnteredBy(indicator: Indicator, level: Level): boolean {
  const enterable =
    ['S', 'F', 'S/F', 'L'].includes(indicator.type) ||
    (indicator.type === 'C' && indicator.acrossUnits === 'SUM') ||
    (indicator.type === 'K' && indicator.level === 'X');
  if (!enterable) return false;
  if (level === 'xa') return indicator.level.startsWith('CH');
  if (indicator.type === 'K') return level === 'huyen' || level === 'tinh';
  return /^(CH→X|X|X\+|X→|X, H, T|any)$/.test(indicator.level);
}

/** The active indicators a unit tab holds, in catalogue order. */
export function entryIndicators(catalogue: readonly Indicator[], level: Level): Indicator[] {
  return catalogue.filter((i) => i.active && isEnteredBy(i, level));
}

/**
 * The name people read in a row or a message: without the formula, the parallel sub-fields and a
 * trailing note in brackets ("(tử số của …)"), which stay in the full name shown in the cell note.
 */
export function shortName(indicator: Pick<Indicator, 'name'>): string {
  const name = indicator.name
    .split(/\s+=\s+|;/)[0]!
    .replace(/\s*\([^()]*\)\s*$/, '')
    .trim();
  return name || indicator.name;
}

/** A section's title in capitals, without its code: "TC - Tổ chức Hội, hội viên" -> "TỔ CHỨC HỘI, HỘI VIÊN". */
export function groupTitle(group: string): string {
  return (group.includes(' - ') ? group.slice(group.indexOf(' - ') + 3) : group).toLocaleUpperCase('vi');
}

/** The unit of measure entered: the first of parallel sub-fields ("căn; triệu đồng" -> "căn"). */
export function enteredUnit(indicator: Pick<Indicator, 'unit'>): string {
  return indicator.unit.split(';')[0]!.trim();
}

/** Whole numbers (people, households, events) unless money or a typed percentage. */
export function valueKind(indicator: Indicator): 'count' | 'money' | 'percent' | 'rating' {
  if (indicator.type === 'L') return 'rating';
  const unit = enteredUnit(indicator);
  if (unit === '%') return 'percent';
  if (/đồng/.test(unit)) return 'money';
  return 'count';
}

/** What to count, for the note on an entry row. */
export function entryNote(indicator: Indicator): string {
  const unit = enteredUnit(indicator);
  const when: Record<string, string> = {
    S: 'Số liệu tại thời điểm cuối quý (không cộng dồn các quý).',
    'S/F': 'Số liệu tại thời điểm cuối quý (không cộng dồn các quý).',
    F: 'Số phát sinh trong quý (không tính các quý trước).',
    C: 'Số đơn vị đạt trong quý.',
    K: 'Số đơn vị theo từng mức xếp loại, tại thời điểm cuối quý.',
    L: `Chọn một mức: ${RATING_CLASSES.join('; ')}.`,
  };
  const kind = valueKind(indicator);
  const format =
    kind === 'money'
      ? `Nhập số tiền bằng ${unit}, không âm.`
      : kind === 'percent'
        ? 'Nhập tỷ lệ phần trăm từ 0 đến 100.'
        : kind === 'count'
          ? `Nhập số nguyên không âm (đơn vị: ${unit}).`
          : '';
  return [indicator.name, when[indicator.type] ?? '', format].filter(Boolean).join('\n');
}
