// ECharts with only what the 工作台 draws (funnel and bars on a grid, legend, tooltips), on the
// canvas renderer: the SVG one writes style="" attributes, which the app's CSP refuses. For the
// same reason tooltips are drawn on the canvas (renderMode 'richText'), never as HTML. This module
// is only reached through the dashboard's dynamic import, so the first screen stays small.
import * as echarts from 'echarts/core';
import { BarChart, FunnelChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, FunnelChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export type ChartOption = echarts.EChartsCoreOption;
export { echarts };

/** The app's palette, calm: one blue, green for done, amber and red for late. */
export const COLORS = { accent: '#1f5fa8', accentSoft: '#8fb3dc', ok: '#1d7a46', warn: '#c98a1b', bad: '#b42318', grey: '#b8c0cc', text: '#1f2933', muted: '#5f6b7a', line: '#dfe3e8' };

/** Axis lines, labels and grid lines of every chart (the dashboard's and the district's). */
export const AXIS = { axisLine: { lineStyle: { color: COLORS.line } }, axisLabel: { color: COLORS.muted }, splitLine: { lineStyle: { color: '#eef0f3' } } };

/** Tooltips on the canvas (no HTML, so nothing for the CSP to refuse), kept inside the chart. */
export const TOOLTIP = { renderMode: 'richText', confine: true, trigger: 'item', backgroundColor: '#fff', borderColor: '#dfe3e8', textStyle: { color: '#1f2933' } } as const;

export const FONT = '"Microsoft YaHei", "微软雅黑", "PingFang SC", "Noto Sans CJK SC", "Noto Sans SC", sans-serif';
