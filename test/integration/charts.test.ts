import JSZip from 'jszip';
import type { Emulator } from '../../scripts/emulator';
import { imageSize } from '../../scripts/emulator/services/docs/images';
import { sampleConfig } from '../support/product';
import { DK, DK_TAB, enter, OWNER, setUpDistrict, TL, TL_TAB, tickSubmit } from '../support/district';

/* eslint-disable @typescript-eslint/no-explicit-any -- the product sees the services untyped */

const GB = 'giapbat@hoilhpn.vn';
const config = sampleConfig({
  don_vi: [
    { ma: 'DK', ten: 'Hội LHPN phường Đại Kim', email: [DK] },
    { ma: 'TL', ten: 'Hội LHPN phường Thịnh Liệt', email: [TL] },
    { ma: 'GB', ten: 'Hội LHPN phường Giáp Bát', email: [GB] },
  ],
});

/** Two quarters from two wards (Thịnh Liệt skips Quý II); an annual target for new members. */
function district(): Emulator {
  const emu = setUpDistrict('2026-07-03T08:00:00+07:00', config);
  enter(emu, DK, DK_TAB, 1, { TC_PN18: 1500, TC_HV: 1400, TC_HV_MOI: 20, TC_HV_GIAM: 3 });
  enter(emu, TL, TL_TAB, 1, { TC_PN18: 1100, TC_HV: 980, TC_HV_MOI: 12, TC_HV_GIAM: 2 });
  enter(emu, DK, DK_TAB, 2, { TC_PN18: 1525, TC_HV: 1412, TC_HV_MOI: 17, TC_HV_GIAM: 5 });
  tickSubmit(emu, DK, DK_TAB, 1);
  tickSubmit(emu, TL, TL_TAB, 1);
  tickSubmit(emu, DK, DK_TAB, 2);
  ['2021-2026', 2026, '', 'TC_HV_MOI', 'Hằng năm', '40'].forEach((value, j) =>
    emu.sheets.userEdit({ as: OWNER, sheet: 'Mục tiêu', a1: `${'ABCDEF'[j]}2`, value }),
  );
  return emu;
}

interface SeenChart {
  id: number;
  type: string;
  title: string;
  ranges: string[];
  values: unknown[][];
}

/** Tổng hợp's charts as a script sees them, with the cells each one reads. */
function charts(emu: Emulator): SeenChart[] {
  const app = emu.globals.SpreadsheetApp as any;
  return emu.execute(() =>
    app
      .getActiveSpreadsheet()
      .getSheetByName('Tổng hợp')
      .getCharts()
      .map((c: any) => ({
        id: c.getChartId(),
        type: c.modify().getChartType(),
        title: c.getOptions().get('title'),
        ranges: c.getRanges().map((r: any) => r.getA1Notation()),
        values: c.getRanges()[0].getValues(),
      })),
  );
}

describe('charts on Tổng hợp', () => {
  it('draws members and rate per quarter, and the % of each target, from a block the roll-up writes', () => {
    const emu = district();
    emu.run('rollUp', [{ ky: '2026' }]);
    const [members, targets, ...more] = charts(emu);
    expect(more).toEqual([]);
    expect(members!.type).toBe('COMBO');
    expect(members!.title).toBe('Tổng số hội viên và tỷ lệ tập hợp hội viên theo quý, năm 2026');
    expect(members!.values).toEqual([
      ['Quý', 'Tổng số hội viên', 'Tỷ lệ tập hợp hội viên'],
      ['Quý I/2026 (2/3 đơn vị)', 2380, 2380 / 2600],
      ['Quý II/2026 (1/3 đơn vị)', 1412, 1412 / 1525],
      ['Quý III/2026', '', ''],
      ['Quý IV/2026', '', ''],
    ]);
    expect(targets!.type).toBe('BAR');
    expect(targets!.title).toBe('Tỷ lệ thực hiện các chỉ tiêu năm 2026');
    // 20 + 12 + 17 new members against 40.
    expect(targets!.values).toEqual([
      ['Chỉ tiêu', 'Tỷ lệ đạt so với chỉ tiêu'],
      ['Số hội viên kết nạp mới', 1.225],
    ]);
    // The block sits below the roll-up table: the rows the charts read are the block's.
    const sheet = emu.sheets.values('Tổng hợp');
    const marker = sheet.findIndex((r) => String(r[0]).startsWith('SỐ LIỆU BIỂU ĐỒ'));
    expect(sheet[marker]![0]).toBe('SỐ LIỆU BIỂU ĐỒ – NĂM 2026');
    expect(sheet.slice(0, marker).some((r) => r[0] === 'TC_HV')).toBe(true);
    expect(members!.ranges).toEqual([`A${marker + 2}:C${marker + 6}`]);
    expect(targets!.ranges).toEqual([`A${marker + 8}:B${marker + 9}`]);
  });

  it('updates the same two charts on every run instead of adding more', () => {
    const emu = district();
    emu.run('rollUp', [{ ky: '2026' }]);
    const before = charts(emu).map((c) => c.id);
    emu.run('rollUp', [{ ky: '2026-H1' }]);
    const after = charts(emu);
    expect(after.map((c) => c.id)).toEqual(before);
    expect(after[0]!.title).toBe(
      'Tổng số hội viên và tỷ lệ tập hợp hội viên theo quý, từ quý I đến quý II/2026',
    );
    expect(after[0]!.values).toHaveLength(3);
    expect(after[1]!.title).toBe('Tiến độ thực hiện các chỉ tiêu năm 2026, 6 tháng đầu năm 2026');
    // Only one block: the older one was cleared.
    const blocks = emu.sheets.values('Tổng hợp').filter((r) => String(r[0]).startsWith('SỐ LIỆU BIỂU ĐỒ'));
    expect(blocks).toHaveLength(1);
  });

  it('puts the charts in the report as pictures with their captions, and adds no chart', async () => {
    const emu = district();
    emu.run('rollUp', [{ ky: '2026' }]);
    const ids = charts(emu).map((c) => c.id);
    const result = emu.run('createReport', [{ ky: '2026-Q2' }]) as { docId: string };
    const content = emu.documents.content(result.docId) as any;
    const paragraphs = content.body.children.filter((b: any) => b.type === 'PARAGRAPH');
    const pictures = paragraphs.filter((p: any) => p.images?.length);
    expect(pictures).toHaveLength(2);
    for (const p of pictures) {
      expect(p.attrs.HORIZONTAL_ALIGNMENT).toBe('CENTER');
      const png = Buffer.from(p.images[0].data, 'base64');
      expect(imageSize(png)).toMatchObject({ contentType: 'image/png', width: 620 });
    }
    const text = (p: any) => p.runs.map((r: any) => r.text).join('');
    const after = (p: any) => text(paragraphs[paragraphs.indexOf(p) + 1]);
    expect(pictures.map(after)).toEqual([
      'Biểu đồ 1: Tổng số hội viên và tỷ lệ tập hợp hội viên theo quý, từ quý I đến quý II/2026',
      'Biểu đồ 2: Tiến độ thực hiện các chỉ tiêu năm 2026, 6 tháng đầu năm 2026',
    ]);
    expect(paragraphs.some((p: any) => text(p).includes('{{'))).toBe(false);
    // Tổng hợp keeps its two charts, now drawn for the report's period.
    expect(charts(emu).map((c) => c.id)).toEqual(ids);
    // The .docx a person downloads holds both pictures.
    const zip = await JSZip.loadAsync(await emu.documents.docx(result.docId));
    expect(Object.keys(zip.files).filter((f) => /^word\/media\/.+\.png$/.test(f))).toHaveLength(2);
  });

  it('leaves a template without {{BIEU_DO}} and Tổng hợp alone', () => {
    const emu = district();
    emu.run('rollUp', [{ ky: '2026' }]);
    const before = charts(emu);
    const templateId = emu.sheets.values('Cấu hình').find((r) => r[0] === 'mau_quy')![1] as string;
    emu.execute(() => {
      const doc = (emu.globals.DocumentApp as any).openById(templateId);
      doc.getBody().replaceText('\\{\\{BIEU_DO\\}\\}', '');
      doc.saveAndClose();
    });
    const result = emu.run('createReport', [{ ky: '2026-Q2' }]) as { docId: string };
    const content = emu.documents.content(result.docId) as any;
    expect(content.body.children.some((b: any) => b.images?.length)).toBe(false);
    expect(charts(emu)).toEqual(before);
  });
});
