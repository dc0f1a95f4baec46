// The HostApi methods as IPC channels ("host:savePdf" …), with zod checks of what the
// renderer sends. Shared by preload (which exposes exactly these) and ipc (which serves them).
import { z } from 'zod';
import type { HostApi, TransferProgress, VerifyProgress } from '../db/host';
import { trustContract } from '../db/trust/contract';

/** Main → window: the automatic backup's progress (db/host.ts BackupStatus). */
export const BACKUP_STATUS = 'backup:status';
/** Main → window: 校验台账's progress, { done, total } (db/trust/stepped.ts). */
export const VERIFY_PROGRESS = 'verify:progress';
/** Main → window: 拆分台账/合并台账's progress, { phase, done, total } (db/transfer/progress.ts). */
export const TRANSFER_PROGRESS = 'transfer:progress';

export const HOST_METHODS = ['savePdf', 'saveFile', 'print', 'openPath', 'showInFolder', 'info', 'chooseFolder', 'openFile', 'chooseLedgerFile', 'restoreBackup', 'verifyLedger'] as const;
export type HostMethod = (typeof HOST_METHODS)[number];

// Compile-time check that HOST_METHODS is exactly the keys of HostApi, no more, no less
// (onBackupStatus and onVerifyProgress are subscriptions main pushes to, not methods the page invokes).
type Exact<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const _exhaustive: Exact<HostMethod, Exclude<keyof HostApi, 'onBackupStatus' | 'onVerifyProgress' | 'onTransferProgress'>> = true;
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
  // The trust.verify channel's own input (the 存证码 as printed on signed minutes), checked again by the core.
  verifyLedger: trustContract['trust.verify'].input,
} satisfies Record<HostMethod, z.ZodType>;

const count = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
/** What the page accepts as a verify's progress: the preload passes on nothing else. */
export const verifyProgress = z.object({ done: count, total: count }).strict();

/** A pushed progress, checked: only { done, total } with whole numbers, never the IPC event. */
export function progressOf(raw: unknown): VerifyProgress | null {
  const p = verifyProgress.safeParse(raw);
  return p.success ? { done: Math.min(p.data.done, p.data.total), total: p.data.total } : null;
}

/** What the page accepts as a split's or merge's progress: a short phase in words and whole numbers. */
export const transferProgress = z.object({ phase: z.string().min(1).max(40), done: count, total: count }).strict();

export function transferProgressOf(raw: unknown): TransferProgress | null {
  const p = transferProgress.safeParse(raw);
  return p.success ? { phase: p.data.phase, done: Math.min(p.data.done, p.data.total), total: p.data.total } : null;
}

export const hostChannel = (method: HostMethod) => `host:${method}`;
export const ledgerChannel = (name: string) => `ledger:${name}`;
