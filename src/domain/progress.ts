/** Completeness and timeliness of submissions (DHIS2's "reporting rate" and "on time"). */
export type SubmissionState = 'Đúng hạn' | 'Trễ hạn' | 'Chưa nộp' | 'Quá hạn, chưa nộp' | 'Chưa đến kỳ';

/**
 * @param quarterStart first moment of the quarter
 * @param deadline first moment that is late
 */
export function submissionState(
  submittedAt: Date | null,
  quarterStart: Date,
  deadline: Date,
  now: Date,
): SubmissionState {
  if (submittedAt) return submittedAt.getTime() < deadline.getTime() ? 'Đúng hạn' : 'Trễ hạn';
  if (now.getTime() < quarterStart.getTime()) return 'Chưa đến kỳ';
  return now.getTime() < deadline.getTime() ? 'Chưa nộp' : 'Quá hạn, chưa nộp';
}

/** "12/14 đơn vị đã nộp". */
export function completenessText(submitted: number, expected: number): string {
  return `${submitted}/${expected} đơn vị đã nộp`;
}
