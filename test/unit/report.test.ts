import { aggregate } from '../../src/domain/aggregate';
import { periodSpec } from '../../src/domain/periodSpec';
import { figureWithUnit } from '../../src/domain/report/content';
import type { ReportKind } from '../../src/domain/periodSpec';
import {
  midTermSpec,
  offeredPeriods,
  reportPeriod,
  reportWording,
  yearToDate,
} from '../../src/domain/report/kinds';
import { tagReference, templateProblems } from '../../src/domain/report/tags';
import { defaultTemplate } from '../../src/domain/report/template';
import type { TemplateBlock } from '../../src/domain/report/template';
import { defaultCatalogue } from '../../src/domain/catalogue';

const wording = (key: string, kind: ReportKind) =>
  reportWording({
    spec: kind === 'giua_nhiem_ky' ? midTermSpec('2021-2026') : periodSpec(key),
    kind,
    unitName: 'Hội LHPN xã Đức Xương',
    superior: 'Hội LHPN tỉnh Hưng Yên',
    term: '2021-2026',
    resolution: 'Nghị quyết Đại hội Phụ nữ xã Đức Xương lần thứ XXVI',
  });

describe('report kinds and their wording', () => {
  it.each<[string, ReportKind, string, string]>([
    [
      '2026-Q3',
      'quy',
      'Kết quả công tác Hội và phong trào phụ nữ quý III/2026; phương hướng, nhiệm vụ quý IV/2026',
      'BC Quý III-2026 - Hội LHPN xã Đức Xương',
    ],
    [
      '2026-H1',
      'sau_thang',
      'Sơ kết công tác Hội và phong trào phụ nữ 6 tháng đầu năm 2026; phương hướng, nhiệm vụ 6 tháng cuối năm 2026',
      'BC 6 tháng đầu năm 2026 - Hội LHPN xã Đức Xương',
    ],
    [
      '2026-9M',
      'chin_thang',
      'Kết quả công tác Hội và phong trào phụ nữ 9 tháng đầu năm 2026; phương hướng, nhiệm vụ quý IV/2026',
      'BC 9 tháng đầu năm 2026 - Hội LHPN xã Đức Xương',
    ],
    [
      '2026',
      'nam',
      'Tổng kết công tác Hội và phong trào phụ nữ năm 2026; phương hướng, nhiệm vụ năm 2027',
      'BC Năm 2026 - Hội LHPN xã Đức Xương',
    ],
    [
      '',
      'giua_nhiem_ky',
      'Đánh giá giữa nhiệm kỳ thực hiện Nghị quyết Đại hội Phụ nữ xã Đức Xương lần thứ XXVI (nhiệm kỳ 2021 - 2026)',
      'BC Nửa đầu nhiệm kỳ 2021 - 2026 - Hội LHPN xã Đức Xương',
    ],
    [
      '2021-2026',
      'nhiem_ky',
      'Tổng kết thực hiện Nghị quyết Đại hội Phụ nữ xã Đức Xương lần thứ XXVI (nhiệm kỳ 2021 - 2026); phương hướng, nhiệm vụ nhiệm kỳ 2026 - 2031',
      'BC Nhiệm kỳ 2021 - 2026 - Hội LHPN xã Đức Xương',
    ],
  ])('%s (%s): the subject and the file name', (key, kind, subject, fileName) => {
    const w = wording(key, kind);
    expect(w.subject).toBe(subject);
    expect(w.fileName).toBe(fileName);
    expect(w.closing).toMatch(/^Trên đây là báo cáo .* của Ban Thường vụ Hội LHPN xã Đức Xương\.\/\.$/);
  });

  it('opens on the year programme of the superior body, or on the congress resolution for a term', () => {
    expect(wording('2026-Q3', 'quy').opening).toBe(
      'Thực hiện Chương trình công tác năm 2026 của Ban Thường vụ Hội LHPN tỉnh Hưng Yên, Ban Thường vụ Hội LHPN xã Đức Xương báo cáo kết quả công tác Hội và phong trào phụ nữ quý III/2026 như sau:',
    );
    expect(wording('2021-2026', 'nhiem_ky').opening).toMatch(
      /^Thực hiện Nghị quyết Đại hội Phụ nữ xã Đức Xương lần thứ XXVI \(nhiệm kỳ 2021 - 2026\), /,
    );
  });

  it('takes the latest closed period of the kind by default', () => {
    const now = new Date(2026, 6, 2, 8); // 02/07/2026
    expect(reportPeriod('quy', undefined, now, '2021-2026').key).toBe('2026-Q2');
    expect(reportPeriod('sau_thang', undefined, now, '2021-2026').key).toBe('2026-H1');
    expect(reportPeriod('nam', undefined, now, '2021-2026').key).toBe('2025');
    expect(reportPeriod('giua_nhiem_ky', undefined, now, '2021-2026').key).toBe('2021-Q3..2023-Q4');
    // The term is not over: its report is offered as a draft rather than nothing.
    expect(offeredPeriods('nhiem_ky', now, '2021-2026').map((p) => p.key)).toEqual(['2021-2026']);
  });

  it('counts "lũy kế từ đầu năm" from the first quarter of the period’s last year', () => {
    expect(yearToDate(periodSpec('2026-Q3')).key).toBe('2026-9M');
    expect(yearToDate(periodSpec('2026-H2')).key).toBe('2026');
    expect(yearToDate(periodSpec('2021-2026')).key).toBe('2026-H1');
  });
});

describe('template tags', () => {
  const known = new Set(tagReference(defaultCatalogue().filter((i) => i.active)).map((t) => t.tag));
  const at = (text: string, line = text, mixedFormatting = false) => ({ text, line, mixedFormatting });

  it('lists every indicator field and the table, list and count tags', () => {
    expect([...known]).toEqual(
      expect.arrayContaining([
        'TC_HV',
        'TC_HV.chi_tieu',
        'TC_HV.ty_le',
        'TC_HV.danh_gia',
        'BANG_CHI_TIEU',
        'BANG_DON_VI',
        'DS_CHUA_NOP',
        'SO_CHI_TIEU_DAT',
      ]),
    );
  });

  it('accepts a template whose tags are all known, whole and in place', () => {
    expect(
      templateProblems([at('{{TC_HV.ty_le}}', 'Đạt {{TC_HV.ty_le}}'), at('{{BANG_DON_VI}}')], [], known),
    ).toEqual([]);
  });

  it('names each unknown, misspelt, split or misplaced tag once', () => {
    expect(
      templateProblems(
        [
          at('{{TC_HV.tyle}}'),
          at('{{TC_HV.tyle}}'),
          at('{{ TC_HV }}'),
          at('{{TEN_KY}}', '{{TEN_KY}}', true),
          at('{{BANG_CHI_TIEU}}', 'Bảng: {{BANG_CHI_TIEU}}'),
        ],
        ['{{NAM'],
        known,
      ),
    ).toEqual([
      'Thẻ {{TC_HV.tyle}} không có trong danh sách thẻ (xem trang "Danh sách thẻ").',
      'Thẻ {{ TC_HV }} viết sai: thẻ phải có dạng {{TÊN_THẺ}} hoặc {{MÃ_CHỈ_TIÊU.truong}}, không có dấu cách.',
      'Thẻ {{TEN_KY}} có định dạng khác nhau giữa các ký tự (ví dụ một phần in đậm): hãy xóa và gõ lại cả thẻ với cùng một định dạng.',
      'Thẻ {{BANG_CHI_TIEU}} phải đứng riêng một dòng.',
      'Mẫu có thẻ không đóng "{{NAM": mỗi "{{" phải có "}}" trên cùng dòng.',
    ]);
  });

  it('gives every default template only known tags, the national motto and the signature', () => {
    const texts = (blocks: TemplateBlock[]): string[] =>
      blocks.flatMap((b) =>
        b.kind === 'paragraph'
          ? [b.text]
          : b.kind === 'columns'
            ? [...b.left, ...b.right].map((p) => p.text)
            : [],
      );
    for (const kind of ['quy', 'sau_thang', 'chin_thang', 'nam', 'giua_nhiem_ky', 'nhiem_ky'] as const) {
      const all = texts(defaultTemplate(kind).blocks);
      const tags = all.flatMap((t) => [...t.matchAll(/\{\{([^}]*)\}\}/g)].map((m) => m[1]!));
      expect(tags.filter((t) => !known.has(t))).toEqual([]);
      expect(all).toEqual(
        expect.arrayContaining([
          'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
          'Độc lập - Tự do - Hạnh phúc',
          'BÁO CÁO',
          '{{BANG_CHI_TIEU}}',
          '{{BANG_DON_VI}}',
          '{{KET_LUAN}}',
          '{{NGUOI_KY}}',
        ]),
      );
    }
  });
});

describe('figures in running text', () => {
  it('gives counts their unit, ratios as percentages and money on the scale of its amount', () => {
    const result = aggregate({
      catalogue: defaultCatalogue().map((i) => ({
        ...i,
        active: ['TC_HV', 'TC_PN18', 'TC_HV_TL', 'UT_DUNO'].includes(i.code),
      })),
      level: 'huyen',
      units: ['DK', 'TL'],
      quarters: ['2026-Q1'],
      points: [
        { unit: 'DK', period: '2026-Q1', code: 'TC_HV', value: 1412 },
        { unit: 'DK', period: '2026-Q1', code: 'TC_PN18', value: 1525 },
        { unit: 'DK', period: '2026-Q1', code: 'UT_DUNO', value: 20371.6 },
        { unit: 'TL', period: '2026-Q1', code: 'UT_DUNO', value: 21000 },
      ],
    });
    const text = (code: string) => figureWithUnit(result.byCode[code]!, result.byCode[code]!.total!.value!);
    expect(text('TC_HV')).toBe('1.412 người');
    expect(text('TC_HV_TL')).toBe('92,6%');
    expect(text('UT_DUNO')).toBe('41,4 tỷ đồng');
  });
});
