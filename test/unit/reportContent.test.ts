/**
 * What a report says, from its data: a commune's mid-term review (sample 001, Đức Xương) and the
 * shapes of the quarterly prose.
 */
import { defaultCatalogue } from '../../src/domain/catalogue';
import { parseConfig } from '../../src/domain/config';
import type { DataPoint } from '../../src/domain/dataPoints';
import { periodSpec } from '../../src/domain/periodSpec';
import { buildReportInput } from '../../src/domain/report/build';
import { reportContent } from '../../src/domain/report/content';
import { midTermSpec } from '../../src/domain/report/kinds';
import { rateCodes, targetsFromRows } from '../../src/domain/targets';

const BRANCHES = ['AC1', 'AC2', 'DX1', 'DX2'];
const config = parseConfig({
  ten_don_vi: 'Hội LHPN xã Đức Xương',
  cap: 'xa',
  dia_danh: 'Đức Xương',
  nhiem_ky: '2021-2026',
  don_vi: BRANCHES.map((ma, i) => ({
    ma,
    ten: `Chi hội ${['An Cư 1', 'An Cư 2', 'Đức Xương 1', 'Đức Xương 2'][i]}`,
    email: [`${ma.toLowerCase()}@x.vn`],
  })),
  email_nhan: [],
  quan_tri: ['chutich@x.vn'],
  co_quan_cap_tren: 'Hội LHPN huyện Gia Lộc',
  dai_hoi_lan_thu: '26',
  nguyen_nhan: 'Được sự quan tâm lãnh đạo của Đảng ủy, chính quyền xã.',
});
const catalogue = defaultCatalogue().map((i) => (i.code === 'KT_VON_NB' ? { ...i, active: true } : i));
const units = config.don_vi.map((u) => ({
  ma: u.ma,
  ten: u.ten,
  status: 'Đã nộp đủ 10 quý',
  submitted: true,
}));

/** Half a term of a commune's four branches: Q3/2021 to Q4/2023, as Lưu trữ would hold it. */
function halfTerm(): DataPoint[] {
  const quarters = [
    '2021-Q3',
    '2021-Q4',
    ...[2022, 2023].flatMap((y) => [1, 2, 3, 4].map((q) => `${y}-Q${q}`)),
  ];
  return quarters.flatMap((period, q) =>
    BRANCHES.flatMap((unit, u) => {
      const values: Record<string, number> = {
        TC_PN18: 380 + u * 2,
        TC_HV: 350 + u + Math.floor(q / 3),
        TC_HV_MOI: q < 9 ? 1 : u === 0 ? 1 : 0,
        TC_HV_NC: 83 + u,
        AS_BHYT_MOI: [3, 4, 3, 3][u]! + (q % 2),
        KT_VON_NB: 2200 + 100 * u + 10 * q,
      };
      return Object.entries(values).map(([code, value]) => ({ unit, period, code, value }));
    }),
  );
}

const { targets } = targetsFromRows(
  [
    ['2021-2026', '', '', 'AS_BHYT_MOI', 'Cộng dồn nhiệm kỳ', '325'],
    ['2021-2026', '', '', 'TC_HV_MOI', 'Cộng dồn nhiệm kỳ', '40'],
    ['2021-2026', '', '', 'TC_HV_TL', 'Tỷ lệ cuối nhiệm kỳ', '90'],
  ],
  new Set(catalogue.map((i) => i.code)),
  new Set(BRANCHES),
  rateCodes(catalogue),
);

function midTerm() {
  return reportContent(
    buildReportInput(
      { config, catalogue, units, points: halfTerm(), targets, now: new Date(2024, 0, 10), dataYear: 2023 },
      midTermSpec(config.nhiem_ky),
      'giua_nhiem_ky',
    ),
  );
}

/** The mid-term report with no figures of the indicators whose codes start with these prefixes. */
function midTermWithout(prefixes: string[]) {
  return reportContent(
    buildReportInput(
      {
        config,
        catalogue,
        units,
        points: halfTerm().filter((p) => !prefixes.some((prefix) => p.code.startsWith(prefix))),
        targets,
        now: new Date(2024, 0, 10),
        dataYear: 2023,
      },
      midTermSpec(config.nhiem_ky),
      'giua_nhiem_ky',
    ),
  );
}

describe("a commune's mid-term review", () => {
  const content = midTerm();
  const prose = Object.values(content.blocks).flat().join('\n');

  it('names the resolution as the Union does, with the congress ordinal', () => {
    expect(content.subject).toBe(
      'Đánh giá giữa nhiệm kỳ thực hiện Nghị quyết Đại hội Phụ nữ xã Đức Xương lần thứ XXVI (nhiệm kỳ 2021 - 2026)',
    );
  });

  it('states membership, rates, money in tỷ đồng and the insurance cards with the % of target', () => {
    const members = content.blocks.KQ_TO_CHUC_HOI!.join(' ');
    // 37 new members over a target of 40 for the term (the sample's own figure), 1.418 members, the
    // rate of members among women recomputed from its parts (1.418/1.532), its move since 2021.
    expect(members).toContain('kết nạp mới 37 hội viên (Đạt 92,5% chỉ tiêu NQĐH)');
    expect(members).toContain('tổng số hội viên là 1.418 hội viên, tăng 12 hội viên so với năm 2021');
    expect(members).toContain(
      'tỷ lệ tập hợp hội viên tăng từ 91,8% năm 2021 lên 92,6% (vượt 2,6 điểm % so với chỉ tiêu NQĐH 90%)',
    );
    expect(members).toContain('tỷ lệ hội viên nòng cốt giảm từ 24% năm 2021 xuống còn 23,8%');
    expect(content.blocks.KQ_KINH_TE!.join(' ')).toMatch(
      /nguồn vốn nội bộ \(tiết kiệm, góp vốn xoay vòng\) đạt 9,8 tỷ đồng/,
    );
    expect(content.blocks.KQ_AN_SINH!.join(' ')).toContain(
      'vận động phát triển mới 150 thẻ BHYT hộ gia đình (Đạt 46,2% chỉ tiêu NQĐH)',
    );
  });

  it('counts the targets met in running text and says what remains to the end of the term', () => {
    expect(content.blocks.KQ_CHI_TIEU![0]).toBe(
      'Qua đánh giá có 1/3 chỉ tiêu đạt và vượt so với chỉ tiêu Nghị quyết Đại hội Phụ nữ xã Đức Xương lần thứ XXVI; còn 2 chỉ tiêu (vận động phát triển mới thẻ BHYT hộ gia đình, kết nạp mới hội viên) chưa đạt.',
    );
    expect(content.blocks.CHI_TIEU_PHAN_DAU).toEqual([
      'Phấn đấu đến cuối nhiệm kỳ vận động thêm 175 thẻ BHYT hộ gia đình; kết nạp thêm 3 hội viên.',
    ]);
    expect(prose).not.toMatch(/ – |\[chưa có số liệu\]/);
  });

  it("puts the chair's own paragraphs where they belong and asks for the ones not written", () => {
    expect(content.blocks.NGUYEN_NHAN).toEqual(['Được sự quan tâm lãnh đạo của Đảng ủy, chính quyền xã.']);
    expect(content.blocks.BAI_HOC).toEqual([
      '[Ban Thường vụ bổ sung: bài học kinh nghiệm rút ra; có thể ghi sẵn ở dòng "bai_hoc_kinh_nghiem" trang Cấu hình.]',
    ]);
  });

  it('heads its results as the first half of the term, whatever quarter the data starts from', () => {
    expect(content.text.TEN_KY_HOA).toBe('NỬA ĐẦU NHIỆM KỲ 2021 - 2026');
    expect(content.fileName).toBe('BC Nửa đầu nhiệm kỳ 2021 - 2026 - Hội LHPN xã Đức Xương');
  });

  it('says once, not twice, that Nhiệm vụ 1 has nothing reported when both of its topics are empty', () => {
    const emptyTopics = midTermWithout(['KT_', 'AS_']);
    const nothing = /^Chưa có số liệu, hoạt động nào được báo cáo/;
    expect(emptyTopics.blocks.KQ_KINH_TE).toEqual([expect.stringMatching(nothing)]);
    expect(emptyTopics.blocks.KQ_AN_SINH).toEqual([]);
    // With figures on social security, the economy's empty line goes rather than sit beside them.
    const onlySocial = midTermWithout(['KT_']);
    expect(onlySocial.blocks.KQ_KINH_TE).toEqual([]);
    expect(onlySocial.blocks.KQ_AN_SINH!.join(' ')).not.toMatch(nothing);
  });

  it('gives the Phụ lục a column per year, the whole half-term, the target, the share and the verdict', () => {
    const header = content.tables.BANG_CHI_TIEU!.cells[0];
    expect(header).toEqual([
      'STT',
      'Chỉ tiêu',
      'ĐVT',
      '2021',
      '2022',
      '2023',
      'Cả kỳ',
      'Chỉ tiêu',
      '% thực hiện',
      'Đánh giá',
    ]);
    expect(content.blocks.GHI_CHU_BIEU).toContain('Số liệu năm 2021 tính từ quý III.');
  });
});

describe('the prose of a quarter', () => {
  it('varies its sentence shapes from topic to topic', () => {
    const points: DataPoint[] = BRANCHES.flatMap((unit) =>
      Object.entries({
        TC_HV: 350,
        TC_PN18: 380,
        TC_HV_MOI: 2,
        AS_BHYT_MOI: 3,
        TT_CUOC: 2,
        KT_HN_GIUP: 1,
      }).map(([code, value]) => ({ unit, period: '2026-Q1', code, value })),
    );
    const content = reportContent(
      buildReportInput(
        { config, catalogue, units, points, targets: [], now: new Date(2026, 3, 11), dataYear: 2026 },
        periodSpec('2026-Q1'),
        'quy',
      ),
    );
    const openings = ['KQ_TUYEN_TRUYEN', 'KQ_KINH_TE', 'KQ_AN_SINH', 'KQ_TO_CHUC_HOI'].map((tag) =>
      content.blocks[tag]![0]!.split(/\s+/).slice(0, 4).join(' '),
    );
    expect(new Set(openings).size).toBeGreaterThan(2);
    expect(content.blocks.KQ_TUYEN_TRUYEN![0]).toBe(
      'Trong quý, Hội và các chi hội đã tổ chức 8 cuộc tuyên truyền, hội nghị.',
    );
  });
});
