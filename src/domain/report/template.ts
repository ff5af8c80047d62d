/**
 * The default report templates, one per kind, as plain data: Khởi tạo turns them into Google Docs
 * that people may then edit. Layout per Nghị định 30/2020 (docs/domain.md §10.1): header table with the
 * bodies on the left and the national motto on the right, "BÁO CÁO" and its subject, numbered
 * sections (docs/domain.md §8), Nơi nhận beside the signature. Words that depend on the period are tags.
 */
import { roman } from '../format';
import type { ReportKind } from '../periodSpec';
import { reportKindName } from './kinds';
import type { TopicKey } from '../topics';
import { TOPIC_TAGS } from './tags';
import { cellWidth } from './tableLayout';

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

/** A page break: the Phụ lục starts on a page of its own. */
export interface TemplatePageBreak {
  kind: 'pageBreak';
}

export type TemplateBlock = TemplateParagraph | TemplateColumns | TemplatePageBreak;

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

const HEADER_LEFT_SHARE = 42;

function header(): TemplateColumns {
  const centered = { align: 'center' as const, size: 13 };
  // The bodies' names at 12 pt (Nghị định 30 allows 12–13): at 13 a city's name and the national
  // motto cannot both keep their line on A4.
  const name = { ...centered, size: 12 };
  return {
    kind: 'columns',
    leftWidth: HEADER_LEFT_SHARE,
    left: [
      p('{{CO_QUAN_CAP_TREN}}', name),
      p('{{CO_QUAN_BAN_HANH}}', { ...name, bold: true }),
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
function numbered(sections: Array<[string, TemplateParagraph[]]>, from = 1): TemplateParagraph[] {
  return sections.flatMap(([title, content], i) => [heading(`${roman(i + from)}. ${title}`), ...content]);
}

/** Sub-sections 1., 2. … */
function points(items: Array<[string, TemplateParagraph[]]>): TemplateParagraph[] {
  return items.flatMap(([title, content], i) => [heading(`${i + 1}. ${title}`), ...content]);
}

const tag = (name: string): TemplateParagraph => body(`{{${name}}}`);
const part = (number: string, title: string): TemplateParagraph[] => [
  p(number, { bold: true, align: 'center' }),
  p(title, { bold: true, align: 'center' }),
];

/** Where the charts go: after the results, before the assessment, in every kind. */
const CHARTS: TemplateParagraph[] = [p('{{BIEU_DO}}', { align: 'center' })];

/** The results of each field of work, as the quarterly report numbers them (§8.2). */
const TOPIC_SECTIONS: Record<string, [string, TemplateParagraph[]]> = {
  TT: [
    'Công tác tuyên truyền, giáo dục; nắm bắt tình hình tư tưởng hội viên, phụ nữ',
    [tag('KQ_TUYEN_TRUYEN')],
  ],
  PT: ['Thực hiện phong trào thi đua, các cuộc vận động, công trình, phần việc', [tag('KQ_THI_DUA')]],
  KT: ['Hỗ trợ phụ nữ phát triển kinh tế, giảm nghèo, khởi nghiệp; quản lý vốn ủy thác', [tag('KQ_KINH_TE')]],
  AS: [
    'Xây dựng gia đình; an sinh xã hội; bảo vệ quyền, lợi ích hợp pháp của phụ nữ, trẻ em',
    [tag('KQ_AN_SINH')],
  ],
  XD: ['Tham gia xây dựng Đảng, chính quyền; giám sát, phản biện xã hội', [tag('KQ_XAY_DUNG_DANG')]],
  TC: ['Xây dựng tổ chức Hội vững mạnh', [tag('KQ_TO_CHUC_HOI')]],
  DA: ['Thực hiện các Đề án, chuyển đổi số', [tag('KQ_DE_AN')]],
};
const topics = (...keys: string[]): Array<[string, TemplateParagraph[]]> =>
  keys.map((k) => TOPIC_SECTIONS[k]!);

const STRENGTHS: TemplateParagraph[] = [tag('UU_DIEM'), tag('DS_NOI_BAT')];

/** Quarterly, 6-month and 9-month reports share the quarterly frame (§8.2, §8.3). */
function periodicBody(kind: ReportKind): TemplateParagraph[] {
  const results: Array<[string, TemplateParagraph[]]> = [
    ...topics('TT', 'PT', 'KT', 'AS', 'XD'),
    [TOPIC_SECTIONS.TC![0], [tag('KQ_TO_CHUC_HOI'), tag('KQ_XEP_LOAI')]],
    TOPIC_SECTIONS.DA!,
    ...(kind === 'quy'
      ? []
      : [
          ['Kết quả thực hiện các chỉ tiêu năm {{NAM}}', [tag('KQ_CHI_TIEU')]] as [
            string,
            TemplateParagraph[],
          ],
        ]),
  ];
  return numbered([
    [
      'KẾT QUẢ THỰC HIỆN CÔNG TÁC HỘI VÀ PHONG TRÀO PHỤ NỮ {{TEN_KY_HOA}}',
      [tag('NGUON_SO_LIEU'), ...points(results), ...CHARTS],
    ],
    [
      'ĐÁNH GIÁ CHUNG',
      points([
        ['Ưu điểm', STRENGTHS],
        ['Tồn tại, hạn chế', [tag('DS_TON_TAI'), tag('NGUYEN_NHAN')]],
      ]),
    ],
    ['PHƯƠNG HƯỚNG, NHIỆM VỤ {{KY_TIEP_THEO_HOA}}', [tag('CHI_TIEU_PHAN_DAU'), tag('PHUONG_HUONG')]],
    ['ĐỀ XUẤT, KIẾN NGHỊ', [tag('DS_DE_XUAT')]],
  ]);
}

/** Đánh giá chung of the longer reports: strengths, shortcomings, causes, lessons. */
const ASSESSMENT = points([
  ['Ưu điểm', STRENGTHS],
  ['Tồn tại, hạn chế', [tag('DS_TON_TAI')]],
  ['Nguyên nhân', [tag('NGUYEN_NHAN')]],
  ['Bài học kinh nghiệm', [tag('BAI_HOC')]],
]);

/** Annual review (§8.4). */
function annualBody(): TemplateParagraph[] {
  return [
    ...part('PHẦN THỨ NHẤT', 'KẾT QUẢ CÔNG TÁC HỘI VÀ PHONG TRÀO PHỤ NỮ NĂM {{NAM}}'),
    ...numbered([
      ['ĐẶC ĐIỂM TÌNH HÌNH', [tag('DAC_DIEM')]],
      ['CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH', [tag('CHI_DAO')]],
      [
        'KẾT QUẢ THỰC HIỆN PHONG TRÀO THI ĐUA, CÁC CUỘC VẬN ĐỘNG',
        [tag('NGUON_SO_LIEU'), ...points(topics('TT', 'PT'))],
      ],
      ['KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ TRỌNG TÂM VÀ CÁC ĐỀ ÁN', points(topics('KT', 'AS', 'XD', 'TC', 'DA'))],
      ['KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU NĂM {{NAM}}', [tag('KQ_CHI_TIEU')]],
      ['CÔNG TÁC THI ĐUA, KHEN THƯỞNG; KẾT QUẢ XẾP LOẠI', [tag('KQ_XEP_LOAI'), ...CHARTS]],
      ['ĐÁNH GIÁ CHUNG', ASSESSMENT],
    ]),
    ...part('PHẦN THỨ HAI', 'PHƯƠNG HƯỚNG, NHIỆM VỤ {{KY_TIEP_THEO_HOA}}'),
    ...numbered([
      ['CÁC CHỈ TIÊU', [tag('CHI_TIEU_PHAN_DAU')]],
      ['NHIỆM VỤ, GIẢI PHÁP TRỌNG TÂM', [tag('PHUONG_HUONG')]],
      ['ĐỀ XUẤT, KIẾN NGHỊ', [tag('DS_DE_XUAT')]],
    ]),
  ];
}

/** The topics the mid-term template writes under one heading (Nhiệm vụ 1). */
export const MID_TERM_SHARED_HEADING: readonly TopicKey[] = ['KT', 'AS'];

/** Mid-term review, after samples 001 and 004 (§8.5): the three central tasks of the term. */
function midTermBody(): TemplateParagraph[] {
  return [
    ...part('PHẦN THỨ NHẤT', 'KẾT QUẢ ĐẠT ĐƯỢC TRONG {{TEN_KY_HOA}}'),
    ...numbered([
      ['TÌNH HÌNH TƯ TƯỞNG PHỤ NỮ', [tag('DAC_DIEM')]],
      ['CÔNG TÁC CHỈ ĐẠO TRIỂN KHAI THỰC HIỆN NGHỊ QUYẾT', [tag('CHI_DAO')]],
      [
        'KẾT QUẢ THỰC HIỆN PHONG TRÀO THI ĐUA, CÁC CUỘC VẬN ĐỘNG',
        [tag('NGUON_SO_LIEU'), ...points(topics('TT', 'PT'))],
      ],
      ['KẾT QUẢ THỰC HIỆN CÁC ĐỀ ÁN', [tag('KQ_DE_AN')]],
      [
        'KẾT QUẢ THỰC HIỆN 3 NHIỆM VỤ TRỌNG TÂM',
        [
          heading(
            'Nhiệm vụ 1: Hỗ trợ phụ nữ phát triển, hội nhập và vun đắp giá trị tốt đẹp của gia đình Việt Nam',
          ),
          ...MID_TERM_SHARED_HEADING.map((key) => tag(TOPIC_TAGS[key])),
          heading('Nhiệm vụ 2: Tham gia xây dựng Đảng, hệ thống chính trị; giám sát, phản biện xã hội'),
          tag('KQ_XAY_DUNG_DANG'),
          heading('Nhiệm vụ 3: Xây dựng tổ chức Hội vững mạnh'),
          tag('KQ_TO_CHUC_HOI'),
          tag('KQ_XEP_LOAI'),
        ],
      ],
      ['KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU NGHỊ QUYẾT', [tag('KQ_CHI_TIEU'), ...CHARTS]],
      ['ĐÁNH GIÁ CHUNG', ASSESSMENT],
    ]),
    ...part('PHẦN THỨ HAI', 'PHƯƠNG HƯỚNG, NHIỆM VỤ {{KY_TIEP_THEO_HOA}}'),
    tag('CHI_TIEU_PHAN_DAU'),
    tag('PHUONG_HUONG'),
    heading('ĐỀ XUẤT, KIẾN NGHỊ'),
    tag('DS_DE_XUAT'),
  ];
}

/** End-of-term review, the political report to the congress (§8.6). */
function termBody(): TemplateParagraph[] {
  return [
    ...part('PHẦN THỨ NHẤT', 'ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN NGHỊ QUYẾT ĐẠI HỘI NHIỆM KỲ {{NHIEM_KY}}'),
    ...numbered([
      ['BỐI CẢNH, TÌNH HÌNH PHỤ NỮ', [tag('DAC_DIEM')]],
      [
        'KẾT QUẢ THỰC HIỆN PHONG TRÀO THI ĐUA, CUỘC VẬN ĐỘNG, NHIỆM VỤ TRỌNG TÂM VÀ CÁC ĐỀ ÁN',
        [
          tag('NGUON_SO_LIEU'),
          ...points([
            ...topics('TT', 'PT', 'KT', 'AS', 'XD', 'TC'),
            ['Công tác thi đua, khen thưởng; kết quả xếp loại', [tag('KQ_XEP_LOAI')]],
            TOPIC_SECTIONS.DA!,
          ]),
        ],
      ],
      ['KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU', [tag('KQ_CHI_TIEU'), ...CHARTS]],
      ['ĐÁNH GIÁ CHUNG', ASSESSMENT],
    ]),
    ...part('PHẦN THỨ HAI', 'PHƯƠNG HƯỚNG, MỤC TIÊU, CHỈ TIÊU, NHIỆM VỤ VÀ GIẢI PHÁP {{KY_TIEP_THEO_HOA}}'),
    ...numbered([
      ['CÁC CHỈ TIÊU', [tag('CHI_TIEU_PHAN_DAU')]],
      ['NHIỆM VỤ VÀ GIẢI PHÁP', [tag('PHUONG_HUONG')]],
      ['ĐỀ XUẤT, KIẾN NGHỊ', [tag('DS_DE_XUAT')]],
    ]),
  ];
}

/** The Phụ lục after the signature, on a page of its own (§8.1). */
function appendix(): TemplateBlock[] {
  const note = p('{{GHI_CHU_BIEU}}', { italic: true, size: 12, align: 'justify' });
  return [
    { kind: 'pageBreak' },
    p('PHỤ LỤC', { bold: true, align: 'center' }),
    p('BIỂU SỐ LIỆU KẾT QUẢ CÔNG TÁC HỘI VÀ PHONG TRÀO PHỤ NỮ {{TEN_KY_HOA}}', {
      bold: true,
      align: 'center',
    }),
    p('{{KEM_THEO}}', { italic: true, align: 'center', size: 13 }),
    p(''),
    p('Biểu 1. Kết quả thực hiện các chỉ tiêu theo từng mặt công tác', { bold: true, size: 13 }),
    p('{{BANG_CHI_TIEU}}'),
    note,
    p(''),
    p('Biểu 2. Tình hình nộp số liệu và kết quả chính của các đơn vị', { bold: true, size: 13 }),
    p('{{BANG_DON_VI}}'),
    // A document cannot end with a table (apps-script-facts §3.2): the table goes before this line.
    p(''),
  ];
}

const BODIES: Record<ReportKind, () => TemplateParagraph[]> = {
  quy: () => periodicBody('quy'),
  sau_thang: () => periodicBody('sau_thang'),
  chin_thang: () => periodicBody('chin_thang'),
  nam: annualBody,
  giua_nhiem_ky: midTermBody,
  nhiem_ky: termBody,
};

export function defaultTemplate(kind: ReportKind): ReportTemplate {
  const content = BODIES[kind]();
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
      ...appendix(),
    ],
  };
}

/** The width of the page between its margins, in points. */
export const TEXT_WIDTH_PT = PAGE.widthPt - PAGE.marginLeftPt - PAGE.marginRightPt;

/**
 * The header table's two column widths (points) for these tag values, so that the bodies' names and
 * the national motto each stay on one line where the page allows: the default share unless a side
 * needs more. When both cannot fit, the motto keeps its line and the names wrap between words (a
 * break inside "HÀ NỘI" reads as two places).
 */
export function headerColumnWidths(values: Readonly<Record<string, string>>): [number, number] {
  const need = (paragraphs: TemplateParagraph[]): number =>
    Math.max(
      0,
      ...paragraphs.map((p) =>
        cellWidth(
          p.text.replace(/\{\{(\w+)\}\}/g, (_, tag: string) => values[tag] ?? ''),
          p.size ?? PAGE.bodySize,
          p.bold,
        ),
      ),
    );
  const { left, right } = header();
  const width = TEXT_WIDTH_PT;
  const leftNeed = need(left);
  const room = width - need(right);
  const share = (width * HEADER_LEFT_SHARE) / 100;
  let leftWidth = share;
  // The names grow into what the motto's side does not need; the motto's side into what they do not.
  if (leftNeed > share) leftWidth = Math.min(leftNeed, Math.max(room, share));
  else if (room < share) leftWidth = Math.max(leftNeed, room);
  return [leftWidth, width - leftWidth];
}
