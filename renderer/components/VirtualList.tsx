// A long list as a table that only renders the rows in view (@tanstack/react-virtual), so a
// school's 10,000 议题 scroll as smoothly as 10. Rows are fixed-height grid rows; the keyboard
// moves a current row (↑ ↓ PageUp PageDown Home End) and Enter opens it.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState, type ReactNode } from 'react';

export interface Column {
  key: string;
  label: string;
  /** A CSS grid track, e.g. "minmax(0, 2fr)" or "96px". */
  width: string;
  align?: 'left' | 'right' | 'center';
}

interface VirtualListProps<T> {
  label: string;
  columns: Column[];
  count: number;
  /** The row at an index, or undefined while its page is still loading. */
  row(index: number): T | undefined;
  cells(row: T, index: number): ReactNode[];
  rowKey(row: T | undefined, index: number): string | number;
  onOpen?(row: T, index: number): void;
  /** Called with the visible index range, to fetch pages that are not loaded yet. */
  onRange?(start: number, end: number): void;
  rowHeight?: number;
  /** Extra attributes for a row (tests and styles key on them). */
  rowProps?(row: T): Record<string, string | undefined>;
}

export function VirtualList<T>({ label, columns, count, row, cells, rowKey, onOpen, onRange, rowHeight = 44, rowProps }: VirtualListProps<T>) {
  const scroller = useRef<HTMLDivElement>(null);
  const [current, setCurrent] = useState(0);
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scroller.current,
    estimateSize: () => rowHeight,
    overscan: 8,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;
  useEffect(() => {
    if (count > 0) onRange?.(first, last);
  }, [first, last, count, onRange]);
  useEffect(() => {
    if (current >= count) setCurrent(Math.max(0, count - 1));
  }, [count, current]);

  const grid = columns.map((c) => c.width).join(' ');
  const move = (to: number) => {
    const next = Math.max(0, Math.min(count - 1, to));
    setCurrent(next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
  };
  const page = Math.max(1, Math.floor((scroller.current?.clientHeight ?? 400) / rowHeight) - 1);
  const onKeyDown = (e: React.KeyboardEvent) => {
    const keys: Record<string, () => void> = {
      ArrowDown: () => move(current + 1),
      ArrowUp: () => move(current - 1),
      PageDown: () => move(current + page),
      PageUp: () => move(current - page),
      Home: () => move(0),
      End: () => move(count - 1),
      Enter: () => {
        const r = row(current);
        if (r && onOpen) onOpen(r, current);
      },
    };
    const action = keys[e.key];
    if (!action) return;
    e.preventDefault();
    action();
  };

  return (
    <div className="vlist" role="table" aria-label={label} aria-rowcount={count + 1}>
      <div className="vlist-head" role="row" style={{ gridTemplateColumns: grid }}>
        {columns.map((c) => (
          <div key={c.key} role="columnheader" className={c.align ? `align-${c.align}` : undefined}>
            {c.label}
          </div>
        ))}
      </div>
      <div
        ref={scroller}
        className="vlist-body"
        tabIndex={0}
        onKeyDown={onKeyDown}
        aria-activedescendant={count > 0 ? `vrow-${current}` : undefined}
        aria-label={`${label}：↑↓ 选择，Enter 打开`}
      >
        <div role="rowgroup" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((v) => {
            const r = row(v.index);
            return (
              <div
                key={rowKey(r, v.index)}
                id={`vrow-${v.index}`}
                role="row"
                aria-rowindex={v.index + 2}
                className={`vlist-row${v.index === current ? ' current' : ''}${r ? '' : ' loading'}`}
                style={{ gridTemplateColumns: grid, height: rowHeight, transform: `translateY(${v.start}px)` }}
                onClick={() => {
                  setCurrent(v.index);
                  if (r && onOpen) onOpen(r, v.index);
                }}
                {...(r && rowProps ? rowProps(r) : {})}
              >
                {r
                  ? cells(r, v.index).map((cell, i) => (
                      <div key={columns[i]!.key} role="cell" className={columns[i]!.align ? `align-${columns[i]!.align}` : undefined}>
                        {cell}
                      </div>
                    ))
                  : <div role="cell" className="muted">正在读取…</div>}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
