/**
 * The default report templates, one per kind, as plain data: Khởi tạo turns them into Google Docs
 * that people may then edit. Layout per Nghị định 30/2020 (docs/domain.md §10.1): header table with the
 * bodies on the left and the national motto on the right, "BÁO CÁO" and its subject, numbered
 * sections (docs/domain.md §8), Nơi nhận beside the signature. Words that depend on the period are tags.
 */
import { roman } from '../format';
import type { ReportKind } from '../periodSpec';
import { reportKindName } from './kinds';

export interface TemplateParagraph {
  kind: 'paragraph';
  text: string;
  bold?: boolean;
  italic?: boolean;
  align?: 'left' | 'center' | 'justify';
  /** Points; the body's 14 pt when absent. */
  size?: number;
  /** A first-line indent, for running text. */
  indent?: boolean;
}

/** A borderless two-column table: the header block and the Nơi nhận / signature block. */
export interface TemplateColumns {
  kind: 'columns';
  left: TemplateParagraph[];
  right: TemplateParagraph[];
  /** Percent of the text width taken by the left column. */
  leftWidth: number;
}

export type TemplateBlock = TemplateParagraph | TemplateColumns;

export interface ReportTemplate {
  name: string;
  blocks: TemplateBlock[];
}

/** Nghị định 30/2020: A4, margins top/bottom 20 mm, left 30 mm, right 15 mm; Times New Roman. */
export const PAGE = {
  widthPt: 595.276,
  heightPt: 841.89,
  marginTopPt: 56.7,
  marginBottomPt: 56.7,
  marginLeftPt: 85.05,
  marginRightPt: 42.52,
  font: 'Times New Roman',
  bodySize: 14,
} as const;

const RULE_SHORT = '──────────';
const RULE_LONG = '────────────────────';

const p = (text: string, style: Omit<TemplateParagraph, 'kind' | 'text'> = {}): TemplateParagraph => ({
  kind: 'paragraph',
  text,
  ...style,
});
const body = (text: string): TemplateParagraph => p(text, { align: 'justify', indent: true });
const heading = (text: string): TemplateParagraph => p(text, { bold: true, align: 'justify', indent: true });

function header(): TemplateColumns {
  const centered = { align: 'center' as const, size: 13 };
  return {
    kind: 'columns',
    leftWidth: 42,
    left: [
      p('{{CO_QUAN_CAP_TREN}}', centered),
      p('{{CO_QUAN_BAN_HANH}}', { ...centered, bold: true }),
      p(RULE_SHORT, centered),
      p('{{SO_KY_HIEU}}', centered),
    ],
    right: [
      p('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { ...centered, size: 12, bold: true }),
      p('Độc lập - Tự do - Hạnh phúc', { ...centered, bold: true }),
      p(RULE_LONG, centered),
      p('{{DIA_DANH_NGAY}}', { ...centered, size: 14, italic: true }),
    ],
  };
}

function signature(): TemplateColumns {
  const centered = { align: 'center' as const, bold: true };
  return {
    kind: 'columns',
    leftWidth: 50,
    left: [p('Nơi nhận:', { bold: true, italic: true, size: 12 }), p('{{NOI_NHAN}}', { size: 11 })],
    right: [
      p('{{THAM_QUYEN_KY}}', centered),
      p('{{CHUC_VU_KY}}', centered),
      p('(Ký, đóng dấu)', { align: 'center', italic: true }),
      p(''),
      p(''),
      p(''),
      p('{{NGUOI_KY}}', centered),
    ],
  };
}

/** Sections numbered I., II. …, each a heading and its paragraphs. */
function numbered(sections: Array<[string, TemplateParagraph[]]>): TemplateParagraph[] {
  return sections.flatMap(([title, content], i) => [heading(`${roman(i + 1)}. ${title}`), ...content]);
}

const TARGETS = [body('{{TOM_TAT_CHI_TIEU}}'), p('{{BANG_CHI_TIEU}}'), p('{{BIEU_DO}}', { align: 'center' })];
const UNITS = [
  body('Đến thời điểm báo cáo có {{DA_NOP}}; đơn vị chưa nộp đủ số liệu: {{DS_CHUA_NOP}}.'),
  p('{{BANG_DON_VI}}'),
];
const HIGHLIGHTS = [body('{{NOI_BAT}}')];
const SHORTCOMINGS = [body('{{TON_TAI}}')];
const PROPOSALS = [body('{{DE_XUAT}}')];

/** Quarterly, 6-month and 9-month reports share the quarterly frame (§8.2, §8.3). */
function periodicBody(kind: ReportKind): TemplateParagraph[] {
  const targetsTitle =
    kind === 'quy' ? '1. Kết quả thực hiện các chỉ tiêu' : '1. Kết quả thực hiện các chỉ tiêu năm {{NAM}}';
  return numbered([
    [
      'KẾT QUẢ THỰC HIỆN CÔNG TÁC HỘI VÀ PHONG TRÀO PHỤ NỮ {{TEN_KY_HOA}}',
      [
        heading(targetsTitle),
        ...TARGETS,
        heading('2. Tình hình nộp số liệu của các đơn vị'),
        ...UNITS,
        heading('3. Kết quả nổi bật'),
        ...HIGHLIGHTS,
      ],
    ],
    ['ĐÁNH GIÁ CHUNG', [heading('Tồn tại, hạn chế'), ...SHORTCOMINGS]],
    [
      'PHƯƠNG HƯỚNG, NHIỆM VỤ {{KY_TIEP_THEO_HOA}}',
      [body('Tiếp tục triển khai các nhiệm vụ trọng tâm, phấn đấu hoàn thành các chỉ tiêu năm {{NAM}}.')],
    ],
    ['ĐỀ XUẤT, KIẾN NGHỊ', PROPOSALS],
  ]);
}

/** Annual, mid-term and end-of-term reports: two parts (§8.4–8.6). */
function reviewBody(kind: ReportKind): TemplateParagraph[] {
  const partOne: Record<string, string> = {
    nam: 'KẾT QUẢ CÔNG TÁC HỘI VÀ PHONG TRÀO PHỤ NỮ NĂM {{NAM}}',
    giua_nhiem_ky: 'KẾT QUẢ ĐẠT ĐƯỢC TRONG {{TEN_KY_HOA}}',
    nhiem_ky: 'ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN NGHỊ QUYẾT ĐẠI HỘI NHIỆM KỲ {{NHIEM_KY}}',
  };
  const targetsTitle =
    kind === 'nam'
      ? 'KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU NĂM {{NAM}}'
      : 'KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU NGHỊ QUYẾT';
  return [
    p(`PHẦN THỨ NHẤT`, { bold: true, align: 'center' }),
    p(partOne[kind]!, { bold: true, align: 'center' }),
    ...numbered([
      [targetsTitle, TARGETS],
      ['KẾT QUẢ CỦA CÁC ĐƠN VỊ', UNITS],
      ['KẾT QUẢ NỔI BẬT', HIGHLIGHTS],
      ['ĐÁNH GIÁ CHUNG', [heading('Tồn tại, hạn chế'), ...SHORTCOMINGS]],
    ]),
    p('PHẦN THỨ HAI', { bold: true, align: 'center' }),
    p('PHƯƠNG HƯỚNG, NHIỆM VỤ {{KY_TIEP_THEO_HOA}}', { bold: true, align: 'center' }),
    body(
      kind === 'nam'
        ? 'Tiếp tục thực hiện Nghị quyết Đại hội Phụ nữ nhiệm kỳ {{NHIEM_KY}}; tập trung vào các chỉ tiêu chưa đạt: {{CHI_TIEU_CHUA_DAT}}.'
        : 'Tập trung thực hiện các chỉ tiêu chưa đạt: {{CHI_TIEU_CHUA_DAT}}.',
    ),
    heading('ĐỀ XUẤT, KIẾN NGHỊ'),
    ...PROPOSALS,
  ];
}

export function defaultTemplate(kind: ReportKind): ReportTemplate {
  const content =
    kind === 'quy' || kind === 'sau_thang' || kind === 'chin_thang' ? periodicBody(kind) : reviewBody(kind);
  return {
    name: `Mẫu ${reportKindName(kind).charAt(0).toLocaleLowerCase('vi')}${reportKindName(kind).slice(1)}`,
    blocks: [
      header(),
      p(''),
      p('BÁO CÁO', { bold: true, align: 'center' }),
      p('{{TRICH_YEU}}', { bold: true, align: 'center' }),
      p(RULE_SHORT, { align: 'center' }),
      body('{{MO_DAU}}'),
      ...content,
      body('{{KET_LUAN}}'),
      signature(),
    ],
  };
}
