/**
 * "Nộp số liệu quý…" from the menu or the command line. An admin's request is carried out at once.
 * An officer's run cannot write the records tabs (they are the admins'), so it checks the quarter
 * and shows where to tick "Nộp": the edit trigger then records the submission with admin authority.
 */
import { quarterName } from '../domain/periods';
import { checkRequest } from '../domain/requests';
import { translatingFailures, withScriptLock } from '../workspace/lock';
import { askUser, tellUser } from '../workspace/ui';
import { checkUnitQuarter } from './checks';
import type { SubmitResult } from './submission';
import { reopen, resolveRequest, submit } from './submission';
import { readUnit } from './unitData';
import type { Workbook } from './workbook';
import { loadWorkbook, unitsOf } from './workbook';

export interface QuarterRequest {
  don_vi?: string;
  ky?: string;
}

export interface CheckedNotSubmitted {
  don_vi: string;
  ky: string;
  trang_thai: 'chua_nop';
  loi: string[];
  canh_bao: string[];
  huong_dan: string;
}

/** The unit and quarter asked for; an officer with one unit is only asked the quarter. */
function completeRequest(
  workbook: Workbook,
  request: QuarterRequest | undefined,
  action: string,
): Required<QuarterRequest> {
  const own = unitsOf(workbook, workbook.user);
  let unit = request?.don_vi ?? (!workbook.isAdmin && own.length === 1 ? own[0]!.ma : undefined);
  let period = request?.ky;
  if (!unit || !period) {
    const example = `${unit ?? own[0]?.ma ?? workbook.units[0]?.ma ?? 'DK'} ${workbook.settings.nam}-Q1`;
    const answer = askUser(
      action,
      `Nhập ${unit ? 'quý' : 'mã đơn vị và quý'}, ví dụ: ${unit ? `${workbook.settings.nam}-Q1` : example}`,
    );
    if (!answer) throw new Error(`Chưa chọn đơn vị và quý để ${action.toLowerCase()}.`);
    const parts = answer.split(/\s+/);
    period = parts.pop();
    unit = unit ?? parts.join(' ');
  }
  return { don_vi: unit ?? '', ky: period ?? '' };
}

export function submitQuarter(request?: QuarterRequest): SubmitResult | CheckedNotSubmitted {
  checkRequest('submitQuarter', request);
  return translatingFailures('Nộp số liệu', () => submitChecked(request));
}

function submitChecked(request?: QuarterRequest): SubmitResult | CheckedNotSubmitted {
  const workbook = loadWorkbook();
  const { don_vi, ky } = completeRequest(workbook, request, 'Nộp số liệu quý');
  if (workbook.isAdmin) {
    const result = withScriptLock('Nộp số liệu', () => submit(workbook, don_vi, ky, workbook.user));
    tellUser('Nộp số liệu quý', `Đã nộp số liệu ${ky} của ${result.don_vi}.`);
    return result;
  }
  const { unit, quarter } = resolveRequest(workbook, don_vi, ky);
  if (!unitsOf(workbook, workbook.user).includes(unit)) {
    throw new Error(
      `Bạn không phụ trách đơn vị ${unit.ma}; chỉ cán bộ của đơn vị hoặc quản trị viên được nộp.`,
    );
  }
  const results = checkUnitQuarter(workbook, unit, readUnit(workbook, unit), quarter.quarter);
  const errors = results.filter((r) => r.importance === 'error').map((r) => r.message);
  const warnings = results.filter((r) => r.importance === 'warning').map((r) => r.message);
  const guidance =
    errors.length > 0
      ? `Chưa nộp được ${quarterName(quarter)}: hãy sửa ${errors.length} lỗi rồi thử lại.`
      : `Số liệu ${quarterName(quarter)} hợp lệ. Để nộp, đánh dấu ô "Nộp số liệu" của ${quarterName(quarter)} (dòng 5) trên trang "${unit.tabName}".`;
  tellUser(
    'Nộp số liệu quý',
    [guidance, ...errors.map((e) => `• Lỗi: ${e}`), ...warnings.map((w) => `• Cảnh báo: ${w}`)].join('\n'),
  );
  return {
    don_vi: unit.ma,
    ky,
    trang_thai: 'chua_nop',
    loi: errors,
    canh_bao: warnings,
    huong_dan: guidance,
  };
}

export function reopenQuarter(request?: QuarterRequest): ReturnType<typeof reopen> {
  checkRequest('reopenQuarter', request);
  return translatingFailures('Mở lại số liệu', () => {
    const workbook = loadWorkbook();
    const { don_vi, ky } = completeRequest(workbook, request, 'Mở lại số liệu quý');
    return withScriptLock('Mở lại số liệu', () => reopen(workbook, don_vi, ky));
  });
}
