/**
 * What a report says, computed before any document is touched: the value of every tag, the lines
 * of the block tags and the cells of the Phụ lục's tables, with the facts behind every figure of
 * the prose. The wording comes from the phrase bank (phrases.ts); nothing is typed by hand.
 */
import { shortDate } from '../dates';
import { formatDateLine, formatPercentValue } from '../format';
import { completenessText } from '../progress';
import { TOPICS } from '../topics';
import {
  chairParagraphs,
  directionLead,
  directions,
  shortcomings,
  strengths,
  targetParagraphs,
} from './assessment';
import type { ReportTable } from './appendix';
import { indicatorAppendix, unitAppendix } from './appendix';
import type { ReportInput } from './input';
import { ReportView } from './input';
import { reportKindName, reportWording } from './kinds';
import { narrativeLines, narrativeParagraph } from './narratives';
import type { Fact } from './phrases';
import { FigureWriter, formatFigure } from './phrases';
import { sourceSentence, topicParagraphs } from './sections';
import { INDICATOR_FIELDS, TOPIC_TAGS } from './tags';
import { headerColumnWidths, MID_TERM_SHARED_HEADING } from './template';

export type { NarrativeEntry, ReportInput, ReportUnit, YearPart } from './input';
export type { ReportTable } from './appendix';
export { figureWithUnit, formatFigure } from './phrases';

export interface ReportContent {
  /** The Drive file name. */
  fileName: string;
  subject: string;
  /** Tag (without braces) -> text. */
  text: Record<string, string>;
  /** Block tag -> its paragraphs ([] removes the tag's line). */
  blocks: Record<string, string[]>;
  tables: Record<string, ReportTable>;
  /** The header table's column widths in points (`headerColumnWidths`). */
  headerWidths: [number, number];
  /** Every figure the prose holds, as it must appear in the Phụ lục. */
  facts: Fact[];
}

const NO_DATA = '[chưa có số liệu]';
const NO_TARGET = '[chưa có chỉ tiêu]';
const upper = (s: string): string => s.toLocaleUpperCase('vi');

/** Text typed by people (a narrative, a name) must not read as a tag in the filled document. */
function inert(text: string): string {
  return text.replace(/\{\{/g, '{ {').replace(/\}\}/g, '} }');
}

function defaultRecipients(input: ReportInput): string[] {
  const { config } = input;
  const superior = config.report.co_quan_cap_tren;
  return [
    ...(superior ? [`Ban Thường vụ ${superior} (để b/c)`] : []),
    `Các đồng chí Ủy viên Ban Chấp hành ${config.ten_don_vi}`,
    'Lưu: VT',
  ];
}

/** Nơi nhận as written: "- …;" on each line, "- Lưu: VT." last. */
function recipientLines(input: ReportInput): string[] {
  const configured = input.config.report.noi_nhan;
  const lines = configured.length > 0 ? configured : defaultRecipients(input);
  return lines.map((line, i) => {
    const bare = line.replace(/^[-–•]\s*/, '').replace(/[;.]\s*$/, '');
    return `- ${bare}${i === lines.length - 1 ? '.' : ';'}`;
  });
}

/** The {{CODE}}, {{CODE.luy_ke}}… tags a chair may type in an edited template. */
function indicatorTags(input: ReportInput): Record<string, string> {
  const out: Record<string, string> = {};
  for (const result of input.period.indicators) {
    const code = result.indicator.code;
    const ytd = input.yearToDate.byCode[code];
    const target = input.targets[code];
    const percent = target && target.percent !== '' ? formatPercentValue(target.percent) : '';
    const values: Record<string, string> = {
      '': formatFigure(result, result.total?.value, true),
      luy_ke: ytd ? formatFigure(ytd, ytd.total?.value, true) : NO_DATA,
      chi_tieu: target?.target || NO_TARGET,
      ty_le: percent || NO_TARGET,
      danh_gia: target?.verdict || NO_TARGET,
    };
    for (const { field } of INDICATOR_FIELDS) out[field ? `${code}.${field}` : code] = values[field]!;
  }
  return out;
}

/** The phrase bank's summary; before the year is over, annual targets are only in progress. */
function targetsSentence(input: ReportInput): string {
  const inProgress = Object.values(input.targets).filter((t) => t.verdict === 'Đang thực hiện').length;
  if (input.targetSummary.total > 0 || inProgress === 0) return input.targetSummary.text;
  return `Có ${inProgress} chỉ tiêu năm ${input.spec.last.year} đang được thực hiện; kết quả đạt hay chưa đạt được đánh giá khi hết năm.`;
}

/**
 * A block under its own heading that would be empty: the longer reports ask the chair for it
 * (`what`), a shorter one writes `otherwise`. `beside` is what else follows under the heading.
 */
function orElse(
  lines: string[],
  beside: readonly string[],
  view: ReportView,
  what: string,
  otherwise: string,
): string[] {
  if (lines.length > 0 || beside.length > 0) return lines;
  return [view.isReview ? `[Ban Thường vụ bổ sung: ${what}.]` : otherwise];
}

/** What a topic with nothing to say writes under its heading. */
function nothingOn(view: ReportView): string {
  return `Chưa có số liệu, hoạt động nào được báo cáo về nội dung này trong ${view.words.span}.`;
}

function blocksOf(view: ReportView, writer: FigureWriter): Record<string, string[]> {
  const { input } = view;
  const report = input.config.report;
  const blocks: Record<string, string[]> = { NOI_NHAN: recipientLines(input) };
  TOPICS.forEach((topic, i) => {
    const paragraphs = topicParagraphs(writer, view, topic.key, i);
    // The ratings have a heading of their own only in the annual and end-of-term reports; elsewhere
    // they follow Xây dựng tổ chức Hội and add nothing when absent.
    const optional = topic.key === 'XL' && input.kind !== 'nam' && input.kind !== 'nhiem_ky';
    blocks[TOPIC_TAGS[topic.key]] = paragraphs.length > 0 || optional ? paragraphs : [nothingOn(view)];
  });
  // Topics under one heading say at most once that there is nothing, and not beside what there is.
  if (input.kind === 'giua_nhiem_ky') {
    const tags = MID_TERM_SHARED_HEADING.map((key) => TOPIC_TAGS[key]);
    const empty = tags.filter((tag) => blocks[tag]?.length === 1 && blocks[tag]?.[0] === nothingOn(view));
    const silenced = empty.length === tags.length ? empty.slice(1) : empty;
    for (const tag of silenced) blocks[tag] = [];
  }
  const unitWords = (code: string) => narrativeLines(input.narratives, code, input.units, writer);
  const targets = targetParagraphs(writer, view);
  blocks.KQ_CHI_TIEU =
    targets.length > 0 ? targets : ['Chưa có chỉ tiêu nào được giao cho kỳ này (trang Mục tiêu).'];
  blocks.DS_NOI_BAT = unitWords('NT_NOI_BAT');
  const year = input.spec.last.year;
  blocks.UU_DIEM = orElse(
    strengths(writer, view),
    blocks.DS_NOI_BAT,
    view,
    'những ưu điểm, kết quả nổi bật',
    `Các cấp Hội triển khai các nhiệm vụ theo Chương trình công tác năm ${year}; kết quả cụ thể như trên.`,
  );
  blocks.DS_TON_TAI = orElse(
    [...shortcomings(writer, view), ...unitWords('NT_TON_TAI')],
    [],
    view,
    'những tồn tại, hạn chế',
    `Trong ${view.words.span}, các đơn vị chưa nêu tồn tại, hạn chế.`,
  );
  blocks.DS_DE_XUAT = orElse(
    unitWords('NT_DE_XUAT'),
    [],
    view,
    'đề xuất, kiến nghị với cấp trên (nếu có)',
    'Không có.',
  );
  blocks.DAC_DIEM = chairParagraphs(report, 'dac_diem_tinh_hinh', view);
  blocks.CHI_DAO = [...directionLead(view), ...chairParagraphs(report, 'cong_tac_chi_dao', view)];
  blocks.NGUYEN_NHAN = chairParagraphs(report, 'nguyen_nhan', view);
  blocks.BAI_HOC = chairParagraphs(report, 'bai_hoc_kinh_nghiem', view);
  const own = chairParagraphs(report, 'phuong_huong', view);
  blocks.PHUONG_HUONG =
    own.length > 0
      ? own
      : [
          `Tiếp tục triển khai các nhiệm vụ trọng tâm theo Chương trình công tác năm ${input.spec.last.year}.`,
        ];
  blocks.CHI_TIEU_PHAN_DAU = directions(writer, view);
  return blocks;
}

export function reportContent(input: ReportInput): ReportContent {
  const { config, spec, kind } = input;
  const view = new ReportView(input);
  const writer = new FigureWriter();
  const wording = reportWording({
    spec,
    kind,
    unitName: config.ten_don_vi,
    superior: config.report.co_quan_cap_tren,
    term: config.nhiem_ky,
    resolution: view.resolution,
  });
  const late = input.units.filter((u) => !u.submitted).map((u) => u.ten);
  const summary = input.targetSummary;
  const blocks = blocksOf(view, writer);
  const appendix = indicatorAppendix(view);
  blocks.GHI_CHU_BIEU = appendix.notes;
  const text: Record<string, string> = {
    CO_QUAN_CAP_TREN: upper(config.report.co_quan_cap_tren),
    CO_QUAN_BAN_HANH: upper(config.report.co_quan_ban_hanh),
    SO_KY_HIEU: `Số:        /${config.report.ky_hieu}`,
    DIA_DANH_NGAY: `${config.dia_danh}, ${formatDateLine(input.now)}`,
    TEN_DON_VI: config.ten_don_vi,
    LOAI_BAO_CAO: reportKindName(kind),
    TRICH_YEU: wording.subject,
    MO_DAU: wording.opening,
    KET_LUAN: wording.closing,
    TEN_KY: spec.name,
    TEN_KY_HOA: wording.periodHeading,
    KY_TIEP_THEO: wording.nextPeriod,
    KY_TIEP_THEO_HOA: wording.nextPeriodHeading,
    NAM: String(spec.last.year),
    NHIEM_KY: config.nhiem_ky.replace('-', ' - '),
    THAM_QUYEN_KY: config.report.tham_quyen_ky,
    CHUC_VU_KY: config.report.chuc_vu_ky,
    NGUOI_KY: config.report.nguoi_ky,
    DA_NOP: completenessText(input.units.length - late.length, input.units.length),
    DS_CHUA_NOP: late.length > 0 ? late.join(', ') : 'không có',
    SO_CHI_TIEU_DAT: `${summary.met}/${summary.total}`,
    TOM_TAT_CHI_TIEU: targetsSentence(input),
    CHI_TIEU_CHUA_DAT: summary.unmet.length > 0 ? summary.unmet.join(', ') : 'không có',
    NOI_BAT: narrativeParagraph(input.narratives, 'NT_NOI_BAT', input.units, writer),
    TON_TAI: narrativeParagraph(input.narratives, 'NT_TON_TAI', input.units, writer),
    DE_XUAT: narrativeParagraph(input.narratives, 'NT_DE_XUAT', input.units, writer),
    NGHI_QUYET: view.resolution,
    DAI_HOI_LAN_THU: config.report.dai_hoi_lan_thu,
    CHU_DE_NAM: config.report.chu_de_nam,
    NGUON_SO_LIEU: sourceSentence(writer, view),
    KEM_THEO: `(Kèm theo Báo cáo số        /${config.report.ky_hieu} ngày ${shortDate(input.now)} của Ban Thường vụ ${config.ten_don_vi})`,
    ...indicatorTags(input),
  };
  const tables = { BANG_CHI_TIEU: appendix.table, BANG_DON_VI: unitAppendix(view) };
  return {
    fileName: wording.fileName,
    subject: wording.subject,
    text: Object.fromEntries(Object.entries(text).map(([k, v]) => [k, inert(v)])),
    blocks: Object.fromEntries(Object.entries(blocks).map(([k, lines]) => [k, lines.map(inert)])),
    tables: Object.fromEntries(
      Object.entries(tables).map(([k, t]) => [k, { ...t, cells: t.cells.map((row) => row.map(inert)) }]),
    ),
    headerWidths: headerColumnWidths(text),
    facts: writer.facts,
  };
}
