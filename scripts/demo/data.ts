/**
 * Sample figures for the demo: a district of wards in the ranges of the sample reports (Hoàng Mai:
 * about 33.740 members across 14 wards and 235 branches, 590 workers placed a year; Đức Xương: 1.412
 * members, 92,6% of women, 37 new members a half-term). Deterministic, so every run of the demo shows
 * the same workbook.
 *
 * Stocks (women, members, households, funds, loans) start from a level of their own for each ward and
 * move slowly: members change by exactly the new members less the members lost. Flows are drawn for
 * each quarter.
 */
import { seededRandom } from '../lib/seededRandom';

export type QuarterFigures = Record<string, number | string>;

/** Lĩnh Nam spends about half of its fund in Quý II (a "Mái ấm tình thương"): the year's one warning. */
export const FUND_SPENT = { unit: 'LN', quarter: 2, share: 0.45 };

function seedOf(text: string): number {
  let hash = 2166136261;
  for (const c of text) hash = Math.imul(hash ^ c.charCodeAt(0), 16777619);
  return hash;
}

type Random = () => number;

const between = (random: Random, low: number, high: number): number =>
  Math.round(low + random() * (high - low));
const tenths = (value: number): number => Math.round(value * 10) / 10;

/** A ward's own levels: drawn once per ward, the same every quarter. */
function wardLevels(unitCode: string) {
  const base = seededRandom(seedOf(unitCode));
  const women = between(base, 2200, 3100);
  return {
    women,
    members: Math.round(women * (0.86 + base() * 0.09)),
    coreShare: 0.2 + base() * 0.06,
    branches: between(base, 12, 24),
    fund: 40 + base() * 110,
    loans: 1800 + base() * 3200,
    borrowers: between(base, 60, 180),
    loanGroups: between(base, 2, 8),
    overdue: tenths(base() * 30),
    savingGroups: between(base, 1, 6),
    fiveNoShare: 0.85 + base() * 0.1,
  };
}

/** A quarter's flows of one ward. */
function quarterFlows(unitCode: string, quarter: number) {
  const now = seededRandom(seedOf(`${unitCode}-${quarter}`));
  return {
    newWomen: between(now, 4, 12),
    TC_HV_MOI: between(now, 5, 16),
    TC_HV_GIAM: between(now, 1, 6),
    regularShare: 0.8 + now() * 0.1,
    duesShare: 0.95 + now() * 0.05,
    TT_CUOC: between(now, 2, 8),
    TT_LUOT: between(now, 150, 500),
    GD_5K3S_MOI: between(now, 1, 6),
    GD_CTPV: between(now, 0, 1),
    KT_HN_THOAT: between(now, 0, 3),
    KT_HN_GIUP: between(now, 3, 12),
    KT_VL: between(now, 5, 16),
    AS_BHYT_MOI: between(now, 2, 10),
    AS_BHXH_MOI: between(now, 0, 4),
    AS_HOAGIAI: between(now, 0, 3),
    XD_DV_KN: between(now, 0, 1),
    XD_GS: between(now, 0, 2),
    XD_PB: between(now, 0, 3),
  };
}

/** The fund's balance at the end of a quarter: grows 3% a quarter, less what Lĩnh Nam spends. */
function fundBalance(unitCode: string, level: number, quarter: number): number {
  const spent = unitCode === FUND_SPENT.unit && quarter >= FUND_SPENT.quarter ? 1 - FUND_SPENT.share : 1;
  return tenths(level * (1 + 0.03 * quarter) * spent);
}

/** The year-end ratings, typed with Quý IV: the ward's own and its branches' (they add up to TC_CHIHOI). */
function ratings(unitCode: string, branches: number): QuarterFigures {
  const random = seededRandom(seedOf(`${unitCode}-xep-loai`));
  const excellent = Math.round(branches * (0.35 + random() * 0.2));
  const good = Math.round((branches - excellent) * 0.7);
  return {
    TD_CH_XL_XS: excellent,
    TD_CH_XL_T: good,
    TD_CH_XL_HT: branches - excellent - good,
    TD_CH_XL_KHT: 0,
    TD_XEP_LOAI: random() < 0.6 ? 'Hoàn thành xuất sắc nhiệm vụ' : 'Hoàn thành tốt nhiệm vụ',
  };
}

/** One ward's figures for a quarter of the year (1–4); Quý IV also carries the year-end ratings. */
export function wardFigures(unitCode: string, quarter: number): QuarterFigures {
  const level = wardLevels(unitCode);
  let women = level.women;
  let members = level.members;
  for (let q = 1; q <= quarter; q += 1) {
    const flows = quarterFlows(unitCode, q);
    women += flows.newWomen;
    members += flows.TC_HV_MOI - flows.TC_HV_GIAM;
  }
  const { newWomen: _women, regularShare, duesShare, ...flows } = quarterFlows(unitCode, quarter);
  const households = Math.round(members * 0.8);
  return {
    TC_PN18: women,
    TC_HV: members,
    TC_HV_MOI: flows.TC_HV_MOI,
    TC_HV_GIAM: flows.TC_HV_GIAM,
    TC_HV_NC: Math.round(members * level.coreShare),
    TC_HV_SHTX: Math.round(members * regularShare),
    TC_HV_HP: Math.round(members * duesShare),
    TC_HO_1HV: Math.round(households * 0.93),
    TC_HO_PN18: households,
    TC_CHIHOI: level.branches,
    TC_QUYHOI: fundBalance(unitCode, level.fund, quarter),
    TT_CUOC: flows.TT_CUOC,
    TT_LUOT: flows.TT_LUOT,
    GD_5K3S_DK: Math.round(households * 0.97),
    GD_5K3S_MOI: flows.GD_5K3S_MOI,
    GD_5K3S_DAT: Math.round(households * (level.fiveNoShare + 0.005 * quarter)),
    GD_HO_HV: households,
    GD_CTPV: flows.GD_CTPV,
    KT_HN_THOAT: flows.KT_HN_THOAT,
    KT_HN_GIUP: flows.KT_HN_GIUP,
    KT_VON_NB_TO: level.savingGroups,
    KT_VL: flows.KT_VL,
    UT_DUNO: tenths(level.loans * (1 + 0.015 * quarter)),
    UT_HO: level.borrowers + quarter,
    UT_TO: level.loanGroups,
    UT_NQH: level.overdue,
    AS_BHYT_MOI: flows.AS_BHYT_MOI,
    AS_BHXH_MOI: flows.AS_BHXH_MOI,
    AS_HOAGIAI: flows.AS_HOAGIAI,
    XD_DV_KN: flows.XD_DV_KN,
    XD_GS: flows.XD_GS,
    XD_PB: flows.XD_PB,
    ...(quarter === 4 ? ratings(unitCode, level.branches) : {}),
  };
}

export type NarrativeCode =
  | 'NT_TT'
  | 'NT_PT'
  | 'NT_KT'
  | 'NT_AS'
  | 'NT_XD'
  | 'NT_TC'
  | 'NT_DA'
  | 'NT_NOI_BAT'
  | 'NT_TON_TAI'
  | 'NT_DE_XUAT';

export interface Narrative {
  unit: string;
  code: NarrativeCode;
  text: string;
}

/**
 * What a few wards write each quarter under a field of work or under "kết quả nổi bật", "tồn tại,
 * hạn chế", "đề xuất, kiến nghị". Some repeat themselves (Hoàng Liệt's model in two quarters) or
 * each other (Định Công and Thịnh Liệt ask for the same thing), as real wards do.
 */
const NARRATIVES: Record<number, Narrative[]> = {
  1: [
    {
      unit: 'DK',
      code: 'NT_TT',
      text: 'Tổ chức Hội thi "Duyên dáng áo dài" chào mừng Ngày Quốc tế Phụ nữ 8/3, hơn 300 hội viên tham gia',
    },
    {
      unit: 'HL',
      code: 'NT_PT',
      text: 'Ra mắt mô hình "Chi hội 5 không 3 sạch" tại tổ dân phố số 12; 45 hộ đăng ký thực hiện',
    },
    {
      unit: 'GB',
      code: 'NT_NOI_BAT',
      text: 'Ra mắt Câu lạc bộ "Phụ nữ với pháp luật" với 40 thành viên',
    },
    {
      unit: 'TM',
      code: 'NT_TON_TAI',
      text: 'Một số chi hội ở khu chung cư sinh hoạt chưa đều; hội viên trẻ tham gia còn ít',
    },
    {
      unit: 'VH',
      code: 'NT_DE_XUAT',
      text: 'Đề nghị Hội LHPN quận mở lớp tập huấn kỹ năng chuyển đổi số cho chi hội trưởng',
    },
  ],
  2: [
    {
      unit: 'LN',
      code: 'NT_AS',
      text: 'Trích quỹ hội, cùng các nhà hảo tâm xây mới 01 "Mái ấm tình thương" trao tặng hội viên nghèo',
    },
    {
      unit: 'LN',
      code: 'NT_TON_TAI',
      text: 'Quỹ hội giảm gần một nửa sau khi chi xây "Mái ấm tình thương"; các chi hội đang vận động bổ sung',
    },
    {
      unit: 'GB',
      code: 'NT_AS',
      text: 'Hưởng ứng Tháng hành động vì trẻ em, trao 60 suất quà và 25 suất học bổng cho trẻ em khó khăn',
    },
    {
      unit: 'HL',
      code: 'NT_PT',
      text: 'Nhân rộng mô hình "Chi hội 5 không 3 sạch" ra 3 tổ dân phố',
    },
    {
      unit: 'DC',
      code: 'NT_DE_XUAT',
      text: 'Đề nghị Ngân hàng Chính sách xã hội quận tăng nguồn vốn cho vay giải quyết việc làm tại phường',
    },
  ],
  3: [
    {
      unit: 'TP',
      code: 'NT_KT',
      text: 'Ra mắt Câu lạc bộ "Phụ nữ khởi nghiệp" với 28 thành viên; hỗ trợ 5 hội viên lập kế hoạch kinh doanh',
    },
    {
      unit: 'HVT',
      code: 'NT_AS',
      text: 'Phối hợp Trạm y tế khám sàng lọc ung thư vú miễn phí cho 150 hội viên',
    },
    {
      unit: 'YS',
      code: 'NT_TON_TAI',
      text: 'Cán bộ chi hội kiêm nhiệm nhiều việc nên cập nhật số liệu còn chậm',
    },
    {
      unit: 'TL',
      code: 'NT_DE_XUAT',
      text: 'Đề nghị hỗ trợ kinh phí hoạt động cho các chi hội mới thành lập ở khu đô thị',
    },
    {
      unit: 'DC',
      code: 'NT_DE_XUAT',
      text: 'Đề nghị hỗ trợ kinh phí hoạt động cho các chi hội mới thành lập ở khu đô thị.',
    },
  ],
  4: [
    {
      unit: 'DK',
      code: 'NT_TC',
      text: 'Kỷ niệm 96 năm Ngày thành lập Hội LHPN Việt Nam (20/10), tuyên dương 20 hội viên tiêu biểu',
    },
    {
      unit: 'TV',
      code: 'NT_TT',
      text: 'Hưởng ứng Tháng hành động vì bình đẳng giới, tổ chức 6 buổi truyền thông cho 420 lượt người',
    },
    {
      unit: 'TM',
      code: 'NT_XD',
      text: 'Tổ chức hội nghị lấy ý kiến hội viên góp ý dự thảo văn kiện Đại hội Đảng bộ phường',
    },
    {
      unit: 'VH',
      code: 'NT_DA',
      text: 'Hướng dẫn 120 hội viên cài đặt, sử dụng ứng dụng VNeID',
    },
    {
      unit: 'MD',
      code: 'NT_TON_TAI',
      text: 'Số liệu Quý II nộp chậm; đã phân công cán bộ theo dõi, cập nhật số liệu hằng tháng',
    },
    {
      unit: 'TH',
      code: 'NT_DE_XUAT',
      text: 'Đề nghị Hội LHPN quận tiếp tục hỗ trợ vốn cho các mô hình sinh kế của hội viên',
    },
  ],
};

/** The narrative texts one ward types for a quarter (most wards write none). */
export function wardNarratives(unitCode: string, quarter: number): QuarterFigures {
  const texts: QuarterFigures = {};
  for (const n of NARRATIVES[quarter] ?? []) if (n.unit === unitCode) texts[n.code] = n.text;
  return texts;
}

/**
 * The targets the chair types into Mục tiêu in January: term, year, unit, code, type, value, upper
 * value, baseline at the start of the term. The 2027 rows belong to the next term: the annual
 * report's "phương hướng năm 2027" states them.
 */
export const TARGETS: ReadonlyArray<readonly [string, number | '', '', string, string, string, '', string]> =
  [
    ['2021-2026', 2026, '', 'TC_HV_MOI', 'Hằng năm', '550', '', ''],
    ['2021-2026', '', '', 'TC_HV_TL', 'Tỷ lệ cuối nhiệm kỳ', '89', '', '86'],
    ['2021-2026', 2026, '', 'KT_HN_THOAT', 'Hằng năm', '80', '', ''],
    ['2021-2026', 2026, '', 'KT_VL', 'Hằng năm', '560', '', ''],
    ['2021-2026', 2026, '', 'AS_BHYT_MOI', 'Hằng năm', '450', '', ''],
    ['2021-2026', '', '', 'GD_CTPV', 'Mỗi đơn vị mỗi năm', '2', '', ''],
    ['2026-2031', 2027, '', 'TC_HV_MOI', 'Hằng năm', '580', '', ''],
    ['2026-2031', 2027, '', 'KT_VL', 'Hằng năm', '600', '', ''],
    ['2026-2031', 2027, '', 'AS_BHYT_MOI', 'Hằng năm', '450', '', ''],
  ];
