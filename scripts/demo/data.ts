/**
 * Sample figures for the demo: a district of wards in the ranges of the sample reports (Hoàng Mai:
 * about 33.740 members across 14 wards; Đức Xương: 1.412 members, 92,6% of women, 37 new members a
 * half-term). Deterministic, so every run of the demo shows the same workbook.
 */
import { seededRandom } from '../lib/seededRandom';

export type QuarterFigures = Record<string, number | string>;

function seedOf(text: string): number {
  let hash = 2166136261;
  for (const c of text) hash = Math.imul(hash ^ c.charCodeAt(0), 16777619);
  return hash;
}

/** One ward's figures for a quarter; `quarter` moves stocks a little from one quarter to the next. */
export function wardFigures(unitCode: string, quarter: number): QuarterFigures {
  const base = seededRandom(seedOf(unitCode));
  const now = seededRandom(seedOf(`${unitCode}-${quarter}`));
  const between = (random: () => number, low: number, high: number) =>
    Math.round(low + random() * (high - low));
  const women = between(base, 2200, 3100) + quarter * between(now, 0, 8);
  const members = Math.round(women * (0.86 + base() * 0.1));
  const households = Math.round(members * 0.8);
  return {
    TC_PN18: women,
    TC_HV: members,
    TC_HV_MOI: between(now, 8, 40),
    TC_HV_GIAM: between(now, 1, 8),
    TC_HV_NC: Math.round(members * (0.2 + base() * 0.06)),
    TC_HV_SHTX: Math.round(members * (0.8 + now() * 0.1)),
    TC_HV_HP: Math.round(members * (0.95 + now() * 0.05)),
    TC_HO_1HV: Math.round(households * 0.93),
    TC_HO_PN18: households,
    TC_CHIHOI: between(base, 12, 24),
    TC_QUYHOI: Math.round((40 + base() * 110) * 10) / 10,
    TT_CUOC: between(now, 4, 16),
    TT_LUOT: between(now, 180, 900),
    GD_5K3S_DK: Math.round(households * 0.97),
    GD_5K3S_MOI: between(now, 2, 12),
    GD_5K3S_DAT: Math.round(households * (0.85 + base() * 0.1)),
    GD_HO_HV: households,
    GD_CTPV: between(now, 0, 3),
    KT_HN_THOAT: between(now, 0, 4),
    KT_HN_GIUP: between(now, 3, 18),
    KT_VON_NB_TO: between(base, 1, 6),
    KT_VL: between(now, 5, 60),
    UT_DUNO: Math.round((1800 + base() * 3200) * 10) / 10,
    UT_HO: between(base, 60, 180),
    UT_TO: between(base, 2, 8),
    UT_NQH: Math.round(base() * 30 * 10) / 10,
    AS_BHYT_MOI: between(now, 4, 25),
    AS_BHXH_MOI: between(now, 0, 6),
    AS_HOAGIAI: between(now, 0, 3),
    XD_DV_KN: between(now, 0, 2),
    XD_GS: between(now, 0, 2),
    XD_PB: between(now, 0, 3),
    NT_NOI_BAT:
      'Tổ chức sinh hoạt chuyên đề "Phụ nữ với chuyển đổi số"; ra mắt mô hình "Chi hội 5 không 3 sạch".',
  };
}
