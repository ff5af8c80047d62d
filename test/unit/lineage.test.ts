import { aggregate } from '../../src/domain/aggregate';
import { defaultCatalogue } from '../../src/domain/catalogue';
import { ConfigError, parseConfig } from '../../src/domain/config';
import type { DataPoint } from '../../src/domain/dataPoints';
import { beforeMerger, lineagesOf, mergedName, withPredecessors } from '../../src/domain/lineage';

const catalogue = defaultCatalogue();
const XM = { unit: 'XM', predecessors: ['A', 'B', 'C'], from: '2025-07-01' };
const p = (unit: string, period: string, code: string, value: number | string): DataPoint => ({
  unit,
  period,
  code,
  value,
});

describe('beforeMerger', () => {
  it('takes the quarters that began before the day the merger took effect', () => {
    expect(beforeMerger('2025-Q2', '2025-07-01')).toBe(true);
    expect(beforeMerger('2025-Q3', '2025-07-01')).toBe(false);
    expect(beforeMerger('2025-Q3', '2025-08-15')).toBe(true);
    expect(beforeMerger('2021-Q3', '2025-07-01')).toBe(true);
  });
});

describe('withPredecessors', () => {
  const points = [
    ...['A', 'B', 'C'].flatMap((u, i) => [
      p(u, '2025-Q1', 'TC_HV', 100 * (i + 1)),
      p(u, '2025-Q1', 'TC_HV_MOI', i + 1),
      p(u, '2025-Q1', 'TD_XEP_LOAI', 'Hoàn thành tốt nhiệm vụ'),
    ]),
    p('A', '2025-Q2', 'TC_HV', 101),
    p('B', '2025-Q2', 'TC_HV', 202),
    p('XM', '2025-Q3', 'TC_HV', 640),
    p('D', '2025-Q1', 'TC_HV', 50),
  ];

  it('counts the predecessors under the merged unit before the merger, only when all three have the figure', () => {
    const result = withPredecessors(points, [XM], catalogue);
    expect(result.filter((x) => x.unit === 'XM')).toEqual([
      p('XM', '2025-Q3', 'TC_HV', 640),
      p('XM', '2025-Q1', 'TC_HV', 600),
      p('XM', '2025-Q1', 'TC_HV_MOI', 6),
    ]);
    // The predecessors' own points are now counted under XM; another unit is untouched.
    expect(result.some((x) => ['A', 'B', 'C'].includes(x.unit))).toBe(false);
    expect(result).toContainEqual(p('D', '2025-Q1', 'TC_HV', 50));
  });

  it('gives the same district total as the four old units had, and the merged unit its share', () => {
    const input = {
      catalogue,
      level: 'huyen' as const,
      quarters: ['2025-Q1'],
    };
    const before = aggregate({ ...input, units: ['A', 'B', 'C', 'D'], points });
    const after = aggregate({
      ...input,
      units: ['XM', 'D'],
      points: withPredecessors(points, [XM], catalogue),
    });
    expect(after.byCode.TC_HV!.total!.value).toBe(before.byCode.TC_HV!.total!.value);
    expect(after.byCode.TC_HV!.values).toEqual([600, 50]);
  });

  it('passes every value of a renamed unit through, ratings included', () => {
    const result = withPredecessors(
      points,
      [{ unit: 'A2', predecessors: ['A'], from: '2025-07-01' }],
      catalogue,
    );
    expect(result.filter((x) => x.unit === 'A2').map((x) => [x.period, x.code, x.value])).toEqual([
      ['2025-Q1', 'TC_HV', 100],
      ['2025-Q1', 'TC_HV_MOI', 1],
      ['2025-Q1', 'TD_XEP_LOAI', 'Hoàn thành tốt nhiệm vụ'],
      ['2025-Q2', 'TC_HV', 101],
    ]);
  });

  it("joins the predecessors' narratives", () => {
    const words = [
      p('A', '2025-Q2', 'NT_NOI_BAT', 'Ra mắt CLB dân vũ.'),
      p('C', '2025-Q2', 'NT_NOI_BAT', 'Hội thi nấu ăn'),
    ];
    expect(withPredecessors(words, [XM], catalogue)).toEqual([
      p('XM', '2025-Q2', 'NT_NOI_BAT', 'Ra mắt CLB dân vũ; Hội thi nấu ăn'),
    ]);
  });

  it('keeps a figure the merged unit has itself', () => {
    const own = [...points, p('XM', '2025-Q1', 'TC_HV', 610)];
    expect(
      withPredecessors(own, [XM], catalogue).filter(
        (x) => x.unit === 'XM' && x.period === '2025-Q1' && x.code === 'TC_HV',
      ),
    ).toEqual([p('XM', '2025-Q1', 'TC_HV', 610)]);
  });
});

describe('mergers in the configuration', () => {
  const config = (units: unknown[]) => ({
    ten_don_vi: 'Hội LHPN tỉnh Hải Dương',
    cap: 'tinh',
    dia_danh: 'Hải Dương',
    nhiem_ky: '2021-2026',
    don_vi: units,
    email_nhan: [],
    quan_tri: ['chutich@hoilhpn.vn'],
  });
  const unit = (ma: string, extra: Record<string, unknown> = {}) => ({
    ma,
    ten: `Hội LHPN xã ${ma}`,
    email: [`${ma.toLowerCase()}@hoilhpn.vn`],
    ...extra,
  });
  const problems = (units: unknown[]): string[] => {
    try {
      parseConfig(config(units));
    } catch (error) {
      return (error as ConfigError).problems;
    }
    return [];
  };

  it('records predecessors (codes, or code and name) and the day', () => {
    const parsed = parseConfig(
      config([
        unit('XM', {
          hop_nhat_tu: ['A', { ma: 'B', ten: 'Hội LHPN xã B' }, 'C'],
          ngay_hop_nhat: '2025-07-01',
        }),
        unit('D'),
      ]),
    );
    expect(parsed.don_vi[0]).toMatchObject({
      predecessors: ['A', 'B', 'C'],
      mergedOn: '2025-07-01',
      predecessorNames: { B: 'Hội LHPN xã B' },
    });
    expect(lineagesOf(parsed.don_vi)).toEqual([XM]);
    expect(parsed.don_vi[1]).not.toHaveProperty('predecessors');
  });

  it('refuses a bad day, a unit merged from itself or from one still reporting, and a split', () => {
    expect(
      problems([
        unit('XM', { hop_nhat_tu: 'A, B', ngay_hop_nhat: '2025-02-30' }),
        unit('XN', { hop_nhat_tu: ['B', 'XN', 'D'], ngay_hop_nhat: '2025-07-01' }),
        unit('D'),
      ]),
    ).toEqual([
      'don_vi[1]: "ngay_hop_nhat" phải là ngày hợp nhất có hiệu lực, dạng "2025-07-01"',
      'đơn vị B được ghi hợp nhất vào cả XM và XN; khi chia tách, số liệu trước ngày chia tách không chia được cho các đơn vị mới, nên mỗi đơn vị tiền thân chỉ thuộc một đơn vị',
      'đơn vị XN không thể hợp nhất từ chính nó',
      'đơn vị D vẫn đang báo cáo nên không thể là đơn vị tiền thân của XN',
    ]);
  });

  it('names the predecessors as a report does, without the prefix the unit says already', () => {
    expect(mergedName('Hội LHPN xã X', ['Hội LHPN xã A', 'Hội LHPN xã B', 'Hội LHPN thị trấn C'])).toBe(
      'Hội LHPN xã X (hợp nhất từ xã A, xã B và thị trấn C)',
    );
    expect(mergedName('Hội LHPN phường Mới', ['phường Cũ'])).toBe(
      'Hội LHPN phường Mới (hợp nhất từ phường Cũ)',
    );
  });
});
