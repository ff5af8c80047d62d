/**
 * The `{{…}}` tags a report template may hold: the reference list people read ("Danh sách thẻ"),
 * generated from the code and the catalogue, and the checks that run on a template before anything
 * is filled or shared.
 */
import type { Indicator } from '../catalogue';
import { shortName } from '../catalogue';
import type { TopicKey } from '../topics';
import { TOPICS } from '../topics';

export type TagKind = 'text' | 'block' | 'table';

export interface TagInfo {
  /** The tag without braces: "TC_HV.ty_le". */
  tag: string;
  kind: TagKind;
  meaning: string;
  example: string;
}

/** Tags replaced inside a line of text. */
export const TEXT_TAGS: readonly TagInfo[] = [
  {
    tag: 'CO_QUAN_CAP_TREN',
    kind: 'text',
    meaning: 'Tên cơ quan chủ quản, in hoa',
    example: 'HỘI LHPN THÀNH PHỐ HÀ NỘI',
  },
  {
    tag: 'CO_QUAN_BAN_HANH',
    kind: 'text',
    meaning: 'Tên cơ quan ban hành, in hoa',
    example: 'HỘI LHPN QUẬN HOÀNG MAI',
  },
  {
    tag: 'SO_KY_HIEU',
    kind: 'text',
    meaning: 'Số và ký hiệu văn bản (số để trống cho văn thư ghi)',
    example: 'Số:      /BC-HPN',
  },
  {
    tag: 'DIA_DANH_NGAY',
    kind: 'text',
    meaning: 'Địa danh và ngày tháng năm tạo báo cáo',
    example: 'Hoàng Mai, ngày 05 tháng 10 năm 2026',
  },
  { tag: 'TEN_DON_VI', kind: 'text', meaning: 'Tên đơn vị báo cáo', example: 'Hội LHPN quận Hoàng Mai' },
  { tag: 'LOAI_BAO_CAO', kind: 'text', meaning: 'Loại báo cáo', example: 'Báo cáo quý' },
  {
    tag: 'TRICH_YEU',
    kind: 'text',
    meaning: 'Trích yếu nội dung dưới chữ "BÁO CÁO"',
    example: 'Kết quả công tác Hội và phong trào phụ nữ quý III/2026; phương hướng, nhiệm vụ quý IV/2026',
  },
  {
    tag: 'MO_DAU',
    kind: 'text',
    meaning: 'Câu mở đầu',
    example: 'Thực hiện Chương trình công tác năm 2026 …, Ban Thường vụ … báo cáo … như sau:',
  },
  {
    tag: 'KET_LUAN',
    kind: 'text',
    meaning: 'Câu kết thúc, có "./."',
    example: 'Trên đây là báo cáo … của Ban Thường vụ Hội LHPN quận Hoàng Mai./.',
  },
  { tag: 'TEN_KY', kind: 'text', meaning: 'Tên kỳ báo cáo', example: 'Quý III/2026' },
  {
    tag: 'TEN_KY_HOA',
    kind: 'text',
    meaning: 'Tên kỳ báo cáo, in hoa (dùng trong đề mục)',
    example: 'QUÝ III/2026',
  },
  {
    tag: 'KY_TIEP_THEO',
    kind: 'text',
    meaning: 'Kỳ tiếp theo (phương hướng, nhiệm vụ)',
    example: 'quý IV/2026',
  },
  { tag: 'KY_TIEP_THEO_HOA', kind: 'text', meaning: 'Kỳ tiếp theo, in hoa', example: 'QUÝ IV/2026' },
  { tag: 'NAM', kind: 'text', meaning: 'Năm của kỳ báo cáo', example: '2026' },
  { tag: 'NHIEM_KY', kind: 'text', meaning: 'Nhiệm kỳ', example: '2021 - 2026' },
  { tag: 'THAM_QUYEN_KY', kind: 'text', meaning: 'Thẩm quyền ký', example: 'TM. BAN THƯỜNG VỤ' },
  { tag: 'CHUC_VU_KY', kind: 'text', meaning: 'Chức vụ người ký', example: 'CHỦ TỊCH' },
  { tag: 'NGUOI_KY', kind: 'text', meaning: 'Họ và tên người ký', example: 'Nguyễn Thị Hoa' },
  { tag: 'DA_NOP', kind: 'text', meaning: 'Số đơn vị đã nộp số liệu của kỳ', example: '12/14 đơn vị đã nộp' },
  {
    tag: 'DS_CHUA_NOP',
    kind: 'text',
    meaning: 'Các đơn vị chưa nộp đủ số liệu của kỳ ("không có" nếu đủ)',
    example: 'Hội LHPN phường Yên Sở, Hội LHPN phường Trần Phú',
  },
  {
    tag: 'SO_CHI_TIEU_DAT',
    kind: 'text',
    meaning: 'Số chỉ tiêu đạt và vượt trên số chỉ tiêu được đánh giá',
    example: '6/8',
  },
  {
    tag: 'TOM_TAT_CHI_TIEU',
    kind: 'text',
    meaning: 'Câu đánh giá chung về các chỉ tiêu',
    example: 'Qua đánh giá có 6/8 chỉ tiêu đạt và vượt …',
  },
  {
    tag: 'CHI_TIEU_CHUA_DAT',
    kind: 'text',
    meaning: 'Các chỉ tiêu chưa đạt ("không có" nếu không có)',
    example: 'Tổng số hội viên, Tỷ lệ hội viên nòng cốt',
  },
  {
    tag: 'NGHI_QUYET',
    kind: 'text',
    meaning: 'Tên Nghị quyết giao các chỉ tiêu (Cấu hình › nghi_quyet, dai_hoi_lan_thu)',
    example: 'Nghị quyết Đại hội Phụ nữ quận Hoàng Mai lần thứ IV',
  },
  { tag: 'DAI_HOI_LAN_THU', kind: 'text', meaning: 'Lần thứ của Đại hội đầu nhiệm kỳ', example: 'IV' },
  {
    tag: 'CHU_DE_NAM',
    kind: 'text',
    meaning: 'Chủ đề năm (Cấu hình › chu_de_nam)',
    example: 'Năm an toàn cho phụ nữ và trẻ em',
  },
  {
    tag: 'NGUON_SO_LIEU',
    kind: 'text',
    meaning: 'Câu nêu số liệu lấy từ bao nhiêu đơn vị, đến ngày nào, đơn vị nào chưa có số liệu',
    example:
      'Số liệu trong báo cáo được tổng hợp từ số liệu quý II/2026 của 13/14 cơ sở Hội nhập đến ngày 11/07/2026 (…).',
  },
  {
    tag: 'KEM_THEO',
    kind: 'text',
    meaning: 'Dòng dưới tiêu đề Phụ lục: kèm theo báo cáo nào',
    example: '(Kèm theo Báo cáo số      /BC-HPN ngày 11/07/2026 của Ban Thường vụ Hội LHPN quận Hoàng Mai)',
  },
  {
    tag: 'NOI_BAT',
    kind: 'text',
    meaning: 'Kết quả nổi bật do các đơn vị nêu, ghi rõ tên đơn vị, trong một đoạn',
    example: 'Hội LHPN phường Đại Kim: …; Hội LHPN phường Định Công: ….',
  },
  {
    tag: 'TON_TAI',
    kind: 'text',
    meaning: 'Tồn tại, hạn chế do các đơn vị nêu, ghi rõ tên đơn vị, trong một đoạn',
    example: 'Hội LHPN phường Yên Sở: ….',
  },
  {
    tag: 'DE_XUAT',
    kind: 'text',
    meaning: 'Đề xuất, kiến nghị của các đơn vị, ghi rõ tên đơn vị, trong một đoạn',
    example: 'Hội LHPN phường Tân Mai: ….',
  },
];

/** The block tag of each topic's results: its figures in sentences, then the units' words. */
export const TOPIC_TAGS: Readonly<Record<TopicKey, string>> = {
  TT: 'KQ_TUYEN_TRUYEN',
  PT: 'KQ_THI_DUA',
  KT: 'KQ_KINH_TE',
  AS: 'KQ_AN_SINH',
  XD: 'KQ_XAY_DUNG_DANG',
  TC: 'KQ_TO_CHUC_HOI',
  XL: 'KQ_XEP_LOAI',
  DA: 'KQ_DE_AN',
};

const block = (tag: string, meaning: string, example = ''): TagInfo => ({
  tag,
  kind: 'block',
  meaning,
  example,
});

/** Tags that must stand alone on their line: the line becomes several lines (none: it is removed) or a table. */
export const BLOCK_TAGS: readonly TagInfo[] = [
  block(
    'NOI_NHAN',
    'Nơi nhận, mỗi nơi một dòng "- …;", dòng cuối "- Lưu: VT."',
    '- Ban Thường vụ Hội LHPN thành phố (để b/c);',
  ),
  ...TOPICS.map((t) =>
    block(
      TOPIC_TAGS[t.key],
      `Kết quả mặt công tác "${t.short}": các số liệu thành câu (kèm đánh giá so với chỉ tiêu, so sánh cùng kỳ), rồi nội dung các đơn vị ghi`,
      t.key === 'TC' ? 'Trong quý, các cấp Hội đã kết nạp mới 155 hội viên …' : '',
    ),
  ),
  block(
    'KQ_CHI_TIEU',
    'Kết quả thực hiện các chỉ tiêu: câu "x/y chỉ tiêu đạt và vượt", rồi mỗi chỉ tiêu một dòng',
    '- Kết nạp mới 636/550 hội viên (Vượt chỉ tiêu năm, đạt 115,6%).',
  ),
  block('UU_DIEM', 'Ưu điểm: đánh giá chung về các chỉ tiêu'),
  block('DS_NOI_BAT', 'Kết quả nổi bật các đơn vị nêu, mỗi đơn vị một dòng'),
  block('DS_TON_TAI', 'Tồn tại, hạn chế: chỉ tiêu chưa đạt hoặc chậm tiến độ, rồi nội dung các đơn vị nêu'),
  block('DS_DE_XUAT', 'Đề xuất, kiến nghị của các đơn vị, mỗi đơn vị một dòng'),
  block('DAC_DIEM', 'Đặc điểm tình hình do Ban Thường vụ viết (Cấu hình › dac_diem_tinh_hinh)'),
  block('CHI_DAO', 'Công tác chỉ đạo: chủ đề năm và đoạn Ban Thường vụ viết (Cấu hình › cong_tac_chi_dao)'),
  block('NGUYEN_NHAN', 'Nguyên nhân do Ban Thường vụ viết (Cấu hình › nguyen_nhan)'),
  block('BAI_HOC', 'Bài học kinh nghiệm do Ban Thường vụ viết (Cấu hình › bai_hoc_kinh_nghiem)'),
  block('PHUONG_HUONG', 'Phương hướng, nhiệm vụ do Ban Thường vụ viết (Cấu hình › phuong_huong)'),
  block(
    'CHI_TIEU_PHAN_DAU',
    'Các chỉ tiêu còn phải phấn đấu, tính từ chỉ tiêu chưa đạt',
    'Phấn đấu đến hết năm 2026 kết nạp thêm 232 hội viên; …',
  ),
  block(
    'GHI_CHU_BIEU',
    'Ghi chú dưới biểu số liệu: tổng chưa đủ đơn vị, cách tính lũy kế, các năm chưa có số liệu',
  ),
  {
    tag: 'BANG_CHI_TIEU',
    kind: 'table',
    meaning:
      'Biểu số liệu theo từng mặt công tác, cột theo loại báo cáo (quý: trong quý, lũy kế năm, chỉ tiêu năm, % thực hiện; năm: năm nay, năm trước, tăng/giảm, chỉ tiêu, %, đánh giá; nhiệm kỳ: từng năm, cả kỳ, chỉ tiêu, %, đánh giá)',
    example: '(bảng)',
  },
  {
    tag: 'BIEU_DO',
    kind: 'block',
    meaning:
      'Biểu đồ của trang Tổng hợp vẽ lại cho kỳ báo cáo (hội viên và tỷ lệ tập hợp theo quý; tỷ lệ thực hiện chỉ tiêu), mỗi biểu đồ có chú thích "Biểu đồ 1: …"',
    example: '(biểu đồ)',
  },
  {
    tag: 'BANG_DON_VI',
    kind: 'table',
    meaning: 'Bảng đơn vị: mỗi đơn vị một dòng, tình trạng nộp và các chỉ tiêu chính',
    example: '(bảng)',
  },
];

/** The parts of an indicator a tag can ask for: "{{TC_HV}}", "{{TC_HV.ty_le}}"… */
export const INDICATOR_FIELDS: ReadonlyArray<{ field: string; meaning: string }> = [
  { field: '', meaning: 'kết quả của kỳ báo cáo' },
  { field: 'luy_ke', meaning: 'lũy kế từ đầu năm đến hết kỳ' },
  { field: 'chi_tieu', meaning: 'chỉ tiêu (trang Mục tiêu)' },
  { field: 'ty_le', meaning: 'tỷ lệ đạt so với chỉ tiêu' },
  { field: 'danh_gia', meaning: 'đánh giá: Vượt, Đạt, Chưa đạt, Đang thực hiện' },
];

/** Every tag a template may use with this catalogue, in the order of the reference list. */
export function tagReference(indicators: readonly Indicator[]): TagInfo[] {
  const perIndicator = indicators.flatMap((indicator) =>
    INDICATOR_FIELDS.map(({ field, meaning }) => ({
      tag: field ? `${indicator.code}.${field}` : indicator.code,
      kind: 'text' as const,
      meaning: `${shortName(indicator)}: ${meaning}`,
      example: '',
    })),
  );
  return [...TEXT_TAGS, ...BLOCK_TAGS, ...perIndicator];
}

/** A well-formed tag: letters, digits and "_", optionally ".field". */
export const TAG_PATTERN = /\{\{([A-Z0-9_]+(?:\.[a-z_]+)?)\}\}/g;

/** One `{{…}}` found in the template, as the document gives it. */
export interface TagOccurrence {
  /** The text from "{{" to "}}" inclusive. */
  text: string;
  /** Its characters do not all share one formatting (part bold, another font…). */
  mixedFormatting: boolean;
  /** The whole text of its line, to tell a block tag that does not stand alone. */
  line: string;
}

/**
 * Everything wrong with a template's tags, one sentence each naming the tag, or [] when it can be
 * filled. `unclosed` holds the text from each "{{" that has no "}}" after it on its line.
 */
export function templateProblems(
  occurrences: readonly TagOccurrence[],
  unclosed: readonly string[],
  known: ReadonlySet<string>,
): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  const once = (message: string) => {
    if (!seen.has(message)) problems.push(message);
    seen.add(message);
  };
  const blocks = new Set(BLOCK_TAGS.map((t) => t.tag));
  for (const occurrence of occurrences) {
    const inner = occurrence.text.slice(2, -2);
    const name = inner.trim();
    if (!new RegExp(`^${TAG_PATTERN.source}$`).test(`{{${inner}}}`)) {
      once(
        `Thẻ ${occurrence.text} viết sai: thẻ phải có dạng {{TÊN_THẺ}} hoặc {{MÃ_CHỈ_TIÊU.truong}}, không có dấu cách.`,
      );
    } else if (!known.has(name)) {
      once(`Thẻ ${occurrence.text} không có trong danh sách thẻ (xem trang "Danh sách thẻ").`);
    } else if (occurrence.mixedFormatting) {
      once(
        `Thẻ ${occurrence.text} có định dạng khác nhau giữa các ký tự (ví dụ một phần in đậm): hãy xóa và gõ lại cả thẻ với cùng một định dạng.`,
      );
    } else if (blocks.has(name) && occurrence.line.trim() !== occurrence.text) {
      once(`Thẻ ${occurrence.text} phải đứng riêng một dòng.`);
    }
  }
  for (const fragment of unclosed) {
    once(`Mẫu có thẻ không đóng "${fragment.slice(0, 30)}": mỗi "{{" phải có "}}" trên cùng dòng.`);
  }
  return problems;
}
