import { z } from 'zod';
import { read } from '../channel';
import { zId } from '../validation';

/** The two ballot forms (R10): a secret ballot carries no name; a named one is signed. */
export const BALLOT_METHODS = ['无记名投票', '记名投票'] as const;

// Every documents.* channel lives here: a new document type has one home (reader → db/documents renderer).
export const exportsContract = {
  /** HTML of the minutes (GB/T 9704 layout), for preview and printing. */
  'documents.minutesHtml': read(z.object({ minutesId: zId('会议纪要') })),
  /** HTML of the full 会议记录. */
  'documents.recordHtml': read(z.object({ meetingId: zId('会议') })),
  /** 会议通知 of a meeting: agenda with presenters, who attends, lead times (R3), as printable HTML. */
  'documents.noticeHtml': read(z.object({ meetingId: zId('会议') })),
  /** 签到表: the body's members on the meeting date (出席) and 列席 people, with blank rows. */
  'documents.signInHtml': read(z.object({ meetingId: zId('会议') })),
  /** 表决票 of one agenda entry; the method defaults to what was recorded, else to the matter (干部 → 无记名). */
  'documents.ballotHtml': read(
    z.object({
      entryId: zId('议程'),
      method: z.enum(BALLOT_METHODS, { error: '「表决票类型」须为：无记名投票、记名投票' }).optional(),
    }),
  ),
  /** 督办通知单 of one follow-up (催办单 once past its deadline), as printable HTML (R17). */
  'documents.supervisionHtml': read(z.object({ followUpId: zId('督办事项') })),
  /** Editable Word copy of a 会议纪要 revision, as base64 bytes. */
  /** The same 督办通知单/催办单 as an editable Word copy (base64). */
  'documents.supervisionDocx': read(z.object({ followUpId: zId('督办事项') })),
  'documents.minutesDocx': read(z.object({ minutesId: zId('会议纪要') })),
  /** Editable Word copy of the full 会议记录. */
  'documents.recordDocx': read(z.object({ meetingId: zId('会议') })),
  /** The year's 议事决策台账 as an Excel workbook: one row per agenda entry of a held meeting. */
  'documents.registerXlsx': read(
    z.object({
      orgId: zId('学校'),
      year: z
        .number({ error: '请选择台账年度' })
        .int({ error: '台账年度须为整数，例如 2026' })
        .min(2000, { error: '台账年度不能早于2000年' })
        .max(2100, { error: '台账年度不能晚于2100年' }),
    }),
  ),
  /** 集团工作台 as a one-page summary (PDF through the shell's printer): one row per organisation of the 集团. */
  'documents.groupHtml': read(z.object({ year: z.number().int().min(2000).max(2100).optional() })),
  /** 集团工作台 as an Excel sheet. */
  'documents.groupXlsx': read(z.object({ year: z.number().int().min(2000).max(2100).optional() })),
} as const;
