import { isOwnMessage, personMessage, serviceFailureMessage } from '../../src/domain/serviceErrors';

/** An error as Apps Script raises it: name "Exception", Google's English text. */
function google(message: string): Error {
  const error = new Error(message);
  error.name = 'Exception';
  return error;
}

describe("Google's errors as a person reads them", () => {
  it.each([
    [
      'Service unavailable: Drive',
      'Chưa thực hiện xong "Tạo báo cáo": dịch vụ của Google tạm thời không phản hồi. Hãy thử lại sau ít phút. Chi tiết lỗi đã ghi trong trang Nhật ký.',
    ],
    [
      'Service invoked too many times for one day: email.',
      'Chưa thực hiện xong "Tạo báo cáo": tài khoản đã dùng hết hạn mức Google cho phép trong ngày. Hãy thử lại sau 24 giờ; nếu cần gấp, hãy báo quản trị viên. Chi tiết lỗi đã ghi trong trang Nhật ký.',
    ],
    [
      'No item with the given ID could be found. Possibly because you have not edited this item or you do not have permission to access it.',
      'Chưa thực hiện xong "Tạo báo cáo": không tìm thấy tệp hoặc thư mục cần dùng (có thể đã bị xóa hoặc đường liên kết sai). Hãy kiểm tra lại đường liên kết hoặc ID, và quyền truy cập tệp. Chi tiết lỗi đã ghi trong trang Nhật ký.',
    ],
    [
      'Access denied: DriveApp.',
      'Chưa thực hiện xong "Tạo báo cáo": tài khoản chạy chưa có quyền với tệp hoặc dịch vụ cần dùng. Hãy nhờ quản trị viên kiểm tra quyền chia sẻ (xem "Kiểm tra cài đặt"). Chi tiết lỗi đã ghi trong trang Nhật ký.',
    ],
    [
      'Exceeded maximum execution time',
      'Chưa thực hiện xong "Tạo báo cáo": việc chạy quá 6 phút nên Google đã dừng giữa chừng. Hãy chạy lại: phần đã xong được giữ, phần còn lại sẽ được làm tiếp. Chi tiết lỗi đã ghi trong trang Nhật ký.',
    ],
    [
      'Something Google has never said before',
      'Chưa thực hiện xong "Tạo báo cáo": có lỗi từ phía Google. Hãy thử lại sau ít phút; nếu vẫn lỗi, hãy báo quản trị viên. Chi tiết lỗi đã ghi trong trang Nhật ký.',
    ],
  ])('%s', (text, expected) => {
    expect(serviceFailureMessage('Tạo báo cáo', text, true)).toBe(expected);
    expect(serviceFailureMessage('Tạo báo cáo', text, true)).not.toContain(text);
  });

  it('says nothing of Nhật ký when the failure could not be written there', () => {
    expect(serviceFailureMessage('Khởi tạo', 'Service unavailable: Spreadsheets', false)).toBe(
      'Chưa thực hiện xong "Khởi tạo": dịch vụ của Google tạm thời không phản hồi. Hãy thử lại sau ít phút.',
    );
  });

  it("passes the product's own Vietnamese messages as they are, and never JavaScript's or Google's", () => {
    const own = new Error('Chỉ quản trị viên mới được tạo báo cáo.');
    class ConfigError extends Error {
      constructor(message: string) {
        super(message);
        this.name = 'ConfigError';
      }
    }
    expect(isOwnMessage(own)).toBe(true);
    expect(isOwnMessage(new ConfigError('Cấu hình không hợp lệ: thiếu khóa: cap'))).toBe(true);
    expect(isOwnMessage(google('Service unavailable: Drive'))).toBe(false);
    expect(isOwnMessage(new TypeError('key.trim is not a function'))).toBe(false);
    expect(isOwnMessage(new Error('text.charCodeAt is not a function'))).toBe(false);
    expect(personMessage('Nhập số liệu từ CSV', own, true)).toBe(own.message);
    expect(personMessage('Nhập số liệu từ CSV', new TypeError('key.trim is not a function'), false)).toBe(
      'Chưa thực hiện xong "Nhập số liệu từ CSV": có lỗi trong chương trình. Hãy báo quản trị viên.',
    );
  });
});
