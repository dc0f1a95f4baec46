import { z } from 'zod';
import { read, write } from '../channel';
import { ATTENDANCE_STATUSES, BALLOT_CHOICES, STATEMENT_STANCES, VOTE_METHODS } from '../terms';
import { zCount, zDateTime, zEnum, zId, zName, zOptionalText, zText } from '../validation';

const entryId = zId('议程');

export const CreateMeeting = z.object({
  bodyId: zId('议事机构'),
  startsAt: zDateTime('会议时间'),
  place: zName('会议地点', 60),
  hostId: zId('主持人'),
  recorderId: zId('记录人'),
});

export const AttendanceRow = z.object({
  personId: zId('人员'),
  status: zEnum('出席情况', ATTENDANCE_STATUSES),
  reason: zOptionalText('请假事由', 200),
  /** First agenda position present for (arrived late). */
  arrivesAt: z.number().int().min(1).max(500).nullable().default(null),
  /** Last agenda position present for (left early). */
  leavesAfter: z.number().int().min(1).max(500).nullable().default(null),
});

export const RecordVote = z.object({
  entryId,
  method: zEnum('表决方式', VOTE_METHODS),
  /** Counts, required for 口头/举手/无记名投票; derived from ballots for 记名投票. */
  counts: z
    .object({ for: zCount('同意票'), against: zCount('反对票'), abstain: zCount('弃权票') })
    .optional(),
  /** Per-member ballots: required for 记名投票, never accepted for 无记名投票 (R10). */
  ballots: z.array(z.object({ personId: zId('表决人'), choice: zEnum('表决意见', BALLOT_CHOICES) })).max(200).optional(),
  /** Wording of the 决定事项 if the item passes. */
  decisionText: zText('决定内容', 2000),
});

export const meetingContract = {
  /** Plan a meeting; numbered per body per year (2026年第3次). */
  'meetings.create': write(CreateMeeting),
  /** Correct a meeting: place and recorder until it closes, time (改期) and host before it sits. */
  'meetings.update': write(CreateMeeting.omit({ bodyId: true }).partial().extend({ meetingId: zId('会议') })),
  /** 取消 a meeting that has not sat, with a reason; its items go back to 待上会. */
  'meetings.cancel': write(z.object({ meetingId: zId('会议'), reason: zText('取消原因', 200) })),
  'meetings.list': read(z.object({ orgId: zId('学校'), year: z.number().int().min(2000).max(2100).optional() })),
  /** Everything about one meeting: attendance, agenda entries with statements, recusals, votes, live quorum. */
  'meetings.get': read(z.object({ meetingId: zId('会议') })),
  /** Put a ready item on the agenda (R1, R2, R3, R4, R5 are checked here). */
  'meetings.addItem': write(
    z.object({
      meetingId: zId('会议'),
      itemId: zId('议题'),
      presenterId: zId('汇报人').optional(),
      /** 临时动议 (R3): allowed only when urgent and accepted by the host. */
      adHoc: z.object({ urgent: z.boolean(), hostAccepted: z.boolean(), reason: zText('临时动议理由', 200) }).optional(),
    }),
  ),
  /** 移出议程 before the item is discussed; it goes back to 待上会. */
  'meetings.removeItem': write(z.object({ entryId, reason: zOptionalText('移出原因', 200) })),
  /** R3: the 书记 confirms the 党组织会议 agenda, the 校长 the 校长办公会 agenda. */
  'meetings.confirmAgenda': write(z.object({ meetingId: zId('会议'), personId: zId('确认人') })),
  /** R15 第一议题 study content. */
  'meetings.setFirstTopic': write(z.object({ meetingId: zId('会议'), content: zText('第一议题学习内容', 2000) })),
  /** Replace the attendance list of the meeting (R6, R7). */
  'meetings.setAttendance': write(z.object({ meetingId: zId('会议'), rows: z.array(AttendanceRow).min(1).max(200) })),
  'meetings.close': write(z.object({ meetingId: zId('会议') })),
  'entries.recuse': write(z.object({ entryId, personId: zId('回避人'), reason: zText('回避理由', 200) })),
  /** 发言表态; the host states last (R9) unless an override reason is recorded. */
  'entries.statement': write(
    z.object({
      entryId,
      personId: zId('发言人'),
      stance: zEnum('表态', STATEMENT_STANCES),
      note: zOptionalText('发言要点', 2000),
      hostOrderOverride: zText('主持人提前表态的理由', 200).optional(),
    }),
  ),
  /** Correct a recorded statement's stance or note until the meeting closes (kept before → after). */
  'entries.amendStatement': write(
    z.object({
      entryId,
      personId: zId('发言人'),
      stance: zEnum('表态', STATEMENT_STANCES),
      note: z.string({ error: '「发言要点」须为文字' }).trim().max(2000, { error: '「发言要点」不能超过2000字' }).optional(),
      reason: zOptionalText('更正原因', 200),
    }),
  ),
  /** Take back the latest statement of an undecided entry (R9: the order stays as spoken). */
  'entries.removeStatement': write(z.object({ entryId, personId: zId('发言人'), reason: zOptionalText('撤销原因', 200) })),
  /** Take back a recusal entered by mistake, before the host states (R8, R9). */
  'entries.removeRecusal': write(z.object({ entryId, personId: zId('回避人'), reason: zOptionalText('撤销原因', 200) })),
  /** Undo the latest vote result while the meeting is open; the decision and ballots it made go too. */
  'entries.undoVote': write(z.object({ entryId, reason: zText('撤销原因', 200) })),
  /** R7: an absent member's written opinion (kept, not counted). */
  'entries.writtenOpinion': write(z.object({ entryId, personId: zId('缺席成员'), text: zText('书面意见', 2000) })),
  /** 表决: the result is computed by R10, never typed in. */
  'entries.vote': write(RecordVote),
  /** R11 暂缓表决, back to consultation. */
  'entries.postpone': write(z.object({ entryId, reason: zText('暂缓理由', 500) })),
  /** 校长办公会 前置研究: records the 研究意见 for the 党组织会议 (R1). */
  'entries.study': write(z.object({ entryId, proposal: zText('研究意见', 2000) })),
  /** R12 校长决定 mode of the 校长办公会: the 校长 decides after hearing everyone present. */
  'entries.principalDecide': write(
    z.object({
      entryId,
      decisionText: zText('决定内容', 2000),
      /** false: the 校长 decides not to adopt the item (未通过). */
      approve: z.boolean().default(true),
    }),
  ),
  /** Hear a report entry (临时处置通报 R14, 执行情况汇报 R17): noted, not voted. */
  'entries.note': write(z.object({ entryId, note: zOptionalText('会议意见', 2000) })),
  /**
   * R11 复议: a motion at `meetingId` (same body) to reconsider a settled entry. Agreed when more
   * than half of the members due agree; the item then goes back to consultation.
   */
  'entries.reconsider': write(
    z.object({ entryId, meetingId: zId('会议'), agree: zCount('同意复议人数'), reason: zText('复议理由', 500) }),
  ),
  /** R14 临时处置 by the 书记 (or 校长 for administrative matters). */
  'emergency.record': write(
    z.object({
      orgId: zId('学校'),
      bodyId: zId('议事机构'),
      actorId: zId('处置人'),
      reason: zText('不能召开会议的原因', 500),
      action: zText('处置内容', 2000),
      at: zDateTime('处置时间'),
    }),
  ),
  /** Report (通报/追认) an emergency action as an item of the next meeting of its body. */
  'emergency.report': write(z.object({ emergencyActionId: zId('临时处置'), meetingId: zId('会议') })),
  'emergency.list': read(z.object({ orgId: zId('学校') })),
} as const;
