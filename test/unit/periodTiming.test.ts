import { periodSpec } from '../../src/domain/periodSpec';
import { notStartedMessage, periodTiming, provisional, runningMessage } from '../../src/domain/periodTiming';

const at = (iso: string) => new Date(iso);

describe('periodTiming', () => {
  it('places a period by the calendar cut-off', () => {
    const now = at('2026-04-10T09:00:00+07:00');
    expect(periodTiming(periodSpec('2026-Q1'), now, 'calendar')).toBe('closed');
    expect(periodTiming(periodSpec('2026-Q2'), now, 'calendar')).toBe('running');
    expect(periodTiming(periodSpec('2026'), now, 'calendar')).toBe('running');
    expect(periodTiming(periodSpec('2026-Q4'), now, 'calendar')).toBe('not_started');
    expect(periodTiming(periodSpec('2027'), now, 'calendar')).toBe('not_started');
    expect(periodTiming(periodSpec('2021-2026'), now, 'calendar')).toBe('running');
  });

  it('turns at midnight of the first day, local time', () => {
    expect(periodTiming(periodSpec('2026-Q2'), at('2026-03-31T23:59:59+07:00'), 'calendar')).toBe(
      'not_started',
    );
    expect(periodTiming(periodSpec('2026-Q2'), at('2026-04-01T00:00:00+07:00'), 'calendar')).toBe('running');
    expect(periodTiming(periodSpec('2026-Q1'), at('2026-04-01T00:00:00+07:00'), 'calendar')).toBe('closed');
  });

  it('follows the 15-14 rule: Q2 starts on 15 March and Q1 closes then', () => {
    const now = at('2026-03-20T09:00:00+07:00');
    expect(periodTiming(periodSpec('2026-Q1'), now, '15-14')).toBe('closed');
    expect(periodTiming(periodSpec('2026-Q2'), now, '15-14')).toBe('running');
    expect(periodTiming(periodSpec('2026-Q2'), now, 'calendar')).toBe('not_started');
  });
});

describe('the wording', () => {
  it('names a provisional period in its heading and running-text forms', () => {
    const spec = provisional(periodSpec('2026-Q2'));
    expect(spec.name).toBe('Quý II/2026 (số liệu tạm tính)');
    expect(spec.nameInText).toBe('quý II/2026 (số liệu tạm tính)');
    expect(spec.key).toBe('2026-Q2');
  });

  it('says when the period starts or ends, and how to ask for a provisional report', () => {
    expect(notStartedMessage(periodSpec('2026-Q4'), 'calendar')).toBe(
      'Quý IV/2026 chưa bắt đầu (số liệu tính từ ngày 01/10/2026), chưa có số liệu để báo cáo hay tổng hợp.',
    );
    expect(runningMessage(periodSpec('2026-Q2'), '15-14')).toContain(
      'Quý II/2026 chưa kết thúc (số liệu chốt đến hết ngày 14/06/2026)',
    );
    expect(runningMessage(periodSpec('2026-Q2'), 'calendar')).toContain('"tam_tinh": true');
  });
});
