// 操作记录 of the district ledger, read-only: who registered which school, imported or replaced
// which bundle, and when. The core writes these rows in the same transaction as the change.
import { useEffect, useState } from 'react';
import { FormError } from '../../forms/FormError';
import { districtCall, type DistrictOutputOf } from '../../district-client';
import { errorInfo, type LedgerErrorInfo } from '../../ledger-client';

const FIRST = 20;

/** `version` changes after every write of the screen, so the log shows it at once. */
export function AuditLog({ version }: { version: number }) {
  const [rows, setRows] = useState<DistrictOutputOf<'district.audit'> | null>(null);
  const [error, setError] = useState<LedgerErrorInfo | null>(null);
  const [all, setAll] = useState(false);
  useEffect(() => {
    districtCall('district.audit', {}).then(setRows, (e: unknown) => setError(errorInfo(e)));
  }, [version]);
  const shown = all ? (rows ?? []) : (rows ?? []).slice(0, FIRST);
  return (
    <section className="card" aria-label="操作记录">
      <h2>操作记录</h2>
      <p className="muted small">只读：区域台账的每次登记、导入和替换都记在这里，不能修改或删除。</p>
      <FormError error={error} />
      {rows && rows.length === 0 && <p className="muted">还没有操作记录。</p>}
      {shown.length > 0 && (
        <table className="list small district-audit">
          <thead>
            <tr><th>时间</th><th>操作人</th><th>操作</th><th>内容</th></tr>
          </thead>
          <tbody>
            {shown.map((r) => (
              <tr key={r.id}><td className="nowrap">{r.at}</td><td>{r.operator}</td><td className="nowrap">{r.action}</td><td>{r.summary}</td></tr>
            ))}
          </tbody>
        </table>
      )}
      {rows && rows.length > FIRST && (
        <button type="button" className="linklike" onClick={() => setAll((a) => !a)}>{all ? '只看最近的' : `显示全部${rows.length}条`}</button>
      )}
    </section>
  );
}
