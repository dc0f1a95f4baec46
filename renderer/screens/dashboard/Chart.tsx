// One ECharts canvas. The numbers it was given are also kept on the element (data-series) and
// in a screen-reader table, so people who cannot see the chart, and the e2e tests, read the same values.
import { useEffect, useRef } from 'react';
import { COLORS, echarts, FONT, TOOLTIP, type ChartOption } from './echarts';

export interface ChartTable {
  head: string[];
  rows: (string | number)[][];
}

export function Chart({ name, option, series, table, height = 220 }: { name: string; option: ChartOption; series: Record<string, number[]>; table: ChartTable; height?: number }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const chart = echarts.init(el, undefined, { renderer: 'canvas' });
    chart.on('finished', () => el.setAttribute('data-rendered', 'true'));
    const tooltip = { ...TOOLTIP, ...(option.tooltip as object | undefined) };
    chart.setOption({ animation: false, textStyle: { fontFamily: FONT, color: COLORS.text }, ...option, tooltip });
    const resize = new ResizeObserver(() => chart.resize());
    resize.observe(el);
    return () => {
      resize.disconnect();
      chart.dispose();
    };
  }, [option]);
  return (
    <figure className="chart">
      <div ref={ref} className="chart-canvas" style={{ height }} data-chart={name} data-series={JSON.stringify(series)} aria-hidden="true" />
      <table className="sr-only">
        <caption>{name}</caption>
        <thead>
          <tr>{table.head.map((h) => <th key={h}>{h}</th>)}</tr>
        </thead>
        <tbody>
          {table.rows.map((r, i) => (
            <tr key={i}>{r.map((c, j) => <td key={j}>{c}</td>)}</tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
