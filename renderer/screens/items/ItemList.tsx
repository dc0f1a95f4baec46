import { useEffect } from 'react';
import type { ItemState } from '../../../db/terms';
import { EmptyState } from '../../components/EmptyState';
import { PageHead } from '../../components/PageHead';
import { StateBadge } from '../../components/StateBadge';
import { formatDate } from '../../dates';
import { FormError } from '../../forms/FormError';
import { useItems } from '../../stores/items';
import { useNav } from '../../stores/nav';
import { useOverview } from '../../stores/org';
import { useShortcut } from '../../components/useShortcut';

const FILTERS: { label: string; states?: ItemState[] }[] = [
  { label: '全部' },
  { label: '待沟通', states: ['draft', 'consultation', 'vote_postponed'] },
  { label: '暂缓上会', states: ['postponed'] },
  { label: '待上会', states: ['ready'] },
  { label: '已列入议程', states: ['scheduled', 'discussed'] },
  { label: '已决定', states: ['passed', 'not_passed', 'follow_up', 'evaluated', 'closed', 'corrected'] },
];

export function ItemList() {
  const { org } = useOverview();
  const { rows, total, loading, error, filter, loadList, setFilter } = useItems();
  const go = useNav((s) => s.go);
  useEffect(() => {
    void loadList(org.id);
  }, [loadList, org.id]);
  useShortcut('Alt+n', () => go({ section: 'items', view: 'new' }));

  const active = FILTERS.find((f) => JSON.stringify(f.states) === JSON.stringify(filter.states)) ?? FILTERS[0]!;

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
      <div className="content">
        <div className="row" style={{ marginBottom: 12 }}>
          <div className="row" role="group" aria-label="按状态筛选">
            {FILTERS.map((f) => (
              <button key={f.label} className="btn small choice" aria-pressed={f === active} onClick={() => void setFilter({ states: f.states }, org.id)}>
                {f.label}
              </button>
            ))}
          </div>
          <input
            type="text"
            aria-label="按议题名称搜索"
            placeholder="搜索议题名称"
            style={{ maxWidth: 240, marginLeft: 'auto' }}
            value={filter.search}
            onChange={(e) => void setFilter({ search: e.target.value }, org.id)}
          />
        </div>
        <FormError error={error} />
        {rows.length === 0 && !loading ? (
          <div className="card">
            {filter.states || filter.search ? (
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
          <div className="card" style={{ padding: 0 }}>
            <table className="list">
              <thead>
                <tr>
                  <th>议题名称</th>
                  <th>议事清单事项</th>
                  <th>提出人</th>
                  <th>决策机构</th>
                  <th>状态</th>
                  <th>提出日期</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.id} className="clickable" onClick={() => go({ section: 'items', id: r.id })}>
                    <td>
                      <button className="linklike" onClick={(e) => { e.stopPropagation(); go({ section: 'items', id: r.id }); }}>
                        {r.title}
                      </button>
                      {r.kind === 'correction' && <span className="badge brand" style={{ marginLeft: 6 }}>修正</span>}
                      {r.routing.major && <span className="badge warn" style={{ marginLeft: 6 }}>三重一大</span>}
                    </td>
                    <td>{r.matterName}</td>
                    <td>{r.proposerName}</td>
                    <td>{r.routing.body === 'party_committee' ? '党组织会议' : '校长办公会议'}</td>
                    <td><StateBadge state={r.state} label={r.stateLabel} /></td>
                    <td className="num">{formatDate(r.createdAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <div className="muted small" style={{ padding: '8px 12px' }}>共 {total} 个议题</div>
          </div>
        )}
      </div>
    </>
  );
}
