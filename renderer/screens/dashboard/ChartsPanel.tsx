// 工作台 charts from stats.dashboard: the loop funnel, 按时办结 by 承办部门 (R17), meetings per
// month, 三重一大 items per year (R2). Loaded with import() so ECharts is not in the first screen.
import { useMemo } from 'react';
import { TIMING_LABELS } from '../../../db/terms';
import type { DashboardStats } from '../../stores/loop';
import { Chart } from './Chart';
import { AXIS, COLORS, type ChartOption } from './echarts';

const FUNNEL_SHADES = ['#1f5fa8', '#2a6bb3', '#3a78bd', '#4a84c4', '#5a8fca', '#6a9ad0'];
const MONTHS = Array.from({ length: 12 }, (_, i) => `${i + 1}月`);
const LEGEND = { top: 0, right: 0, itemWidth: 12, itemHeight: 10, textStyle: { color: COLORS.muted } };
/** Bars: hovering a category shows every series of it; an empty segment reads 0, not "-". */
const BAR_TOOLTIP = { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: unknown) => (v == null || v === '-' ? '0' : String(v)) };

export default function ChartsPanel({ stats }: { stats: DashboardStats }) {
  const funnel = useMemo<ChartOption>(
    () => ({
      color: [COLORS.accent],
      series: [
        {
          type: 'funnel',
          sort: 'none',
          left: 8,
          right: 8,
          top: 6,
          bottom: 6,
          minSize: '18%',
          gap: 3,
          label: { position: 'inside', color: '#fff', formatter: '{b}  {c}' },
          itemStyle: { borderWidth: 0 },
          // Lighter blue for each later step; the label stays white on every shade.
          data: stats.funnel.map((f, i) => ({ name: f.label, value: f.count, itemStyle: { color: FUNNEL_SHADES[i] ?? COLORS.accentSoft } })),
        },
      ],
    }),
    [stats.funnel],
  );
  const depts = stats.onTimeByDepartment;
  const timing = useMemo<ChartOption>(
    () => ({
      legend: LEGEND,
      tooltip: BAR_TOOLTIP,
      grid: { left: 8, right: 16, top: 28, bottom: 4, containLabel: true },
      xAxis: { type: 'value', minInterval: 1, ...AXIS },
      // The rate beside each department: 按时办结率 of the tasks already due.
      yAxis: { type: 'category', data: depts.map((d) => (d.rate == null ? d.dept : `${d.dept}  ${d.rate}%`)), inverse: true, ...AXIS },
      series: [
        { name: TIMING_LABELS.onTime, key: 'onTime', color: COLORS.ok },
        { name: TIMING_LABELS.late, key: 'late', color: COLORS.warn },
        { name: TIMING_LABELS.overdue, key: 'overdue', color: COLORS.bad },
        { name: TIMING_LABELS.open, key: 'open', color: COLORS.grey },
      ].map((s) => ({
        type: 'bar',
        name: s.name,
        stack: 'all',
        barMaxWidth: 18,
        itemStyle: { color: s.color },
        data: depts.map((d) => d[s.key as 'onTime'] || null),
      })),
    }),
    [depts],
  );
  const meetings = useMemo<ChartOption>(
    () => ({
      legend: LEGEND,
      tooltip: BAR_TOOLTIP,
      grid: { left: 8, right: 8, top: 28, bottom: 4, containLabel: true },
      xAxis: { type: 'category', data: MONTHS, ...AXIS },
      yAxis: { type: 'value', minInterval: 1, ...AXIS },
      series: stats.meetingsPerMonth.map((m, i) => ({
        type: 'bar',
        name: m.bodyName,
        barMaxWidth: 14,
        itemStyle: { color: i === 0 ? COLORS.accent : COLORS.accentSoft },
        data: m.months,
      })),
    }),
    [stats.meetingsPerMonth],
  );
  const major = useMemo<ChartOption>(
    () => ({
      legend: LEGEND,
      tooltip: BAR_TOOLTIP,
      grid: { left: 8, right: 8, top: 40, bottom: 4, containLabel: true },
      xAxis: { type: 'category', data: stats.majorItemsPerYear.map((y) => `${y.year}年`), ...AXIS },
      yAxis: { type: 'value', minInterval: 1, ...AXIS },
      series: [
        { type: 'bar', name: '提出', barMaxWidth: 22, itemStyle: { color: COLORS.accentSoft }, label: { show: true, position: 'top', color: COLORS.muted, formatter: (p: { value: number }) => (p.value ? String(p.value) : '') }, data: stats.majorItemsPerYear.map((y) => y.filed) },
        { type: 'bar', name: '已决定', barMaxWidth: 22, itemStyle: { color: COLORS.accent }, label: { show: true, position: 'top', color: COLORS.muted, formatter: (p: { value: number }) => (p.value ? String(p.value) : '') }, data: stats.majorItemsPerYear.map((y) => y.decided) },
      ],
    }),
    [stats.majorItemsPerYear],
  );

  return (
    <div className="charts">
      <section className="card">
        <h2>闭环漏斗</h2>
        <Chart
          name="闭环漏斗"
          option={funnel}
          series={{ funnel: stats.funnel.map((f) => f.count) }}
          table={{ head: ['环节', '议题数'], rows: stats.funnel.map((f) => [f.label, f.count]) }}
        />
      </section>
      <section className="card">
        <h2>各部门按时办结 <span className="muted small">（按时办结率）</span></h2>
        {depts.length === 0 ? (
          <p className="muted chart-empty">还没有督办事项。决定事项安排督办后，这里按承办部门统计按时办结情况。</p>
        ) : (
          <Chart
            name="各部门按时办结"
            option={timing}
            series={{ onTime: depts.map((d) => d.onTime), late: depts.map((d) => d.late), overdue: depts.map((d) => d.overdue), open: depts.map((d) => d.open) }}
            table={{ head: ['承办部门', TIMING_LABELS.onTime, TIMING_LABELS.late, TIMING_LABELS.overdue, TIMING_LABELS.open, '按时办结率'], rows: depts.map((d) => [d.dept, d.onTime, d.late, d.overdue, d.open, d.rate == null ? '—' : `${d.rate}%`]) }}
          />
        )}
      </section>
      <section className="card">
        <h2>{stats.year}年每月会议</h2>
        <Chart
          name="每月会议"
          option={meetings}
          series={Object.fromEntries(stats.meetingsPerMonth.map((m) => [m.bodyKind, m.months]))}
          table={{ head: ['月份', ...stats.meetingsPerMonth.map((m) => m.bodyName)], rows: MONTHS.map((label, i) => [label, ...stats.meetingsPerMonth.map((m) => m.months[i]!)]) }}
        />
      </section>
      <section className="card">
        <h2>三重一大议题（近五年）</h2>
        <Chart
          name="三重一大议题"
          option={major}
          series={{ filed: stats.majorItemsPerYear.map((y) => y.filed), decided: stats.majorItemsPerYear.map((y) => y.decided) }}
          table={{ head: ['年度', '提出', '已决定'], rows: stats.majorItemsPerYear.map((y) => [`${y.year}年`, y.filed, y.decided]) }}
        />
      </section>
    </div>
  );
}
