// 区域统筹: the district ledger (a file of its own, read-only for records). Registered schools and
// their indicators (sortable), one indicator compared across schools (ECharts) and month by month,
// the 汇总报告/汇总表, drill-down into one school with its 检查表, 导入报送包 (a whole USB stick at
// once, BundleImport), 以更正包替换 and the 操作记录. Everything shown is what
// db/district computes; this screen only asks, sorts and draws.
import { lazy, Suspense, useCallback, useEffect, useMemo, useState, type FormEvent } from 'react';
import type { IndicatorKey } from '../../../db/terms';
import { PageHead } from '../../components/PageHead';
import { ExportProgress, useExport, type ExportJob } from '../../components/export';
import { ExportButton } from '../../components/export/ExportButton';
import { Field } from '../../forms/Field';
import { FormError } from '../../forms/FormError';
import { errorFor, useCommand } from '../../forms/useCommand';
import { districtCall, type DistrictOpened, type DistrictOutputOf } from '../../district-client';
import { errorInfo, type LedgerErrorInfo } from '../../ledger-client';
import { notify } from '../../stores/notices';
import { useNav } from '../../stores/nav';
import { useBundleImport } from '../../stores/bundle-import';
import { Chart } from '../dashboard/Chart';
import { AXIS, COLORS, type ChartOption } from '../dashboard/echarts';
import { AuditLog } from './AuditLog';
import { BundleImport } from './BundleImport';
import { DistrictKeyCard } from './DistrictKeyCard';
import { DistrictNameCard } from './DistrictNameCard';
import { DistrictReports } from './DistrictReports';
import { SupersedePanel } from './SupersedePanel';

const DistrictTrend = lazy(() => import('./DistrictTrend'));

type View = DistrictOutputOf<'district.view'>;
type Row = View['schools'][number];
type SortKey = 'name' | 'bundles' | IndicatorKey;

const BAR_TOOLTIP = { trigger: 'axis', axisPointer: { type: 'shadow' } };

export default function DistrictScreen() {
  const [opened, setOpened] = useState<DistrictOpened | null | undefined>(undefined);
  const route = useNav((s) => s.route);
  // Asked again on every move inside 区域统筹: the crumb shows the district's name as renamed.
  useEffect(() => {
    if (!window.district) return setOpened(null);
    void window.district.current().then(setOpened, () => setOpened(null));
  }, [route.id]);
  const open = useCommand(async () => {
    if (!window.district) throw new Error('这个版本的议事台账不能打开区域台账。');
    const o = await window.district.open();
    if (o) setOpened(o);
  });
  if (opened === undefined) return <div className="empty">正在加载…</div>;
  if (!opened) {
    return (
      <>
        <PageHead title="区域统筹" />
        <div className="content content-narrow">
        <section className="card" aria-label="打开区域台账">
          <h2>区域台账</h2>
          <p>区教育工委用区域台账收取各校的报送包，查看各校的议事决策情况。区域台账是单独的文件，与本校台账互不相混。</p>
          <p className="muted small">请选择区域台账所在的文件夹；文件夹里还没有区域台账时，会新建一个。</p>
          <FormError error={open.error} />
          <div className="form-actions">
            <button type="button" className="btn primary" disabled={open.busy} onClick={() => void open.run()}>打开或新建区域台账…</button>
          </div>
        </section>
        </div>
      </>
    );
  }
  return route.id ? <SchoolDetail schoolId={route.id} district={opened.name} /> : <Overview opened={opened} onOpen={() => void open.run()} />;
}

function useDistrictView() {
  const [view, setView] = useState<View | null>(null);
  const [error, setError] = useState<LedgerErrorInfo | null>(null);
  // Bumped after every reload, so the trend and the 操作记录 ask again too.
  const [version, setVersion] = useState(0);
  const reload = useCallback(async () => {
    try {
      setView(await districtCall('district.view', {}));
      setError(null);
    } catch (e) {
      setError(errorInfo(e));
    }
    setVersion((v) => v + 1);
  }, []);
  useEffect(() => void reload(), [reload]);
  // Each bundle the import took (it may go on while another page is open) shows at once.
  useEffect(() => useBundleImport.subscribe((s, before) => void (s.changed !== before.changed && reload())), [reload]);
  return { view, error, reload, version };
}

const sortValue = (r: Row, key: SortKey): number | string => (key === 'name' ? r.name : key === 'bundles' ? r.bundles : (r.values[key] ?? -1));

function Overview({ opened, onOpen }: { opened: DistrictOpened; onOpen: () => void }) {
  const { view, error, reload, version } = useDistrictView();
  // The panel open by itself (true) or for a file the import refused as already covered.
  const [superseding, setSuperseding] = useState<boolean | File>(false);
  const go = useNav((s) => s.go);
  const [sort, setSort] = useState<{ key: SortKey; desc: boolean }>({ key: 'name', desc: false });
  const [metric, setMetric] = useState<IndicatorKey>('consultedShare');
  const [name, setName] = useState('');
  const [fingerprint, setFingerprint] = useState('');

  const register = useCommand(async () => {
    await districtCall('district.register', { name, fingerprint });
    setName('');
    setFingerprint('');
    await reload();
    notify('ok', '学校已登记。');
  });

  const rows = useMemo(() => {
    const list = [...(view?.schools ?? [])];
    list.sort((a, b) => {
      const x = sortValue(a, sort.key);
      const y = sortValue(b, sort.key);
      const c = typeof x === 'string' ? x.localeCompare(String(y), 'zh-CN') : x - (y as number);
      return sort.desc ? -c : c;
    });
    return list;
  }, [view, sort]);
  const column = view?.columns.find((c) => c.key === metric);
  const label = column?.label ?? '';
  const unit = column?.unit ?? '';
  const reported = (view?.schools ?? []).filter((s) => s.bundles > 0);
  const option = useMemo<ChartOption>(
    () => ({
      color: [COLORS.accent],
      grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
      tooltip: BAR_TOOLTIP,
      xAxis: { type: 'category', data: reported.map((s) => s.name), ...AXIS, axisLabel: { color: COLORS.muted, interval: 0, rotate: reported.length > 8 ? 30 : 0 } },
      // A share reads 0–100%, a count in its own unit (次, 项, 天).
      yAxis: { type: 'value', minInterval: 1, ...(unit === '%' ? { max: 100 } : {}), ...AXIS, axisLabel: { ...AXIS.axisLabel, formatter: `{value}${unit}` } },
      series: [{ type: 'bar', name: label, barMaxWidth: 36, data: reported.map((s) => s.values[metric] ?? 0) }],
    }),
    [reported, metric, label, unit],
  );
  const header = (key: SortKey, text: string) => (
    <th key={key} aria-sort={sort.key === key ? (sort.desc ? 'descending' : 'ascending') : 'none'}>
      <button type="button" className="linklike" onClick={() => setSort((s) => ({ key, desc: s.key === key ? !s.desc : key !== 'name' }))}>
        {text}
        {sort.key === key ? (sort.desc ? ' ▼' : ' ▲') : ''}
      </button>
    </th>
  );

  // A district ledger with no school yet: how to begin, and the three cards it begins with, on top.
  const starting = view !== null && view.schools.length === 0;
  const setupCards = (
    <>
      {view && <DistrictNameCard name={view.district} onSaved={reload} />}
      <DistrictKeyCard version={version} />
      <form className="card" aria-label="登记学校" onSubmit={(e: FormEvent) => { e.preventDefault(); void register.run(); }} noValidate>
        <h2>登记学校</h2>
        <p className="muted small">按学校盖章报送的密钥指纹登记；只有登记过的学校的报送包才能导入。</p>
        <div className="form">
          <Field label="学校名称" required error={errorFor(register.error, 'name')}>
            <input type="text" value={name} onChange={(e) => setName(e.target.value)} />
          </Field>
          <Field label="密钥指纹" required error={errorFor(register.error, 'fingerprint')}>
            <input type="text" value={fingerprint} onChange={(e) => setFingerprint(e.target.value)} />
          </Field>
        </div>
        <FormError error={register.error} fields={['name', 'fingerprint']} />
        <div className="form-actions">
          <button type="submit" className="btn" disabled={register.busy}>登记</button>
        </div>
      </form>
    </>
  );
  return (
    <>
      <PageHead
        title={`区域统筹·${view?.district ?? opened.name}`}
        crumbs="区域台账（只读汇总各校报送包）"
        actions={
          <>
            <button type="button" className="btn" aria-expanded={superseding !== false} onClick={() => setSuperseding((x) => !x)}>以更正包替换…</button>
            <button type="button" className="btn" onClick={onOpen}>换一个区域台账…</button>
          </>
        }
      />
      <div className="content">
      <FormError error={error} />
      {superseding !== false && <SupersedePanel file={superseding === true ? undefined : superseding} onDone={reload} onReplaced={useBundleImport.getState().replaced} onClose={() => setSuperseding(false)} />}
      {!starting && <BundleImport onSupersede={setSuperseding} />}
      {starting && (
        <>
          <section className="card" aria-label="开始使用区域台账">
            <h2>开始使用区域台账</h2>
            <ol className="district-start">
              <li>填写本单位名称：印在汇总报告和检查表上。</li>
              <li>保存报送公钥文件，用U盘或电子邮件交给各校；学校在本校台账“设置 → 报送”中导入一次，此后送来的报送包只有本单位能打开。</li>
              <li>按各校盖章报送的密钥指纹登记学校；只有登记过的学校的报送包才能导入。</li>
              <li>各校送来报送包后，在下面“导入报送包”里点“选择报送包…”，可以一次选中U盘里的全部报送包；签名、存证链或时间不对的包会被拒绝并说明原因。</li>
            </ol>
          </section>
          {setupCards}
          <BundleImport onSupersede={setSuperseding} />
        </>
      )}
      {!starting && (
        <>
      <DistrictReports reported={reported.length} />
      <section className="card" aria-label="各校比较">
        <div className="card-head">
          <h2>各校比较</h2>
          <div className="actions">
            <label className="small">
              指标{' '}
              <select value={metric} onChange={(e) => setMetric(e.target.value as IndicatorKey)} aria-label="比较的指标">
                {view?.columns.map((c) => <option key={c.key} value={c.key}>{c.label}</option>)}
              </select>
            </label>
          </div>
        </div>
        {reported.length > 0 ? (
          <Chart
            name={`各校${label}`}
            option={option}
            height={240}
            series={{ [label]: reported.map((s) => s.values[metric] ?? 0) }}
            table={{ head: ['学校', label], rows: reported.map((s) => [s.name, s.text[metric]]) }}
          />
        ) : (
          <p className="muted">还没有导入任何报送包。</p>
        )}
      </section>
      <Suspense fallback={<div className="muted">正在加载图表…</div>}>
        <DistrictTrend version={version} />
      </Suspense>
      <section className="card" aria-label="各校指标">
        <h2>各校指标</h2>
        <div className="table-scroll">
          <table className="list small district-table">
            <thead>
              <tr>
                {header('name', '学校')}
                <th>报送期间</th>
                {header('bundles', '报送包')}
                {view?.columns.map((c) => header(c.key, c.label))}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.schoolId}>
                  <td>
                    <button type="button" className="linklike" onClick={() => go({ section: 'district', id: r.schoolId })}>{r.name}</button>
                  </td>
                  <td className="covered">{r.covered}</td>
                  <td>{r.bundles}个</td>
                  {view?.columns.map((c) => <td key={c.key}>{r.text[c.key]}</td>)}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {rows.length === 0 && <p className="muted">还没有登记学校。请先按各校打印的密钥指纹登记。</p>}
      </section>
        </>
      )}
      {!starting && setupCards}
      <AuditLog version={version} />
      </div>
    </>
  );
}

function SchoolDetail({ schoolId, district }: { schoolId: number; district: string }) {
  const go = useNav((s) => s.go);
  const [detail, setDetail] = useState<DistrictOutputOf<'district.school'> | undefined>(undefined);
  const [error, setError] = useState<LedgerErrorInfo | null>(null);
  const exporter = useExport();
  useEffect(() => {
    districtCall('district.school', { schoolId }).then(setDetail, (e: unknown) => setError(errorInfo(e)));
  }, [schoolId]);
  const inspection: ExportJob = { label: '检查表 PDF', kind: 'pdf', make: () => districtCall('district.inspectionHtml', { schoolId }) };
  const option = useMemo<ChartOption>(
    () => ({
      color: [COLORS.accent, COLORS.ok, COLORS.bad],
      grid: { left: 8, right: 16, top: 28, bottom: 8, containLabel: true },
      legend: { top: 0, right: 0, itemWidth: 12, itemHeight: 10, textStyle: { color: COLORS.muted } },
      tooltip: BAR_TOOLTIP,
      xAxis: { type: 'category', data: detail?.months ?? [], ...AXIS },
      yAxis: { type: 'value', minInterval: 1, ...AXIS },
      series: [
        { type: 'bar', name: '会议', data: detail?.meetings ?? [] },
        { type: 'bar', name: '决定', data: detail?.decisions ?? [] },
        { type: 'bar', name: '督办逾期', data: detail?.overdue ?? [] },
      ],
    }),
    [detail],
  );
  const back = (
    <button type="button" className="linklike" onClick={() => go({ section: 'district' })}>
      区域统筹·{district}
    </button>
  );
  if (error) return (<><PageHead title="学校详情" crumbs={back} /><div className="content"><FormError error={error} /></div></>);
  if (detail === undefined) return <div className="empty">正在加载…</div>;
  if (detail === null) return (<><PageHead title="学校详情" crumbs={back} /><div className="content"><p className="muted">找不到这所学校，可能已被移除。</p></div></>);
  return (
    <>
      <PageHead title={detail.school.name} crumbs={back} actions={<ExportButton exporter={exporter} job={inspection} primary>检查表 PDF</ExportButton>} />
      <div className="content">
      {exporter.state.status !== 'idle' && (
        <section className="card" aria-label="检查表">
          <ExportProgress state={exporter.state} />
        </section>
      )}
      <section className="card" aria-label="逐月情况">
        <h2>逐月情况</h2>
        <p className="muted small">只读：以下内容来自该校报送包，区域台账不能修改。{detail.school.chain}。</p>
        {detail.months.length > 0 ? (
          <Chart
            name="逐月会议、决定与督办逾期"
            option={option}
            height={240}
            series={{ 会议: detail.meetings, 决定: detail.decisions, 督办逾期: detail.overdue }}
            table={{ head: ['月份', '会议', '决定', '督办逾期'], rows: detail.months.map((m, i) => [m, detail.meetings[i] ?? 0, detail.decisions[i] ?? 0, detail.overdue[i] ?? 0]) }}
          />
        ) : (
          <p className="muted">还没有导入这所学校的报送包。</p>
        )}
      </section>
      <section className="card" aria-label="报送包">
        <h2>报送包</h2>
        <table className="list small district-bundles">
          <thead>
            <tr><th>期间</th><th>制作时间</th><th>导入时间</th><th>存证链</th><th>加密</th><th>状态</th><th>内容</th></tr>
          </thead>
          <tbody>
            {detail.bundles.map((b) => (
              <tr key={b.id}>
                <td>
                  {b.period}
                  {b.period !== b.range && <div className="muted">{b.range}</div>}
                </td>
                <td className="nowrap">{b.madeAt}</td><td className="nowrap">{b.importedAt}</td><td className="nowrap">{b.chain}</td><td className="nowrap">{b.sealed}</td><td className="nowrap">{b.state}</td><td>{b.contents}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      </div>
    </>
  );
}
