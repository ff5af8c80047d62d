/**
 * What a report is made from, read once from the workbook (app/reportData.ts), and the view every
 * part of the report shares: which aggregation a column of the Phụ lục shows, how the period is
 * named in a sentence, what the units are called.
 */
import type { Aggregation, IndicatorAggregate } from '../aggregate';
import type { WorkbookConfig } from '../config';
import { levelWords } from '../levels';
import { roman } from '../format';
import type { PeriodSpec, ReportKind } from '../periodSpec';
import type { Target, TargetCells, TargetSummary } from '../targets';
import { yearToDate } from './kinds';
import type { ColumnKey, PeriodWords, TargetDetail } from './phrases';
import { areaWord, resolutionName, subjectWord } from './phrases';

export interface ReportUnit {
  ma: string;
  ten: string;
  /** "Đã nộp 05/10/2026", "Chưa nộp", "Nộp 2/3 quý". */
  status: string;
  submitted: boolean;
}

/** One unit's text for a narrative row (a topic's, or kết quả nổi bật…), quarters in order. */
export interface NarrativeEntry {
  unit: string;
  code: string;
  text: string;
}

/** A term's (or half-term's) part in one calendar year: a column of its Phụ lục. */
export interface YearPart {
  year: number;
  quarters: readonly string[];
  aggregation: Aggregation;
}

export interface ReportInput {
  config: WorkbookConfig;
  kind: ReportKind;
  spec: PeriodSpec;
  /** When the report is made: the date line, and the date the figures are as of. */
  now: Date;
  /** The period itself, and from the start of its final year to its end. */
  period: Aggregation;
  yearToDate: Aggregation;
  /** The same period a year earlier, or null when Lưu trữ holds nothing of it. */
  previous: Aggregation | null;
  /** A term or half-term, year by year (years without any data left out); [] for other kinds. */
  years: YearPart[];
  targets: Record<string, TargetCells>;
  targetDetails: Record<string, TargetDetail>;
  targetSummary: TargetSummary;
  /** An annual report's next year: the district's targets for it. */
  nextTargets: Target[];
  units: ReportUnit[];
  narratives: NarrativeEntry[];
  /** Each unit's latest quarter with any figure in the year so far ("2026-Q1"), or null. */
  latest: Record<string, string | null>;
  /** The year the unit tabs hold (Cấu hình › nam): the year the settings' theme is for. */
  dataYear: number;
}

const MONTHS_END = [3, 6, 9, 12];

/** How the report names its period in a sentence. */
function periodWords(spec: PeriodSpec, kind: ReportKind): PeriodWords {
  const end = `hết tháng ${MONTHS_END[spec.last.quarter - 1]}/${spec.last.year}`;
  const spans: Record<PeriodSpec['kind'], string> = {
    quarter: 'quý',
    half: spec.first.quarter === 1 ? '6 tháng đầu năm' : '6 tháng cuối năm',
    nine_months: '9 tháng đầu năm',
    year: 'năm',
    term: 'nhiệm kỳ',
    range: kind === 'giua_nhiem_ky' ? 'nửa đầu nhiệm kỳ' : 'giai đoạn',
  };
  return {
    span: spans[spec.kind],
    name: spec.kind === 'quarter' ? `quý ${roman(spec.last.quarter)}/${spec.last.year}` : spec.nameInText,
    end,
    previous: spec.kind === 'year' ? `năm ${spec.last.year - 1}` : 'cùng kỳ năm trước',
  };
}

/** The parts of the input every section reads, computed once. */
export class ReportView {
  readonly words: PeriodWords;
  /** The year so far differs from the period (a quarter after the first, the second half). */
  readonly hasYtd: boolean;
  /** A term or half-term: judged on the whole, with a column per year. */
  readonly isTerm: boolean;
  /** An annual or term report: two parts, a verdict per target. */
  readonly isReview: boolean;
  /** What the units are called: "cơ sở Hội", "chi hội". */
  readonly unitWord: string;
  readonly area: string;
  readonly subject: string;
  readonly resolution: string;

  constructor(readonly input: ReportInput) {
    const { spec, kind, config } = input;
    this.words = periodWords(spec, kind);
    this.isTerm = spec.kind === 'term' || spec.kind === 'range';
    this.isReview = kind === 'nam' || kind === 'giua_nhiem_ky' || kind === 'nhiem_ky';
    this.hasYtd = !this.isTerm && yearToDate(spec).key !== spec.key;
    const word = levelWords(config.cap).unit;
    this.unitWord = word === 'cơ sở' ? 'cơ sở Hội' : word;
    this.area = areaWord(config.ten_don_vi);
    this.subject = subjectWord(config.cap);
    this.resolution = resolutionName(
      config.ten_don_vi,
      config.report.dai_hoi_lan_thu,
      config.report.nghi_quyet,
    );
  }

  /** The column a stock or rate is read from: its latest figure in the year for a quarter. */
  get endColumn(): ColumnKey {
    return this.hasYtd ? 'ytd' : 'period';
  }

  aggregationOf(column: ColumnKey): Aggregation | null {
    if (column === 'period') return this.input.period;
    if (column === 'ytd') return this.input.yearToDate;
    if (column === 'previous') return this.input.previous;
    if (column.startsWith('year:')) {
      const year = Number(column.slice(5));
      return this.input.years.find((y) => y.year === year)?.aggregation ?? null;
    }
    return null;
  }

  result(code: string, column: ColumnKey = 'period'): IndicatorAggregate | undefined {
    return this.aggregationOf(column)?.byCode[code];
  }

  /** The district's figure of an indicator in a column, or null. */
  value(code: string, column: ColumnKey): number | null {
    const value = this.result(code, column)?.total?.value;
    return typeof value === 'number' ? value : null;
  }

  /** Units with any figure in an aggregation: the coverage a report states once. */
  reportingUnits(column: ColumnKey): string[] {
    const aggregation = this.aggregationOf(column);
    if (!aggregation) return [];
    return aggregation.units.filter((_, u) =>
      aggregation.indicators.some((r) => r.source === 'entered' && r.values[u] !== null),
    );
  }
}
