// 设置 → 历史台账导入: download the app's template, choose a school's .xlsx (the shell's file-open,
// .xlsx only), read it (imports.preview: each row's problems at its row and column, nothing
// written), then 导入 after a confirm dialog (imports.commit: one transaction, refused whole);
// below, the 导入记录 with 撤销导入 (ImportHistory).
import { useState } from 'react';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Field } from '../../forms/Field';
import { FormError } from '../../forms/FormError';
import { errorFor, useCommand } from '../../forms/useCommand';
import { formatDate } from '../../dates';
import { call, type OutputOf } from '../../ledger-client';
import { notify } from '../../stores/notices';
import { useOverview } from '../../stores/org';
import { ImportHistory } from './ImportHistory';
import { ColumnMapping, type ColumnChoices } from './ColumnMapping';

type Preview = OutputOf<'imports.preview'>;
/** A 10,000-row file is read whole; the table shows the rows with problems first, then the first of the rest. */
const SHOWN = 200;
const BODY_NAMES = { party_committee: '党组织会议', principal_office: '校长办公会议' } as const;

export function ImportPanel() {
  const { org } = useOverview();
  const [file, setFile] = useState<{ name: string; base64: string } | null>(null);
  const [year, setYear] = useState<number>(new Date().getFullYear());
  const [preview, setPreview] = useState<Preview | null>(null);
  const [asking, setAsking] = useState(false);
  // Bumped after an import so the 导入记录 list reads again.
  const [imported, setImported] = useState(0);
  const template = useCommand(async () => {
    const t = await call('imports.template', {});
    const saved = await window.host.saveFile({ base64: t.base64, fileName: t.fileName });
    if (saved) notify('ok', '导入模板已保存。');
  });
  // 列的对应 the secretary changed, per sheet (the rest as the core guessed from the headers).
  const [columns, setColumns] = useState<ColumnChoices>({});
  const read = useCommand(async (f: { name: string; base64: string }, y: number, chosen: ColumnChoices = columns) => {
    setPreview(await call('imports.preview', { orgId: org.id, fileName: f.name, base64: f.base64, year: y, columns: chosen }));
  });
  const chooseColumn = (sheet: string, key: string, at: number | null) => {
    const next = { ...columns, [sheet]: { ...columns[sheet], [key]: at } };
    setColumns(next);
    if (file) void read.run(file, year, next);
  };
  const choose = useCommand(async () => {
    const f = await window.host.openFile({ title: '选择要导入的历史台账（Excel工作簿）', kind: 'xlsx' });
    if (!f) return;
    setFile(f);
    setPreview(null);
    setColumns({});
    commit.clear();
    await read.run(f, year, {});
  });
  const commit = useCommand(async () => {
    if (!file || !preview) return;
    // A refusal closes the dialog too: its problems are shown at their rows in the table.
    const r = await call('imports.commit', { orgId: org.id, fileName: file.name, base64: file.base64, rows: preview.rows, previewSeal: preview.seal }).finally(() => setAsking(false));
    notify('ok', `已导入${r.decisions}项决定事项（${r.meetings}次会议，${r.followUps}项督办），均标注为历史导入。`);
    setFile(null);
    setPreview(null);
    setImported((n) => n + 1);
  });
  // A refusal of the whole file names each row as rows.<表>.<行>: shown at its row.
  const refused = new Map((commit.error?.fields ?? []).map((f) => [f.field, f.message]));
  const rows = preview ? [...preview.rows.filter((r) => r.problems.length > 0), ...preview.rows.filter((r) => r.problems.length === 0)].slice(0, SHOWN) : [];
  const noSheet = preview && preview.rows.length === 0;
  return (
    <div className="card" aria-label="历史台账导入">
      <h2>历史台账导入</h2>
      <p className="muted small">
        把以前用Excel记的台账导入本程序。可以先下载导入模板照着填写，也可以直接选择学校原有的台账表格，程序按表头识别各列。
        导入前先逐行检查，有问题的行会标出；全部没有问题才能导入。导入的记录标注为“历史导入”，不算作当时在本程序中记录。
      </p>
      <div className="form-actions" style={{ justifyContent: 'flex-start' }}>
        <button type="button" className="btn" onClick={() => void template.run()} disabled={template.busy}>下载导入模板</button>
        <button type="button" className="btn primary" onClick={() => void choose.run()} disabled={choose.busy || read.busy}>选择Excel文件…</button>
      </div>
      <div className="form" style={{ maxWidth: 480 }}>
        <Field label="没有写年份的日期（如3/25）按哪一年" error={errorFor(read.error, 'year')}>
          <input
            type="number"
            min={1990}
            max={2100}
            value={Number.isNaN(year) ? '' : year}
            onChange={(e) => {
              const y = e.target.value === '' ? NaN : Number(e.target.value);
              setYear(y);
              if (file && y >= 1990 && y <= 2100) void read.run(file, y);
            }}
          />
        </Field>
      </div>
      <FormError error={template.error ?? choose.error ?? read.error} fields={['year']} />
      {read.busy && (
        <div className="backup-progress" role="status">
          <progress className="bar" aria-label="检查进度" />
          <span>正在读取{file ? `「${file.name}」` : '文件'}并逐行检查，还没有写入任何记录…（一万行约需几秒钟）</span>
        </div>
      )}
      {file && preview && (
        <section aria-label="检查结果">
          <p>
            「{file.name}」：共{preview.rows.length}行，{preview.ok}行可以导入
            {preview.withProblems > 0 ? <strong className="error-text">，{preview.withProblems}行有问题，请在Excel中改正后重新选择文件</strong> : '，没有发现问题'}。
          </p>
          <ColumnMapping sheets={preview.sheets} chosen={Object.keys(columns).length > 0} onChoose={chooseColumn} busy={read.busy} />
          {preview.sheets.filter((s) => s.headerRow === null).map((s) => (
            <p key={s.name} className="muted small">工作表「{s.name}」前10行里没有找到表头（如会议日期、议题名称、决定事项），没有读取。</p>
          ))}
          {noSheet ? (
            <div className="notice error" role="alert">这个文件里没有读到台账行。请确认选择的是Excel工作簿（.xlsx），并且有会议日期、议题名称、决定事项等表头。</div>
          ) : (
            <div style={{ overflowX: 'auto', maxHeight: 360 }}>
              <table className="list">
                <thead>
                  <tr><th>工作表</th><th>行</th><th>会议日期</th><th>会议</th><th>议题名称</th><th>决定事项</th><th>承办部门</th><th>完成时限</th><th>检查结果</th></tr>
                </thead>
                <tbody>
                  {rows.map((r) => {
                    const problem = refused.get(`rows.${r.sheet}.${r.row}`);
                    const bad = r.problems.length > 0 || !!problem;
                    return (
                      <tr key={`${r.sheet}-${r.row}`} aria-invalid={bad || undefined} className={bad ? 'import-bad' : undefined}>
                        <td>{r.sheet}</td>
                        <td>第{r.row}行</td>
                        <td>{r.record ? formatDate(r.record.meetingDate) : ''}</td>
                        <td>{r.record ? BODY_NAMES[r.record.body] : ''}</td>
                        <td>{r.record?.item ?? ''}</td>
                        <td>{r.record?.decision ?? ''}</td>
                        <td>{r.record?.dept ?? ''}</td>
                        <td>{r.record?.deadline ? formatDate(r.record.deadline) : ''}</td>
                        <td className={bad ? 'error-text' : undefined}>
                          {r.problems.length === 0 && !problem ? (r.record?.done ? '可以导入（已完成）' : '可以导入') : null}
                          {r.problems.map((p) => <div key={p.column}>「{p.column}」{p.message}</div>)}
                          {problem && <div>{problem.replace(/^「[^」]*」第\d+行[：]?/, '')}</div>}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
              {preview.rows.length > SHOWN && <p className="muted small">只列出前{SHOWN}行（有问题的行排在前面），导入时全部{preview.rows.length}行一起导入。</p>}
            </div>
          )}
          <FormError error={commit.error} fields={['rows']} />
          {commit.error?.field === 'rows' && <div className="notice error" role="alert">{commit.error.message}</div>}
          {commit.busy && (
            <div className="backup-progress" role="status">
              <progress className="bar" aria-label="导入进度" />
              <span>正在导入{preview.ok}行，请不要关闭程序；全部写入后才生效，中途出错则一行也不写入…</span>
            </div>
          )}
          <div className="form-actions">
            <button type="button" className="btn primary" disabled={preview.withProblems > 0 || preview.ok === 0 || commit.busy} onClick={() => setAsking(true)}>导入</button>
          </div>
        </section>
      )}
      <ImportHistory key={imported} />
      {asking && preview && file && (
        <ConfirmDialog
          title="导入历史台账"
          consequence={`将把「${file.name}」的${preview.ok}项决定事项作为历史记录写入台账，标注为历史导入；同一个文件不能再次导入。`}
          confirmLabel="导入"
          busy={commit.busy}
          onConfirm={() => void commit.run()}
          onCancel={() => setAsking(false)}
        />
      )}
    </div>
  );
}
