/**
 * Google's errors as a person reads them. A job that fails on a service call (an outage, a quota,
 * a file that is gone, a missing permission) tells the person in Vietnamese what did not happen and
 * what to do; Google's own text goes to Nhật ký, where an admin looks for it. The patterns are the
 * texts Apps Script raises (docs/apps-script-facts.md §1.3 and §2).
 */

/** JavaScript's own errors: a fault of the program, never meant for a person. */
const PROGRAM_FAULTS = new Set([
  'TypeError',
  'RangeError',
  'ReferenceError',
  'SyntaxError',
  'EvalError',
  'URIError',
  'InternalError',
]);

/**
 * A message the product wrote for a person (a refusal, a check; Error or one of its own subclasses),
 * shown as it is: in Vietnamese. Google raises its errors as "Exception", in English.
 */
export function isOwnMessage(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { name, message } = error as Error;
  return name !== 'Exception' && !PROGRAM_FAULTS.has(String(name)) && /[À-ỹ]/.test(String(message));
}

export function errorText(error: unknown): string {
  return error && typeof error === 'object' && 'message' in error ? String(error.message) : String(error);
}

const ADVICE: Array<{ pattern: RegExp; cause: string; advice: string }> = [
  {
    pattern: /too many times|quota|Limit exceeded|too much computer time/i,
    cause: 'tài khoản đã dùng hết hạn mức Google cho phép trong ngày',
    advice: 'Hãy thử lại sau 24 giờ; nếu cần gấp, hãy báo quản trị viên.',
  },
  {
    pattern: /maximum execution time/i,
    cause: 'việc chạy quá 6 phút nên Google đã dừng giữa chừng',
    advice: 'Hãy chạy lại: phần đã xong được giữ, phần còn lại sẽ được làm tiếp.',
  },
  {
    pattern: /Lock timeout|another process/i,
    cause: 'một tác vụ khác đang ghi vào bảng tính',
    advice: 'Hãy thử lại sau ít phút.',
  },
  {
    pattern: /No item with the given ID|not found|could not be found|does not exist|deleted/i,
    cause: 'không tìm thấy tệp hoặc thư mục cần dùng (có thể đã bị xóa hoặc đường liên kết sai)',
    advice: 'Hãy kiểm tra lại đường liên kết hoặc ID, và quyền truy cập tệp.',
  },
  {
    pattern: /permission|Access denied|not have access|You can only view/i,
    cause: 'tài khoản chạy chưa có quyền với tệp hoặc dịch vụ cần dùng',
    advice: 'Hãy nhờ quản trị viên kiểm tra quyền chia sẻ (xem "Kiểm tra cài đặt").',
  },
  {
    pattern: /Invalid email/i,
    cause: 'có địa chỉ email không hợp lệ',
    advice: 'Hãy kiểm tra các địa chỉ email trong Cấu hình và Đơn vị.',
  },
  {
    pattern: /unavailable|server error|try again|timed out|Service error|Internal error|backend/i,
    cause: 'dịch vụ của Google tạm thời không phản hồi',
    advice: 'Hãy thử lại sau ít phút.',
  },
];

/** What a person reads of a failure: the product's own words as they are, the rest translated. */
export function personMessage(action: string, error: unknown, logged: boolean): string {
  if (isOwnMessage(error)) return errorText(error);
  const name = typeof error === 'object' && error !== null ? String((error as Error).name) : '';
  if (PROGRAM_FAULTS.has(name)) {
    const details = logged ? ' Chi tiết lỗi đã ghi trong trang Nhật ký.' : '';
    return `Chưa thực hiện xong "${action}": có lỗi trong chương trình. Hãy báo quản trị viên.${details}`;
  }
  return serviceFailureMessage(action, errorText(error), logged);
}

/**
 * The sentence a person reads when `action` failed on Google's side: what did not happen, why in
 * plain words, what to do, and where the details are.
 */
export function serviceFailureMessage(action: string, googleText: string, logged: boolean): string {
  const known = ADVICE.find((a) => a.pattern.test(googleText));
  const cause = known?.cause ?? 'có lỗi từ phía Google';
  const advice = known?.advice ?? 'Hãy thử lại sau ít phút; nếu vẫn lỗi, hãy báo quản trị viên.';
  const details = logged ? ' Chi tiết lỗi đã ghi trong trang Nhật ký.' : '';
  return `Chưa thực hiện xong "${action}": ${cause}. ${advice}${details}`;
}
