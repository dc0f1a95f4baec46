// 导入记录: each import of this organisation with what it made, and 撤销导入 while the core allows it
// (imports.list says why not once a meeting has been signed after it or its records were acted on).
import { useState } from 'react';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { FormError } from '../../forms/FormError';
import { useCommand } from '../../forms/useCommand';
import { call } from '../../ledger-client';
import { notify } from '../../stores/notices';
import { useOverview } from '../../stores/org';
import { useRead } from './useRead';

export function ImportHistory() {
  const { org } = useOverview();
  const list = useRead('imports.list', { orgId: org.id });
  const [asking, setAsking] = useState<{ id: number; name: string; decisions: number } | null>(null);
  const undo = useCommand(async () => {
    if (!asking) return;
    const out = await call('imports.undo', { importId: asking.id }).finally(() => setAsking(null));
    notify('ok', `已撤销「${out.fileName}」的导入，移除了${out.decisions}项决定事项（${out.meetings}次会议，${out.followUps}项督办）。`);
    await list.reload();
  });
  if (!list.value || list.value.length === 0) return null;
  return (
    <section aria-label="导入记录" style={{ marginTop: 16 }}>
      <h3>导入记录</h3>
      <table className="list">
        <tbody>
          {list.value.map((imp) => (
            <tr key={imp.id} data-import={imp.name}>
              <td>
                「{imp.name}」
                <div className="muted small">{imp.at} {imp.operator}导入：{imp.decisions}项决定事项，{imp.meetings}次会议，{imp.followUps}项督办</div>
              </td>
              <td className="actions">
                {imp.undone ? (
                  <span className="muted small">{imp.undone}</span>
                ) : imp.undoRefusal ? (
                  <span className="muted small">{imp.undoRefusal}</span>
                ) : (
                  <button className="btn small" onClick={() => { undo.clear(); setAsking({ id: imp.id, name: imp.name, decisions: imp.decisions }); }}>撤销导入…</button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <FormError error={undo.error ?? list.error} />
      {asking && (
        <ConfirmDialog
          title="撤销导入"
          consequence={`将移除「${asking.name}」导入的全部记录（${asking.decisions}项决定事项及其会议、议题和督办），其他记录不受影响；撤销记入操作记录。`}
          confirmLabel="撤销导入"
          busy={undo.busy}
          onConfirm={() => void undo.run()}
          onCancel={() => setAsking(null)}
        />
      )}
    </section>
  );
}
