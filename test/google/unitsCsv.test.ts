import { UserError } from '../../scripts/google/errors';
import { parseProvisionConfig, workbookTitle } from '../../scripts/google/provisionConfig';
import { parseUnitsCsv, placeName, planWorkbooks, shareList } from '../../scripts/google/unitsCsv';
import { CONFIG } from './support';

const HEADER = 'ma,ten,cap,email_can_bo,email_quan_tri';

function problems(action: () => unknown): string[] {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(UserError);
    return (error as Error).message.split('\n');
  }
  throw new Error('expected a refusal');
}

describe('U.csv', () => {
  it('reads the rows, with Vietnamese headers, lists of e-mails and a derived place name', () => {
    const rows = parseUnitsCsv(
      '\uFEFFMã,Tên,Cấp,Email cán bộ,Email quản trị\r\n' +
        'NC,Hội LHPN phường Nhị Chiểu,xa,"a@nc.vn, B@nc.vn",c@nc.vn;d@nc.vn\r\n' +
        '\r\n' +
        'LH,Hội LHPN xã Lộc Hưng,XA,e@lh.vn,f@lh.vn\r\n',
      { baseDir: '.' },
    );
    expect(rows).toEqual([
      {
        line: 2,
        ma: 'NC',
        ten: 'Hội LHPN phường Nhị Chiểu',
        cap: 'xa',
        officers: ['a@nc.vn', 'b@nc.vn'],
        admins: ['c@nc.vn', 'd@nc.vn'],
        dia_danh: 'Nhị Chiểu',
        subordinates: null,
      },
      expect.objectContaining({ line: 4, ma: 'LH', cap: 'xa', dia_danh: 'Lộc Hưng' }),
    ]);
    expect(placeName('Hội Liên hiệp Phụ nữ thị trấn Gia Lộc')).toBe('Gia Lộc');
  });

  it('refuses the whole file, naming every bad row and cell, so nothing is created from it', () => {
    const csv = [
      `${HEADER},dia_danh,don_vi`,
      'X01,Hội LHPN xã A,xa,a@x.vn,b@x.vn,,',
      'X 2,Hội LHPN xã B,xa,a@x.vn,b@x.vn,,',
      'x01,Hội LHPN xã C,xa,a@x.vn,b@x.vn,,',
      'X04,,commune,not-an-email,,,',
      'TONG,Tổng,xa,a@x.vn,b@x.vn,,',
      'X06,Hội LHPN xã F,xa,a@x.vn',
      'X07,Hội LHPN xã G,xa,a@x.vn,b@x.vn,,missing.json',
    ].join('\n');
    expect(
      problems(() =>
        parseUnitsCsv(csv, {
          baseDir: '/nowhere',
          readFile: () => {
            throw new Error('ENOENT');
          },
        }),
      ),
    ).toEqual([
      'Dòng 3: cột "ma" = "X 2": mã gồm 1–20 chữ cái không dấu, chữ số hoặc "_"',
      'Dòng 4: cột "ma" = "x01": trùng mã với dòng 2',
      'Dòng 5: cột "ten" = "": thiếu tên đơn vị',
      'Dòng 5: cột "cap" = "commune": phải là huyen, xa, tinh',
      'Dòng 5: cột "email_can_bo" = "not-an-email": không phải địa chỉ email: not-an-email',
      'Dòng 5: cột "email_quan_tri" = "": cần ít nhất một email',
      'Dòng 6: cột "ma" = "TONG": "TONG" dành cho dòng tổng của bảng tổng hợp',
      'Dòng 7: có 4 cột, dòng tiêu đề có 7 cột',
      'Dòng 8: cột "don_vi" = "missing.json": không đọc được tệp JSON (ENOENT)',
    ]);
  });

  it('names a missing or unknown column in the header', () => {
    expect(problems(() => parseUnitsCsv('ma,ten,email,cap\n', { baseDir: '.' }))).toEqual([
      'Dòng 1: cột "email" không được hỗ trợ (dùng: ma, ten, cap, email_can_bo, email_quan_tri, dia_danh, don_vi)',
      'Dòng 1: thiếu cột "email_can_bo", "email_quan_tri"',
    ]);
    expect(problems(() => parseUnitsCsv('ma,ten,cap\n', { baseDir: '.' }))).toEqual([
      'Dòng 1: thiếu cột "email_can_bo", "email_quan_tri"',
    ]);
    expect(problems(() => parseUnitsCsv(`${HEADER}\n`, { baseDir: '.' }))).toEqual([
      'Tệp không có dòng đơn vị nào (ngoài dòng tiêu đề)',
    ]);
  });

  it("checks each workbook's configuration with the bundle's parseConfig, row by row", () => {
    const files: Record<string, string> = {
      '/u/ok.json': JSON.stringify([{ ma: 'CH1', ten: 'Chi hội 1', email: ['ch1@x.vn'] }]),
      '/u/bad.json': JSON.stringify({ don_vi: [{ ma: 'CH1', ten: '', email: ['nope'] }] }),
    };
    const csv = [
      `${HEADER},don_vi`,
      'X01,Hội LHPN xã A,xa,,b@x.vn,ok.json',
      'X02,Hội LHPN xã B,xa,,c@x.vn,bad.json',
    ].join('\n');
    expect(problems(() => planWorkbooks(csv, CONFIG, { baseDir: '/u', readFile: (f) => files[f]! }))).toEqual(
      [
        'Dòng 3: don_vi[1]: thiếu "ten" (tên đơn vị)',
        'Dòng 3: "don_vi[1].email" có địa chỉ email không hợp lệ: nope',
      ],
    );
    const [planned] = planWorkbooks(csv.split('\n').slice(0, 2).join('\n'), CONFIG, {
      baseDir: '/u',
      readFile: (f) => files[f]!,
    });
    expect(planned!.config).toMatchObject({
      ten_don_vi: 'Hội LHPN xã A',
      nhiem_ky: '2025-2030',
      don_vi: [{ ma: 'CH1', ten: 'Chi hội 1', email: ['ch1@x.vn'] }],
      quan_tri: ['b@x.vn', 'tinh@phutho.hoilhpn.vn'],
    });
    expect(shareList(planned!)).toEqual(['b@x.vn', 'tinh@phutho.hoilhpn.vn', 'ch1@x.vn']);
  });
});

describe('C.json', () => {
  it('has defaults for everything but the term', () => {
    expect(parseProvisionConfig({ nhiem_ky: '2025 - 2030' }, 2026)).toEqual({
      ten_don_vi: '',
      nhiem_ky: '2025-2030',
      email_nhan: [],
      quan_tri: [],
      tieu_de: 'Báo cáo {ten} ({ma})',
      gui_email_thong_bao: false,
      loi_nhan: '',
      cai_dat: {},
    });
    expect(workbookTitle({ tieu_de: 'BC {ma} – {ten}' }, { ma: 'X1', ten: 'Hội LHPN xã A' })).toBe(
      'BC X1 – Hội LHPN xã A',
    );
  });

  it('names every problem at once', () => {
    const [message] = problems(() =>
      parseProvisionConfig(
        {
          nhiem_ky: '2025',
          quan_tri: ['ok@x.vn', 'bad'],
          tieu_de: 'Báo cáo {ten}',
          gui_email_thong_bao: 'yes',
          cai_dat: { han_nop_ngay: 200, mau: 1 },
          extra: 1,
        },
        2026,
      ),
    );
    expect(message!.split('; ')).toEqual([
      'Tệp cấu hình không hợp lệ: khóa không được hỗ trợ: extra',
      '"nhiem_ky" phải có dạng "2025-2030" (năm bắt đầu - năm kết thúc)',
      '"tieu_de" phải chứa {ma} để tên mỗi bảng tính là duy nhất',
      '"gui_email_thong_bao" phải là true hoặc false',
      expect.stringMatching(/^"cai_dat" có khóa không được hỗ trợ: mau \(được dùng: nam, han_nop_ngay, /),
      expect.stringMatching(/^"cai_dat": "han_nop_ngay" .* phải là số nguyên từ 0 đến 90$/),
      '"quan_tri" có địa chỉ email không hợp lệ: bad',
    ]);
  });
});
