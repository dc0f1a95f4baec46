import { z } from 'zod';
import { read } from '../channel';
import { BODY_KINDS } from '../terms';
import { zId } from '../validation';

const zYear = z.number({ error: '「年度」须为数字' }).int({ error: '「年度」须为整数' }).min(2000, { error: '「年度」须在2000年以后' }).max(2100, { error: '「年度」不能晚于2100年' });

export const loopContract = {
  /** Dashboard: where every item and decision stands in 决策→执行→监督→评价→修正. */
  'loop.status': read(z.object({ orgId: zId('学校') })),
  /** Numbers for the 工作台 charts: loop funnel, on-time by department, meetings per month, 三重一大 per year. */
  'stats.dashboard': read(z.object({ orgId: zId('学校'), year: zYear.optional() })),
  /** 决策台账: a year's decisions with meeting, matter, votes, result, 督办, status and evaluation. */
  'loop.register': read(
    z.object({
      orgId: zId('学校'),
      year: zYear,
      matterId: zId('议事清单事项').optional(),
      bodyKind: z.enum(BODY_KINDS, { error: '「议事机构」须为党组织会议、校长办公会议、支委会或党员大会' }).optional(),
      major: z.boolean({ error: '「三重一大」须选择是或否' }).optional(),
    }),
  ),
} as const;
