import { ConfigError, isTerm, parseConfig } from '../../src/domain/config';

const valid = {
  ten_don_vi: 'Hội LHPN quận Hoàng Mai',
  cap: 'huyen',
  dia_danh: 'Hoàng Mai',
  nhiem_ky: '2021-2026',
  don_vi: [
    { ma: 'DC', ten: 'Hội LHPN phường Đại Kim', email: 'daikim@hoilhpn.vn' },
    {
      ma: 'TM',
      ten: 'Hội LHPN phường Thịnh Liệt',
      email: ['thinhliet@hoilhpn.vn', 'pho.thinhliet@hoilhpn.vn'],
    },
  ],
  email_nhan: ['vanphong@hoilhpn.vn'],
  quan_tri: ['ChuTich@HoiLHPN.vn'],
};

function problemsOf(raw: unknown): string[] {
  try {
    parseConfig(raw);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('parseConfig', () => {
  it('accepts a complete configuration and normalises emails and unit officers', () => {
    const config = parseConfig(valid);
    expect(config.quan_tri).toEqual(['chutich@hoilhpn.vn']);
    expect(config.don_vi[0]!.email).toEqual(['daikim@hoilhpn.vn']);
    expect(config.don_vi[1]!.email).toHaveLength(2);
    expect(config.ten_don_vi).toBe('Hội LHPN quận Hoàng Mai'.normalize('NFC'));
  });

  it('stores Vietnamese names in NFC even when typed decomposed', () => {
    const decomposed = { ...valid, ten_don_vi: 'Hội LHPN quận Hoàng Mai'.normalize('NFD') };
    expect(parseConfig(decomposed).ten_don_vi).toBe('Hội LHPN quận Hoàng Mai'.normalize('NFC'));
  });

  it('names every missing key', () => {
    const { nhiem_ky: _n, quan_tri: _q, ...rest } = valid;
    expect(problemsOf(rest)).toContain('thiếu khóa: nhiem_ky, quan_tri');
  });

  it('refuses unknown keys, naming them', () => {
    expect(problemsOf({ ...valid, chu_tich: 'x' })).toContain('khóa không được hỗ trợ: chu_tich');
  });

  it('explains a wrong level, term and email', () => {
    const problems = problemsOf({
      ...valid,
      cap: 'quan',
      nhiem_ky: '2026',
      email_nhan: ['khong-phai-email'],
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        '"cap" phải là một trong: huyen, xa, tinh',
        '"nhiem_ky" phải có dạng "2021-2026" (năm bắt đầu - năm kết thúc)',
        '"email_nhan" có địa chỉ email không hợp lệ: khong-phai-email',
      ]),
    );
  });

  it('names the unit that is wrong, by position', () => {
    const problems = problemsOf({
      ...valid,
      don_vi: [valid.don_vi[0], { ma: 'DC', ten: '', email: [] }],
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        'don_vi[2]: mã đơn vị "DC" bị trùng',
        'don_vi[2]: thiếu "ten" (tên đơn vị)',
        '"don_vi[2].email" phải là danh sách địa chỉ email (ít nhất một địa chỉ)',
      ]),
    );
  });

  it('requires at least one admin and at least one unit', () => {
    const problems = problemsOf({ ...valid, quan_tri: [], don_vi: [] });
    expect(problems).toHaveLength(2);
  });

  it('refuses something that is not an object', () => {
    expect(problemsOf([valid])).toEqual(['cấu hình phải là một đối tượng JSON']);
  });
});

describe('isTerm', () => {
  it.each([
    ['2021-2026', true],
    ['2021 - 2026', true],
    ['2026-2021', false],
    ['2021-2031', false],
    ['2021', false],
  ])('%s -> %s', (term, expected) => {
    expect(isTerm(term)).toBe(expected);
  });
});

describe('parseConfig: report header, signature and sharing', () => {
  it('proposes the usual header and signature when the JSON says nothing', () => {
    expect(parseConfig(valid).report).toEqual({
      co_quan_cap_tren: '',
      co_quan_ban_hanh: 'Hội LHPN quận Hoàng Mai',
      ky_hieu: 'BC-HPN',
      tham_quyen_ky: 'TM. BAN THƯỜNG VỤ',
      chuc_vu_ky: 'CHỦ TỊCH',
      nguoi_ky: '',
      noi_nhan: [],
      chia_se_xem: [],
      chia_se_sua: [],
      chia_se_lien_ket: 'khong',
      nghi_quyet: '',
      dai_hoi_lan_thu: '',
      chu_de_nam: '',
      dac_diem_tinh_hinh: '',
      cong_tac_chi_dao: '',
      nguyen_nhan: '',
      bai_hoc_kinh_nghiem: '',
      phuong_huong: '',
    });
  });

  it('takes the wording settings: the congress ordinal in Roman numerals, paragraphs one per line', () => {
    const report = parseConfig({
      ...valid,
      dai_hoi_lan_thu: '4',
      chu_de_nam: 'Năm an toàn cho phụ nữ và trẻ em',
      nguyen_nhan: '  Cấp ủy quan tâm lãnh đạo.\n\n  Cán bộ nhiệt tình.  ',
    }).report;
    expect(report.dai_hoi_lan_thu).toBe('IV');
    expect(parseConfig({ ...valid, dai_hoi_lan_thu: 'lần thứ XXVI' }).report.dai_hoi_lan_thu).toBe('XXVI');
    expect(report.chu_de_nam).toBe('Năm an toàn cho phụ nữ và trẻ em');
    expect(report.nguyen_nhan).toBe('Cấp ủy quan tâm lãnh đạo.\nCán bộ nhiệt tình.');
    expect(problemsOf({ ...valid, dai_hoi_lan_thu: 'thứ tư' })).toEqual([
      '"dai_hoi_lan_thu" phải là số thứ tự của Đại hội, ví dụ IV hoặc 4',
    ]);
  });

  it('takes Nơi nhận as a list or as text split on semicolons and lines, and keeps names as typed', () => {
    const report = parseConfig({
      ...valid,
      co_quan_cap_tren: 'Hội LHPN thành phố Hà Nội',
      ky_hieu: 'bc-btv',
      noi_nhan: 'Ban Thường vụ Hội LHPN thành phố (để b/c);\nLưu: VT.',
      chia_se_sua: 'A@hoilhpn.vn, b@hoilhpn.vn',
    }).report;
    expect(report.co_quan_cap_tren).toBe('Hội LHPN thành phố Hà Nội');
    expect(report.ky_hieu).toBe('BC-BTV');
    expect(report.noi_nhan).toEqual(['Ban Thường vụ Hội LHPN thành phố (để b/c)', 'Lưu: VT.']);
    expect(report.chia_se_sua).toEqual(['a@hoilhpn.vn', 'b@hoilhpn.vn']);
  });

  it('explains a malformed symbol, sharing email or link setting', () => {
    const problems = problemsOf({
      ...valid,
      ky_hieu: 'BC HPN',
      chia_se_xem: ['khong-phai-email'],
      chia_se_lien_ket: 'cong-khai',
    });
    expect(problems).toEqual([
      '"ky_hieu" phải có dạng như "BC-HPN" (chữ in hoa, nối bằng dấu "-")',
      '"chia_se_lien_ket" phải là "khong" hoặc "xem"',
      '"chia_se_xem" có địa chỉ email không hợp lệ: khong-phai-email',
    ]);
  });
});
