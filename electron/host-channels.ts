// The HostApi methods as IPC channels ("host:savePdf" …), with zod checks of what the
// renderer sends. Shared by preload (which exposes exactly these) and ipc (which serves them).
import { z } from 'zod';
import type { HostApi } from '../db/host';

/** Main → window: the automatic backup's progress (db/host.ts BackupStatus). */
export const BACKUP_STATUS = 'backup:status';

export const HOST_METHODS = ['savePdf', 'saveFile', 'print', 'openPath', 'showInFolder', 'info', 'chooseFolder', 'openFile', 'chooseLedgerFile', 'restoreBackup'] as const;
export type HostMethod = (typeof HOST_METHODS)[number];

// Compile-time check that HOST_METHODS is exactly the keys of HostApi, no more, no less
// (onBackupStatus is a subscription main pushes to, not a method the page invokes).
type Exact<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const _exhaustive: Exact<HostMethod, Exclude<keyof HostApi, 'onBackupStatus'>> = true;
void _exhaustive;

const fileName = z
  .string({ error: '文件名须为文字' })
  .trim()
  .min(1, { error: '文件名不能为空' })
  .max(120, { error: '文件名不能超过120字' })
  // A name, never a path: the save dialog decides the folder.
  .refine((n) => !/[\\/:*?"<>|\u0000-\u001f]/.test(n), { error: '文件名里不能有 \\ / : * ? " < > | 等符号' });
// Minutes with an embedded webfont stay far below this; it only stops a runaway payload.
const html = z.string().min(1).max(30 * 1024 * 1024);
const anyPath = z.string().min(1).max(4096);

export const hostInputs = {
  savePdf: z.object({ html, fileName }),
  saveFile: z.object({ base64: z.string().max(60 * 1024 * 1024).regex(/^[A-Za-z0-9+/]*={0,2}$/), fileName }),
  print: z.object({ html }),
  openPath: anyPath,
  showInFolder: anyPath,
  info: z.undefined(),
  chooseFolder: z.object({ title: z.string().trim().min(1).max(60) }),
  // The allow-list of files the page may read: .xlsx only (历史台账导入).
  openFile: z.object({ title: z.string().trim().min(1).max(60), kind: z.enum(['xlsx'], { error: '只能导入Excel工作簿（.xlsx）' }) }),
  // Only the app's own ledger files (拆分台账, 合并台账); the core checks the file itself.
  chooseLedgerFile: z.object({ title: z.string().trim().min(1).max(60), mode: z.enum(['save', 'open']), fileName: fileName.optional() }),
  // Checked again (sha256, quick_check, seal chain) by restoreBackup before anything is replaced.
  restoreBackup: z.object({ file: z.string().min(1).max(4096).refine((f) => f.endsWith('.sqlite'), { error: '请选择议事台账的备份文件（.sqlite）' }) }),
} satisfies Record<HostMethod, z.ZodType>;

export const hostChannel = (method: HostMethod) => `host:${method}`;
export const ledgerChannel = (name: string) => `ledger:${name}`;
