// 议题 list: state chips, 事项分组, 三重一大 and year filters, a search on titles and contents
// (the core's bigram index, so 预算 or 招聘 match), and a virtual list that reads pages as it
// scrolls. Alt+N new item, Ctrl+F search, ↑↓ and Enter in the list.
import { useCallback, useEffect, useRef } from 'react';
import type { ItemState } from '../../../db/terms';
import { LOOP_STAGE_LABELS, MATTER_GROUP_LABELS } from '../../../db/terms';
import { EmptyState } from '../../components/EmptyState';
import { PageHead } from '../../components/PageHead';
import { StateBadge } from '../../components/StateBadge';
import { useShortcut } from '../../components/useShortcut';
import { VirtualList, type Column } from '../../components/VirtualList';
import { formatDate } from '../../dates';
import { FormError } from '../../forms/FormError';
import { useItems, type ItemRow } from '../../stores/items';
import { useNav } from '../../stores/nav';
import { useBodyName, useOrg, useOverview } from '../../stores/org';
import { loopYears } from '../register/years';

/** The dashboard's words for the groups (db/terms.ts), so a chip says what the tile says. */
const FILTERS: { label: string; states?: ItemState[] }[] = [
  { label: '全部' },
  { label: LOOP_STAGE_LABELS.consult, states: ['draft', 'consultation', 'vote_postponed'] },
  { label: LOOP_STAGE_LABELS.postponed, states: ['postponed'] },
  { label: LOOP_STAGE_LABELS.ready, states: ['ready'] },
  { label: LOOP_STAGE_LABELS.scheduled, states: ['scheduled', 'discussed'] },
  { label: '已决定', states: ['passed', 'not_passed', 'follow_up', 'evaluated', 'closed', 'corrected'] },
  { label: LOOP_STAGE_LABELS.withdrawn, states: ['withdrawn'] },
];

const COLUMNS: Column[] = [
  { key: 'title', label: '议题名称', width: 'minmax(0, 2.6fr)' },
  { key: 'matter', label: '议事清单事项', width: 'minmax(0, 1.3fr)' },
  { key: 'proposer', label: '提出人', width: '84px' },
  { key: 'body', label: '决策机构', width: '104px' },
  { key: 'state', label: '状态', width: '100px' },
  { key: 'date', label: '提出日期', width: '124px' },
];

export function ItemList() {
  const { org } = useOverview();
  const bodyName = useBodyName();
  const matters = useOrg((s) => s.matters);
  const { rows, total, loading, error, filter, loadList, setFilter, ensureRange } = useItems();
  const go = useNav((s) => s.go);
  const search = useRef<HTMLInputElement>(null);
  useEffect(() => {
    void loadList(org.id);
  }, [loadList, org.id]);
  useShortcut('Alt+n', () => go({ section: 'items', view: 'new' }));
  useShortcut('Ctrl+f', () => search.current?.focus());
  const onRange = useCallback((start: number, end: number) => void ensureRange(org.id, start, end), [ensureRange, org.id]);
  const open = useCallback((r: ItemRow) => go({ section: 'items', id: r.id }), [go]);

  const active = FILTERS.find((f) => JSON.stringify(f.states) === JSON.stringify(filter.states)) ?? FILTERS[0]!;
  const groups = [...new Set(matters.map((m) => m.group))];
  const filtered = Boolean(filter.states || filter.search || filter.matterGroup || filter.major !== undefined || filter.year);

  return (
    <>
      <PageHead
        title="议题"
        crumbs="议题提出 → 会前沟通 → 上会"
        actions={
          <button className="btn primary" onClick={() => go({ section: 'items', view: 'new' })} aria-keyshortcuts="Alt+N">
            新建议题<kbd className="hint">Alt+N</kbd>
          </button>
        }
      />
      <div className="content fill">
        <div className="row toolbar">
          <div className="row" role="group" aria-label="按状态筛选">
            {FILTERS.map((f) => (
              <button key={f.label} className="btn small choice" aria-pressed={f === active} onClick={() => void setFilter({ states: f.states }, org.id)}>
                {f.label}
              </button>
            ))}
          </div>
          <label className="search">
            <span className="sr-only">搜索议题名称和内容</span>
            <input
              ref={search}
              type="search"
              placeholder="搜索名称和内容，如：预算"
              aria-keyshortcuts="Control+F"
              value={filter.search}
              onChange={(e) => void setFilter({ search: e.target.value }, org.id)}
            />
            <kbd className="hint">Ctrl+F</kbd>
          </label>
        </div>
        <div className="row toolbar">
          <select aria-label="议事清单分组" className="compact" value={filter.matterGroup ?? ''} onChange={(e) => void setFilter({ matterGroup: e.target.value || undefined }, org.id)}>
            <option value="">全部事项分组</option>
            {groups.map((g) => (
              <option key={g} value={g}>{g === 'X' ? '' : `${g} `}{MATTER_GROUP_LABELS[g] ?? g}</option>
            ))}
          </select>
          <select
            aria-label="三重一大"
            className="compact"
            value={filter.major === undefined ? '' : filter.major ? 'yes' : 'no'}
            onChange={(e) => void setFilter({ major: e.target.value === '' ? undefined : e.target.value === 'yes' }, org.id)}
          >
            <option value="">三重一大：不限</option>
            <option value="yes">仅三重一大</option>
            <option value="no">非三重一大</option>
          </select>
          <select aria-label="年度" className="compact" value={filter.year ?? ''} onChange={(e) => void setFilter({ year: e.target.value ? Number(e.target.value) : undefined }, org.id)}>
            <option value="">全部年度</option>
            {loopYears().map((y) => (
              <option key={y} value={y}>{y}年</option>
            ))}
          </select>
          {filtered && (
            <button className="btn small" onClick={() => void setFilter({ states: undefined, search: '', matterGroup: undefined, major: undefined, year: undefined }, org.id)}>
              清除筛选
            </button>
          )}
          <span className="muted small count" aria-live="polite" data-testid="items-total">共 {total.toLocaleString('zh-CN')} 个议题</span>
        </div>
        <FormError error={error} />
        {total === 0 && !loading ? (
          <div className="card">
            {filtered ? (
              <EmptyState title="没有符合条件的议题">换一个筛选条件，或清空搜索框。</EmptyState>
            ) : (
              <EmptyState
                title="还没有议题"
                action={
                  <button className="btn primary" onClick={() => go({ section: 'items', view: 'new' })}>
                    新建第一个议题
                  </button>
                }
              >
                议题由班子成员提出。新建后提交会前沟通，书记与校长意见一致即可列入会议议程。
              </EmptyState>
            )}
          </div>
        ) : (
          <VirtualList<ItemRow>
            label="议题列表"
            columns={COLUMNS}
            count={total}
            row={(i) => rows[i]}
            rowKey={(r, i) => r?.id ?? `loading-${i}`}
            onRange={onRange}
            onOpen={open}
            rowProps={(r) => ({ 'data-item': r.title })}
            cells={(r) => [
              <span className="cell-title" title={r.title}>
                {/* A real button for pointer and screen-reader users; the keyboard uses the list's ↑↓ Enter. */}
                <button className="linklike" tabIndex={-1}>{r.title}</button>
                {r.kind === 'correction' && <span className="badge brand">修正</span>}
                {r.routing.major && <span className="badge warn">三重一大</span>}
              </span>,
              <span className="ellipsis" title={r.matterName}>{r.matterCode} {r.matterName}</span>,
              r.proposerName,
              bodyName(r.routing.body),
              <StateBadge state={r.state} label={r.stateLabel} />,
              <span className="num">{formatDate(r.createdAt)}</span>,
            ]}
          />
        )}
      </div>
    </>
  );
}
