// Channels of the trust layer: seal-chain verification and backups. Pure zod, no I/O.
import { z } from 'zod';
import { read } from '../channel';

/** An absolute path as the shell's folder/file dialogs give it (Windows or POSIX); checked again on disk. */
export const zPath = (label: string) =>
  z
    .string({ error: `「${label}」须为文件夹或文件的完整路径` })
    .trim()
    .min(1, { error: `请先选择${label}` })
    .max(1000, { error: `「${label}」路径过长，请选择路径较短的位置` })
    .refine((s) => /^(\/|[A-Za-z]:[\\/]|\\\\)/.test(s) && !s.includes('\0'), { error: `「${label}」须为完整路径（如 D:\\议事台账备份），请用“选择文件夹”按钮选择` });

export const trustContract = {
  /**
   * Recompute the seal chain of locked records (R16) and name the first broken one. Checks the
   * anchors in backup manifests, and `anchor` as printed on signed minutes (e.g. "26-3f9a2c1b07de").
   */
  'trust.verify': read(
    z.object({
      anchor: z
        .string({ error: '「存证码」须为文字' })
        .trim()
        .max(80, { error: '「存证码」过长，请照纪要上印的抄写，如 26-3f9a2c1b07de' })
        .regex(/^(\d{1,9}\s*[-－—·]\s*[0-9a-fA-F]{8,64})?$/, { error: '「存证码」格式应为 26-3f9a2c1b07de（条数-校验码）' })
        .optional(),
    }),
  ),
  /** Current head of the seal chain, for printing on documents. */
  'trust.anchor': read(z.object({})),
  /** Back up now, to the data folder (default) or a chosen folder. Does not change the ledger. */
  'backup.create': read(z.object({ folder: zPath('备份文件夹').optional() })),
  /** Finished backups in the data folder (default) or a chosen folder, newest first. */
  'backup.list': read(z.object({ folder: zPath('备份文件夹').optional() })),
  /** What a backup holds (meetings, date) and whether it verifies; read from a private copy. */
  'backup.preview': read(z.object({ file: zPath('备份文件') })),
  /**
   * Check a backup for restoring and answer what the shell must do next (close the ledger,
   * restoreBackup(), reopen): the ledger cannot be replaced while this call runs on it.
   */
  'backup.restore': read(z.object({ file: zPath('备份文件') })),
  /** The audit log, latest first, one page at a time; optionally only one operator's rows. */
  'audit.list': read(
    z.object({
      offset: z.number({ error: '「起始位置」须为数字' }).int().min(0, { error: '「起始位置」不能为负数' }).default(0),
      limit: z.number({ error: '「条数」须为数字' }).int().min(1, { error: '「条数」至少为1' }).max(500, { error: '「条数」一次最多500条' }).default(200),
      operator: z.string().trim().min(1).max(20).optional(),
    }),
  ),
} as const;
