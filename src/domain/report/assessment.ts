/**
 * The parts of a report that judge and look ahead: the results of the targets ("x/y chỉ tiêu đạt
 * và vượt"), the strengths and shortcomings the figures show, what remains to be done for each
 * target not yet met ("phấn đấu đến cuối nhiệm kỳ kết nạp thêm 9 hội viên"), and the Ban Thường
 * vụ's own paragraphs, which no figure can write.
 */
import type { IndicatorAggregate } from '../aggregate';
import type { ReportConfig } from '../config';
import type { Target } from '../targets';
import type { ReportView } from './input';
import type { ColumnKey, FigureWriter, TargetDetail } from './phrases';
import { clause, subjectOf, upperFirst } from './phrases';
import { figuresOf } from './sections';

type Judged = { code: string; result: IndicatorAggregate; detail: TargetDetail; column: ColumnKey };

/** The column a target is judged on: the period, or the year so far for a year's target read early. */
function judgedColumn(view: ReportView): ColumnKey {
  return view.isReview || !view.hasYtd ? 'period' : 'ytd';
}

function judged(view: ReportView): Judged[] {
  const column = judgedColumn(view);
  return Object.entries(view.input.targetDetails).flatMap(([code, detail]) => {
    const result = view.result(code, column);
    return result && detail.evaluation.met !== null ? [{ code, result, detail, column }] : [];
  });
}

const isCount = (r: IndicatorAggregate): boolean =>
  r.source !== 'ratio' && !/%/.test(r.indicator.unit) && !/đồng/.test(r.indicator.unit);

/** "kết nạp mới 636/550 hội viên (Vượt chỉ tiêu năm, đạt 115,6%)". */
function targetLine(writer: FigureWriter, view: ReportView, j: Judged): string {
  const { result, detail, column } = j;
  const value = view.value(j.code, column)!;
  const expected = detail.evaluation.expected;
  const plain = detail.target.type !== 'MAX_RATE' && detail.target.type !== 'RANGE';
  const n =
    isCount(result) && expected !== undefined && plain && detail.target.type !== 'END_STATE_RATE'
      ? `${writer.figure(result, column, value)}/${writer.targetValue(result, expected)}`
      : undefined;
  const figures = n !== undefined ? { n } : figuresOf(writer, result, column, value);
  const text = clause(result, value, figures) + writer.targetSuffix(result, detail, column, view.unitWord);
  return `- ${upperFirst(text)}.`;
}

/** The name of an indicator in running text: "tỷ lệ tập hợp hội viên". */
const nameOf = (r: IndicatorAggregate): string => subjectOf(r);

/**
 * The targets' results: for an annual or term report the verdict of each ("x/y chỉ tiêu đạt và
 * vượt" first); before the year is over, each year's target with the share reached so far.
 */
export function targetParagraphs(writer: FigureWriter, view: ReportView): string[] {
  const list = judged(view);
  if (list.length === 0) return [];
  const lines = list.map((j) => targetLine(writer, view, j));
  return [summarySentence(writer, view, list), ...lines];
}

function summarySentence(writer: FigureWriter, view: ReportView, list: readonly Judged[]): string {
  const met = list.filter((j) => j.detail.evaluation.met);
  const unmet = list.filter((j) => !j.detail.evaluation.met).map((j) => nameOf(j.result));
  const count = writer.summary(met.length, list.length);
  if (view.isReview) {
    const rest =
      unmet.length > 0 ? `; còn ${writer.unmet(unmet.length)} chỉ tiêu (${unmet.join(', ')}) chưa đạt` : '';
    return `Qua đánh giá có ${count} chỉ tiêu đạt và vượt so với chỉ tiêu ${view.resolution}${rest}.`;
  }
  const which = met.length > 0 ? ` (${met.map((j) => nameOf(j.result)).join(', ')})` : '';
  const rest = unmet.length > 0 ? '; các chỉ tiêu còn lại đang được thực hiện' : '';
  return `Tính đến ${view.words.end}, ${count} chỉ tiêu đã đạt${which}${rest}.`;
}

/**
 * Strengths: before the year is over, the targets already reached; for a year or a term, how many
 * targets were met and the ones exceeded most, with their share.
 */
export function strengths(writer: FigureWriter, view: ReportView): string[] {
  const list = judged(view);
  if (list.length === 0) return [];
  if (!view.isReview) return [summarySentence(writer, view, list)];
  const met = list.filter((j) => j.detail.evaluation.met);
  const count = writer.summary(met.length, list.length);
  const best = met
    .filter((j) => j.detail.evaluation.percent !== null && j.detail.evaluation.percent > 100)
    .sort((a, b) => b.detail.evaluation.percent! - a.detail.evaluation.percent!)
    .slice(0, 3)
    .map((j) => `${nameOf(j.result)}${writer.targetSuffix(j.result, j.detail, j.column, view.unitWord)}`);
  const lead = `${upperFirst(view.subject)} đã hoàn thành và hoàn thành vượt mức ${count} chỉ tiêu`;
  return [best.length > 0 ? `${lead}, trong đó vượt cao: ${best.join('; ')}.` : `${lead}.`];
}

/**
 * Shortcomings the figures show: targets not met (an annual or term report), or a year's target
 * behind the share of the year gone by (earlier reports: 38% of the target after six months).
 */
export function shortcomings(writer: FigureWriter, view: ReportView): string[] {
  const elapsed = (view.input.spec.last.quarter / 4) * 100;
  const behind = judged(view).filter((j) =>
    j.detail.progressOnly
      ? j.detail.evaluation.percent !== null && j.detail.evaluation.percent < elapsed
      : j.detail.evaluation.met === false,
  );
  if (behind.length === 0) return [];
  const parts = behind.map(
    (j) => `${nameOf(j.result)}${writer.targetSuffix(j.result, j.detail, j.column, view.unitWord)}`,
  );
  const head = behind.every((j) => j.detail.progressOnly)
    ? `Một số chỉ tiêu năm còn đạt thấp so với tiến độ (sau ${view.words.span === 'quý' ? `${view.input.spec.last.quarter} quý` : view.words.span})`
    : `Còn ${writer.unmet(behind.length)} chỉ tiêu chưa đạt`;
  return [`- ${head}: ${parts.join('; ')}.`];
}

/** What remains of a target: a count to add, a rate to reach, a limit to keep. */
function remainder(writer: FigureWriter, j: Judged): string | null {
  const { evaluation, target } = j.detail;
  if (evaluation.met !== false || evaluation.expected === undefined || evaluation.actual === undefined)
    return null;
  const rate = j.result.source === 'ratio';
  if (target.type === 'MAX_RATE') {
    return `giảm ${nameOf(j.result)} xuống không quá ${writer.targetValue(j.result, evaluation.expected)}`;
  }
  if (rate || target.type === 'END_STATE_RATE' || target.type === 'RANGE') {
    return `nâng ${nameOf(j.result)} lên ${writer.targetValue(j.result, evaluation.expected)}`;
  }
  if (target.type === 'QUALITATIVE') return `hoàn thành chỉ tiêu ${target.text}`;
  const amount = evaluation.expected - evaluation.actual;
  return amount > 0 ? writer.remaining(j.result, j.column, amount) : null;
}

/** "Phấn đấu đến hết năm 2026 kết nạp thêm 232 hội viên; …", one sentence per horizon. */
export function directions(writer: FigureWriter, view: ReportView): string[] {
  const { input } = view;
  const term = input.config.nhiem_ky.replace('-', ' - ');
  const list = judged(view);
  const yearly = list.filter((j) => j.detail.progressOnly || (j.detail.source === 'năm' && !view.isTerm));
  const termly = list.filter((j) => !yearly.includes(j));
  const out: string[] = [];
  const say = (head: string, parts: Array<string | null>) => {
    const kept = parts.filter((p): p is string => p !== null);
    if (kept.length > 0) out.push(`${head} ${kept.join('; ')}.`);
  };
  if (input.kind === 'nam') {
    say(
      `Năm ${input.spec.last.year + 1}, phấn đấu:`,
      input.nextTargets.map((t) => planned(writer, view, t)),
    );
  } else if (!view.isReview) {
    say(
      `Phấn đấu đến hết năm ${input.spec.last.year}`,
      yearly.map((j) => remainder(writer, j)),
    );
  } else if (input.kind === 'giua_nhiem_ky') {
    say(
      'Nửa cuối nhiệm kỳ, mỗi năm phấn đấu',
      yearly
        .concat(list.filter((j) => j.detail.target.type === 'ANNUAL' && !yearly.includes(j)))
        .map((j) => planned(writer, view, j.detail.target)),
    );
  }
  const termTargets =
    input.kind === 'giua_nhiem_ky' ? termly.filter((j) => j.detail.target.type !== 'ANNUAL') : termly;
  if (input.kind === 'nhiem_ky') {
    say(
      `Tiếp tục phấn đấu trong nhiệm kỳ mới đối với các chỉ tiêu nhiệm kỳ ${term} chưa đạt:`,
      termTargets.map((j) => remainder(writer, j)),
    );
  } else {
    say(
      'Phấn đấu đến cuối nhiệm kỳ',
      termTargets.map((j) => remainder(writer, j)),
    );
  }
  return out;
}

/** A target to reach, worded as its result: "kết nạp mới 550 hội viên". */
function planned(writer: FigureWriter, view: ReportView, target: Target): string | null {
  const result = view.result(target.code, 'period');
  if (!result || target.value === null) return null;
  const shown = writer.targetValue(result, target.value);
  if (result.source === 'ratio') return `${nameOf(result)} đạt ${shown} trở lên`;
  const text = clause(result, target.value, { n: shown, s: shown });
  return target.type === 'PER_UNIT_ANNUAL' ? `mỗi ${view.unitWord} ${text}` : text;
}

const PROMPTS: Record<
  'dac_diem_tinh_hinh' | 'cong_tac_chi_dao' | 'nguyen_nhan' | 'bai_hoc_kinh_nghiem' | 'phuong_huong',
  string
> = {
  dac_diem_tinh_hinh: 'thuận lợi, khó khăn, tình hình tư tưởng hội viên, phụ nữ trong kỳ',
  cong_tac_chi_dao: 'các kế hoạch, văn bản chỉ đạo, hướng dẫn đã ban hành',
  nguyen_nhan: 'nguyên nhân của kết quả đạt được và của những hạn chế (khách quan, chủ quan)',
  bai_hoc_kinh_nghiem: 'bài học kinh nghiệm rút ra',
  phuong_huong: 'các nhiệm vụ, giải pháp trọng tâm của kỳ tới',
};

/**
 * The Ban Thường vụ's paragraphs from Cấu hình, one per line. When empty, an annual or term report
 * asks for them in brackets (a draft the chair completes); a shorter report says nothing.
 */
export function chairParagraphs(report: ReportConfig, key: keyof typeof PROMPTS, view: ReportView): string[] {
  const lines = report[key].split('\n').filter((l) => l.trim() !== '');
  if (lines.length > 0) return lines;
  return view.isReview
    ? [`[Ban Thường vụ bổ sung: ${PROMPTS[key]}; có thể ghi sẵn ở dòng "${key}" trang Cấu hình.]`]
    : [];
}

/** "Năm 2026, các cấp Hội thực hiện chủ đề năm "…"." before the chair's own lines. */
export function directionLead(view: ReportView): string[] {
  const theme = view.input.config.report.chu_de_nam;
  // The theme in Cấu hình is the current year's; a report on earlier years does not quote it.
  if (!theme || view.input.spec.last.year !== view.input.dataYear) return [];
  return [`Năm ${view.input.spec.last.year}, ${view.subject} triển khai thực hiện chủ đề năm "${theme}".`];
}
