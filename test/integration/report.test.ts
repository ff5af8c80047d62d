import JSZip from 'jszip';
import type { Emulator } from '../../scripts/emulator';
import { sampleConfig } from '../support/product';
import { DK, DK_TAB, enter, OWNER, setUpDistrict, TL, TL_TAB, tickSubmit, type } from '../support/district';

const GB = 'giapbat@hoilhpn.vn';
const VIEWER = 'thuongtruc@hoilhpn.vn';
const EDITOR = 'vanphong@hoilhpn.vn';

const config = sampleConfig({
  don_vi: [
    { ma: 'DK', ten: 'Hội LHPN phường Đại Kim', email: [DK] },
    { ma: 'TL', ten: 'Hội LHPN phường Thịnh Liệt', email: [TL] },
    { ma: 'GB', ten: 'Hội LHPN phường Giáp Bát', email: [GB] },
  ],
  co_quan_cap_tren: 'Hội LHPN thành phố Hà Nội',
  nguoi_ky: 'Nguyễn Thị Hoa',
  chia_se_xem: [VIEWER],
  chia_se_sua: [EDITOR],
});

/** Two quarters typed and submitted by two wards; Giáp Bát reports nothing. An annual target. */
function district(): Emulator {
  const emu = setUpDistrict('2026-04-02T08:00:00+07:00', config);
  enter(emu, DK, DK_TAB, 1, { TC_PN18: 1500, TC_HV: 1400, TC_HV_MOI: 20, TC_HV_GIAM: 3 });
  enter(emu, TL, TL_TAB, 1, { TC_PN18: 1100, TC_HV: 980, TC_HV_MOI: 12, TC_HV_GIAM: 2 });
  tickSubmit(emu, DK, DK_TAB, 1);
  tickSubmit(emu, TL, TL_TAB, 1);
  emu.tick(new Date('2026-07-03T08:00:00+07:00'));
  enter(emu, DK, DK_TAB, 2, { TC_PN18: 1525, TC_HV: 1412, TC_HV_MOI: 17, TC_HV_GIAM: 5 });
  type(emu, DK, DK_TAB, 'NT_NOI_BAT', 2, 'Ra mắt mô hình "Phụ nữ với văn minh đô thị".');
  enter(emu, TL, TL_TAB, 2, { TC_PN18: 1110, TC_HV: 990, TC_HV_MOI: 13, TC_HV_GIAM: 3 });
  type(emu, TL, TL_TAB, 'NT_TON_TAI', 2, 'Sinh hoạt chi hội chưa đều');
  tickSubmit(emu, DK, DK_TAB, 2);
  tickSubmit(emu, TL, TL_TAB, 2);
  ['2021-2026', 2026, '', 'TC_HV_MOI', 'Hằng năm', '40'].forEach((value, j) =>
    emu.sheets.userEdit({ as: OWNER, sheet: 'Mục tiêu', a1: `${'ABCDEF'[j]}2`, value }),
  );
  return emu;
}

interface Result {
  docId: string;
  docUrl: string;
  pdfId: string;
  pdfUrl: string;
  ten: string;
}

/** The .docx a person downloads: a line per paragraph; a table row as "cell | cell", a cell's paragraphs joined by " / ". */
async function docxText(emu: Emulator, docId: string): Promise<string> {
  const zip = await JSZip.loadAsync(await emu.documents.docx(docId));
  const xml = await zip.file('word/document.xml')!.async('string');
  const paragraphs = (x: string) =>
    [...x.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) =>
      [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''),
    );
  const lines: string[] = [];
  for (const part of xml.split(/(<w:tbl>[\s\S]*?<\/w:tbl>)/)) {
    if (!part.startsWith('<w:tbl>')) {
      lines.push(...paragraphs(part));
      continue;
    }
    for (const row of part.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)) {
      lines.push(
        [...row[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((c) => paragraphs(c[0]).join(' / ')).join(' | '),
      );
    }
  }
  return lines
    .join('\n')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}

interface DocxCell {
  text: string;
  align: string;
  bold: boolean;
  /** The row repeats at the top of each page (Word's "repeat as header row"). */
  repeats: boolean;
}

/** The .docx's tables: per row, per cell, its text, alignment, whether all its text is bold. */
async function docxTables(emu: Emulator, docId: string): Promise<DocxCell[][][]> {
  const zip = await JSZip.loadAsync(await emu.documents.docx(docId));
  const xml = await zip.file('word/document.xml')!.async('string');
  return [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((table) =>
    [...table[0].matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((row) =>
      [...row[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((cell) => {
        const runs = [...cell[0].matchAll(/<w:r>([\s\S]*?)<\/w:r>/g)].map((r) => r[1]!);
        return {
          text: runs.map((r) => /<w:t(?: [^>]*)?>([^<]*)<\/w:t>/.exec(r)?.[1] ?? '').join(''),
          align: /<w:jc w:val="(\w+)"/.exec(cell[0])?.[1] ?? 'left',
          bold: runs.length > 0 && runs.every((r) => /<w:b\/>/.test(r)),
          repeats: /<w:tblHeader/.test(row[0]),
        };
      }),
    ),
  );
}

const live = (emu: Emulator) => emu.drive.files().filter((f) => !f.trashed);

describe('createReport', () => {
  it('fills the quarterly template: header, figures in Vietnamese format, both tables, signature, no tag left', async () => {
    const emu = district();
    const result = emu.run('createReport', [{ ky: '2026-Q2' }]) as Result;
    expect(result.ten).toBe('BC Quý II-2026 - Hội LHPN quận Hoàng Mai');
    const text = await docxText(emu, result.docId);
    const lines = text.split('\n');

    // Header table: the bodies on the left, the national motto on the right.
    expect(lines).toContain(
      'HỘI LHPN THÀNH PHỐ HÀ NỘI / HỘI LHPN QUẬN HOÀNG MAI / ────────── / Số:        /BC-HPN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM / Độc lập - Tự do - Hạnh phúc / ──────────────────── / Hoàng Mai, ngày 03 tháng 7 năm 2026',
    );
    expect(lines).toContain('BÁO CÁO');
    expect(lines).toContain(
      'Kết quả công tác Hội và phong trào phụ nữ quý II/2026; phương hướng, nhiệm vụ quý III/2026',
    );
    expect(lines).toContain(
      'Thực hiện Chương trình công tác năm 2026 của Ban Thường vụ Hội LHPN thành phố Hà Nội, Ban Thường vụ Hội LHPN quận Hoàng Mai báo cáo kết quả công tác Hội và phong trào phụ nữ quý II/2026 như sau:',
    );
    expect(lines).toContain('I. KẾT QUẢ THỰC HIỆN CÔNG TÁC HỘI VÀ PHONG TRÀO PHỤ NỮ QUÝ II/2026');
    // Where the figures come from, said once; a ward without figures is named.
    expect(lines).toContain(
      'Số liệu trong báo cáo được tổng hợp từ số liệu quý II/2026 của 2/3 cơ sở Hội nhập đến ngày 03/07/2026 (chưa có số liệu: Hội LHPN phường Giáp Bát).',
    );
    // The results in sentences, under their topic, with the year so far and the verdict.
    const members = lines.indexOf('6. Xây dựng tổ chức Hội vững mạnh');
    expect(lines[members + 1]).toBe(
      'Quý II/2026, các cấp Hội kết nạp mới 30 hội viên, lũy kế từ đầu năm 62 hội viên (đạt 155% chỉ tiêu năm), giảm 8 hội viên (chuyển đi, từ trần, ra khỏi tổ chức), lũy kế 13 hội viên. Đến nay, tổng số hội viên là 2.402 hội viên; tỷ lệ tập hợp hội viên đạt 91,2%; 2/3 cơ sở có tỷ lệ tập hợp hội viên trên 50% phụ nữ từ 18 tuổi trở lên.',
    );
    // A topic nobody reported on says so; no dash stands for a missing figure in the prose.
    expect(lines[lines.indexOf('7. Thực hiện các Đề án, chuyển đổi số') + 1]).toBe(
      'Chưa có số liệu, hoạt động nào được báo cáo về nội dung này trong quý.',
    );
    const prose = lines.slice(0, lines.indexOf('PHỤ LỤC'));
    expect(prose.filter((l) => / – |\[chưa có số liệu\]/.test(l))).toEqual([]);
    // The units' words in the assessment, naming the unit.
    expect(lines).toContain('Tính đến hết tháng 6/2026, 1/1 chỉ tiêu đã đạt (kết nạp mới hội viên).');
    expect(lines).toContain('- Hội LHPN phường Đại Kim: Ra mắt mô hình "Phụ nữ với văn minh đô thị".');
    expect(lines).toContain('- Hội LHPN phường Thịnh Liệt: Sinh hoạt chi hội chưa đều.');
    expect(lines).toContain('III. PHƯƠNG HƯỚNG, NHIỆM VỤ QUÝ III/2026');
    expect(lines).toContain(
      'Trên đây là báo cáo kết quả công tác Hội và phong trào phụ nữ quý II/2026 của Ban Thường vụ Hội LHPN quận Hoàng Mai./.',
    );
    expect(lines).toContain(
      'Nơi nhận: / - Ban Thường vụ Hội LHPN thành phố Hà Nội (để b/c); / - Các đồng chí Ủy viên Ban Chấp hành Hội LHPN quận Hoàng Mai; / - Lưu: VT. | TM. BAN THƯỜNG VỤ / CHỦ TỊCH / (Ký, đóng dấu) /  /  /  / Nguyễn Thị Hoa',
    );

    // The Phụ lục after the signature: the quarter, the year so far, the year's target; a total
    // over fewer wards than the district is marked and explained under the table.
    const signature = lines.findIndex((l) => l.startsWith('Nơi nhận:'));
    expect(lines.indexOf('PHỤ LỤC')).toBeGreaterThan(signature);
    expect(lines).toContain('BIỂU SỐ LIỆU KẾT QUẢ CÔNG TÁC HỘI VÀ PHONG TRÀO PHỤ NỮ QUÝ II/2026');
    expect(lines).toContain('STT | Chỉ tiêu | ĐVT | Trong quý | Lũy kế năm | Chỉ tiêu năm | % thực hiện');
    expect(lines).toContain('I | Xây dựng tổ chức Hội |  |  |  |  | ');
    expect(lines).toContain('2 | Tổng số hội viên | người | 2.402* | 2.402* |  | ');
    expect(lines).toContain('4 | Số hội viên kết nạp mới | người | 30* | 62* | 40 | 155%');
    expect(lines).toContain(
      '(*) Tổng của 2/3 cơ sở Hội có số liệu; chưa có số liệu: Hội LHPN phường Giáp Bát.',
    );

    // Unit table: the indicators with a target first, the year so far; one row per unit (dashes
    // for one that reported nothing), then the total.
    expect(lines).toContain(
      'STT | Đơn vị | Nộp số liệu | Số hội viên kết nạp mới, lũy kế năm (người) | Tổng số hội viên (người) | Tỷ lệ tập hợp hội viên (%)',
    );
    expect(lines.filter((l) => /^\d+ \| Hội LHPN phường /.test(l))).toEqual([
      '1 | Hội LHPN phường Đại Kim | Đã nộp 03/07/2026 | 37 | 1.412 | 92,6%',
      '2 | Hội LHPN phường Thịnh Liệt | Đã nộp 03/07/2026 | 25 | 990 | 89,2%',
      '3 | Hội LHPN phường Giáp Bát | Chưa nộp | – | – | –',
    ]);
    expect(lines).toContain(' | Toàn đơn vị | 2/3 đã nộp | 62 | 2.402 | 91,2%');
    expect(text).not.toContain('{{');
    expect(text).toBe(text.normalize('NFC'));
  });

  it('lays the page out per Nghị định 30/2020: A4, Times New Roman, the official margins', () => {
    const emu = district();
    const { docId } = emu.run('createReport', [{ ky: '2026-Q2' }]) as Result;
    const content = emu.documents.content(docId);
    expect(content.body.attrs).toMatchObject({
      PAGE_WIDTH: 595.276,
      PAGE_HEIGHT: 841.89,
      MARGIN_TOP: 56.7,
      MARGIN_BOTTOM: 56.7,
      MARGIN_LEFT: 85.05,
      MARGIN_RIGHT: 42.52,
    });
    const title = content.body.children.find(
      (b) => b.type === 'PARAGRAPH' && b.runs.map((r) => r.text).join('') === 'BÁO CÁO',
    );
    expect(title).toMatchObject({
      runs: [{ attrs: { BOLD: true, FONT_FAMILY: 'Times New Roman', FONT_SIZE: 14 } }],
    });
  });

  it('names the kind from the period, saves Doc and PDF in the year folder, keeps earlier versions', () => {
    const emu = district();
    const first = emu.run('createReport', [{ ky: '2026-H1' }]) as Result;
    const again = emu.run('createReport', [{ ky: '2026-H1' }]) as Result;
    expect([first.ten, again.ten]).toEqual([
      'BC 6 tháng đầu năm 2026 - Hội LHPN quận Hoàng Mai',
      'BC 6 tháng đầu năm 2026 - Hội LHPN quận Hoàng Mai (lần 2)',
    ]);
    expect(emu.documents.savedText(first.docId)).toContain(
      'Sơ kết công tác Hội và phong trào phụ nữ 6 tháng đầu năm 2026; phương hướng, nhiệm vụ 6 tháng cuối năm 2026',
    );
    expect(emu.documents.savedText(first.docId)).toContain('8. Kết quả thực hiện các chỉ tiêu năm 2026');
    const root = live(emu).find((f) => f.name === 'Báo cáo - Hội LHPN quận Hoàng Mai')!;
    const year = live(emu).find((f) => f.name === 'Năm 2026' && f.parents.includes(root.id))!;
    expect(
      live(emu)
        .filter((f) => f.parents.includes(year.id))
        .map((f) => [f.name, f.mimeType]),
    ).toEqual([
      ['BC 6 tháng đầu năm 2026 - Hội LHPN quận Hoàng Mai', 'application/vnd.google-apps.document'],
      ['BC 6 tháng đầu năm 2026 - Hội LHPN quận Hoàng Mai.pdf', 'application/pdf'],
      ['BC 6 tháng đầu năm 2026 - Hội LHPN quận Hoàng Mai (lần 2)', 'application/vnd.google-apps.document'],
      ['BC 6 tháng đầu năm 2026 - Hội LHPN quận Hoàng Mai (lần 2).pdf', 'application/pdf'],
    ]);
    expect(emu.drive.content(first.pdfId).subarray(0, 5).toString()).toBe('%PDF-');
    expect(emu.sheets.values('Nhật ký').map((r) => r[2])).toContain(
      'Tạo báo cáo "BC 6 tháng đầu năm 2026 - Hội LHPN quận Hoàng Mai (lần 2)"',
    );
  });

  it('shares the Doc and the PDF with exactly the people configured, and no link', () => {
    const emu = district();
    const result = emu.run('createReport', [{ ky: '2026-Q2' }]) as Result;
    for (const id of [result.docId, result.pdfId]) {
      const file = emu.drive.file(id)!;
      expect({ editors: file.editors, viewers: file.viewers, commenters: file.commenters }).toEqual({
        editors: [EDITOR],
        viewers: [VIEWER],
        commenters: [],
      });
      expect(file.sharing.access).toBe('PRIVATE');
    }
  });

  it('refuses a non-admin with a clear message and creates nothing', () => {
    const emu = district();
    const before = emu.drive.files().length;
    expect(() => emu.run('createReport', [{ ky: '2026-Q2' }], { user: DK })).toThrow(
      'Chỉ quản trị viên mới được tạo báo cáo (daikim@hoilhpn.vn).',
    );
    expect(emu.drive.files()).toHaveLength(before);
  });

  it('keeps the tags working in a template the chair edited, and reports broken tags by name before making anything', () => {
    const emu = district();
    const templateId = String(emu.sheets.values('Cấu hình').find((r) => r[0] === 'mau_quy')![1]);
    emu.execute(() => {
      const body = (emu.globals.DocumentApp as GoogleAppsScript.Document.DocumentApp)
        .openById(templateId)
        .getBody();
      body.insertParagraph(
        6,
        'Toàn quận có {{TC_HV}} hội viên, kết nạp mới {{TC_HV_MOI.luy_ke}} từ đầu năm.',
      );
    });
    const edited = emu.run('createReport', [{ ky: '2026-Q2' }]) as Result;
    expect(emu.documents.savedText(edited.docId)).toContain(
      'Toàn quận có 2.402 hội viên, kết nạp mới 62 từ đầu năm.',
    );

    emu.execute(() => {
      const body = (emu.globals.DocumentApp as GoogleAppsScript.Document.DocumentApp)
        .openById(templateId)
        .getBody();
      body.appendParagraph('Sai mã: {{TC_HOIVIEN}}; chưa đóng: {{TC_HV');
      const split = body.appendParagraph('Tách định dạng: {{SO_CHI_TIEU_DAT}}');
      split.editAsText().setBold(18, 24, true);
    });
    const files = emu.drive.files().length;
    let message = '';
    try {
      emu.run('createReport', [{ ky: '2026-Q2' }]);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message.split('\n')).toEqual([
      'Mẫu báo cáo quý có lỗi, chưa tạo báo cáo:',
      '• Thẻ {{TC_HOIVIEN}} không có trong danh sách thẻ (xem trang "Danh sách thẻ").',
      '• Thẻ {{SO_CHI_TIEU_DAT}} có định dạng khác nhau giữa các ký tự (ví dụ một phần in đậm): hãy xóa và gõ lại cả thẻ với cùng một định dạng.',
      '• Mẫu có thẻ không đóng "{{TC_HV": mỗi "{{" phải có "}}" trên cùng dòng.',
    ]);
    expect(emu.drive.files()).toHaveLength(files);
  });

  it.each([
    ['the PDF export', 'File.getAs', 'Drive'],
    ['sharing with the editors', 'File.addEditors', 'Drive'],
    ['reading the filled document through the Docs API', 'Docs.Documents.get', 'Docs'],
    ['styling the tables through the Docs API', 'Docs.Documents.batchUpdate', 'Docs'],
  ])(
    'a failure in %s leaves nothing shared and no document in the folder; the error is logged',
    (_, call, service) => {
      const emu = district();
      emu.ctx.faults.inject(call, { kind: 'unavailable' });
      expect(() => emu.run('createReport', [{ ky: '2026-Q2' }])).toThrow(
        'Chưa thực hiện xong "Tạo báo cáo": dịch vụ của Google tạm thời không phản hồi. Hãy thử lại sau ít phút. Chi tiết lỗi đã ghi trong trang Nhật ký.',
      );
      const year = live(emu).find((f) => f.name === 'Năm 2026')!;
      expect(live(emu).filter((f) => f.parents.includes(year.id))).toEqual([]);
      for (const file of emu.drive.files().filter((f) => f.name.includes('BC Quý II-2026'))) {
        expect(file.trashed).toBe(true);
        expect([...file.editors, ...file.viewers]).toEqual([]);
      }
      // Google's own text is kept for the admin.
      expect(emu.sheets.values('Nhật ký').at(-1)!.slice(2)).toEqual([
        'Lỗi khi chạy "Tạo báo cáo"',
        '',
        '',
        '',
        `Service unavailable: ${service}`,
      ]);
    },
  );

  it('Google’s "No item with the given ID" reaches the chair as what to check, its text kept in Nhật ký', () => {
    const emu = district();
    const google =
      'No item with the given ID could be found. Possibly because you have not edited this item or you do not have permission to access it.';
    emu.ctx.faults.inject('File.makeCopy', { message: google });
    expect(() => emu.run('createReport', [{ ky: '2026-Q2' }])).toThrow(
      'Chưa thực hiện xong "Tạo báo cáo": không tìm thấy tệp hoặc thư mục cần dùng (có thể đã bị xóa hoặc đường liên kết sai). Hãy kiểm tra lại đường liên kết hoặc ID, và quyền truy cập tệp. Chi tiết lỗi đã ghi trong trang Nhật ký.',
    );
    expect(emu.sheets.values('Nhật ký').at(-1)!.slice(2)).toEqual([
      'Lỗi khi chạy "Tạo báo cáo"',
      '',
      '',
      '',
      google,
    ]);
  });

  it('a failed unsharing or trashing does not stop the cleanup, which says what it could not undo', () => {
    const emu = district();
    // Sharing with the editors fails after the viewers got the files; then undoing fails twice.
    // (Each undoing step is tried twice: these fail twice.)
    emu.ctx.faults.inject('File.addEditors', { kind: 'unavailable' });
    emu.ctx.faults.inject('File.removeViewer', { kind: 'unavailable', times: 2 });
    emu.ctx.faults.inject('File.setTrashed', { kind: 'unavailable', times: 2 });
    expect(() => emu.run('createReport', [{ ky: '2026-Q2' }])).toThrow(/^Chưa thực hiện xong "Tạo báo cáo"/);
    const made = emu.drive.files().filter((f) => f.name.includes('BC Quý II-2026'));
    // The file left untrashed is a whole report (shared only once complete), under its draft name,
    // and Nhật ký names what could not be undone.
    const open = made.filter((f) => !f.trashed);
    expect(open.map((f) => f.name)).toEqual(['Đang tạo - BC Quý II-2026 - Hội LHPN quận Hoàng Mai']);
    const cleanup = emu.sheets.values('Nhật ký').find((r) => /chưa dọn được$/.test(String(r[2])))!;
    expect(String(cleanup[6])).toMatch(
      /^gỡ quyền xem của .+ trên ".+"; chuyển ".+" vào thùng rác\. Hãy làm bằng tay/,
    );
    expect(made.filter((f) => f.trashed).every((f) => [...f.editors, ...f.viewers].length === 0)).toBe(true);
    // The rerun makes the report under its own name, not "(lần 2)".
    const rerun = emu.run('createReport', [{ ky: '2026-Q2' }]) as Result;
    expect(rerun.ten).toMatch(/^BC Quý II-2026 - [^(]+$/);
  });

  it('styles the Phụ lục tables: figures to the right, the header centred, bold and repeated on each page', async () => {
    const emu = district();
    const { docId } = emu.run('createReport', [{ ky: '2026-Q2' }]) as Result;
    const tables = await docxTables(emu, docId);
    const units = tables.find((t) => t[0]![1]!.text === 'Đơn vị')!;
    const indicators = tables.find((t) => t[0]![1]!.text === 'Chỉ tiêu')!;
    for (const table of [units, indicators]) {
      // Only the header row repeats at the top of each page the table runs onto.
      expect(table.map((row) => row[0]!.repeats)).toEqual(table.map((_, r) => r === 0));
      expect(table[0]!.every((cell) => cell.bold && cell.align === 'center')).toBe(true);
    }
    const dk = units.find((row) => row[1]!.text === 'Hội LHPN phường Đại Kim')!;
    expect(dk.map((cell) => [cell.text, cell.align, cell.bold])).toEqual([
      ['1', 'center', false],
      ['Hội LHPN phường Đại Kim', 'left', false],
      ['Đã nộp 03/07/2026', 'left', false],
      ['37', 'right', false],
      ['1.412', 'right', false],
      ['92,6%', 'right', false],
    ]);
    const total = units[units.length - 1]!;
    // The total row in bold (its first cell is empty: nothing to show bold).
    expect(total.slice(1).map((cell) => [cell.text, cell.bold])).toEqual([
      ['Toàn đơn vị', true],
      ['2/3 đã nộp', true],
      ['62', true],
      ['2.402', true],
      ['91,2%', true],
    ]);
    const hv = indicators.find((row) => row[1]!.text === 'Số hội viên kết nạp mới')!;
    expect(hv.map((cell) => cell.align)).toEqual([
      'center',
      'left',
      'center',
      'right',
      'right',
      'right',
      'right',
    ]);
    // A group row (a topic) is bold.
    expect(indicators.find((row) => row[1]!.text === 'Xây dựng tổ chức Hội')![1]!.bold).toBe(true);
    // The font and the widths the content needs, as the document has them.
    const table = emu.documents
      .content(docId)
      .body.children.filter((b) => b.type === 'TABLE')
      .slice(2);
    for (const t of table) {
      expect(t.type === 'TABLE' && t.columnWidths.every((w) => typeof w === 'number' && w > 0)).toBe(true);
    }
  });

  it('costs calls that do not grow with the units: the tables are styled in one Docs API batch', () => {
    const calls = (units: number) => {
      const emu = setUpDistrict('2026-07-03T08:00:00+07:00', {
        ...config,
        don_vi: Array.from({ length: units }, (_, i) => ({
          ma: `U${i + 1}`,
          ten: `Hội LHPN phường ${i + 1}`,
          email: [`u${i + 1}@hoilhpn.vn`],
        })),
      });
      emu.ctx.log.clear();
      const { docId } = emu.run('createReport', [{ ky: '2026-Q2' }]) as Result;
      const counts = emu.ctx.log.counts();
      const rows = emu.documents
        .content(docId)
        .body.children.filter((b) => b.type === 'TABLE')
        .reduce((sum, t) => sum + (t.type === 'TABLE' ? t.rows.length : 0), 0);
      return { counts, total: Object.values(counts).reduce((a, b) => a + b, 0), rows };
    };
    const small = calls(3);
    const more = calls(30);
    expect(more.rows - small.rows).toBe(27);
    expect(small.counts['Docs.Documents.get']).toBe(1);
    expect(small.counts['Docs.Documents.batchUpdate']).toBe(1);
    expect(more.counts['Docs.Documents.batchUpdate']).toBe(1);
    // Not a call per row, let alone per cell: 27 more units cost a handful of calls at most.
    expect(more.total - small.total).toBeLessThanOrEqual(10);
    expect(more.counts['Paragraph.setAlignment'] ?? 0).toBe(0);
  });
});

describe('reportOptions (the dialog)', () => {
  it('offers the last completed quarter, says who has submitted and lists the check results', () => {
    const emu = district();
    enter(emu, DK, DK_TAB, 3, { TC_HV: 500 });
    emu.tick(new Date('2026-10-02T08:00:00+07:00'));
    const options = emu.run('reportOptions') as Record<string, unknown>;
    expect(options).toMatchObject({
      ky: '2026-Q3',
      ten_ky: 'Quý III/2026',
      loai: 'quy',
      da_nop: '0/3 đơn vị đã nộp',
      chua_nop: ['Hội LHPN phường Đại Kim', 'Hội LHPN phường Thịnh Liệt', 'Hội LHPN phường Giáp Bát'],
    });
    expect((options.cac_ky as Array<{ ky: string }>).slice(0, 3).map((k) => k.ky)).toEqual([
      '2026-Q3',
      '2026-Q2',
      '2026-Q1',
    ]);
    expect(options.loi).toContainEqual(
      expect.objectContaining({ don_vi: 'Hội LHPN phường Đại Kim', muc_do: 'Cảnh báo' }),
    );
    const half = emu.run('reportOptions', [{ loai: 'sau_thang' }]) as Record<string, unknown>;
    expect(half).toMatchObject({
      ky: '2026-H1',
      ten_ky: '6 tháng đầu năm 2026',
      da_nop: '2/3 đơn vị đã nộp',
    });
  });
});

describe('Khởi tạo and the templates', () => {
  it('makes one template per kind once, lists the tags, and a re-run keeps the templates', () => {
    const emu = district();
    const ids = () =>
      emu.sheets
        .values('Cấu hình')
        .filter((r) => String(r[0]).startsWith('mau_'))
        .map((r) => r[1]);
    const before = ids();
    expect(before).toHaveLength(6);
    expect(new Set(before).size).toBe(6);
    emu.run('setUpWorkbook');
    expect(ids()).toEqual(before);
    const tags = emu.sheets.values('Danh sách thẻ').map((r) => r[0]);
    expect(tags).toEqual(
      expect.arrayContaining(['{{BANG_CHI_TIEU}}', '{{DS_CHUA_NOP}}', '{{TC_HV.ty_le}}', '{{NOI_NHAN}}']),
    );
  });
});
