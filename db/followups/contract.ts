import { z } from 'zod';
import { read, write } from '../channel';
import { RATINGS } from '../terms';
import { zDate, zEnum, zId, zName, zOptionalText, zText } from '../validation';

export const CreateFollowUp = z.object({
  decisionId: zId('决定事项'),
  task: zText('督办任务', 500),
  ownerDept: zName('承办部门', 40),
  ownerId: zId('责任人').optional(),
  leaderId: zId('分管领导').optional(),
  deadline: zDate('完成时限'),
});

export const followUpContract = {
  'decisions.list': read(z.object({ orgId: zId('学校'), year: z.number().int().min(2000).max(2100).optional() })),
  'decisions.get': read(z.object({ decisionId: zId('决定事项') })),
  /** R17: each decision gets follow-ups (owner, 分管领导, deadline) … */
  'followups.create': write(CreateFollowUp),
  /** … or an explicit 无需督办 with a reason. */
  'followups.waive': write(z.object({ decisionId: zId('决定事项'), reason: zText('无需督办的理由', 500) })),
  /** 进展 (progress) or 督办 (a supervision action). */
  'followups.report': write(
    z.object({ followUpId: zId('督办事项'), kind: z.enum(['progress', 'supervision']), text: zText('情况说明', 2000) }),
  ),
  /** 延期: a later deadline, with the reason and the leader who approved it (kept in the history). */
  'followups.extend': write(
    z.object({ followUpId: zId('督办事项'), deadline: zDate('新的完成时限'), reason: zText('延期理由', 500), approvedById: zId('批准人') }),
  ),
  /** 调整承办: another 承办部门 or 责任人, with the reason (kept in the history). */
  'followups.reassign': write(
    z.object({ followUpId: zId('督办事项'), ownerDept: zText('承办部门', 40), ownerId: zId('责任人').nullable().default(null), reason: zText('调整理由', 500) }),
  ),
  /** 办结. */
  'followups.complete': write(z.object({ followUpId: zId('督办事项'), note: zText('办结情况', 2000) })),
  'followups.list': read(
    z.object({ orgId: zId('学校'), state: z.enum(['open', 'done', 'overdue']).optional(), limit: z.number().int().min(1).max(500).default(200) }),
  ),
  /** R18 评价; 一般/差 or a failed execution opens a 修正 item linked to the decision. */
  'evaluations.record': write(
    z.object({
      followUpId: zId('督办事项'),
      rating: zEnum('评价等次', RATINGS),
      effect: zText('效果说明', 2000),
      evaluatorId: zId('评价人'),
      failed: z.boolean().default(false),
      correctionTitle: zOptionalText('修正议题名称', 100),
    }),
  ),
  /** R17: the 校长's execution report on a major decision, as an item for the 党组织会议. */
  'decisions.reportExecution': write(z.object({ decisionId: zId('决定事项'), proposerId: zId('汇报人'), summary: zText('执行情况', 5000) })),
} as const;
