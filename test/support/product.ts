import fs from 'node:fs';
import path from 'node:path';
import { Emulator } from '../../scripts/emulator';

export const ROOT = path.resolve(__dirname, '..', '..');
export const DIST = path.join(ROOT, 'dist');

/** A fresh emulator with the built bundle loaded, as `clasp push` would deploy it (jest's globalSetup builds it). */
export function loadProduct(options: { now?: string; owner?: string } = {}): Emulator {
  if (!fs.existsSync(path.join(DIST, 'Code.js')))
    throw new Error('dist/Code.js is missing: run npm run build');
  const emulator = new Emulator({
    now: new Date(options.now ?? '2026-03-02T08:00:00+07:00'),
    owner: options.owner ?? 'chutich@hoilhpn.vn',
    distDir: DIST,
  }).loadBundle(DIST);
  emulator.sheets.createBound('Báo cáo Hội LHPN quận Hoàng Mai');
  return emulator;
}

/** A configuration in the shape `npm run local -- init --config` takes. */
export function sampleConfig(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    ten_don_vi: 'Hội LHPN quận Hoàng Mai',
    cap: 'huyen',
    dia_danh: 'Hoàng Mai',
    nhiem_ky: '2021-2026',
    don_vi: [
      { ma: 'DK', ten: 'Hội LHPN phường Đại Kim', email: ['daikim@hoilhpn.vn'] },
      { ma: 'TL', ten: 'Hội LHPN phường Thịnh Liệt', email: ['thinhliet@hoilhpn.vn'] },
    ],
    email_nhan: ['vanphong@hoilhpn.vn'],
    quan_tri: ['chutich@hoilhpn.vn', 'phochutich@hoilhpn.vn'],
    ...overrides,
  };
}
