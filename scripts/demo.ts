/**
 * `npm run demo`: the product over a whole year on sample data, through the same bundle and emulator
 * as the command line, into out/demo/. A district of 14 wards sets up its workbook in January 2026
 * and installs the daily schedule; every quarter the officers type and tick "Nộp" (one unit late in
 * some quarters, one warning of the rule checks), the schedule rolls up, reminds and emails the
 * quarter's report; the chair makes the 6-month and the annual report. Only the clock moves time.
 * `--config F.json` plays another district (examples/hoang-mai-gmail.json: everyone on gmail.com;
 * examples/hoang-mai-mixed.json: several domains), `--out DIR` writes elsewhere.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Emulator } from './emulator';
import { exportXlsx } from './emulator/export/xlsx';
import { isoInZone, saveWorkspace } from './local/workspace';
import type { DemoClock } from './demo/clock';
import type { DemoLink } from './demo/indexPage';
import { renderIndex } from './demo/indexPage';
import type { EmailFile, ReportFile } from './demo/outputs';
import { writeEmails, writeReports } from './demo/outputs';
import type { Checks, DemoConfig, RollUp } from './demo/run';
import { playDemoYear, START } from './demo/run';
import { QUARTERS, YEAR } from './demo/year';

const ROOT = path.resolve(__dirname, '..');
const ROMAN = ['I', 'II', 'III', 'IV'];

/** A folder as the person typed it: relative to the project, or absolute when outside it. */
const shown = (dir: string): string =>
  path.relative(ROOT, dir).startsWith('..') ? dir : path.relative(ROOT, dir);

function options(): { config: string; out: string } {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    strict: true,
    options: { config: { type: 'string' }, out: { type: 'string' } },
  });
  return {
    config: path.resolve(values.config ?? path.join(ROOT, 'examples', 'hoang-mai.json')),
    out: path.resolve(values.out ?? path.join(ROOT, 'out', 'demo')),
  };
}

/** What Tiến độ says of each quarter: "14/14 đơn vị đã nộp" and the units marked late. */
function progress(emu: Emulator): Array<{ quarter: number; submitted: string; late: string[] }> {
  const rows = emu.sheets.values('Tiến độ');
  const units = rows.slice(1, -1);
  const totals = rows[rows.length - 1]!;
  return QUARTERS.map((quarter) => {
    const status = 4 + 3 * (quarter - 1);
    return {
      quarter,
      submitted: String(totals[status]),
      late: units.filter((r) => r[status] === 'Trễ hạn').map((r) => String(r[1]).replace(/^Hội LHPN /, '')),
    };
  });
}

/** Who Tiến độ names as having submitted: an email, or "Không rõ" where Google did not say. */
function submitters(emu: Emulator): { named: number; unknown: number } {
  const rows = emu.sheets.values('Tiến độ').slice(1, -1);
  const cells = rows.flatMap((r) => QUARTERS.map((q) => String(r[3 + 3 * (q - 1)] ?? '')));
  const given = cells.filter((c) => c !== '');
  const named = given.filter((c) => c.includes('@')).length;
  return { named, unknown: given.length - named };
}

/** The workbook as .xlsx, each quarter's entered data and the roll-ups as CSV. */
async function writeWorkbookFiles(emu: Emulator, out: string): Promise<DemoLink[]> {
  const files: DemoLink[] = [{ href: 'bang-tinh.xlsx', label: 'Bảng tính (.xlsx)' }];
  await exportXlsx(emu.ctx, emu.sheets.activeSpreadsheetId(), path.join(out, 'bang-tinh.xlsx'));
  const csv = (name: string, fn: string, ky: string, label: string) => {
    fs.writeFileSync(path.join(out, name), emu.run(fn, [{ ky }], { user: emu.owner }) as string);
    files.push({ href: name, label });
  };
  for (const quarter of QUARTERS) {
    const ky = `${YEAR}-Q${quarter}`;
    csv(
      `so-lieu-${ky}.csv`,
      'exportData',
      ky,
      `Số liệu Quý ${ROMAN[quarter - 1]}/${YEAR} (.csv, dạng nhập/xuất)`,
    );
  }
  csv(`tong-hop-${YEAR}-H1.csv`, 'exportRollUp', `${YEAR}-H1`, `Tổng hợp 6 tháng đầu năm ${YEAR} (.csv)`);
  csv(`tong-hop-${YEAR}.csv`, 'exportRollUp', String(YEAR), `Tổng hợp năm ${YEAR} (.csv, có dòng TONG)`);
  return files;
}

/** "11/04/2026 07:41" in the script's time zone. */
function localTime(emu: Emulator, ms: number): string {
  const [date, time] = isoInZone(ms, emu.ctx.state.scriptTimeZone).split('T') as [string, string];
  return `${date.split('-').reverse().join('/')} ${time.slice(0, 5)}`;
}

function count(emails: EmailFile[], kind: EmailFile['kind']): { emails: number; recipients: number } {
  const some = emails.filter((e) => e.kind === kind);
  return { emails: some.length, recipients: new Set(some.flatMap((e) => e.to)).size };
}

interface Summary {
  config: DemoConfig;
  clock: DemoClock;
  checks: Checks;
  rolled: RollUp;
  reports: ReportFile[];
  emails: EmailFile[];
  quarters: ReturnType<typeof progress>;
  submitters: ReturnType<typeof submitters>;
}

/** The lines of the printed summary and of the index's facts. */
function summaryLines(s: Summary): string[] {
  const runs = s.clock.runsByHandler();
  const reminders = count(s.emails, 'nhac-nop');
  const summaries = count(s.emails, 'bao-cao-quy');
  return [
    `${s.config.ten_don_vi}: ${s.config.don_vi.length} đơn vị, năm ${YEAR}, đồng hồ chạy từ ${START} đến ${s.clock.iso()}`,
    `Nộp số liệu: ${s.quarters
      .map(
        (q) =>
          `Quý ${ROMAN[q.quarter - 1]} ${q.submitted.replace(' đơn vị đã nộp', '')}${q.late.length > 0 ? ` (trễ hạn: ${q.late.join(', ')})` : ''}`,
      )
      .join('; ')}`,
    `Người nộp ghi trong Tiến độ: ${s.submitters.named} lần có email, ${s.submitters.unknown} lần "Không rõ" (Google không cho biết email tài khoản Gmail hoặc ngoài tên miền)`,
    `Kiểm tra số liệu: ${s.checks.so_loi} lỗi, ${s.checks.so_canh_bao} cảnh báo`,
    `Lịch tự động: ${s.clock.fired.length} lần chạy (tổng hợp ${runs.rollUp ?? 0}, gửi báo cáo quý ${runs.sendQuarterSummary ?? 0}, nhắc nộp ${runs.remindLateUnits ?? 0}), không lần nào lỗi`,
    `Thư nhắc nộp: ${reminders.emails} thư tới ${reminders.recipients} đơn vị; thư báo cáo quý: ${summaries.emails} thư tới ${summaries.recipients} địa chỉ`,
    `Báo cáo: ${s.reports.length} (${s.reports.map((r) => r.name.replace(/ - .*$/, '')).join('; ')})`,
    `Tổng hợp ${s.rolled.ten_ky}: ${s.rolled.don_vi_co_so_lieu} có số liệu; ${s.rolled.chi_tieu_dat}`,
  ];
}

async function demo(): Promise<void> {
  const started = Date.now();
  const { config: configFile, out } = options();
  fs.rmSync(out, { recursive: true, force: true });
  fs.mkdirSync(out, { recursive: true });
  const workspace = path.join(out, 'workspace');
  const { emu, config, clock, checks, rolled } = await playDemoYear(configFile, workspace);
  saveWorkspace(workspace, emu);

  const files = await writeWorkbookFiles(emu, out);
  const { reports, pdfProblem } = await writeReports(emu, out);
  const emails = await writeEmails(emu, out);
  const latest = reports[reports.length - 1];
  const lines = summaryLines({
    config,
    clock,
    checks,
    rolled,
    reports,
    emails,
    quarters: progress(emu),
    submitters: submitters(emu),
  });
  fs.writeFileSync(
    path.join(out, 'index.html'),
    renderIndex({
      title: config.ten_don_vi,
      facts: lines,
      files,
      reports,
      pdfNote: pdfProblem,
      emails: emails.map((e) => ({ ...e, sent: localTime(emu, e.sentAt) })),
      preview: latest ? { name: latest.name, text: emu.documents.savedText(latest.docId) } : null,
      tabs: emu.sheets.sheetNames(),
      menus: emu.sheets.menus(),
    }),
  );

  console.log(`Bản chạy thử: ${lines[0]}`);
  for (const line of lines.slice(1)) console.log(`  ${line}`);
  console.log(
    `  Kết quả trong ${shown(out)}/: index.html, bang-tinh.xlsx, ${reports.length} báo cáo .docx${pdfProblem ? ` (không có .pdf: ${pdfProblem})` : ' và .pdf'}, ${emails.length} thư .eml, ${files.length - 1} tệp .csv`,
  );
  console.log(`  Thời gian chạy: ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

demo().catch((error: unknown) => {
  console.error(`Lỗi: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
