import { defaultSettings, parseSettings } from '../../src/domain/settings';

const errorOf = (raw: Record<string, unknown>): string => {
  try {
    parseSettings(raw, 2026);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected an error');
};

describe('settings', () => {
  it('takes the data cut-off rule, calendar or the state 15-to-14 rule, and refuses anything else', () => {
    expect(parseSettings({ chot_so_lieu: '15-14' }, 2026).chot_so_lieu).toBe('15-14');
    expect(errorOf({ chot_so_lieu: 'quý' })).toContain('"chot_so_lieu"');
  });

  it('defaults to the current year, 10 days to submit, a 30% warning threshold and reminders 5 days ahead', () => {
    expect(defaultSettings(2026)).toEqual({
      nam: 2026,
      han_nop_ngay: 10,
      nguong_bien_dong: 30,
      chot_so_lieu: 'calendar',
      nhac_truoc_ngay: 5,
      mau_quy: '',
      mau_sau_thang: '',
      mau_chin_thang: '',
      mau_nam: '',
      mau_giua_nhiem_ky: '',
      mau_nhiem_ky: '',
      thu_muc_bao_cao: '',
    });
    expect(parseSettings({}, 2026)).toEqual(defaultSettings(2026));
  });

  it('takes the default for a blank cell', () => {
    expect(parseSettings({ nam: '', han_nop_ngay: '  ' }, 2027)).toEqual(defaultSettings(2027));
  });

  it('accepts whole numbers typed as numbers or as text', () => {
    expect(parseSettings({ nam: 2025, han_nop_ngay: ' 15 ', nguong_bien_dong: '50' }, 2026)).toEqual({
      nam: 2025,
      han_nop_ngay: 15,
      nguong_bien_dong: 50,
      chot_so_lieu: 'calendar',
      nhac_truoc_ngay: 5,
      mau_quy: '',
      mau_sau_thang: '',
      mau_chin_thang: '',
      mau_nam: '',
      mau_giua_nhiem_ky: '',
      mau_nhiem_ky: '',
      thu_muc_bao_cao: '',
    });
  });

  it('accepts the bounds themselves', () => {
    expect(parseSettings({ nam: 2000, han_nop_ngay: 0, nguong_bien_dong: 1 }, 2026)).toEqual({
      nam: 2000,
      han_nop_ngay: 0,
      nguong_bien_dong: 1,
      chot_so_lieu: 'calendar',
      nhac_truoc_ngay: 5,
      mau_quy: '',
      mau_sau_thang: '',
      mau_chin_thang: '',
      mau_nam: '',
      mau_giua_nhiem_ky: '',
      mau_nhiem_ky: '',
      thu_muc_bao_cao: '',
    });
    expect(parseSettings({ nam: 2100, han_nop_ngay: 90, nguong_bien_dong: 100 }, 2026)).toEqual({
      nam: 2100,
      han_nop_ngay: 90,
      nguong_bien_dong: 100,
      chot_so_lieu: 'calendar',
      nhac_truoc_ngay: 5,
      mau_quy: '',
      mau_sau_thang: '',
      mau_chin_thang: '',
      mau_nam: '',
      mau_giua_nhiem_ky: '',
      mau_nhiem_ky: '',
      thu_muc_bao_cao: '',
    });
  });

  it('refuses a value out of bounds, naming the key and its meaning in Vietnamese', () => {
    expect(errorOf({ han_nop_ngay: 91 })).toBe(
      'Cấu hình không hợp lệ: "han_nop_ngay" (Hạn nộp số liệu: số ngày sau khi hết quý) ' +
        'phải là số nguyên từ 0 đến 90',
    );
    expect(errorOf({ nguong_bien_dong: 0 })).toContain('"nguong_bien_dong"');
    expect(errorOf({ nam: 1999 })).toContain('"nam" (Năm số liệu của các trang đơn vị)');
  });

  it.each([10.5, 'mười', '-3', true])('refuses %p as a number of days', (value) => {
    expect(errorOf({ han_nop_ngay: value })).toContain('"han_nop_ngay"');
  });

  it('keeps only the id of a pasted Docs or Drive link', () => {
    const settings = parseSettings(
      {
        mau_quy: 'https://docs.google.com/document/d/1AbCdEfGhIjKlMnOp/edit?usp=sharing',
        thu_muc_bao_cao: 'https://drive.google.com/drive/folders/1ZyXwVuTsRqPoNm',
      },
      2026,
    );
    expect(settings.mau_quy).toBe('1AbCdEfGhIjKlMnOp');
    expect(settings.thu_muc_bao_cao).toBe('1ZyXwVuTsRqPoNm');
    expect(parseSettings({ mau_nam: ' doc-12 ' }, 2026).mau_nam).toBe('doc-12');
  });

  it('names every malformed setting at once', () => {
    const message = errorOf({ nam: 'năm nay', han_nop_ngay: 5, nguong_bien_dong: 250 });
    expect(message).toContain('"nam"');
    expect(message).toContain('"nguong_bien_dong"');
    expect(message).not.toContain('"han_nop_ngay"');
  });
});
