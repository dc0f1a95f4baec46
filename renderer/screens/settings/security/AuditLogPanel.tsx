// 操作日志: every write with who did it and when, latest first, each as a sentence the core wrote
// (journal.list: 「2026年3月25日 14:32 吴秘书 记录了 李明华 的表态：同意」). Pages are read as they
// scroll into view (VirtualList), so a log of years reads as fast as one of a day.
import { useCallback, useEffect, useRef, useState } from 'react';
import { VirtualList, type Column } from '../../../components/VirtualList';
import { FormError } from '../../../forms/FormError';
import { call, errorInfo, type LedgerErrorInfo, type OutputOf } from '../../../ledger-client';

type Row = OutputOf<'journal.list'>['rows'][number];
const PAGE = 100;

const COLUMNS: Column[] = [
  { key: 'at', label: '时间', width: '150px' },
  { key: 'operator', label: '操作人', width: '110px' },
  { key: 'what', label: '做了什么', width: 'minmax(0, 1fr)' },
];

export function AuditLogPanel() {
  const [operator, setOperator] = useState('');
  const [operators, setOperators] = useState<string[]>([]);
  const [total, setTotal] = useState<number | null>(null);
  const [rows, setRows] = useState<Map<number, Row>>(new Map());
  const [error, setError] = useState<LedgerErrorInfo | null>(null);
  const asked = useRef(new Set<number>());
  const generation = useRef(0);

  const fetchPage = useCallback(
    async (page: number) => {
      if (asked.current.has(page)) return;
      asked.current.add(page);
      const gen = generation.current;
      try {
        const r = await call('journal.list', { offset: page * PAGE, limit: PAGE, ...(operator ? { operator } : {}) });
        if (gen !== generation.current) return;
        setTotal(r.total);
        setOperators(r.operators);
        setRows((old) => {
          const next = new Map(old);
          r.rows.forEach((row, i) => next.set(page * PAGE + i, row));
          return next;
        });
      } catch (e) {
        asked.current.delete(page);
        setError(errorInfo(e));
      }
    },
    [operator],
  );

  const reload = useCallback(() => {
    generation.current += 1;
    asked.current = new Set();
    setRows(new Map());
    setTotal(null);
    setError(null);
    void fetchPage(0);
  }, [fetchPage]);

  useEffect(reload, [reload]);

  const onRange = useCallback(
    (start: number, end: number) => {
      for (let p = Math.floor(start / PAGE); p <= Math.floor(end / PAGE); p++) void fetchPage(p);
    },
    [fetchPage],
  );

  return (
    <section className="card" aria-labelledby="audit-title">
      <div className="card-head">
        <h3 id="audit-title">操作日志</h3>
        <span className="muted small">{total === null ? '正在读取…' : `共 ${total} 条，最新的在前`}</span>
        <div className="actions">
          <label className="audit-filter">
            操作人
            <select value={operator} onChange={(e) => setOperator(e.target.value)} aria-label="按操作人筛选">
              <option value="">全部</option>
              {operators.map((o) => (
                <option key={o} value={o}>{o}</option>
              ))}
            </select>
          </label>
          <button className="btn small" type="button" onClick={reload}>刷新</button>
        </div>
      </div>
      <FormError error={error} />
      {total === 0 ? (
        <div className="empty"><strong>还没有操作记录</strong></div>
      ) : (
        <div className="audit-list">
          <VirtualList<Row>
            label="操作日志"
            columns={COLUMNS}
            count={total ?? 0}
            row={(i) => rows.get(i)}
            rowKey={(r, i) => r?.id ?? `i${i}`}
            onRange={onRange}
            rowHeight={36}
            rowProps={(r) => ({ 'data-channel': r.channel, 'data-operator': r.operator })}
            cells={(r) => [
              <span className="num">{r.when}</span>,
              <strong>{r.operator}</strong>,
              <span className="sentence" title={r.sentence}>{r.what}</span>,
            ]}
          />
        </div>
      )}
    </section>
  );
}
