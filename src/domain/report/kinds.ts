/**
 * Report kinds (docs/domain.md §8) and the wording each gives a period: the trích yếu, the opening and
 * closing sentences, the next period, the file name. Everything here is computed from the period and
 * the configuration, so one template serves every quarter and every year.
 */
import { roman } from '../format';
import type { Quarter } from '../periods';
import { compareQuarters, quarterKey } from '../periods';
import type { PeriodSpec, ReportKind } from '../periodSpec';
import { lastCompletedQuarter, periodSpec, quartersBetween, renamePeriod } from '../periodSpec';

export const REPORT_KINDS: ReadonlyArray<{ kind: ReportKind; name: string }> = [
  { kind: 'quy', name: 'Báo cáo quý' },
  { kind: 'sau_thang', name: 'Báo cáo sơ kết 6 tháng' },
  { kind: 'chin_thang', name: 'Báo cáo 9 tháng' },
  { kind: 'nam', name: 'Báo cáo tổng kết năm' },
  { kind: 'giua_nhiem_ky', name: 'Báo cáo sơ kết giữa nhiệm kỳ' },
  { kind: 'nhiem_ky', name: 'Báo cáo tổng kết nhiệm kỳ' },
];

export function isReportKind(value: unknown): value is ReportKind {
  return REPORT_KINDS.some((k) => k.kind === value);
}

export function reportKindName(kind: ReportKind): string {
  return REPORT_KINDS.find((k) => k.kind === kind)!.name;
}

/** The years of a term "2021-2026". */
function termYears(term: string): [number, number] {
  const [from, to] = term.split('-').map(Number) as [number, number];
  return [from, to];
}

/**
 * A term's first half, from its first quarter to the last quarter of its middle year
 * ("nửa đầu nhiệm kỳ 2021 - 2026": Q3/2021–Q4/2023 for 2021–2026).
 */
export function midTermSpec(term: string): PeriodSpec {
  const [from, to] = termYears(term);
  const first = periodSpec(term).first;
  const middle = from + Math.floor((to - from) / 2);
  return renamePeriod(
    periodSpec(`${quarterKey(first)}..${middle}-Q4`),
    `nửa đầu nhiệm kỳ ${from} - ${to}`,
    `Nửa đầu nhiệm kỳ ${from} - ${to}`,
  );
}

/**
 * The period a report is about: the key typed (the mid-term kind renames a range), or the latest
 * completed period of that kind at `now`.
 */
export function reportPeriod(kind: ReportKind, key: string | undefined, now: Date, term: string): PeriodSpec {
  if (key && key.trim() !== '') {
    const spec = periodSpec(key);
    return kind === 'giua_nhiem_ky' && spec.kind === 'range' && spec.key === midTermSpec(term).key
      ? midTermSpec(term)
      : spec;
  }
  return offeredPeriods(kind, now, term)[0]!;
}

/** Periods of a kind that have closed by `now` (newest first), for the dialog's list. */
export function offeredPeriods(kind: ReportKind, now: Date, term: string): PeriodSpec[] {
  const last = lastCompletedQuarter(now);
  const closed = (spec: PeriodSpec) => compareQuarters(spec.last, last) <= 0;
  const years = [last.year, last.year - 1];
  let specs: PeriodSpec[];
  switch (kind) {
    case 'quy':
      specs = quartersBetween({ year: last.year - 1, quarter: 1 }, last)
        .reverse()
        .map((q) => periodSpec(quarterKey(q)));
      break;
    case 'sau_thang':
      specs = years.map((y) => periodSpec(`${y}-H1`));
      break;
    case 'chin_thang':
      specs = years.map((y) => periodSpec(`${y}-9M`));
      break;
    case 'nam':
      specs = years.map((y) => periodSpec(String(y)));
      break;
    case 'giua_nhiem_ky':
      specs = [midTermSpec(term)];
      break;
    case 'nhiem_ky':
      specs = [periodSpec(term)];
      break;
  }
  const done = specs.filter(closed);
  // A report on a period not yet over is still useful (a draft before the deadline): offer the
  // current one when none has closed.
  return done.length > 0 ? done : specs.slice(-1);
}

const capitalize = (s: string): string => s.charAt(0).toLocaleUpperCase('vi') + s.slice(1);

function quarterInText(q: Quarter): string {
  return `quý ${roman(q.quarter)}/${q.year}`;
}

function nextQuarter(q: Quarter): Quarter {
  return q.quarter === 4 ? { year: q.year + 1, quarter: 1 } : { year: q.year, quarter: q.quarter + 1 };
}

/** What comes after the period, for "phương hướng, nhiệm vụ …". */
export function nextPeriodInText(spec: PeriodSpec, kind: ReportKind, term: string): string {
  const [from, to] = termYears(term);
  switch (kind) {
    case 'sau_thang':
      return spec.key.endsWith('H1') ? `6 tháng cuối năm ${spec.last.year}` : `năm ${spec.last.year + 1}`;
    case 'nam':
      return `năm ${spec.last.year + 1}`;
    case 'giua_nhiem_ky':
      return `nửa cuối nhiệm kỳ ${from} - ${to}`;
    case 'nhiem_ky':
      return `nhiệm kỳ ${to} - ${to + (to - from)}`;
    default:
      return quarterInText(nextQuarter(spec.last));
  }
}

/** The quarters from the start of the period's final year to its end: "lũy kế từ đầu năm". */
export function yearToDate(spec: PeriodSpec): PeriodSpec {
  const year = spec.last.year;
  if (spec.last.quarter === 1) return periodSpec(`${year}-Q1`);
  if (spec.last.quarter === 2) return periodSpec(`${year}-H1`);
  if (spec.last.quarter === 3) return periodSpec(`${year}-9M`);
  return periodSpec(String(year));
}

export interface ReportWording {
  /** The trích yếu under "BÁO CÁO". */
  subject: string;
  /** "Thực hiện …, Ban Thường vụ … báo cáo … như sau:". */
  opening: string;
  /** "Trên đây là báo cáo …/.". */
  closing: string;
  /** The period in a heading, in capitals: "QUÝ III/2026". */
  periodHeading: string;
  /** The next period in running text and in a heading. */
  nextPeriod: string;
  nextPeriodHeading: string;
  /** The Drive name: "BC Quý III-2026 - Hội LHPN quận Hoàng Mai". */
  fileName: string;
}

export interface WordingInput {
  spec: PeriodSpec;
  kind: ReportKind;
  /** "Hội LHPN quận Hoàng Mai". */
  unitName: string;
  /** The superior body in running text, or '' when there is none. */
  superior: string;
  term: string;
  /** The resolution of the congress that opened the term: "Nghị quyết Đại hội Phụ nữ … lần thứ IV". */
  resolution: string;
}

const upper = (s: string): string => s.toLocaleUpperCase('vi');

export function reportWording(input: WordingInput): ReportWording {
  const { spec, kind, unitName, superior, term, resolution } = input;
  const [from, to] = termYears(term);
  const period = spec.nameInText;
  const next = nextPeriodInText(spec, kind, term);
  const termText = `(nhiệm kỳ ${from} - ${to})`;
  const subjects: Record<ReportKind, string> = {
    quy: `Kết quả công tác Hội và phong trào phụ nữ ${period}; phương hướng, nhiệm vụ ${next}`,
    sau_thang: `Sơ kết công tác Hội và phong trào phụ nữ ${period}; phương hướng, nhiệm vụ ${next}`,
    chin_thang: `Kết quả công tác Hội và phong trào phụ nữ ${period}; phương hướng, nhiệm vụ ${next}`,
    nam: `Tổng kết công tác Hội và phong trào phụ nữ ${period}; phương hướng, nhiệm vụ ${next}`,
    giua_nhiem_ky: `Đánh giá giữa nhiệm kỳ thực hiện ${resolution} ${termText}`,
    nhiem_ky: `Tổng kết thực hiện ${resolution} ${termText}; phương hướng, nhiệm vụ ${next}`,
  };
  const subject = subjects[kind];
  const basis =
    kind === 'giua_nhiem_ky' || kind === 'nhiem_ky'
      ? `Thực hiện ${resolution} ${termText}`
      : `Thực hiện Chương trình công tác năm ${spec.last.year}${superior ? ` của Ban Thường vụ ${superior}` : ''}`;
  const about = subject.charAt(0).toLocaleLowerCase('vi') + subject.slice(1).split(';')[0];
  // A mid-term report covers the first half of the term whatever quarters it starts from (a union
  // adopting the tool mid-term): its headings and file say so, as the Union's own do.
  const halfTerm = kind === 'giua_nhiem_ky' ? `nửa đầu nhiệm kỳ ${from} - ${to}` : null;
  const slug = halfTerm ?? spec.name.replace(/\//g, '-');
  return {
    subject,
    opening: `${basis}, Ban Thường vụ ${unitName} báo cáo ${about} như sau:`,
    closing: `Trên đây là báo cáo ${about} của Ban Thường vụ ${unitName}./.`,
    periodHeading: upper(halfTerm ?? period),
    nextPeriod: next,
    nextPeriodHeading: upper(next),
    fileName: `BC ${capitalize(slug)} - ${unitName}`,
  };
}
