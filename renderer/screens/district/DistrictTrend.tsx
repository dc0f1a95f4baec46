// 逐月趋势: one indicator month by month, one line per school (district.trend: the core's
// indicators over each month's facts). Loaded on first use with its line chart, apart from the
// rest of the district screen, as the 工作台's charts are.
import { LineChart } from 'echarts/charts';
import { useEffect, useMemo, useState } from 'react';
import type { IndicatorKey } from '../../../db/terms';
import { FormError } from '../../forms/FormError';
import { districtCall, type DistrictOutputOf } from '../../district-client';
import { errorInfo, type LedgerErrorInfo } from '../../ledger-client';
import { Chart } from '../dashboard/Chart';
import { AXIS, COLORS, echarts, type ChartOption } from '../dashboard/echarts';

echarts.use([LineChart]);

const PALETTE = [COLORS.accent, COLORS.ok, COLORS.warn, COLORS.bad, '#6b4fa0', '#0f7c8c', '#8a5a2b', COLORS.accentSoft, '#4a5568', '#c2417a'];

/** `version` changes after every import or replacement, so the lines follow. */
export default function DistrictTrend({ version }: { version: number }) {
  const [trend, setTrend] = useState<DistrictOutputOf<'district.trend'> | null>(null);
  const [error, setError] = useState<LedgerErrorInfo | null>(null);
  const [metric, setMetric] = useState<IndicatorKey>('meetingsPerMonth');
  useEffect(() => {
    districtCall('district.trend', {}).then(setTrend, (e: unknown) => setError(errorInfo(e)));
  }, [version]);
  const label = trend?.columns.find((c) => c.key === metric)?.label ?? '';
  const option = useMemo<ChartOption>(
    () => ({
      color: PALETTE,
      grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
      legend: { type: 'scroll', top: 0, left: 0, right: 0, itemWidth: 14, itemHeight: 8, textStyle: { color: COLORS.muted } },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: trend?.months ?? [], boundaryGap: false, ...AXIS },
      yAxis: { type: 'value', minInterval: 1, ...AXIS },
      series: (trend?.schools ?? []).map((s) => ({ type: 'line', name: s.name, data: s.values[metric], connectNulls: false, symbolSize: 6 })),
    }),
    [trend, metric],
  );
  if (error) return <FormError error={error} />;
  if (!trend) return <div className="muted">正在加载图表…</div>;
  return (
    <section className="card" aria-label="逐月趋势">
      <div className="card-head">
        <h2>逐月趋势</h2>
        <div className="actions">
          <label className="small">
            指标{' '}
            <select value={metric} onChange={(e) => setMetric(e.target.value as IndicatorKey)} aria-label="趋势的指标">
              {trend.columns.map((c) => <option key={c.key} value={c.key}>{c.label}</option>)}
            </select>
          </label>
        </div>
      </div>
      {trend.schools.length > 0 ? (
        <Chart
          name={`各校逐月${label}`}
          option={option}
          height={260}
          series={Object.fromEntries(trend.schools.map((s) => [s.name, s.values[metric].map((v) => v ?? 0)]))}
          table={{ head: ['学校', ...trend.months], rows: trend.schools.map((s) => [s.name, ...s.values[metric].map((v) => (v === null ? '—' : v))]) }}
        />
      ) : (
        <p className="muted">还没有导入任何报送包。</p>
      )}
    </section>
  );
}
