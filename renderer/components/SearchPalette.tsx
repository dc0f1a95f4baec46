// 全局搜索 (Ctrl+K): one box over items, meetings, decisions, minutes, follow-ups and people.
// The core finds and groups (search.everywhere); this shows the groups, ↑↓ moves, Enter opens,
// Esc closes. A slower answer for an older query never replaces a newer one.
import { useEffect, useMemo, useRef, useState } from 'react';
import { call, errorInfo, type LedgerErrorInfo, type OutputOf } from '../ledger-client';
import { useNav } from '../stores/nav';
import { useOverview } from '../stores/org';

type Found = OutputOf<'search.everywhere'>;
type Hit = Found['groups'][number]['hits'][number];

export function SearchPalette({ onClose }: { onClose(): void }) {
  const { org } = useOverview();
  const go = useNav((s) => s.go);
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<Found | null>(null);
  const [error, setError] = useState<LedgerErrorInfo | null>(null);
  const [active, setActive] = useState(0);
  const latest = useRef('');
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    input.current?.focus();
    return () => opener?.focus();
  }, []);

  useEffect(() => {
    latest.current = query;
    if (!query.trim()) {
      setFound(null);
      return;
    }
    const timer = setTimeout(() => {
      call('search.everywhere', { orgId: org.id, query })
        .then((r) => {
          if (latest.current !== query) return;
          setFound(r);
          setError(null);
          setActive(0);
        })
        .catch((e: unknown) => setError(errorInfo(e)));
    }, 120);
    return () => clearTimeout(timer);
  }, [query, org.id]);

  const hits = useMemo(() => found?.groups.flatMap((g) => g.hits) ?? [], [found]);
  const open = (h: Hit) => {
    go(h.target.id ? { section: h.target.section, id: h.target.id } : { section: h.target.section });
    onClose();
  };
  const onKey = (e: React.KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      onClose();
    } else if (e.key === 'ArrowDown') {
      e.preventDefault();
      setActive((a) => Math.min(a + 1, hits.length - 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => Math.max(a - 1, 0));
    } else if (e.key === 'Enter' && hits[active]) {
      e.preventDefault();
      open(hits[active]);
    }
  };

  let index = -1;
  return (
    <div className="dialog-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div className="dialog search-palette" role="dialog" aria-modal="true" aria-label="全局搜索" onKeyDown={onKey}>
        <input
          ref={input}
          type="text"
          className="search-input"
          placeholder="搜索议题、会议、决定事项、纪要、督办事项、人员（两个字即可）"
          aria-label="搜索内容"
          value={query}
          maxLength={100}
          onChange={(e) => setQuery(e.target.value)}
        />
        {error && <div className="notice error">{error.message}</div>}
        <div className="search-results" role="listbox" aria-label="搜索结果">
          {query.trim() && found && found.groups.length === 0 && <p className="muted">没有找到含「{query.trim()}」的记录。</p>}
          {found?.groups.map((g) => (
            <section key={g.kind} data-kind={g.kind}>
              <h3>
                {g.label}
                <span className="count">{g.total > g.hits.length ? `共${g.total}项，显示前${g.hits.length}项` : `${g.total}项`}</span>
              </h3>
              <ul>
                {g.hits.map((h) => {
                  index += 1;
                  const mine = index;
                  return (
                    <li key={h.key} role="option" aria-selected={mine === active}>
                      <button className={mine === active ? 'hit active' : 'hit'} onMouseEnter={() => setActive(mine)} onClick={() => open(h)}>
                        <strong>{h.title}</strong>
                        {h.detail && <span className="detail">{h.detail}</span>}
                      </button>
                    </li>
                  );
                })}
              </ul>
            </section>
          ))}
        </div>
        <div className="search-foot muted">↑↓ 选择　Enter 打开　Esc 关闭</div>
      </div>
    </div>
  );
}
