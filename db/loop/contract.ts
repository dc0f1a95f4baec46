import { z } from 'zod';
import { read } from '../channel';
import { zId } from '../validation';

export const loopContract = {
  /** Dashboard: where every item and decision stands in 决策→执行→监督→评价→修正. */
  'loop.status': read(z.object({ orgId: zId('学校') })),
} as const;
