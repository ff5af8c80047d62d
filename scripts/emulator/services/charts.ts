import type { EmulatorContext } from '../core/context';
import { Emulated, makeEnum } from '../core/context';
import { CHART_TYPES } from './sheets/charts';

/**
 * Charts: only the ChartType members that Sheet.newChart() builders emulate
 * (https://developers.google.com/apps-script/reference/charts/chart-type). Charts.newDataTable and
 * the standalone chart builders are not emulated.
 */
class ChartsImpl extends Emulated {
  readonly ChartType: Record<string, string>;

  constructor(ctx: EmulatorContext) {
    super(ctx, 'Charts');
    this.ChartType = makeEnum(ctx, 'Charts.ChartType', CHART_TYPES);
  }
}

export function installCharts(ctx: EmulatorContext): { globals: { Charts: ChartsImpl }; driver: null } {
  return { globals: { Charts: new ChartsImpl(ctx) }, driver: null };
}
