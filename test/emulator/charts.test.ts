import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { Emulator } from '../../scripts/emulator';
import { exportDocx } from '../../scripts/emulator/export/docx';
import { exportPdf } from '../../scripts/emulator/export/pdf';
import { exportXlsx } from '../../scripts/emulator/export/xlsx';
import { chartTable, echartsOption } from '../../scripts/emulator/services/sheets/chartImage';
import { imageSize } from '../../scripts/emulator/services/docs/images';
import { message, newEmulator, newSpreadsheet } from './support';

/* eslint-disable @typescript-eslint/no-explicit-any -- the product sees the services untyped */

/** A sheet with members and a rate per quarter, as a roll-up writes them. */
function quarters() {
  const { emu, id, app } = newSpreadsheet('Tổng hợp');
  const Charts = emu.globals.Charts as any;
  const sheet = emu.execute(() => {
    const s = app.getActiveSheet();
    s.getRange(1, 1, 4, 3).setValues([
      ['Quý', 'Tổng số hội viên', 'Tỷ lệ tập hợp'],
      ['Quý I/2026', 32000, 0.851],
      ['Quý II/2026', 32618, 0.863],
      ['Quý III/2026', '', ''],
    ]);
    s.getRange(2, 2, 3, 1).setNumberFormat('#,##0');
    s.getRange(2, 3, 3, 1).setNumberFormat('0.0%');
    return s;
  });
  const build = (title = 'Hội viên theo quý') =>
    emu.execute(() =>
      sheet
        .newChart()
        .setChartType(Charts.ChartType.LINE)
        .addRange(sheet.getRange('A1:C4'))
        .setNumHeaders(1)
        .setPosition(6, 2, 10, 4)
        .setOption('title', title)
        .setOption('legend', { position: 'bottom' })
        .setOption('series', { 1: { targetAxisIndex: 1 } })
        .setOption('vAxes.0.title', 'Hội viên')
        .build(),
    );
  return { emu, id, app, sheet, Charts, build };
}

function isPng(bytes: Buffer): boolean {
  return bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
}

describe('Sheet.newChart and the EmbeddedChartBuilder', () => {
  test('build() makes a chart that is not on the sheet until insertChart', () => {
    const { emu, sheet, build } = quarters();
    const chart = build();
    expect(emu.execute(() => chart.getChartId())).toBeNull();
    expect(emu.execute(() => sheet.getCharts())).toHaveLength(0);
    emu.execute(() => sheet.insertChart(chart));
    const [stored] = emu.execute(() => sheet.getCharts());
    expect(emu.execute(() => stored.getChartId())).toEqual(expect.any(Number));
    expect(emu.execute(() => stored.getRanges().map((r: any) => r.getA1Notation()))).toEqual(['A1:C4']);
    expect(emu.execute(() => stored.getOptions().get('title'))).toBe('Hội viên theo quý');
    expect(emu.execute(() => stored.getOptions().get('vAxes.0.title'))).toBe('Hội viên');
    expect(emu.execute(() => stored.getOptions().get('series.1.targetAxisIndex'))).toBe(1);
    expect(emu.execute(() => stored.getOptions().get('hAxis.title'))).toBeNull();
    const info = emu.execute(() => stored.getContainerInfo());
    expect(
      emu.execute(() => [info.getAnchorRow(), info.getAnchorColumn(), info.getOffsetX(), info.getOffsetY()]),
    ).toEqual([6, 2, 10, 4]);
  });

  test('addRange does not add a range twice; only LINE, COLUMN and BAR are emulated', () => {
    const { emu, sheet, Charts } = quarters();
    const builder = emu.execute(() =>
      sheet.newChart().addRange(sheet.getRange('A1:B4')).addRange(sheet.getRange('A1:B4')),
    );
    expect(emu.execute(() => builder.getRanges())).toHaveLength(1);
    expect(message(() => emu.execute(() => Charts.ChartType.PIE))).toBe('Not emulated: Charts.ChartType.PIE');
    expect(emu.execute(() => Charts.ChartType.COMBO)).toBe('COMBO');
    expect(message(() => emu.execute(() => builder.setChartType('PIE')))).toMatch(
      /don't match the method signature for SpreadsheetApp\.EmbeddedChartBuilder\.setChartType/,
    );
    expect(message(() => emu.execute(() => builder.asPieChart()))).toBe(
      'Not emulated: EmbeddedChartBuilder.asPieChart',
    );
  });

  test('modify() and updateChart change the chart in place; removeChart takes it away', () => {
    const { emu, sheet, build } = quarters();
    emu.execute(() => sheet.insertChart(build()));
    const [chart] = emu.execute(() => sheet.getCharts());
    const id = emu.execute(() => chart.getChartId());
    const changed = emu.execute(() =>
      chart.modify().clearRanges().addRange(sheet.getRange('A1:B3')).setOption('title', 'Mới').build(),
    );
    // Changes are not saved until updateChart.
    expect(emu.execute(() => sheet.getCharts()[0].getOptions().get('title'))).toBe('Hội viên theo quý');
    emu.execute(() => sheet.updateChart(changed));
    const after = emu.execute(() => sheet.getCharts());
    expect(after).toHaveLength(1);
    expect(emu.execute(() => after[0].getChartId())).toBe(id);
    expect(emu.execute(() => after[0].getOptions().get('title'))).toBe('Mới');
    expect(emu.execute(() => after[0].getRanges()[0].getA1Notation())).toBe('A1:B3');
    emu.execute(() => sheet.removeChart(after[0]));
    expect(emu.execute(() => sheet.getCharts())).toHaveLength(0);
    expect(message(() => emu.execute(() => sheet.updateChart(changed)))).toBe(
      'The chart does not exist on this sheet.',
    );
    expect(message(() => emu.execute(() => sheet.insertChart(changed)))).toMatch(/^Not emulated/);
  });

  test('charts are kept in the saved state, and follow inserted rows', () => {
    const { emu, sheet, build } = quarters();
    emu.execute(() => sheet.insertChart(build()));
    emu.execute(() => sheet.insertRows(1, 2));
    const restored = new Emulator({ state: emu.snapshot() });
    const app = restored.globals.SpreadsheetApp as any;
    const [chart] = restored.execute(() => app.getActiveSheet().getCharts());
    expect(restored.execute(() => chart.getRanges()[0].getA1Notation())).toBe('A3:C6');
    expect(restored.execute(() => chart.getContainerInfo().getAnchorRow())).toBe(8);
  });

  test('a viewer cannot add a chart to a protected sheet', () => {
    const { emu, id, sheet, build } = quarters();
    emu.drive.share(id, 'canbo@hoilhpn.vn', 'EDIT');
    emu.execute(() => sheet.protect().removeEditors(['canbo@hoilhpn.vn']));
    const chart = build();
    expect(message(() => emu.execute(() => sheet.insertChart(chart), { user: 'canbo@hoilhpn.vn' }))).toMatch(
      /protected/i,
    );
  });
});

describe('EmbeddedChart.getAs("image/png")', () => {
  test('is a PNG of the chart at its size, drawn from the current values of its ranges', () => {
    const { emu, sheet, build } = quarters();
    emu.execute(() => sheet.insertChart(build()));
    const png = () => emu.execute(() => sheet.getCharts()[0].getAs('image/png'));
    const first = png();
    const bytes = (first as any)._bytes as Buffer;
    expect(emu.execute(() => first.getContentType())).toBe('image/png');
    expect(isPng(bytes)).toBe(true);
    expect(imageSize(bytes)).toMatchObject({ width: 600, height: 371 });
    // Same data, same picture; new data, a new picture.
    expect((png() as any)._bytes.equals(bytes)).toBe(true);
    emu.execute(() => sheet.getRange('B4:C4').setValues([[33000, 0.87]]));
    expect((png() as any)._bytes.equals(bytes)).toBe(false);
    expect(message(() => emu.execute(() => sheet.getCharts()[0].getAs('image/jpeg')))).toBe(
      'Not emulated: EmbeddedChart.getAs(image/jpeg)',
    );
  });

  test('width and height options set the size of the picture', () => {
    const { emu, sheet, build } = quarters();
    const chart = emu.execute(() =>
      build().modify().setOption('width', 640).setOption('height', 400).build(),
    );
    emu.execute(() => sheet.insertChart(chart));
    const blob = emu.execute(() => sheet.getCharts()[0].getBlob());
    expect(imageSize((blob as any)._bytes)).toMatchObject({ width: 640, height: 400 });
  });

  test('the data: first column the domain, a header row names the series, numbers keep their format', () => {
    const { emu, id, sheet, build } = quarters();
    emu.execute(() => sheet.insertChart(build()));
    const ss = emu.ctx.state.spreadsheet.spreadsheets[id]!;
    const stored = ss.sheets[0]!.charts![0]!;
    const table = chartTable(emu.ctx, ss, stored);
    expect(table.categories).toEqual(['Quý I/2026', 'Quý II/2026', 'Quý III/2026']);
    expect(table.series.map((s) => s.name)).toEqual(['Tổng số hội viên', 'Tỷ lệ tập hợp']);
    expect(table.series[0]!.values).toEqual([32000, 32618, null]);
    const option = echartsOption(
      stored.type,
      table,
      stored.options,
      (v, f) => `${v}|${f}`,
      emu.ctx.fail,
    ) as any;
    // Two value axes: the second for series 1, labelled in its cells' format.
    expect(option.yAxis).toHaveLength(2);
    expect(option.yAxis[0].name).toBe('Hội viên');
    expect(option.yAxis[1].axisLabel.formatter(0.85)).toBe('0.85|0.0%');
    expect(option.series[1].yAxisIndex).toBe(1);
    expect(option.legend.bottom).toBeDefined();
    expect(option.title.text).toBe('Hội viên theo quý');
  });

  const table = {
    categories: ['a'],
    series: [
      { name: 's', values: [1], format: undefined },
      { name: 't', values: [0.5], format: '0%' },
    ],
  };
  const fail = (text: string) => new Error(text);
  const option = (type: 'COLUMN' | 'COMBO', options: Record<string, unknown>) =>
    echartsOption(type, table, options, String, fail) as any;

  test('vAxis.title is not drawn (Sheets ignores it for this builder), vAxes.0.title is', () => {
    expect(option('COLUMN', { vAxis: { title: 'Số người' } }).yAxis[0].name).toBeUndefined();
    expect(option('COLUMN', { vAxes: { 0: { title: 'Số người' } } }).yAxis[0].name).toBe('Số người');
  });

  test('a combo chart draws each series as its type says (line by default), on its axis and window', () => {
    const combo = option('COMBO', {
      seriesType: 'bars',
      series: { 1: { type: 'line', targetAxisIndex: 1 } },
      vAxes: { 1: { viewWindow: { min: 0, max: 1 } } },
    });
    expect(combo.series.map((s: any) => [s.type, s.yAxisIndex])).toEqual([
      ['bar', 0],
      ['line', 1],
    ]);
    expect([combo.yAxis[1].min, combo.yAxis[1].max]).toEqual([0, 1]);
    // Bars start at zero; a line's axis fits its data.
    expect([combo.yAxis[0].scale, combo.yAxis[1].scale]).toEqual([false, true]);
    expect(option('COMBO', {}).series.map((s: any) => s.type)).toEqual(['line', 'line']);
    expect(() => option('COMBO', { seriesType: 'area' })).toThrow(
      'Not emulated: combo chart series type area',
    );
  });
});

/** A document with a chart image inserted at index 1 and resized. */
function documentWithChart() {
  const { emu, sheet, build } = quarters();
  emu.execute(() => sheet.insertChart(build()));
  const DocumentApp = emu.globals.DocumentApp as any;
  const docId = emu.execute(() => {
    const doc = DocumentApp.create('Báo cáo năm');
    const body = doc.getBody();
    body.appendParagraph('Kết quả thực hiện chỉ tiêu');
    const image = body.insertImage(1, sheet.getCharts()[0].getAs('image/png'));
    image.setWidth(450).setHeight(278);
    image.getParent().asParagraph().setAlignment(DocumentApp.HorizontalAlignment.CENTER);
    body.insertParagraph(2, 'Biểu đồ 1: Tổng số hội viên theo quý');
    doc.saveAndClose();
    return doc.getId();
  });
  return { emu, docId, DocumentApp };
}

describe('Body.insertImage, appendImage and InlineImage', () => {
  test('insertImage puts the image in a new paragraph at the index, at its own size', () => {
    const emu = newEmulator();
    const png = fs.readFileSync(require.resolve('@expo-google-fonts/tinos/font-family.png'));
    const size = imageSize(png)!;
    const Docs = emu.globals.DocumentApp as any;
    const Utilities = emu.globals.Utilities as any;
    emu.execute(() => {
      const body = Docs.create('Ảnh').getBody();
      const blob = Utilities.newBlob(Array.from(png), 'image/png', 'a.png');
      const image = body.insertImage(0, blob);
      expect(image.getType()).toBe(Docs.ElementType.INLINE_IMAGE);
      expect([image.getWidth(), image.getHeight()]).toEqual([size.width, size.height]);
      expect(image.getParent().getType()).toBe(Docs.ElementType.PARAGRAPH);
      expect(body.getNumChildren()).toBe(2);
      expect(body.getChild(0).getText()).toBe('');
      // The image is no text: the paragraph's text around it reads as before.
      const p = body.appendParagraph('Hình: ');
      const inline = p.appendInlineImage(blob);
      p.appendText('xong');
      expect(p.getText()).toBe('Hình: xong');
      expect(inline.getParent().getText()).toBe('Hình: xong');
      // An InlineImage argument is copied.
      expect(body.appendImage(image).getWidth()).toBe(size.width);
      expect(body.getNumChildren()).toBe(4);
      expect(message(() => body.insertImage(0, Utilities.newBlob('chữ', 'text/plain')))).toBe(
        'Invalid image data.',
      );
      expect(message(() => body.appendImage('ảnh.png'))).toBe(
        "The parameters (String) don't match the method signature for DocumentApp.Body.appendImage.",
      );
      expect(message(() => image.setWidth(0))).toMatch(/^Not emulated/);
    });
  });

  test('the .docx embeds the image at its size; the .pdf draws it', async () => {
    const { emu, docId } = documentWithChart();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'charts-'));
    const docx = path.join(dir, 'bao-cao.docx');
    await exportDocx(emu.ctx, docId, docx);
    const zip = await JSZip.loadAsync(fs.readFileSync(docx));
    const media = Object.keys(zip.files).filter((name) => name.startsWith('word/media/'));
    expect(media).toHaveLength(1);
    expect(isPng(await zip.file(media[0]!)!.async('nodebuffer'))).toBe(true);
    const xml = await zip.file('word/document.xml')!.async('string');
    // 450 × 278 px at 9525 EMU per pixel.
    expect(xml).toContain(`cx="${450 * 9525}" cy="${278 * 9525}"`);
    expect(xml.indexOf('<w:drawing>')).toBeLessThan(xml.indexOf('Biểu đồ 1'));
    const pdf = path.join(dir, 'bao-cao.pdf');
    exportPdf(emu.ctx, docId, pdf);
    // The page draws one image XObject.
    expect(fs.readFileSync(pdf).toString('latin1')).toMatch(/\/XObject <<\s*\/I1 \d+ 0 R/);
  });

  test('the .xlsx shows each chart as a picture', async () => {
    const { emu, id, sheet, build } = quarters();
    emu.execute(() => sheet.insertChart(build()));
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'charts-')), 'bang-tinh.xlsx');
    await exportXlsx(emu.ctx, id, file);
    const zip = await JSZip.loadAsync(fs.readFileSync(file));
    expect(Object.keys(zip.files).filter((name) => /^xl\/media\/.+\.png$/.test(name))).toHaveLength(1);
  });
});
