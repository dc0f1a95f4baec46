// Small display helpers of the 数据安全 section (backup sizes, reasons, host errors).
import type { OutputOf } from '../../../ledger-client';

export type BackupEntry = OutputOf<'backup.list'>['backups'][number];
export type Preview = OutputOf<'backup.preview'>;

export const REASON: Record<BackupEntry['reason'], string> = {
  manual: '手动备份',
  auto: '自动备份',
  'before-restore': '恢复前保存',
};

export function fileSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Electron wraps a refused host call as "Error invoking remote method 'host:x': Error: …": keep the Chinese part. */
export function hostMessage(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  return text.replace(/^Error invoking remote method '[^']*':\s*/, '').replace(/^(Error|LedgerError):\s*/, '');
}
