/**
 * The units as a chair types or pastes them in the first-run dialog: one line per unit, "mã, tên,
 * email" (more addresses after the first, separated by commas, semicolons or spaces), or the same
 * columns in a CSV file with an optional header row. Each line is checked on its own so the dialog
 * can show every problem beside its line.
 */
import type { UnitConfig } from './config';
import { isEmail, isUnitCode } from './config';
import { parseCsv } from './csv';
import { splitList } from './text';

export interface UnitLine {
  /** 1-based line number in the text as typed. */
  line: number;
  ma: string;
  ten: string;
  email: string[];
  /** What is wrong with this line, in Vietnamese; absent when it is good. */
  problem?: string;
}

export interface UnitLines {
  lines: UnitLine[];
  /** The good lines as units, in order; complete only when no line has a problem. */
  units: UnitConfig[];
}

const HEADER = /^(ma|mã|mã đơn vị|ma_don_vi)$/iu;

function problemsOf(ma: string, ten: string, emails: string[], seen: Map<string, number>): string[] {
  const problems: string[] = [];
  if (!isUnitCode(ma)) {
    problems.push(
      ma === '' ? 'thiếu mã đơn vị' : `mã "${ma}" chỉ được gồm 1–20 chữ cái không dấu, chữ số hoặc "_"`,
    );
  } else if (seen.has(ma.toUpperCase())) {
    problems.push(`mã "${ma}" trùng với dòng ${seen.get(ma.toUpperCase())}`);
  }
  if (ten === '') problems.push('thiếu tên đơn vị');
  if (emails.length === 0) problems.push('thiếu email cán bộ nhập số liệu');
  const bad = emails.filter((e) => !isEmail(e));
  if (bad.length > 0) problems.push(`email không hợp lệ: ${bad.join(', ')}`);
  return problems;
}

/** Parses the pasted lines (or a CSV file's text); blank lines and a header row are skipped. */
export function parseUnitLines(text: string): UnitLines {
  const lines: UnitLine[] = [];
  const seen = new Map<string, number>();
  parseCsv(text.normalize('NFC')).forEach((fields, index) => {
    const [rawCode = '', rawName = '', ...rawEmails] = fields.map((f) => f.trim());
    if (fields.every((f) => f.trim() === '')) return;
    if (index === 0 && HEADER.test(rawCode)) return;
    const email = rawEmails.flatMap(splitList).map((e) => e.toLowerCase());
    const problems = problemsOf(rawCode, rawName, email, seen);
    if (isUnitCode(rawCode) && !seen.has(rawCode.toUpperCase())) seen.set(rawCode.toUpperCase(), index + 1);
    lines.push({
      line: index + 1,
      ma: rawCode,
      ten: rawName,
      email,
      ...(problems.length > 0 ? { problem: problems.join('; ') } : {}),
    });
  });
  return {
    lines,
    units: lines.filter((l) => !l.problem).map(({ ma, ten, email }) => ({ ma, ten, email })),
  };
}
