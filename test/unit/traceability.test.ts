/**
 * Every figure of a report's prose is a figure of its Phụ lục (deliverable 7 of issue 14): every
 * kind of report is made from the demo's data (scripts/demo/data.ts: the district, its figures,
 * narratives and targets); each number the prose holds is found among the facts the phrase bank
 * recorded, and each fact is checked against the Phụ lục's cell of the same indicator and column,
 * each percentage recomputed from the cells of its parts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { TARGETS, wardFigures, wardNarratives } from '../../scripts/demo/data';
import { defaultCatalogue, shortName } from '../../src/domain/catalogue';
import { parseConfig } from '../../src/domain/config';
import type { DataPoint } from '../../src/domain/dataPoints';
import { formatPercent } from '../../src/domain/format';
import type { ReportKind } from '../../src/domain/periodSpec';
import { periodSpec } from '../../src/domain/periodSpec';
import { buildReportInput } from '../../src/domain/report/build';
import type { ReportContent } from '../../src/domain/report/content';
import { reportContent } from '../../src/domain/report/content';
import { midTermSpec } from '../../src/domain/report/kinds';
import type { ColumnKey, Fact } from '../../src/domain/report/phrases';
import { WORDINGS } from '../../src/domain/report/wordings';
import { rateCodes, targetsFromRows } from '../../src/domain/targets';
import { ROOT } from '../support/product';

const config = parseConfig(
  JSON.parse(fs.readFileSync(path.join(ROOT, 'examples', 'hoang-mai.json'), 'utf8')),
);
const catalogue = defaultCatalogue();
const units = config.don_vi.map((u) => ({ ma: u.ma, ten: u.ten, status: 'Đã nộp', submitted: true }));
const { targets, problems: targetProblems } = targetsFromRows(
  TARGETS.map((row) => [...row]),
  new Set(catalogue.map((i) => i.code)),
  new Set(units.map((u) => u.ma)),
  rateCodes(catalogue),
);

/**
 * The demo's year; in the Quý II report Mai Động has not yet entered its figures. With `history`,
 * the term's earlier years too (Q3/2021 to Q4/2025), as if imported into Lưu trữ: the same wards'
 * figures, a little lower each year back.
 */
function points(late: boolean, history = false): DataPoint[] {
  const quarters = history
    ? [
        '2021-Q3',
        '2021-Q4',
        ...[2022, 2023, 2024, 2025, 2026].flatMap((y) => [1, 2, 3, 4].map((q) => `${y}-Q${q}`)),
      ]
    : [1, 2, 3, 4].map((q) => `2026-Q${q}`);
  return quarters.flatMap((period) => {
    const quarter = Number(period.slice(-1));
    const back = 2026 - Number(period.slice(0, 4));
    return units.flatMap((unit) =>
      late && period === '2026-Q2' && unit.ma === 'MD'
        ? []
        : Object.entries({ ...wardFigures(unit.ma, quarter), ...wardNarratives(unit.ma, quarter) }).map(
            ([code, value]) => ({
              unit: unit.ma,
              period,
              code,
              value: typeof value === 'number' && back > 0 ? Math.round(value * (1 - 0.02 * back)) : value,
            }),
          ),
    );
  });
}

function report(kind: ReportKind, key: string, late = false, history = false): ReportContent {
  const spec = kind === 'giua_nhiem_ky' ? midTermSpec(config.nhiem_ky) : periodSpec(key);
  const status = units.map((u) =>
    late && u.ma === 'MD' ? { ...u, status: 'Chưa nộp', submitted: false } : u,
  );
  return reportContent(
    buildReportInput(
      {
        config,
        catalogue,
        units: status,
        points: points(late, history),
        targets,
        now: new Date(2027, 0, 11),
        dataYear: 2026,
      },
      spec,
      kind,
    ),
  );
}

/** "1.412" -> 1412, "91,1%" -> 91.1, "43.957,7*" -> 43957.7; null for text. */
function parse(text: string): number | null {
  const match = /-?[\d.]+(?:,\d+)?/.exec(text.replace(/\+/g, ''));
  if (!match) return null;
  return Number(match[0].replace(/\./g, '').replace(',', '.'));
}

/** The rounding a number as written can hide: half of its last decimal place. */
function slack(text: string): number {
  const decimals = /,(\d+)/.exec(text)?.[1]?.length ?? 0;
  return 0.5 * 10 ** -decimals + 1e-9;
}

/** A figure of the prose in the ĐVT of its table: "44 tỷ đồng" in triệu đồng is 44.000. */
function inUnit(text: string, unit: string): { value: number; slack: number } {
  const value = parse(text)!;
  const scale = (word: string) => (/tỷ/.test(word) ? 1e9 : /triệu/.test(word) ? 1e6 : 1);
  const factor = /đồng/.test(text) ? scale(text) / scale(unit) : 1;
  return { value: value * factor, slack: slack(text) * factor };
}

class Appendix {
  private readonly header: string[];
  private readonly rows: Map<string, string[]>;

  constructor(
    readonly content: ReportContent,
    private readonly kind: ReportKind,
  ) {
    const cells = content.tables.BANG_CHI_TIEU!.cells;
    this.header = cells[0]!;
    this.rows = new Map(cells.slice(1).map((row) => [row[1]!, row]));
  }

  /** The column a fact's key is shown in, from the headers as a person reads them. */
  private index(column: ColumnKey | 'target' | 'percent' | 'verdict'): number {
    const wanted: Record<string, (h: string) => boolean> = {
      period: (h) => /^(Trong quý|Thực hiện|Năm 2026$|Cả kỳ)/.test(h),
      ytd: (h) => h === 'Lũy kế năm',
      previous: (h) => h === 'Cùng kỳ năm trước' || h === 'Năm 2025',
      baseline: (h) => h === 'Đầu nhiệm kỳ',
      next: (h) => h === 'Chỉ tiêu năm 2027',
      target: (h) => h === 'Chỉ tiêu' || h === 'Chỉ tiêu năm',
      percent: (h) => h === '% thực hiện',
      verdict: (h) => h === 'Đánh giá',
    };
    const test = column.startsWith('year:') ? (h: string) => h === column.slice(5) : wanted[column]!;
    // The first three columns are STT, the indicator's name ("Chỉ tiêu") and its ĐVT.
    const i = this.header.findIndex((h, c) => c >= 3 && test(h));
    if (i < 0)
      throw new Error(`${this.kind}: the Phụ lục has no column for ${column} (${this.header.join(' | ')})`);
    return i;
  }

  row(code: string): string[] {
    const name = shortName(catalogue.find((i) => i.code === code)!);
    const row = this.rows.get(name);
    if (!row) throw new Error(`${this.kind}: the Phụ lục has no row for ${code} (${name})`);
    return row;
  }

  cell(code: string, column: ColumnKey | 'target' | 'percent' | 'verdict'): string {
    return this.row(code)[this.index(column)]!;
  }

  number(code: string, column: ColumnKey | 'target' | 'percent'): number {
    const value = parse(this.cell(code, column));
    if (value === null) throw new Error(`${this.kind}: ${code} has no figure in ${column}`);
    return value;
  }

  unitOf(code: string): string {
    return this.row(code)[2]!;
  }

  /** Rows with a target, and how many of them are met. */
  targetRows(): string[][] {
    return [...this.rows.values()].filter((row) => row[this.index('target')] !== '');
  }

  met(row: string[]): boolean {
    const verdict = this.header.includes('Đánh giá') ? row[this.index('verdict')] : '';
    if (verdict === 'Đạt' || verdict === 'Vượt') return true;
    if (verdict === 'Chưa đạt') return false;
    return (parse(row[this.index('percent')]!) ?? 0) >= 100;
  }
}

const near = (a: number, b: number, tolerance: number) => Math.abs(a - b) <= tolerance;

/** One fact against the Phụ lục; a description of the mismatch, or null. */
function check(fact: Fact, table: Appendix, content: ReportContent): string | null {
  switch (fact.kind) {
    case 'value': {
      const cell = table.cell(fact.code, fact.column);
      const written = inUnit(fact.text, table.unitOf(fact.code));
      const shown = parse(cell)!;
      if (!near(shown, fact.value, slack(cell)) || !near(written.value, fact.value, written.slack)) {
        return `${fact.code} ${fact.column}: prose "${fact.text}", Phụ lục "${cell}"`;
      }
      return null;
    }
    case 'rate': {
      const cell = table.cell(fact.code, fact.column);
      const percent = /([\d,]+%)$/.exec(fact.text)![1]!;
      if (percent !== formatPercent(fact.value) || cell.replace('*', '') !== percent) {
        return `${fact.code} ${fact.column}: prose "${fact.text}", Phụ lục "${cell}"`;
      }
      if (fact.parts) {
        const num = table.number(fact.parts.numerator, fact.column);
        const den = table.number(fact.parts.denominator, fact.column);
        if (formatPercent(num / den) !== percent) return `${fact.code}: ${num}/${den} is not ${percent}`;
        if (
          fact.text !== `${fact.text.split('/')[0]}/${fact.text.split('/')[1]}` ||
          parse(fact.text) !== num
        ) {
          return `${fact.code}: numerator ${fact.text} vs ${num}`;
        }
      }
      return null;
    }
    case 'share': {
      const cell = table.number(fact.code, fact.column);
      return cell === fact.value && fact.of === units.length ? null : `${fact.code}: ${fact.text} vs ${cell}`;
    }
    case 'target': {
      // Recomputed from the cells: the figure judged over the target.
      const actual = table.number(fact.code, fact.column);
      const expected = table.number(fact.code, 'target');
      const shown = table.number(fact.code, 'percent');
      const p = (actual * 100) / expected;
      const ok = near(
        p,
        fact.percent,
        0.05 + (actual * 100 * slack(table.cell(fact.code, fact.column))) / expected / actual,
      );
      return ok && near(shown, fact.percent, 1e-9) && parse(fact.text) === fact.percent
        ? null
        : `${fact.code}: ${fact.text} but ${actual}/${expected} = ${p.toFixed(2)}%`;
    }
    case 'gap': {
      const actual = table.number(fact.code, fact.column);
      const goal = table.number(fact.code, 'target');
      return near(actual - goal, fact.points, 0.1) && parse(fact.text) === Math.abs(fact.points)
        ? null
        : `${fact.code}: gap ${fact.text} vs ${actual} − ${goal}`;
    }
    case 'targetValue': {
      const cells = [
        table.cell(fact.code, 'target'),
        ...(table.content.tables.BANG_CHI_TIEU!.cells[0]!.includes('Chỉ tiêu năm 2027')
          ? [table.cell(fact.code, 'next')]
          : []),
      ];
      const number = fact.text.replace('%', '');
      return cells.some((c) => c.includes(number))
        ? null
        : `${fact.code}: target ${fact.text} not in ${cells.join(' / ')}`;
    }
    case 'unitsMet': {
      // Each unit's share of the target: k a year over the period's years.
      const k = table.number(fact.code, 'target') / units.length;
      const unitsTable = content.tables.BANG_DON_VI!.cells;
      const c = unitsTable[0]!.findIndex((h) =>
        h.startsWith(shortName(catalogue.find((i) => i.code === fact.code)!)),
      );
      const met = unitsTable.slice(1, -1).filter((row) => (parse(row[c]!) ?? 0) >= k).length;
      return met === fact.met && fact.of === units.length
        ? null
        : `${fact.code}: ${fact.text} but ${met} units reach ${k}`;
    }
    case 'change': {
      const before = table.number(fact.code, fact.from);
      const after = table.number(fact.code, fact.to);
      const ratio = table.unitOf(fact.code) === '%';
      const delta = ratio ? (after - before) / 100 : after - before;
      return near(delta, fact.delta, ratio ? 0.001 : 0.1)
        ? null
        : `${fact.code}: change ${fact.text} vs ${before} → ${after}`;
    }
    case 'remaining': {
      const expected = table.number(fact.code, 'target');
      const actual = table.number(fact.code, fact.column);
      return near(expected - actual, fact.amount, 1e-6) && parse(fact.text) === fact.amount
        ? null
        : `${fact.code}: ${fact.text} left but ${expected} − ${actual}`;
    }
    case 'coverage':
      return fact.expected === units.length && fact.reported <= fact.expected
        ? null
        : `coverage ${fact.text}`;
    case 'summary': {
      const rows = table.targetRows();
      const met = rows.filter((row) => table.met(row)).length;
      return met === fact.met && rows.length === fact.total
        ? null
        : `summary ${fact.text} but ${met}/${rows.length}`;
    }
    case 'unmet': {
      const rows = table.targetRows();
      const unmet = rows.filter((row) => !table.met(row)).length;
      return unmet === fact.count ? null : `${fact.text} targets not met but ${unmet}`;
    }
    case 'quote':
      return null;
  }
}

/** The static words of the wordings that hold digits ("8 tiêu chí", "Đề án 938", "18 tuổi"). */
const LITERALS = [
  ...new Set(
    Object.values(WORDINGS)
      .flatMap((w) => [w.done, w.more ?? '', w.zero ?? '', w.negative ?? ''])
      .flatMap((t) => t.split(/\{[nprsa]\}/))
      .filter((part) => /\d/.test(part))
      .map((part) => part.trim()),
  ),
].sort((a, b) => b.length - a.length);

/** What is left of a paragraph once its facts, the wordings' own words, dates and periods are taken out. */
function unexplained(paragraph: string, facts: readonly Fact[]): string[] {
  let rest = paragraph
    .replace(/\b\d{2}\/\d{2}\/\d{4}\b/g, '…')
    .replace(/tháng \d{1,2}\/\d{4}/g, '…')
    .replace(/quý [IV]+\/\d{4}/g, '…')
    .replace(/sau \d quý/g, '…')
    .replace(/\d tháng (đầu|cuối) năm/g, '…')
    .replace(/\b(19|20)\d{2}\b/g, '…');
  const texts = [...new Set(facts.map((f) => f.text))].sort((a, b) => b.length - a.length);
  // A figure is taken out only where it stands whole: "4" is not the 4 of "47".
  const escape = (t: string) => t.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  for (const text of [...LITERALS, ...texts]) {
    rest = rest.replace(new RegExp(`(?<![\\d.,])${escape(text)}(?!\\d|[.,]\\d)`, 'g'), '…');
  }
  return rest.match(/\d[\d.,/%]*/g) ?? [];
}

const KINDS: Array<[ReportKind, string, boolean, boolean]> = [
  ['quy', '2026-Q1', false, false],
  ['quy', '2026-Q2', true, false],
  ['quy', '2026-Q3', false, false],
  ['quy', '2026-Q4', false, false],
  ['sau_thang', '2026-H1', false, false],
  ['chin_thang', '2026-9M', false, false],
  ['nam', '2026', false, false],
  ['nam', '2026', false, true],
  ['giua_nhiem_ky', '', false, true],
  ['nhiem_ky', '2021-2026', false, false],
  ['nhiem_ky', '2021-2026', false, true],
];

describe('every figure of the prose is a figure of the Phụ lục', () => {
  it('reads the demo targets', () => expect(targetProblems).toEqual([]));
  it.each(KINDS)('%s %s (a unit late: %s; the earlier years: %s)', (kind, key, late, history) => {
    const content = report(kind, key, late, history);
    const table = new Appendix(content, kind);
    expect(content.facts.length).toBeGreaterThan(20);
    expect(content.facts.map((fact) => check(fact, table, content)).filter((m) => m !== null)).toEqual([]);
    const prose = Object.entries(content.blocks)
      .filter(([tag]) => tag !== 'NOI_NHAN' && tag !== 'GHI_CHU_BIEU')
      .flatMap(([, lines]) => lines)
      .concat(content.text.NGUON_SO_LIEU!);
    const left = prose
      .map((p) => ({ p, numbers: unexplained(p, content.facts) }))
      .filter((x) => x.numbers.length > 0);
    expect(left).toEqual([]);
    // An indicator without data is left out of the prose, never written as a dash.
    for (const p of prose) expect(p).not.toMatch(/ – |\[chưa có số liệu\]/);
  });

  it('says in the Quý II report that one ward had not entered its figures, and the rule for its stocks', () => {
    const content = report('quy', '2026-Q2', true);
    expect(content.text.NGUON_SO_LIEU).toContain('của 13/14 cơ sở Hội');
    expect(content.text.NGUON_SO_LIEU).toContain('(chưa có số liệu: Hội LHPN phường Mai Động)');
    expect(content.text.NGUON_SO_LIEU).toContain('(Hội LHPN phường Mai Động: quý I/2026)');
    expect(content.blocks.GHI_CHU_BIEU).toEqual(
      expect.arrayContaining([
        '(*) Tổng của 13/14 cơ sở Hội có số liệu; chưa có số liệu: Hội LHPN phường Mai Động.',
        'Cột "Lũy kế năm": số liệu của Hội LHPN phường Mai Động tính đến hết quý I/2026 (quý gần nhất đơn vị đã báo cáo).',
      ]),
    );
    const members = new Appendix(content, 'quy').row('TC_HV');
    expect(members.slice(3, 5)).toEqual(['30.275*', '32.618']);
  });
});
