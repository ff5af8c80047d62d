/**
 * The argument of every entry point that takes one, checked before anything is read or written.
 * The command line passes whatever JSON was typed, a dialog what its script builds, a trigger its
 * event object: a wrong shape must be refused in Vietnamese, naming the field and what it should
 * be, instead of reaching code that assumes a string ("key.trim is not a function") or being
 * silently ignored (a bare "2026-Q3" taken for "no period", a number 1 for "the latest quarter").
 * What the values mean (a period that exists, a unit of the workbook) is checked by each job.
 */

type Field =
  | { kind: 'text'; about: string; example: string; required?: boolean; max?: number }
  | { kind: 'flag'; about: string }
  | { kind: 'choice'; about: string; choices: readonly string[] };

interface RequestSpec {
  /** The action in Vietnamese, as the menu names it. */
  action: string;
  fields: Record<string, Field>;
  /** A time-driven trigger calls it with its event object (which carries `triggerUid`). */
  trigger?: boolean;
}

/** Short values are echoed in later messages; a megabyte "period" must not be. */
const SHORT = 100;

const PERIOD: Field = {
  kind: 'text',
  about: 'kỳ báo cáo',
  example: '2026-Q3',
  max: SHORT,
};
const QUARTER: Field = { kind: 'text', about: 'quý', example: '2026-Q1', max: SHORT };
const UNIT: Field = { kind: 'text', about: 'mã đơn vị', example: 'DK', max: SHORT };

const REPORT: RequestSpec['fields'] = {
  ky: { ...PERIOD, about: 'kỳ báo cáo (2026-Q3, 2026-H1, 2026-9M, 2026, 2021-2026…)' },
  loai: { kind: 'text', about: 'loại báo cáo', example: 'quy', max: SHORT },
  tam_tinh: { kind: 'flag', about: 'tạo báo cáo với số liệu tạm tính khi kỳ chưa kết thúc' },
};

/** A CSV file to import: exactly one of the text, a Drive file or the bytes. */
const IMPORT: RequestSpec['fields'] = {
  csv: { kind: 'text', about: 'nội dung CSV', example: 'don_vi,ky,ma_chi_tieu,gia_tri …' },
  tep: { kind: 'text', about: 'đường dẫn hoặc ID tệp trên Drive', example: 'https://drive…', max: 2000 },
  base64: { kind: 'text', about: 'nội dung tệp mã hóa base64', example: 'ZG9uX3ZpLGt5LC4uLg==' },
  ten_tep: { kind: 'text', about: 'tên tệp', example: 'so-lieu.csv', max: 500 },
  thap_phan: { kind: 'choice', about: 'dấu thập phân trong tệp', choices: ['.', ','] },
};

export const REQUESTS = {
  // Its continuation trigger (a report that paused: src/app/longJob.ts) passes the event object.
  createReport: { action: 'Tạo báo cáo', fields: REPORT, trigger: true },
  reportOptions: { action: 'Xem thông tin kỳ báo cáo', fields: REPORT },
  rollUp: { action: 'Tổng hợp số liệu', fields: { ky: PERIOD }, trigger: true },
  exportRollUp: { action: 'Xuất số liệu tổng hợp', fields: { ky: { ...PERIOD, required: true } } },
  exportData: { action: 'Xuất số liệu', fields: { ky: { ...QUARTER, required: true } } },
  sendQuarterSummary: {
    action: 'Gửi báo cáo quý',
    fields: { ky: QUARTER, gui_lai: { kind: 'flag', about: 'gửi lại cho người chưa nhận' } },
    trigger: true,
  },
  remindLateUnits: { action: 'Gửi nhắc nhở', fields: { ky: QUARTER }, trigger: true },
  submitQuarter: { action: 'Nộp số liệu quý', fields: { don_vi: UNIT, ky: QUARTER } },
  reopenQuarter: { action: 'Mở lại số liệu quý', fields: { don_vi: UNIT, ky: QUARTER } },
  // Its continuation trigger (an import that paused: src/app/longJob.ts) passes the event object.
  importCsv: { action: 'Nhập số liệu từ CSV', fields: IMPORT, trigger: true },
  importTargets: { action: 'Nhập chỉ tiêu từ CSV', fields: IMPORT },
} satisfies Record<string, RequestSpec>;

export type EntryPoint = keyof typeof REQUESTS;

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'một danh sách';
  switch (typeof value) {
    case 'string':
      return `chuỗi "${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
    case 'number':
      return `số ${String(value)}`;
    case 'boolean':
      return `giá trị ${String(value)}`;
    case 'object':
      return 'một đối tượng';
    default:
      return typeof value;
  }
}

function fieldList(spec: RequestSpec): string {
  return Object.entries(spec.fields)
    .map(([name, field]) => `"${name}" (${field.about})`)
    .join(', ');
}

function example(spec: RequestSpec): string {
  const [name, field] = Object.entries(spec.fields)[0]!;
  const value =
    field.kind === 'text' ? JSON.stringify(field.example) : field.kind === 'flag' ? 'true' : '"."';
  return `{"${name}":${value}}`;
}

function fieldProblem(name: string, field: Field, value: unknown): string | null {
  switch (field.kind) {
    case 'text':
      if (typeof value !== 'string') {
        return `trường "${name}" (${field.about}) phải là chuỗi trong dấu ngoặc kép, ví dụ "${field.example}", không phải ${describe(value)}`;
      }
      if (field.max !== undefined && value.length > field.max) {
        return `trường "${name}" (${field.about}) dài ${value.length} ký tự, quá giới hạn ${field.max} ký tự`;
      }
      return null;
    case 'flag':
      return typeof value === 'boolean'
        ? null
        : `trường "${name}" (${field.about}) phải là true hoặc false, không phải ${describe(value)}`;
    case 'choice':
      return typeof value === 'string' && field.choices.includes(value)
        ? null
        : `trường "${name}" (${field.about}) phải là một trong ${field.choices.map((c) => `"${c}"`).join(', ')}, không phải ${describe(value)}`;
  }
}

/** Every problem of the argument's shape, worded for the person; [] when it is fine. */
export function requestProblems(entry: EntryPoint, value: unknown): string[] {
  const spec: RequestSpec = REQUESTS[entry];
  if (value === undefined || value === null) {
    const required = Object.entries(spec.fields).filter(([, f]) => f.kind === 'text' && f.required);
    return required.map(([name, field]) => `thiếu trường "${name}" (${field.about}), ví dụ ${example(spec)}`);
  }
  if (typeof value !== 'object' || Array.isArray(value)) {
    return [`đối số phải là một đối tượng JSON, ví dụ ${example(spec)}, không phải ${describe(value)}`];
  }
  if (spec.trigger && 'triggerUid' in value) return [];
  const given = value as Record<string, unknown>;
  const problems: string[] = [];
  for (const name of Object.keys(given)) {
    if (!(name in spec.fields)) {
      problems.push(`không có trường "${name}"; các trường được nhận: ${fieldList(spec)}`);
    }
  }
  for (const [name, field] of Object.entries(spec.fields)) {
    const fieldValue = given[name];
    if (fieldValue === undefined || fieldValue === null) {
      if (field.kind === 'text' && field.required) {
        problems.push(`thiếu trường "${name}" (${field.about}), ví dụ ${example(spec)}`);
      }
      continue;
    }
    const problem = fieldProblem(name, field, fieldValue);
    if (problem) problems.push(problem);
  }
  return problems;
}

/** Throws the refusal (one sentence naming the action, every problem, and that nothing changed). */
export function checkRequest(entry: EntryPoint, value: unknown): void {
  const problems = requestProblems(entry, value);
  if (problems.length > 0) {
    throw new Error(`${REQUESTS[entry].action} (${entry}): ${problems.join('; ')}. Chưa có gì thay đổi.`);
  }
}
