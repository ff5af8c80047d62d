/**
 * `npm run demo`: the product end to end on sample data, through the same bundle and emulator as the
 * command line, into out/demo/. It grows with the product: a district of 14 wards sets up its
 * workbook; officers type two quarters and tick "Nộp" (one late, one with a rule warning); the chair
 * checks the data; the workbook and each quarter's data are exported.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Emulator } from './emulator';
import { exportXlsx } from './emulator/export/xlsx';
import { main as local } from './local';
import { isoInZone, openWorkspace, saveWorkspace } from './local/workspace';
import { wardFigures } from './demo/data';
import { renderIndex } from './demo/indexPage';

const ROOT = path.resolve(__dirname, '..');
const OUT = path.join(ROOT, 'out', 'demo');
const WORKSPACE = path.join(OUT, 'workspace');
const CONFIG = path.join(ROOT, 'examples', 'hoang-mai.json');

interface Unit {
  ma: string;
  ten: string;
  email: string[];
}

/** An officer types a quarter's figures into the unit's tab, cell by cell, as a person would. */
function typeQuarter(
  emu: Emulator,
  unit: Unit,
  tab: string,
  quarter: number,
  figures: Record<string, unknown>,
): void {
  const rows = emu.sheets.values(tab);
  for (const [code, value] of Object.entries(figures)) {
    const row = rows.findIndex((r) => r[0] === code) + 1;
    const edit = emu.sheets.userEdit({
      as: unit.email[0]!,
      sheet: tab,
      a1: `${'DEFG'[quarter - 1]}${row}`,
      value,
    });
    if (!edit.accepted) throw new Error(`${unit.ma} ${code}: ${edit.message}`);
  }
}

function submitQuarter(emu: Emulator, unit: Unit, tab: string, quarter: number): void {
  emu.sheets.userEdit({ as: unit.email[0]!, sheet: tab, a1: `${'DEFG'[quarter - 1]}5`, value: true });
}

/** Moves the clock (no schedules are installed yet, so nothing fires). */
function at(emu: Emulator, iso: string): void {
  emu.tick(new Date(iso).getTime());
}

async function demo(): Promise<void> {
  const started = Date.now();
  fs.rmSync(OUT, { recursive: true, force: true });
  fs.mkdirSync(OUT, { recursive: true });
  const config = JSON.parse(fs.readFileSync(CONFIG, 'utf8')) as { don_vi: Unit[] };

  await local(['init', '--dir', WORKSPACE, '--config', CONFIG, '--now', '2026-01-05T08:00:00+07:00']);
  const emu = await openWorkspace(WORKSPACE);
  const sheetId = emu.sheets.activeSpreadsheetId();
  for (const unit of config.don_vi) for (const email of unit.email) emu.drive.share(sheetId, email, 'EDIT');
  emu.sheets.userOpen({ as: emu.owner });
  const tabOf = (unit: Unit) => emu.sheets.values('Đơn vị').find((r) => r[0] === unit.ma)![4] as string;

  // Quarter I: everyone types and submits in the first days of April; Yên Sở submits late.
  at(emu, '2026-04-02T08:00:00+07:00');
  for (const unit of config.don_vi) typeQuarter(emu, unit, tabOf(unit), 1, wardFigures(unit.ma, 1));
  config.don_vi.forEach((unit, i) => {
    if (unit.ma === 'YS') return;
    at(emu, `2026-04-0${3 + Math.floor(i / 3)}T09:${String(10 + i).padStart(2, '0')}:00+07:00`);
    submitQuarter(emu, unit, tabOf(unit), 1);
  });
  at(emu, '2026-04-14T15:30:00+07:00');
  submitQuarter(
    emu,
    config.don_vi.find((u) => u.ma === 'YS')!,
    tabOf(config.don_vi.find((u) => u.ma === 'YS')!),
    1,
  );

  // Quarter II: Lĩnh Nam's members drop by more than 30% (a warning, allowed); Mai Động has not
  // submitted by the deadline.
  at(emu, '2026-07-01T08:00:00+07:00');
  for (const unit of config.don_vi) {
    const figures = wardFigures(unit.ma, 2);
    if (unit.ma === 'LN') {
      const members = Math.round(Number(figures.TC_HV) * 0.6);
      Object.assign(figures, { TC_HV: members, TC_HV_SHTX: members - 50, TC_HV_HP: members, TC_HV_NC: 300 });
    }
    typeQuarter(emu, unit, tabOf(unit), 2, figures);
    if (unit.ma !== 'MD') submitQuarter(emu, unit, tabOf(unit), 2);
  }
  at(emu, '2026-07-11T08:00:00+07:00');
  const checks = emu.run('checkData', [], { user: emu.owner }) as { so_loi: number; so_canh_bao: number };
  // The chair sets two targets of the resolution and rolls up the half-year.
  const targets = [
    ['2021-2026', 2026, '', 'TC_HV_MOI', 'Hằng năm', '460'],
    ['2021-2026', '', '', 'TC_HV_TL', 'Tỷ lệ cuối nhiệm kỳ', '89'],
  ];
  targets.forEach((cells, i) =>
    cells.forEach((value, j) =>
      emu.sheets.userEdit({ as: emu.owner, sheet: 'Mục tiêu', a1: `${'ABCDEF'[j]}${i + 2}`, value }),
    ),
  );
  const rolled = emu.run('rollUp', [{ ky: '2026-H1' }], { user: emu.owner }) as {
    ten_ky: string;
    don_vi_co_so_lieu: string;
  };
  const triggerErrors = emu.sheets.triggerErrors();
  if (triggerErrors.length > 0) throw new Error(`Trigger error: ${triggerErrors[0]!.message}`);
  const menus = emu.sheets.menus();
  const progress = emu.sheets.values('Tiến độ');
  const totals = progress[progress.length - 1]!;
  const now = isoInZone(emu.now().getTime(), emu.ctx.state.scriptTimeZone);
  saveWorkspace(WORKSPACE, emu);

  const files = [{ href: 'bang-tinh.xlsx', label: 'Bảng tính (.xlsx)' }];
  await exportXlsx(emu.ctx, sheetId, path.join(OUT, 'bang-tinh.xlsx'));
  for (const ky of ['2026-Q1', '2026-Q2']) {
    const csv = path.join(OUT, `so-lieu-${ky}.csv`);
    await local(['export', '--dir', WORKSPACE, '--ky', ky, '--csv', csv]);
    files.push({ href: path.basename(csv), label: `Số liệu ${ky} (.csv, dạng nhập/xuất)` });
  }
  const rollUpCsv = path.join(OUT, 'tong-hop-2026-H1.csv');
  await local(['export', '--dir', WORKSPACE, '--ky', '2026-H1', '--csv', rollUpCsv]);
  files.push({ href: path.basename(rollUpCsv), label: 'Tổng hợp 6 tháng đầu năm 2026 (.csv, có dòng TONG)' });
  fs.writeFileSync(
    path.join(OUT, 'index.html'),
    renderIndex({
      title: 'Hội LHPN quận Hoàng Mai',
      files,
      tabs: emu.sheets.sheetNames(),
      menus,
      facts: [
        `Thời điểm cuối bản chạy thử: ${now}`,
        `Quý I/2026: ${String(totals[4])}; Quý II/2026: ${String(totals[7])}`,
        `Kiểm tra số liệu: ${checks.so_loi} lỗi, ${checks.so_canh_bao} cảnh báo (xem trang "Kiểm tra")`,
        `Tổng hợp ${rolled.ten_ky}: ${rolled.don_vi_co_so_lieu} có số liệu (xem trang "Tổng hợp")`,
      ],
    }),
  );

  console.log(`Bản chạy thử: Hội LHPN quận Hoàng Mai, ${config.don_vi.length} đơn vị, đến ${now}`);
  console.log(`  Quý I/2026: ${String(totals[4])}; Quý II/2026: ${String(totals[7])}`);
  console.log(`  Kiểm tra số liệu: ${checks.so_loi} lỗi, ${checks.so_canh_bao} cảnh báo`);
  console.log(`  Tổng hợp ${rolled.ten_ky}: ${rolled.don_vi_co_so_lieu} có số liệu`);
  console.log(
    `  Kết quả trong ${path.relative(ROOT, OUT)}/: index.html, ${files.map((f) => f.href).join(', ')}`,
  );
  console.log(`  Thời gian chạy: ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

demo().catch((error: unknown) => {
  console.error(`Lỗi: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
