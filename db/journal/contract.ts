// 操作日志 as sentences: the audit log read back in words («2026年3月25日 14:32 吴秘书 记录了
// 李明华 对「…」的表态：同意»), never as channel names or JSON.
import { z } from 'zod';
import { read } from '../channel';

export const journalContract = {
  /** The audit log, latest first, one page at a time, each row as a sentence; optionally one operator's rows. */
  'journal.list': read(
    z.object({
      offset: z.number({ error: '「起始位置」须为数字' }).int().min(0, { error: '「起始位置」不能为负数' }).default(0),
      limit: z.number({ error: '「条数」须为数字' }).int().min(1, { error: '「条数」至少为1' }).max(500, { error: '「条数」一次最多500条' }).default(100),
      operator: z.string().trim().min(1).max(20).optional(),
    }),
  ),
} as const;
