import { cellWidth } from '../../src/domain/report/tableLayout';
import { TEXT_WIDTH_PT, headerColumnWidths } from '../../src/domain/report/template';

const MOTTO = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
const values = (superior: string, issuer: string) => ({
  CO_QUAN_CAP_TREN: superior,
  CO_QUAN_BAN_HANH: issuer,
  SO_KY_HIEU: 'Số:        /BC-HPN',
  DIA_DANH_NGAY: 'Hoàng Mai, ngày 20 tháng 01 năm 2027',
});

describe('the report header table', () => {
  it('keeps "HỘI LHPN THÀNH PHỐ HÀ NỘI" and the national motto each on one line', () => {
    const [left, right] = headerColumnWidths(values('HỘI LHPN THÀNH PHỐ HÀ NỘI', 'HỘI LHPN QUẬN HOÀNG MAI'));
    expect(left).toBeGreaterThanOrEqual(cellWidth('HỘI LHPN THÀNH PHỐ HÀ NỘI', 12));
    expect(left).toBeGreaterThanOrEqual(cellWidth('HỘI LHPN QUẬN HOÀNG MAI', 12, true));
    expect(right).toBeGreaterThanOrEqual(cellWidth(MOTTO, 12, true));
    expect(left + right).toBeCloseTo(TEXT_WIDTH_PT, 6);
  });

  it('keeps the default proportion for short names', () => {
    const [left] = headerColumnWidths(values('HỘI LHPN TỈNH BẮC NINH', 'HỘI LHPN XÃ TIÊN DU'));
    expect(left / TEXT_WIDTH_PT).toBeCloseTo(0.42, 6);
  });

  it('lets a name too long for any column wrap, never the motto', () => {
    const [left, right] = headerColumnWidths(
      values(
        'HỘI LIÊN HIỆP PHỤ NỮ THÀNH PHỐ HỒ CHÍ MINH',
        'BAN CHẤP HÀNH HỘI LIÊN HIỆP PHỤ NỮ PHƯỜNG BẾN THÀNH',
      ),
    );
    expect(right).toBeCloseTo(cellWidth(MOTTO, 12, true), 6);
    expect(left).toBeLessThan(cellWidth('BAN CHẤP HÀNH HỘI LIÊN HIỆP PHỤ NỮ PHƯỜNG BẾN THÀNH', 12, true));
  });
});
