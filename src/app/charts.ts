/**
 * The charts of a period, for Tổng hợp and for the report: membership and its rate per quarter over
 * the year (or the term), from one read of the entered data, and the % achieved of each target as
 * the roll-up or the report judged them.
 */
import { shortName } from '../domain/catalogue';
import type { QuarterFigures, TargetBar } from '../domain/charts';
import { chartBlock, chartCaptions, chartFrame, targetsChartTitle } from '../domain/charts';
import type { DataPoint } from '../domain/dataPoints';
import type { PeriodSpec } from '../domain/periodSpec';
import { periodSpec } from '../domain/periodSpec';
import type { TargetCells } from '../domain/targets';
import type { ChartImage, PlacedChart } from '../workspace/charts';
import { writeCharts } from '../workspace/charts';
import { periodPoints } from './periodData';
import { computeRollUp } from './rollUp';
import type { Workbook } from './workbook';

/** Entered data already read for a period, reused when it covers the chart's quarters. */
export interface ReadPoints {
  spec: PeriodSpec;
  points: DataPoint[];
}

function quarterFigures(workbook: Workbook, frame: PeriodSpec, read?: ReadPoints): QuarterFigures[] {
  const covered = read && frame.quarters.every((q) => read.spec.quarters.includes(q));
  const points = covered ? read.points : periodPoints(workbook, frame);
  return frame.quarters.map((quarter) => {
    const aggregation = computeRollUp(workbook, periodSpec(quarter), points);
    const members = aggregation.byCode.TC_HV?.total ?? null;
    return {
      quarter,
      members: members?.value ?? null,
      rate: aggregation.byCode.TC_HV_TL?.total?.value ?? null,
      coverage: members?.coverage ?? null,
    };
  });
}

/** Targets with a % achieved, in catalogue order. */
function targetBars(workbook: Workbook, targets: Record<string, TargetCells>): TargetBar[] {
  return workbook.catalogue.flatMap((indicator) => {
    const percent = targets[indicator.code]?.percent;
    return typeof percent === 'number' ? [{ name: shortName(indicator), percent }] : [];
  });
}

/**
 * Writes the charts of `spec` on Tổng hợp (their data block and the charts themselves) and returns
 * them. `targets` were judged on `judgedOn`.
 */
export function refreshCharts(
  workbook: Workbook,
  spec: PeriodSpec,
  targets: Record<string, TargetCells>,
  judgedOn: PeriodSpec,
  read?: ReadPoints,
): PlacedChart[] {
  const frame = chartFrame(spec);
  const block = chartBlock(
    frame,
    quarterFigures(workbook, frame, read),
    targetBars(workbook, targets),
    targetsChartTitle(judgedOn),
  );
  return writeCharts(workbook.spreadsheet, block);
}

/** The same charts as pictures for a report, with their captions ("Biểu đồ 1: …"). */
export function chartImages(placed: readonly PlacedChart[]): ChartImage[] {
  const captions = chartCaptions(placed.map((p) => p.spec));
  return placed.map(({ spec, chart }, i) => ({
    blob: chart.getAs('image/png'),
    caption: captions[i]!,
    width: spec.width,
    height: spec.height,
  }));
}
