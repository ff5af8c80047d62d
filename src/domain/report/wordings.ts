/**
 * How the Union words each indicator's result in a report (the seeds' register: "kết nạp mới 37
 * hội viên", "335/1412 = 23,7% hội viên nòng cốt", "tổng dư nợ … là 36,8 tỷ đồng"): data for the
 * phrase bank (phrases.ts), which fills the placeholders with recorded figures.
 *
 * Placeholders: {n} the figure (a count without its unit, the wording names it; money scaled with
 * "đồng"); {p} a rate as "92,6%"; {r} a rate with its parts, "335/1.412 = 23,7%"; {s} a count of
 * units over the units expected, "14/14"; {a} the whole area, "toàn quận".
 */

export interface IndicatorWording {
  /** The result. */
  done: string;
  /** What remains to reach a target, with {n}: "kết nạp thêm {n} hội viên". */
  more?: string;
  /** The noun a bare count takes elsewhere ("lũy kế 318 hội viên"); default: the ĐVT. */
  noun?: string;
  /** For a negative figure (a net change): "số hội viên giảm thực {n}". */
  negative?: string;
  /** For zero: "không có chi hội không hoàn thành nhiệm vụ". */
  zero?: string;
  /** A part of this rate: said through the rate, left out when the rate is said. */
  partOf?: string;
}

export const WORDINGS: Readonly<Record<string, IndicatorWording>> = {
  // Tổ chức Hội
  TC_PN18: { done: '{a} có {n} phụ nữ từ 18 tuổi trở lên', noun: 'phụ nữ', partOf: 'TC_HV_TL' },
  TC_HV: { done: 'tổng số hội viên là {n} hội viên', noun: 'hội viên' },
  TC_HV_TL: { done: 'tỷ lệ tập hợp hội viên đạt {p}' },
  TC_HV_MOI: { done: 'kết nạp mới {n} hội viên', more: 'kết nạp thêm {n} hội viên', noun: 'hội viên' },
  TC_HV_GIAM: { done: 'giảm {n} hội viên (chuyển đi, từ trần, ra khỏi tổ chức)', noun: 'hội viên' },
  TC_HV_TANG: { done: 'tăng thực {n} hội viên', negative: 'giảm thực {n} hội viên', noun: 'hội viên' },
  TC_HV_NC: { done: '{n} hội viên nòng cốt', noun: 'hội viên', partOf: 'TC_HV_NC_TL' },
  TC_HV_NC_TL: { done: '{r} hội viên nòng cốt' },
  TC_HV_SHTX: { done: '{n} hội viên sinh hoạt thường xuyên', partOf: 'TC_HV_SHTX_TL' },
  TC_HV_SHTX_TL: { done: 'hội viên sinh hoạt thường xuyên đạt {p}' },
  TC_HV_HP: { done: '{n} hội viên đóng hội phí', partOf: 'TC_HV_HP_TL' },
  TC_HV_HP_TL: { done: 'hội viên đóng hội phí đạt {p}' },
  TC_HV_DD: { done: '{n} hội viên danh dự (nam giới)' },
  TC_HO_1HV: { done: '{n} hộ có ít nhất 1 hội viên', partOf: 'TC_HO_1HV_TL' },
  TC_HO_PN18: { done: '{n} hộ có phụ nữ từ 18 tuổi trở lên', partOf: 'TC_HO_1HV_TL' },
  TC_HO_1HV_TL: { done: '{p} hộ có phụ nữ từ 18 tuổi trở lên có ít nhất 1 hội viên' },
  TC_CHIHOI: { done: '{a} có {n} chi hội', noun: 'chi hội' },
  TC_CHIHOI_MOI: { done: 'thành lập mới {n} chi hội, mô hình tập hợp phụ nữ' },
  TC_COSO: { done: '{a} có {n} cơ sở Hội', noun: 'cơ sở' },
  TC_COSO_TH50: { done: '{s} cơ sở có tỷ lệ tập hợp hội viên trên 50% phụ nữ từ 18 tuổi trở lên' },
  TC_CB: { done: '{n} cán bộ Hội', partOf: 'TC_CB_TH_TL' },
  TC_CB_TH: { done: '{n} cán bộ Hội được tập huấn, bồi dưỡng', partOf: 'TC_CB_TH_TL' },
  TC_CB_TH_TL: { done: '{r} cán bộ Hội được tập huấn, bồi dưỡng' },
  TC_CB_CHUAN_DAT: { done: '{n} cán bộ đạt chuẩn', partOf: 'TC_CB_CHUAN' },
  TC_CB_CHUAN: { done: '{r} cán bộ đạt chuẩn về trình độ văn hóa, lý luận chính trị' },
  TC_QUYHOI: { done: 'quỹ hội đạt {n}' },
  TC_KTGS: { done: 'kiểm tra, giám sát {n} cơ sở, chi hội theo Điều lệ Hội' },

  // Tuyên truyền, giáo dục
  TT_CUOC: { done: 'tổ chức {n} cuộc tuyên truyền, hội nghị', noun: 'cuộc' },
  TT_LUOT: { done: 'thu hút {n} lượt người tham dự', noun: 'lượt người' },
  TT_HV: { done: '{n} hội viên được tuyên truyền, học tập Nghị quyết', partOf: 'TT_HV_TL' },
  TT_HV_TL: { done: '{r} hội viên được tuyên truyền, học tập Nghị quyết' },

  // Phong trào thi đua, cuộc vận động
  PT_CHUAN: { done: '{n} cán bộ, hội viên đạt chuẩn mực phong trào thi đua', partOf: 'PT_CHUAN_TL' },
  PT_CHUAN_TL: { done: '{r} cán bộ, hội viên đạt chuẩn mực phong trào thi đua' },
  TT_CLB: { done: 'duy trì {n} câu lạc bộ, loại hình hoạt động', noun: 'câu lạc bộ' },
  TT_CLB_COSO: { done: '{s} cơ sở duy trì ít nhất 1 loại hình hoạt động' },
  GD_5K3S_DK: {
    done: '{n} hộ đăng ký thực hiện 8 tiêu chí của cuộc vận động "Xây dựng gia đình 5 không 3 sạch"',
    noun: 'hộ',
  },
  GD_5K3S_MOI: {
    done: 'vận động, hỗ trợ {n} hộ đạt thêm 8 tiêu chí của cuộc vận động',
    more: 'hỗ trợ thêm {n} hộ đạt 8 tiêu chí',
    noun: 'hộ',
  },
  GD_5C3S_MOI: { done: 'trong đó {n} hộ đạt "5 có 3 sạch"', noun: 'hộ' },
  GD_5K3S_DAT: { done: '{n} gia đình hội viên đạt 8 tiêu chí', partOf: 'GD_5K3S_TL' },
  GD_HO_HV: { done: '{n} gia đình hội viên', partOf: 'GD_5K3S_TL' },
  GD_5K3S_TL: { done: '{r} gia đình hội viên đạt 8 tiêu chí' },
  GD_CTPV: {
    done: 'đăng ký, thực hiện {n} công trình, phần việc',
    more: 'thực hiện thêm {n} công trình, phần việc',
    noun: 'công trình, phần việc',
  },
  GD_CTPV_GT: { done: 'trị giá {n}' },
  GD_MT_DUONG: { done: 'duy trì {n} m đường hoa, đường tự quản', noun: 'm' },

  // Kinh tế, giảm nghèo; vốn
  KT_HN_THOAT: {
    done: 'giúp {n} hộ nghèo, cận nghèo thoát nghèo',
    more: 'giúp thêm {n} hộ thoát nghèo',
    noun: 'hộ',
  },
  KT_HN_GIUP: {
    done: 'giúp đỡ {n} hộ nghèo, phụ nữ có hoàn cảnh khó khăn',
    more: 'giúp đỡ thêm {n} hộ nghèo, phụ nữ khó khăn',
    noun: 'hộ',
  },
  KT_HN_SO: { done: '{n} hộ nghèo', partOf: 'KT_HN_TL' },
  KT_HO_TONG: { done: '{n} hộ', partOf: 'KT_HN_TL' },
  KT_HN_TL: { done: 'tỷ lệ hộ nghèo trên địa bàn là {p}' },
  KT_VON_NB: { done: 'nguồn vốn nội bộ (tiết kiệm, góp vốn xoay vòng) đạt {n}' },
  KT_VON_NB_TO: { done: 'duy trì {n} tổ, nhóm tiết kiệm, góp vốn xoay vòng', noun: 'tổ, nhóm' },
  KT_KN_HOTRO: {
    done: 'hỗ trợ {n} phụ nữ khởi sự kinh doanh, khởi nghiệp',
    more: 'hỗ trợ thêm {n} phụ nữ khởi nghiệp',
  },
  KT_CHUDN_NL: {
    done: 'nâng cao năng lực cho {n} phụ nữ chủ doanh nghiệp, quản lý hợp tác xã, chủ hộ kinh doanh',
  },
  KT_HTX_MOI: {
    done: 'thành lập mới {n} hợp tác xã, tổ hợp tác có phụ nữ tham gia quản lý',
    more: 'thành lập thêm {n} hợp tác xã, tổ hợp tác',
  },
  KT_VL: {
    done: 'tư vấn, giới thiệu việc làm cho {n} lao động',
    more: 'giới thiệu việc làm cho thêm {n} lao động',
    noun: 'lao động',
  },
  KT_NGHE: { done: 'hỗ trợ {n} lao động nữ học nghề', more: 'hỗ trợ thêm {n} lao động nữ học nghề' },
  KT_KHKT: { done: 'tập huấn, chuyển giao khoa học kỹ thuật cho {n} lượt hội viên' },
  UT_DUNO: { done: 'tổng dư nợ ủy thác qua Hội tại Ngân hàng Chính sách xã hội đạt {n}' },
  UT_HO: { done: 'với {n} hộ còn dư nợ', noun: 'hộ' },
  UT_TO: { done: 'sinh hoạt tại {n} tổ tiết kiệm và vay vốn', noun: 'tổ' },
  UT_TO_TOT: { done: '{n} tổ tiết kiệm và vay vốn xếp loại tốt', partOf: 'UT_TO_TOT_TL' },
  UT_TO_TOT_TL: { done: '{r} tổ tiết kiệm và vay vốn xếp loại tốt' },
  UT_NQH: { done: 'nợ quá hạn {n}', partOf: 'UT_NQH_TL' },
  UT_NQH_TL: { done: 'tỷ lệ nợ quá hạn {p}' },
  UT_GN_MOI: { done: 'giải ngân cho vay mới {n}' },
  UT_TK: { done: 'số dư tiền gửi tiết kiệm qua tổ đạt {n}' },
  TD_VON_KHAC: { done: 'vốn từ các ngân hàng, tổ chức khác do Hội tín chấp, giới thiệu đạt {n}' },

  // Gia đình, an sinh xã hội
  AS_BHYT_MOI: {
    done: 'vận động phát triển mới {n} thẻ BHYT hộ gia đình',
    more: 'vận động thêm {n} thẻ BHYT hộ gia đình',
    noun: 'thẻ',
  },
  AS_BHXH_MOI: {
    done: 'vận động {n} người tham gia BHXH tự nguyện',
    more: 'vận động thêm {n} người tham gia BHXH tự nguyện',
    noun: 'người',
  },
  AS_BHYT_DT: { done: 'duy trì {n} thẻ BHYT hộ gia đình', noun: 'thẻ' },
  AS_BHXH_DT: { done: 'duy trì {n} sổ BHXH tự nguyện', noun: 'sổ' },
  AS_MDD_TRE: { done: '{n} trẻ em được nhận đỡ đầu', noun: 'trẻ' },
  AS_MDD_KP: { done: 'kinh phí đỡ đầu {n}' },
  AS_MAIAM: { done: 'xây mới, sửa chữa {n} mái ấm tình thương', noun: 'căn' },
  AS_QUA: { done: 'trao {n} suất quà cho phụ nữ, trẻ em có hoàn cảnh khó khăn', noun: 'suất' },
  AS_BLGD: { done: '{n} nạn nhân được phát hiện', partOf: 'AS_BLGD_TL' },
  AS_BLGD_TC: { done: '{n} nạn nhân được trợ giúp', partOf: 'AS_BLGD_TL' },
  AS_BLGD_TL: {
    done: '{r} phụ nữ, trẻ em gái là nạn nhân bạo lực gia đình, mua bán người được phát hiện đã tiếp cận ít nhất một dịch vụ trợ giúp',
  },
  AS_PNKT: { done: 'hỗ trợ {n} phụ nữ khuyết tật' },
  AS_HOAGIAI: { done: 'tham gia hòa giải {n} vụ việc', noun: 'vụ' },
  AS_DONTHU: { done: 'tiếp nhận, giải quyết {n} đơn thư', noun: 'đơn' },
  AS_DCTC: { done: 'duy trì {n} địa chỉ tin cậy', noun: 'địa chỉ' },

  // Xây dựng Đảng, chính quyền; giám sát, phản biện
  XD_DV_GT: {
    done: 'giới thiệu {n} hội viên ưu tú cho Đảng xem xét kết nạp',
    more: 'giới thiệu thêm {n} hội viên ưu tú cho Đảng xem xét kết nạp',
    noun: 'hội viên',
  },
  XD_DV_KN: {
    done: '{n} hội viên được kết nạp Đảng',
    more: 'có thêm {n} hội viên được kết nạp Đảng',
    noun: 'hội viên',
  },
  XD_GS: { done: 'tham gia giám sát {n} cuộc', noun: 'cuộc' },
  XD_PB: { done: 'góp ý, phản biện {n} văn bản, dự thảo', noun: 'văn bản' },
  XD_GS_COSO: { done: '{s} cơ sở Hội giám sát ít nhất 1 chính sách và góp ý ít nhất 2 văn bản' },
  XD_DTHOAI: { done: 'tổ chức {n} hội nghị đối thoại với cấp ủy, chính quyền' },
  XD_NU_CU: { done: '{n} nữ cấp ủy viên', partOf: 'XD_NU_CU_TL' },
  XD_CU_TONG: { done: '{n} cấp ủy viên', partOf: 'XD_NU_CU_TL' },
  XD_NU_CU_TL: { done: 'tỷ lệ nữ cấp ủy đạt {p}' },

  // Thi đua, xếp loại
  TD_CH_XL_XS: { done: '{n} chi hội hoàn thành xuất sắc nhiệm vụ' },
  TD_CH_XL_T: { done: '{n} chi hội hoàn thành tốt nhiệm vụ' },
  TD_CH_XL_HT: { done: '{n} chi hội hoàn thành nhiệm vụ' },
  TD_CH_XL_KHT: {
    done: '{n} chi hội không hoàn thành nhiệm vụ',
    zero: 'không có chi hội không hoàn thành nhiệm vụ',
  },
  TD_CS_XL_XS: { done: '{s} cơ sở Hội hoàn thành xuất sắc nhiệm vụ' },
  TD_CS_XL_T: { done: '{s} cơ sở Hội hoàn thành tốt nhiệm vụ' },
  TD_CS_XL_HT: { done: '{s} cơ sở Hội hoàn thành nhiệm vụ' },
  TD_CS_XL_KHT: {
    done: '{s} cơ sở Hội không hoàn thành nhiệm vụ',
    zero: 'không có cơ sở Hội không hoàn thành nhiệm vụ',
  },
  TD_CS_TOT: { done: '{n} cơ sở Hội xếp loại Tốt trở lên', partOf: 'TD_CS_TOT_TL' },
  TD_CS_TOT_TL: { done: '{p} cơ sở Hội xếp loại Tốt trở lên' },
  TD_KT: { done: 'khen thưởng {n} tập thể, cá nhân' },

  // Đề án, chuyển đổi số
  DA938_TT: { done: 'tổ chức {n} cuộc tuyên truyền Đề án 938' },
  DA938_CM_TT: { done: '{n} cha mẹ được tuyên truyền', partOf: 'DA938_TT_TL' },
  DA938_CM: { done: '{n} cha mẹ có con dưới 16 tuổi', partOf: 'DA938_TT_TL' },
  DA938_TT_TL: { done: '{r} cha mẹ có con dưới 16 tuổi được tuyên truyền Đề án 938' },
  CDS_HV: { done: '{n} hội viên sử dụng dịch vụ số', partOf: 'CDS_HV_TL' },
  CDS_HV_TL: { done: '{r} hội viên sử dụng dịch vụ số, thanh toán điện tử' },
  CDS_CB: { done: '{n} cán bộ sử dụng thành thạo phần mềm', partOf: 'CDS_CB_TL' },
  CDS_CB_CT: { done: '{n} cán bộ chuyên trách', partOf: 'CDS_CB_TL' },
  CDS_CB_TL: { done: '{r} cán bộ chuyên trách sử dụng thành thạo phần mềm' },
};
