// 列的对应: for a school's own sheet, which of its columns the app reads for each field — as the
// core guessed from the headers (imports.preview), changed here by the secretary, then read again.
import type { OutputOf } from '../../ledger-client';

type Sheet = OutputOf<'imports.preview'>['sheets'][number];
export type ColumnChoices = Record<string, Record<string, number | null>>;

export function ColumnMapping({ sheets, chosen, onChoose, busy }: { sheets: Sheet[]; chosen: boolean; onChoose(sheet: string, key: string, at: number | null): void; busy: boolean }) {
  const read = sheets.filter((s) => s.headerRow !== null);
  if (read.length === 0) return null;
  return (
    // Open while a column is missing, and once the secretary has changed one (so it does not fold away under them).
    <details className="column-mapping" open={chosen || read.some((s) => s.problems.length > 0)}>
      <summary>列的对应（程序按表头识别，可以修改）</summary>
      {read.map((s) => (
        <section key={s.name} aria-label={`工作表「${s.name}」的列`}>
          <p className="muted small">工作表「{s.name}」，表头在第{s.headerRow}行：</p>
          {s.problems.map((p) => (
            <div key={p} className="notice error" role="alert">{p}</div>
          ))}
          <div className="mapping-grid">
            {s.columns.map((c) => (
              <label key={c.key} className="mapping-field">
                <span>{c.header}{c.required && <span className="req" aria-hidden="true">*</span>}</span>
                <select
                  aria-label={`「${s.name}」中的${c.header}`}
                  value={c.at ?? ''}
                  disabled={busy}
                  onChange={(e) => onChoose(s.name, c.key, e.target.value === '' ? null : Number(e.target.value))}
                >
                  <option value="">（表中没有这一列）</option>
                  {s.headers.map((h) => (
                    <option key={h.at} value={h.at}>{h.text}</option>
                  ))}
                </select>
              </label>
            ))}
          </div>
        </section>
      ))}
    </details>
  );
}
