// 台账: the year's decisions in one table, as an inspector reads them — meeting, item, 议事清单
// 事项, vote counts (R10), result, 督办 (R17), status in the loop and evaluation (R18). Filters by
// year, 事项, 议事机构 and 三重一大; Enter or a click opens the decision's 督办.
import { useCallback, useEffect } from 'react';
import { EmptyState } from '../../components/EmptyState';
import { PageHead } from '../../components/PageHead';
import { VirtualList, type Column } from '../../components/VirtualList';
import { formatDate } from '../../dates';
import { FormError } from '../../forms/FormError';
import { useLoop, type RegisterFilter, type RegisterRow } from '../../stores/loop';
import { useNav } from '../../stores/nav';
import { useBodyName, useOrg, useOverview } from '../../stores/org';
import { MatterSelect } from '../items/MatterSelect';
import { loopYears } from './years';
import { LedgerXlsxButton } from '../../components/export';
import { REGISTER_STATUS_LABELS } from '../../../db/terms';

const COLUMNS: Column[] = [
  { key: 'meeting', label: '会议', width: '168px' },
  { key: 'decision', label: '议题与决定事项', width: 'minmax(0, 2.4fr)' },
  { key: 'matter', label: '事项', width: 'minmax(0, 1fr)' },
  { key: 'votes', label: '表决（同意/反对/弃权）', width: '150px' },
  { key: 'result', label: '结果', width: '72px' },
  { key: 'followups', label: '督办', width: 'minmax(0, 0.9fr)' },
  { key: 'status', label: '状态', width: '92px' },
  { key: 'rating', label: '评价', width: '64px' },
];

const STATUS_TONE: Record<string, string> = {
  unassigned: 'warn',
  waived: '',
  in_progress: 'info',
  overdue: 'bad',
  to_evaluate: 'info',
  evaluated: 'ok',
  correcting: 'brand',
  closed: 'ok',
  reconsidered: 'warn',
};

function votes(r: RegisterRow): string {
  if (r.votesFor == null) return r.voteMethod ?? '—';
  return `${r.votesFor} / ${r.votesAgainst ?? 0} / ${r.votesAbstain ?? 0}`;
}

export function RegisterScreen() {
  const { org } = useOverview();
  const bodyName = useBodyName();
  const matters = useOrg((s) => s.matters);
  const { filter, rows, loaded, error } = useLoop((s) => s.ledger);
  const loadRegister = useLoop((s) => s.loadRegister);
  const go = useNav((s) => s.go);
  useEffect(() => {
    void loadRegister(org.id);
  }, [loadRegister, org.id]);
  const open = useCallback((r: RegisterRow) => go({ section: 'followups', id: r.id }), [go]);
  const major = rows.filter((r) => r.major).length;
  const overdue = rows.filter((r) => r.status === 'overdue').length;

  return (
    <>
      <PageHead
        title="台账"
        crumbs="决策台账：会议决定、表决、督办、评价一览"
        actions={<button className="btn" onClick={() => go({ section: 'settings', tab: 'report' })}>制作报送包…</button>}
      />
      <div className="content fill">
        <div className="row toolbar">
          <select aria-label="年度" className="compact" value={filter.year} onChange={(e) => void loadRegister(org.id, { year: Number(e.target.value) })}>
            {loopYears().map((y) => (
              <option key={y} value={y}>{y}年</option>
            ))}
          </select>
          <span className="compact-wide">
            <MatterSelect
              matters={matters}
              value={filter.matterId ?? ''}
              onChange={(id) => void loadRegister(org.id, { matterId: id === '' ? undefined : id })}
              label="议事清单事项"
              emptyLabel="全部议事清单事项"
            />
          </span>
          <select aria-label="议事机构" className="compact" value={filter.bodyKind ?? ''} onChange={(e) => void loadRegister(org.id, { bodyKind: (e.target.value || undefined) as RegisterFilter['bodyKind'] })}>
            <option value="">全部议事机构</option>
            <option value="party_committee">{bodyName('party_committee')}</option>
            <option value="principal_office">{bodyName('principal_office')}</option>
          </select>
          <select
            aria-label="三重一大"
            className="compact"
            value={filter.major === undefined ? '' : filter.major ? 'yes' : 'no'}
            onChange={(e) => void loadRegister(org.id, { major: e.target.value === '' ? undefined : e.target.value === 'yes' })}
          >
            <option value="">三重一大：不限</option>
            <option value="yes">仅三重一大</option>
            <option value="no">非三重一大</option>
          </select>
          <span className="muted small count" data-testid="ledger-total">
            {filter.year}年 共 {rows.length} 项决定{major ? `，三重一大 ${major} 项` : ''}{overdue ? `，逾期 ${overdue} 项` : ''}
          </span>
          <LedgerXlsxButton orgId={org.id} year={filter.year} />
        </div>
        <FormError error={error} />
        {loaded && rows.length === 0 ? (
          <div className="card">
            <EmptyState title="没有符合条件的决定事项">会议表决通过的议题形成决定事项后，会自动记入台账。换一个年度或筛选条件试试。</EmptyState>
          </div>
        ) : (
          <VirtualList<RegisterRow>
            label="决策台账"
            columns={COLUMNS}
            count={rows.length}
            rowHeight={58}
            row={(i) => rows[i]}
            rowKey={(r, i) => r?.id ?? i}
            onOpen={open}
            rowProps={(r) => ({ 'data-decision': String(r.id), 'data-status': r.status })}
            cells={(r) => [
              <span className="two-line">
                <span className="ellipsis">{r.meetingLabel.replace(/^\d+年/, '')}</span>
                <span className="muted small">{formatDate(r.decidedOn)} · 第{r.number}项</span>
              </span>,
              <span className="two-line">
                <span className="ellipsis" title={r.itemTitle}>
                  {r.major && <span className="badge warn">三重一大</span>} {r.itemTitle}
                </span>
                <span className="muted small ellipsis" title={r.text}>{r.text}</span>
              </span>,
              <span className="ellipsis" title={r.matterName}>{r.matterCode} {r.matterName}</span>,
              <span className="two-line">
                <span className="num">{votes(r)}</span>
                {r.due != null && <span className="muted small">应到{r.due} 实到{r.present}</span>}
              </span>,
              <span className="badge ok">{r.voteMethod === '校长决定' ? '校长决定' : '通过'}</span>,
              <span className="ellipsis small" title={r.followUps.map((f) => `${f.ownerDept}：${f.task}`).join('\n')}>
                {r.followUps.length ? `${r.followUps.length}项 · ${[...new Set(r.followUps.map((f) => f.ownerDept))].join('、')}` : r.noFollowUpReason ? REGISTER_STATUS_LABELS.waived : '—'}
              </span>,
              <span className={`badge ${STATUS_TONE[r.status] ?? ''}`} data-ledger-status={r.status}>{r.statusLabel}</span>,
              <span className={r.ratings.some((x) => x === '一般' || x === '差') ? 'bad-text' : ''}>{r.ratings.join('、') || '—'}</span>,
            ]}
          />
        )}
      </div>
    </>
  );
}
