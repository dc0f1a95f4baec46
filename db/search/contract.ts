import { z } from 'zod';
import { read } from '../channel';
import { zId } from '../validation';

export const searchContract = {
  /** 全局搜索 (Ctrl+K): items, meetings, decisions, minutes text, follow-ups and people of a school. */
  'search.everywhere': read(
    z.object({
      orgId: zId('学校'),
      query: z.string({ error: '「搜索内容」须为文字' }).max(100, { error: '「搜索内容」不能超过100个字' }),
      perKind: z.number().int().min(1).max(50).default(8),
    }),
  ),
} as const;
