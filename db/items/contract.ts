import { z } from 'zod';
import { read, write } from '../channel';
import { CONSULTATION_FORMS, ITEM_STATES, CONSULTATION_STANCES } from '../terms';
import { zAmount, zDate, zDateTime, zEnum, zId, zName, zOptionalText, zText } from '../validation';

export const CreateItem = z.object({
  orgId: zId('学校'),
  title: zName('议题名称', 100),
  summary: zOptionalText('议题内容', 5000),
  matterId: zId('议事清单事项'),
  proposerId: zId('提出人'),
  leaderId: zId('分管领导').optional(),
  /** 金额 in whole 元, for money matters (R2). */
  amount: zAmount('金额').optional(),
  /** When the materials were (or will be) sent to members (R3 lead time). */
  materialsReadyAt: zDate('材料送达日期').optional(),
  /** 重要事项: the 书记's opinion is needed before the 校长办公会 decides it (R5). */
  important: z.boolean().default(false),
  /** normal, or an execution report / correction linked to a decision (R17/R18). */
  kind: zEnum('议题类型', ['normal', 'execution_report', 'correction']).default('normal'),
  decisionId: zId('所涉决定事项').optional(),
});

export const UpdateItem = CreateItem.omit({ orgId: true, kind: true, decisionId: true })
  .partial()
  .extend({
    itemId: zId('议题'),
    // Not zOptionalText: its default('') would blank the summary on every partial update.
    summary: z.string({ error: '「议题内容」须为文字' }).trim().max(5000, { error: '「议题内容」不能超过5000字' }).optional(),
    /** null clears the field */
    leaderId: zId('分管领导').nullable().optional(),
    amount: zAmount('金额').nullable().optional(),
    materialsReadyAt: zDate('材料送达日期').nullable().optional(),
    important: z.boolean().optional(),
  });

export const ConsultationStance = z.object({
  personId: zId('参与人'),
  /** The post the person spoke in (书记, 校长, or another leadership post for 一肩挑). */
  role: zText('身份', 10),
  stance: zEnum('意见', CONSULTATION_STANCES),
  note: zOptionalText('说明', 1000),
});

export const RecordConsultation = z.object({
  itemId: zId('议题'),
  /** consultation = 会前沟通 (R4); deliberation = 酝酿 for cadre matters. */
  kind: z.enum(['consultation', 'deliberation']).default('consultation'),
  date: zDate('沟通日期'),
  form: zEnum('沟通形式', CONSULTATION_FORMS),
  note: zOptionalText('沟通情况', 2000),
  stances: z.array(ConsultationStance).min(1, { error: '请至少记录一名参与人的意见' }).max(30),
});

export const itemContract = {
  /** 新建议题 (draft). Routing (R1/R2) is computed and stored with it. */
  'items.create': write(CreateItem),
  /**
   * Correct an item until a meeting discusses it: every field while it is prepared, on an agenda
   * only the title, 分管领导 and materials date. Kept with before → after (amendments).
   */
  'items.update': write(UpdateItem),
  /** 撤回: the item is taken back before it is on an agenda; it stays in the ledger as 已撤回. */
  'items.withdraw': write(z.object({ itemId: zId('议题'), reason: zText('撤回理由', 200) })),
  /** A new draft with the same content (to take up a withdrawn or rejected item again). */
  'items.copy': write(z.object({ itemId: zId('议题') })),
  /** Submit the draft for 会前沟通 (state draft → consultation). */
  'items.submit': write(z.object({ itemId: zId('议题') })),
  /** One item with its routing, transitions, consultations, agenda entries, decision and warnings. */
  'items.get': read(z.object({ itemId: zId('议题') })),
  'items.list': read(
    z.object({
      orgId: zId('学校'),
      states: z.array(zEnum('状态', ITEM_STATES)).optional(),
      search: z.string().trim().max(50).optional(),
      /** 议事清单 group (A…E, X). */
      matterGroup: z.string().trim().regex(/^[A-Z]{1,2}$/, { error: '「事项分组」须为大写字母，如 E' }).optional(),
      /** true: 三重一大 items only (R2 routing); false: the others. */
      major: z.boolean({ error: '「三重一大」须选择是或否' }).optional(),
      /** Filed in this calendar year. */
      year: z.number().int().min(2000, { error: '「年度」须在2000年以后' }).max(2100, { error: '「年度」不能晚于2100年' }).optional(),
      limit: z.number().int().min(1).max(500).default(100),
      offset: z.number().int().min(0).default(0),
    }),
  ),
  /**
   * Preview of the scheduling gate (R1–R5) for a body and a date, without scheduling: the UI
   * shows why an item cannot go on an agenda yet. Refusals come back as the same typed errors.
   */
  'items.checkAgenda': read(
    z.object({
      itemId: zId('议题'),
      bodyId: zId('议事机构'),
      meetingStartsAt: zDateTime('会议时间'),
      hostId: zId('主持人'),
      adHoc: z.object({ urgent: z.boolean(), hostAccepted: z.boolean(), reason: zText('临时动议理由', 200) }).optional(),
    }),
  ),
  /** 会前沟通 / 酝酿 record. Disagreement makes the item 暂缓上会 (R4). */
  'consultations.record': write(RecordConsultation),
} as const;
