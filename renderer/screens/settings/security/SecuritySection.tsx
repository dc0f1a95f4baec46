// 设置 → 数据安全: 校验台账, 我的PIN, 备份与恢复, 操作日志. Mounted by SettingsScreen.
import { useState } from 'react';
import { AuditLogPanel } from './AuditLogPanel';
import { BackupPanel } from './BackupPanel';
import { PinPanel } from './PinPanel';
import { forgetRestored, readRestored, restoredText } from './restored';
import { VerifyPanel } from './VerifyPanel';
import './security.css';

export function SecuritySection() {
  const [restored, setRestored] = useState(readRestored);
  return (
    <section className="security" aria-label="数据安全">
      {restored && (
        <div className="notice ok" role="status">
          {restoredText(restored)}
          {restored.savedAs && <> 恢复前的台账已另存为 <code className="path">{restored.savedAs}</code>，需要时可以用它恢复回来。</>}
          <button className="linklike" type="button" onClick={() => (forgetRestored(), setRestored(null))}>知道了</button>
        </div>
      )}
      <div className="grid-2">
        <VerifyPanel />
        <PinPanel />
      </div>
      <BackupPanel />
      <AuditLogPanel />
    </section>
  );
}
