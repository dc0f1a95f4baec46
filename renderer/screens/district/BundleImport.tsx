// 导入报送包: pick every bundle on the USB stick at once. While they are read one by one a line
// says which (正在导入第3个，共12个：…); at the end one list, a line per file with what the core
// answered, the refused ones first, and the count. A bundle refused because its period is already
// covered offers 以更正包替换 on its own line (the core's reason says so; its code tells which).
// Files dragged from the USB stick's window onto the card are imported the same way.
import { useState, type ChangeEvent, type DragEvent } from 'react';
import { useBundleImport, type BundleLine } from '../../stores/bundle-import';

/** Refused first, then already there, then taken (imported, or replacing after 以更正包替换); in picking order within each. */
const RANK = (l: BundleLine) => (l.refusal ? 0 : l.outcome.state === 'already' ? 1 : 2);

export function BundleImport({ onSupersede }: { onSupersede: (file: File) => void }) {
  const progress = useBundleImport((s) => s.progress);
  const lines = useBundleImport((s) => s.lines);
  const importAll = useBundleImport((s) => s.importAll);
  const clear = useBundleImport((s) => s.clear);
  const [over, setOver] = useState(false);
  const onFiles = (e: ChangeEvent<HTMLInputElement>) => {
    const files = [...(e.target.files ?? [])];
    e.target.value = '';
    void importAll(files);
  };
  const onDragOver = (e: DragEvent) => {
    if (![...e.dataTransfer.types].includes('Files')) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = progress ? 'none' : 'copy';
    setOver(true);
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    // Every file goes to the core, which says why one is no bundle.
    void importAll([...e.dataTransfer.files]);
  };
  return (
    <section
      className={`card bundle-import${over ? ' drop-here' : ''}`}
      aria-label="导入报送包"
      onDragOver={onDragOver}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
    >
      <h2>导入报送包</h2>
      <p className="bundle-import-how">
        插好U盘，点“选择报送包…”，在U盘里<strong>一次选中全部报送包</strong>（按Ctrl+A全选，或按住Ctrl键逐个点选），再点“打开”；也可以把报送包从U盘的窗口直接拖到这里。每个报送包分别核验，没通过的不影响其他的。
      </p>
      <div className="form-actions">
        <label className={`btn primary${progress ? ' disabled' : ''}`} aria-disabled={progress ? true : undefined}>
          {progress ? '正在导入…' : '选择报送包…'}
          <input type="file" hidden multiple accept=".yishi-bundle" aria-label="选择报送包（可多选）" disabled={!!progress} onChange={onFiles} />
        </label>
      </div>
      {progress && (
        <p className="bundle-import-progress" role="status">
          正在导入第{progress.at}个，共{progress.total}个：{progress.name}…
        </p>
      )}
      {lines && <ImportResults lines={lines} onSupersede={onSupersede} onClose={clear} />}
    </section>
  );
}

function ImportResults({ lines, onSupersede, onClose }: { lines: BundleLine[]; onSupersede: (file: File) => void; onClose: () => void }) {
  const ok = lines.filter((l) => l.outcome && l.outcome.state !== 'already').length;
  const already = lines.filter((l) => l.outcome?.state === 'already').length;
  const refused = lines.length - ok - already;
  const sorted = [...lines].sort((a, b) => RANK(a) - RANK(b));
  return (
    <div className="bundle-results" role="region" aria-label="导入结果">
      <p className="bundle-count">
        <strong>
          导入{lines.length}个：成功{ok}个，已有{already}个，未通过{refused}个
        </strong>
      </p>
      <ul className="bundle-lines">
        {sorted.map((l, i) => (
          <li key={i} className={l.refusal ? 'refused' : l.outcome.state === 'already' ? 'already' : 'imported'}>
            <span className="bundle-mark">{l.refusal ? '✗ 未通过' : l.outcome.state === 'already' ? '已有' : l.outcome.state === 'superseded' ? '✓ 已替换' : '✓ 已导入'}</span>
            <span className="bundle-file">{l.name}</span>
            <span className="bundle-says">
              {l.refusal ? l.refusal.message : l.outcome.message}
              {l.refusal?.reason === 'period_covered' && (
                <button type="button" className="btn" onClick={() => onSupersede(l.file)}>
                  以更正包替换…
                </button>
              )}
            </span>
          </li>
        ))}
      </ul>
      <div className="form-actions">
        <button type="button" className="btn" onClick={onClose}>收起结果</button>
      </div>
    </div>
  );
}
