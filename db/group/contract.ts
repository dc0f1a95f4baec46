// 集团化办学: the organisations of one ledger file (a 集团党委 and its campuses), the one this
// session works in, operators limited to some of them, matters that cross levels (上报集团,
// 集团决定交校区落实) and the 集团工作台. Scoping itself is enforced for every channel in db/scope.ts.
import { z } from 'zod';
import { read, write } from '../channel';
import { SetupOrganization } from '../organization/contract';
import { zDate, zId, zName, zText } from '../validation';

export const groupContract = {
  /** The organisations this operator may work in (集团党委 first, then its campuses), and the current one. */
  'orgs.list': read(z.object({})),
  /** Work in one organisation: every screen, document, number and export is then that organisation's. */
  'orgs.use': write(z.object({ orgId: zId('组织') })),
  /** A campus (校区/成员校) under a 集团党委: its own people, bodies, 议事清单, thresholds and settings. */
  'orgs.createCampus': write(z.intersection(SetupOrganization, z.object({ parentId: zId('集团党委') }))),
  /** Limit an operator to some organisations (none: every organisation). Only an operator who may work in all may. */
  'operators.limit': write(
    z.object({
      name: zName('操作人', 20),
      orgIds: z.array(zId('组织')).max(100, { error: '所选组织过多' }),
    }),
  ),
  /** 上报集团 (R2): a campus item goes up to the 集团党委, which files it as its own item, linked both ways. */
  'group.escalate': write(z.object({ itemId: zId('议题'), reason: zText('上报理由', 500) })),
  /** A 集团 decision carried out by campuses: one follow-up per campus (its 承办 and 完成时限), each reporting back. */
  'group.assign': write(
    z.object({
      decisionId: zId('决定事项'),
      task: zText('落实任务', 500),
      campuses: z
        .array(z.object({ campusId: zId('校区'), ownerDept: zName('承办部门', 40), deadline: zDate('完成时限') }))
        .min(1, { error: '请至少选择一个校区' })
        .max(100, { error: '所选校区过多' }),
    }),
  ),
  /** A 集团 decision's follow-up handed to this campus: the decision, the task and its reports (the campus's side). */
  'group.handed': read(z.object({ followUpId: zId('督办事项') })),
  /** 集团工作台: per campus, the numbers of the loop this year and month (computed in the core). */
  'group.overview': read(z.object({ year: z.number().int().min(2000).max(2100).optional() })),
} as const;
