/**
 * `npm run demo`: the product end to end on sample data, through the same command line a person
 * uses, into out/demo/. It grows with the product: today it sets up a district workbook, opens it
 * as the chair (the menu appears) and exports it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { main as local } from './local';
import { openWorkspace, saveWorkspace } from './local/workspace';
import { renderIndex } from './demo/indexPage';

const ROOT = path.resolve(__dirname, '..');
const OUT = path.join(ROOT, 'out', 'demo');
const WORKSPACE = path.join(OUT, 'workspace');
const CONFIG = path.join(ROOT, 'examples', 'hoang-mai.json');

async function demo(): Promise<void> {
  const started = Date.now();
  fs.rmSync(OUT, { recursive: true, force: true });
  fs.mkdirSync(OUT, { recursive: true });

  const setup = (await local([
    'init',
    '--dir',
    WORKSPACE,
    '--config',
    CONFIG,
    '--now',
    '2026-01-05T08:00:00+07:00',
  ])) as {
    trang_tinh: string[];
    so_don_vi: number;
    ten_don_vi: string;
  };

  // The chair opens the Sheet: onOpen adds the "Hội LHPN" menu.
  const emulator = await openWorkspace(WORKSPACE);
  emulator.sheets.userOpen({ as: emulator.owner });
  const menus = emulator.sheets.menus();
  saveWorkspace(WORKSPACE, emulator);

  const xlsx = path.join(OUT, 'bang-tinh.xlsx');
  await local(['export', '--dir', WORKSPACE, '--xlsx', xlsx]);

  fs.writeFileSync(
    path.join(OUT, 'index.html'),
    renderIndex({
      title: setup.ten_don_vi,
      files: [{ href: 'bang-tinh.xlsx', label: 'Bảng tính (.xlsx)' }],
      tabs: setup.trang_tinh,
      menus,
    }),
  );

  console.log(`Demo: ${setup.ten_don_vi}, ${setup.so_don_vi} đơn vị`);
  console.log(`  Trang tính: ${setup.trang_tinh.join(', ')}`);
  for (const menu of menus) console.log(`  Menu "${menu.name}": ${menu.items.filter(Boolean).length} mục`);
  console.log(`  Kết quả trong ${path.relative(ROOT, OUT)}/: index.html, bang-tinh.xlsx`);
  console.log(`  Thời gian: ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

demo().catch((error: unknown) => {
  console.error(`Lỗi: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
