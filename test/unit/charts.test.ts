import {
  chartBlock,
  chartCaptions,
  chartFrame,
  chartPurpose,
  frameName,
  niceCeiling,
  targetsChartTitle,
} from '../../src/domain/charts';
import { periodSpec } from '../../src/domain/periodSpec';

describe('the quarters a chart covers', () => {
  it('is the year up to the period, or the term itself', () => {
    expect(chartFrame(periodSpec('2026-Q3')).quarters).toEqual(['2026-Q1', '2026-Q2', '2026-Q3']);
    expect(chartFrame(periodSpec('2026-H1')).quarters).toEqual(['2026-Q1', '2026-Q2']);
    expect(chartFrame(periodSpec('2026')).quarters).toEqual(['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']);
    expect(chartFrame(periodSpec('2021-2026')).quarters).toHaveLength(20);
  });

  it('is named as running text', () => {
    expect(frameName(chartFrame(periodSpec('2026-Q3')))).toBe('từ quý I đến quý III/2026');
    expect(frameName(chartFrame(periodSpec('2026-Q1')))).toBe('quý I/2026');
    expect(frameName(chartFrame(periodSpec('2026-9M')))).toBe('từ quý I đến quý III/2026');
    expect(frameName(chartFrame(periodSpec('2026')))).toBe('năm 2026');
    expect(frameName(chartFrame(periodSpec('2021-2026')))).toBe('nhiệm kỳ 2021 - 2026');
  });
});

describe('a round top for an axis', () => {
  it('is 1, 2, 2,5 or 5 times a power of ten', () => {
    expect([3570, 1000, 48_927, 2.1, 0].map(niceCeiling)).toEqual([5000, 1000, 50_000, 2.5, 1]);
  });
});

describe('the block the charts are drawn from', () => {
  const frame = chartFrame(periodSpec('2026-H1'));
  const quarters = [
    { quarter: '2026-Q1', members: 32000, rate: 0.851, coverage: { reported: 14, expected: 14 } },
    { quarter: '2026-Q2', members: 30275, rate: 0.84, coverage: { reported: 13, expected: 14 } },
  ];
  const targets = [
    { name: 'Số hội viên kết nạp mới', percent: 108.6 },
    { name: 'Tỷ lệ hội viên nòng cốt', percent: 97.1 },
  ];

  it('lists each quarter with its members, rate and, when incomplete, its coverage', () => {
    const block = chartBlock(frame, quarters, targets, targetsChartTitle(periodSpec('2026-H1')));
    expect(block.rows).toEqual([
      ['SỐ LIỆU BIỂU ĐỒ – TỪ QUÝ I ĐẾN QUÝ II/2026', '', ''],
      ['Quý', 'Tổng số hội viên', 'Tỷ lệ tập hợp hội viên'],
      ['Quý I/2026', 32000, 0.851],
      ['Quý II/2026 (13/14 đơn vị)', 30275, 0.84],
      ['', '', ''],
      ['Chỉ tiêu', 'Tỷ lệ đạt so với chỉ tiêu', ''],
      ['Số hội viên kết nạp mới', 1.086, ''],
      ['Tỷ lệ hội viên nòng cốt', 0.971, ''],
    ]);
    expect(block.formats[2]).toEqual(['@', '#,##0', '0.0%']);
    expect(block.formats[6]![1]).toBe('0.0%');
    expect(block.headings).toEqual([0, 1, 5]);
    expect(block.charts.map((c) => [c.purpose, c.type, c.firstRow, c.numRows, c.numColumns])).toEqual([
      ['members', 'COMBO', 1, 3, 3],
      ['targets', 'BAR', 5, 3, 2],
    ]);
    expect(block.charts.map((c) => c.title)).toEqual([
      'Tổng số hội viên và tỷ lệ tập hợp hội viên theo quý, từ quý I đến quý II/2026',
      'Tiến độ thực hiện các chỉ tiêu năm 2026, 6 tháng đầu năm 2026',
    ]);
    expect(chartCaptions(block.charts)).toEqual([
      'Biểu đồ 1: Tổng số hội viên và tỷ lệ tập hợp hội viên theo quý, từ quý I đến quý II/2026',
      'Biểu đồ 2: Tiến độ thực hiện các chỉ tiêu năm 2026, 6 tháng đầu năm 2026',
    ]);
  });

  it('leaves out a chart with nothing to show', () => {
    const noMembers = quarters.map((q) => ({ ...q, members: null, rate: null, coverage: null }));
    const block = chartBlock(frame, noMembers, targets, targetsChartTitle(periodSpec('2026')));
    expect(block.charts.map((c) => [c.purpose, c.firstRow])).toEqual([['targets', 1]]);
    expect(block.charts[0]!.title).toBe('Tỷ lệ thực hiện các chỉ tiêu năm 2026');
    expect(chartBlock(frame, quarters, [], '').charts.map((c) => c.purpose)).toEqual(['members']);
  });

  it('tells each chart by its title, whatever the period', () => {
    const block = chartBlock(frame, quarters, targets, targetsChartTitle(periodSpec('2021-2026')));
    expect(block.charts.map((c) => chartPurpose(c.title))).toEqual(['members', 'targets']);
    expect(chartPurpose(targetsChartTitle(periodSpec('2026-Q3')))).toBe('targets');
    expect(chartPurpose('Biểu đồ của tôi')).toBeNull();
  });
});
