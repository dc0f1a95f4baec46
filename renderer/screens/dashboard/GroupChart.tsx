// The 集团工作台's comparison of campuses (ECharts, loaded with import() like the other charts).
import { useMemo } from 'react';
import { GROUP_FIGURE_LABELS } from '../../../db/terms';
import type { OutputOf } from '../../ledger-client';
import { Chart } from './Chart';
import { COLORS, type ChartOption } from './echarts';

type Row = NonNullable<OutputOf<'group.overview'>>['rows'][number];
const SHOWN = ['meetingsThisYear', 'firstTopicsThisYear', 'overdueFollowUps', 'decisionsWithoutFollowUp'] as const;
const SHADES = [COLORS.accent, COLORS.ok, COLORS.bad, COLORS.warn];

export default function GroupChart({ rows }: { rows: Row[] }) {
  const option = useMemo<ChartOption>(
    () => ({
      color: SHADES,
      legend: { top: 0, right: 0, itemWidth: 12, itemHeight: 10, textStyle: { color: COLORS.muted } },
      grid: { left: 8, right: 8, top: 30, bottom: 4, containLabel: true },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: { type: 'category', data: rows.map((r) => r.name), axisLabel: { color: COLORS.muted, interval: 0 } },
      yAxis: { type: 'value', minInterval: 1, axisLabel: { color: COLORS.muted } },
      series: SHOWN.map((f) => ({ type: 'bar', name: GROUP_FIGURE_LABELS[f], data: rows.map((r) => r[f]) })),
    }),
    [rows],
  );
  const series = Object.fromEntries(SHOWN.map((f) => [f, rows.map((r) => r[f])]));
  return (
    <Chart
      name="各校区比较"
      option={option}
      series={series}
      table={{ head: ['组织', ...SHOWN.map((f) => GROUP_FIGURE_LABELS[f])], rows: rows.map((r) => [r.name, ...SHOWN.map((f) => r[f])]) }}
    />
  );
}
