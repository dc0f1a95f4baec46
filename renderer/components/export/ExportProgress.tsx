// The step line of the current export (生成 → 排版 → 保存) and, once saved, the file with
// 打开文件 / 打开所在文件夹. Failures show the contract's Chinese message where the step stopped.
import { FormError } from '../../forms/FormError';
import { STEPS, type ExportState } from './useExport';

export function ExportProgress({ state }: { state: ExportState }) {
  if (state.status === 'idle') return null;
  const steps = STEPS[state.kind];
  const reached = state.status === 'running' || state.status === 'error' ? state.step : steps.length;
  const heading =
    state.status === 'running' ? `正在导出：${state.label}` :
    state.status === 'saved' ? `${state.label}已保存` :
    state.status === 'printed' ? `${state.label}已发送到打印机` :
    state.status === 'cancelled' ? `${state.label}：已取消保存` :
    `${state.label}没有导出`;
  return (
    <div className="export-progress" data-testid="export-progress" data-status={state.status} aria-live="polite">
      <div className="export-heading">{heading}</div>
      <ol className="export-steps" aria-label="导出步骤">
        {steps.map((name, i) => {
          const mark = i < reached ? 'done' : i === reached && state.status === 'running' ? 'active' : i === reached && state.status === 'error' ? 'failed' : 'todo';
          return (
            <li key={name} className={mark} aria-current={mark === 'active' ? 'step' : undefined}>
              <span className="dot">{mark === 'done' ? '✓' : mark === 'failed' ? '✕' : i + 1}</span>
              {name}
            </li>
          );
        })}
      </ol>
      {state.status === 'error' && <FormError error={state.error} />}
      {state.status === 'saved' && (
        <div className="notice ok export-saved">
          <div className="saved-file">
            已保存到：<code data-testid="saved-path">{state.file.path}</code>
          </div>
          <div className="row" style={{ marginTop: 8 }}>
            <button className="btn small" onClick={() => void window.host.openPath(state.file.path)}>打开文件</button>
            <button className="btn small" onClick={() => void window.host.showInFolder(state.file.path)}>打开所在文件夹</button>
          </div>
        </div>
      )}
    </div>
  );
}
