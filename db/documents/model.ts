// Plain-JSON inputs of the document renderers (db/documents/*). Built from the ledger by
// db/minutes/assemble.ts; the renderers are pure (data -> HTML / DOCX / XLSX bytes).
// Dates are ISO strings ('2026-03-25' or '2026-03-25T15:00'); the renderers format them as
// 2026年3月25日. Every string is user text and is escaped by the renderers.
// Keep these types stable: the minutes engineer and the renderers work against them in parallel.
import type { Tally } from '../rules/tally';
import type { BallotChoice, BodyKind, MajorCategory, StatementStance, Rating, VoteMethod } from '../terms';

/** A warn-level rule hit kept on the record (shown in the minutes and the record). */
export interface DocWarning {
  rule: string;
  message: string;
}

export interface LeaveLine {
  name: string;
  reason: string;
}

/** Attendance as name lists, in the order they are to be printed (GB/T 9704 §10.3 出席/请假/缺席/列席). */
export interface AttendanceLines {
  /** 出席: voting members present (for at least part of the meeting). */
  present: string[];
  /** 请假, each with its reason (R16). */
  onLeave: LeaveLine[];
  /** 缺席 without leave (reason when one was recorded). */
  absent: { name: string; reason?: string | null }[];
  /** 列席: non-voting attendees (R7). */
  observers: string[];
}

/** Facts shared by every meeting document. */
export interface MeetingFacts {
  /** 青山县第一中学 */
  orgName: string;
  /** 党委会议 / 校长办公会议 (the body as it is called in this school) */
  bodyName: string;
  bodyKind: BodyKind;
  /** 2026年第3次党委会议 */
  meetingLabel: string;
  /** ISO 'YYYY-MM-DDTHH:mm' */
  startsAt: string;
  endsAt?: string | null;
  place: string;
  /** 主持人 */
  host: string;
  /** 记录人 */
  recorder: string;
  /** Topic titles in agenda order (used in the opening paragraph and the notice). */
  topics: string[];
}

/** Who carries a decision out (R17). */
export interface DecisionOwner {
  /** 承办部门 */
  ownerDept: string;
  /** 责任人 */
  ownerName?: string | null;
  /** 分管领导 */
  leaderName?: string | null;
  /** ISO date */
  deadline: string;
  /** The task, when it is more specific than the decision. */
  task?: string | null;
}

/** 决定事项, numbered within the meeting. */
export interface MinutesDecision {
  number: number;
  /** Title of the item the decision came from. */
  itemTitle: string;
  /** The decision wording (editable while the minutes are a draft). */
  text: string;
  owners: DecisionOwner[];
  /** R17 explicit 无需督办 with its reason. */
  noFollowUpReason?: string | null;
}

/** How an item was settled, as the documents state it in words (R10 counts, R12 校长决定). */
export interface ItemVote {
  method: VoteMethod | '校长决定';
  /** 应到 and 实到 on this item (R6, R8: recused members are not due unless the setting says so). */
  due: number;
  present: number;
  for: number;
  against: number;
  abstain: number;
  passed: boolean;
  /** 校长决定 (R12): the 校长 who decided. */
  decidedBy?: string | null;
}

/** One agenda item as the 纪要 states it: every item, decided or not, in agenda order. */
export interface MinutesItem {
  /** Order on the agenda: the 一、二、… of the 纪要. */
  number: number;
  title: string;
  outcome: RecordOutcome;
  /** The decision (MinutesDecision.number) this item produced. */
  decisionNumber: number | null;
  vote: ItemVote | null;
  /** 三重一大: each member's statement in brief, in the order made (none after a secret ballot: counts only). */
  statements: { name: string; stance: StatementStance; note: string; byHost: boolean }[];
  /** Members who stepped out of this item (回避). */
  recusals: string[];
  /** The 校长办公会议 that studied the item first (R1 前置研究), by its title. */
  studiedAt: string | null;
  /** 暂缓表决 reason (R11), 研究意见 of a study, or the note on a heard report. */
  reason: string | null;
}

/** 版记 (GB/T 9704 §7.4): 抄送 (optional), 印发机关; the 印发日期 is the day of 签发. */
export interface Imprint {
  copyTo: string | null;
  issuer: string;
}

/** 会议纪要 (R16): generated from the record; 签发 by the host; a signed revision never changes. */
export interface MinutesDoc extends MeetingFacts {
  kind: 'minutes';
  /** Red heading, e.g. 青山县第一中学党委会议纪要 */
  title: string;
  /** 〔2026〕3号 or 第3期 */
  docNumber: string;
  /** The meeting facts in one paragraph (time, place, host, topics). */
  opening: string;
  decisions: MinutesDecision[];
  /** Every item in agenda order; absent in revisions generated before items were stated (decisions only). */
  items?: MinutesItem[];
  /** 版记; absent in revisions generated before it was printed. */
  imprint?: Imprint;
  attendance: AttendanceLines;
  state: 'draft' | 'signed';
  /** 签发人 name */
  signedBy?: string | null;
  /** ISO date-time */
  signedAt?: string | null;
  /** 1 for the original; 2, 3, … for 勘误 revisions. */
  revision: number;
  /** Reason of a 勘误 revision (revision > 1). */
  revisionReason?: string | null;
  /** 存证码: the tamper-evidence chain anchor, printed small in the 版记 of signed minutes. */
  chainAnchor?: string | null;
  /** Warn-level rule hits kept on the record: for the screen, never printed. */
  warnings: DocWarning[];
}

/** One 发言表态 in the order it was made (R9). */
export interface RecordStatement {
  seq: number;
  name: string;
  stance: StatementStance;
  note: string;
  /** True for the host's statement (R9: the host states last). */
  byHost: boolean;
}

/** The R10 tally as computed at the time of the vote (db/rules/tally.ts, stored on the entry). */
export type RecordTally = Tally;

export interface RecordVote {
  /** '校长决定' for a 校长办公会 decided by the 校长 (R12). */
  method: VoteMethod | '校长决定';
  /** 校长决定: the 校长 who decided. */
  decidedBy?: string | null;
  for: number;
  against: number;
  abstain: number;
  /** Per-member ballots; empty for 无记名投票 (R10: secret ballots keep counts only). */
  ballots: { name: string; choice: BallotChoice }[];
}

export type RecordOutcome = 'pending' | 'passed' | 'not_passed' | 'postponed' | 'studied' | 'noted';

/** One agenda item as it happened in the meeting. */
export interface RecordItem {
  position: number;
  title: string;
  /** 议事清单 entry name */
  matter: string;
  /** R2 三重一大 */
  major: boolean;
  majorCategory?: MajorCategory | null;
  /** 金额 in 元 */
  amount?: number | null;
  /** 临时动议 (R3) */
  adHoc: boolean;
  purpose: 'decide' | 'study' | 'report';
  /** 汇报人 */
  presenter: string | null;
  /** Every statement, in order (the host's is marked byHost). */
  statements: RecordStatement[];
  /** Recorded reason when the host did not state last (R9 override). */
  hostOrderOverride?: string | null;
  /** 回避 (R8) */
  recusals: { name: string; reason: string }[];
  /** Written opinions of absent members (R7: kept, not counted). */
  writtenOpinions: { name: string; text: string }[];
  vote: RecordVote | null;
  tally: RecordTally | null;
  outcome: RecordOutcome;
  /** 暂缓表决 reason (R11). */
  postponeReason?: string | null;
  /** 研究意见 of a 校长办公会 前置研究 item (R1), or the note on a heard report. */
  proposal?: string | null;
  /** The 校长办公会议 that studied this item first (R1), with its 研究意见. */
  studiedAt?: { meetingLabel: string; proposal: string } | null;
  /** Number of the decision this item produced, if it passed. */
  decisionNumber?: number | null;
  warnings: DocWarning[];
}

/** 会议记录 (R16): the internal, full record; printed separately from the minutes. */
export interface RecordDoc extends Omit<MinutesDoc, 'kind' | 'items' | 'imprint'> {
  kind: 'record';
  /** R15 第一议题 study content (null when none was recorded). */
  firstTopic: string | null;
  items: RecordItem[];
}

/** 会议通知 */
export interface NoticeDoc extends MeetingFacts {
  kind: 'notice';
  /** e.g. 关于召开2026年第3次党委会议的通知 */
  title: string;
  /** Who is notified (members due to attend). */
  attendees: string[];
  observers: string[];
  /** Agenda in order with presenters. */
  agenda: { position: number; title: string; presenter: string | null }[];
  /** Extra requests, e.g. 请提前审阅会议材料；因故不能参会的，请向主持人请假。 */
  notes: string[];
  /** Issuing office, e.g. 学校党委办公室 */
  issuer: string;
  /** ISO date */
  issuedOn: string;
}

/** 签到表 */
export interface SignInDoc extends MeetingFacts {
  kind: 'signin';
  /** Members called (出席), or as the attendance already records them (请假, 缺席, with the reason as a note), then 列席. */
  rows: { name: string; post: string; role: '出席' | '请假' | '缺席' | '列席'; note?: string | null }[];
}

/** 表决票: one sheet per voter; a secret ballot (无记名投票) has no name line. */
export interface BallotDoc extends MeetingFacts {
  kind: 'ballot';
  method: '无记名投票' | '记名投票';
  items: { position: number; title: string }[];
  /** Named ballots: one sheet per name. Secret ballots: `copies` identical sheets. */
  voters: string[];
  copies: number;
}

/** One follow-up of a decision on the 台账's second sheet (R17 owner, deadline, 逾期; R18 evaluation). */
export interface LedgerFollowUp {
  task: string;
  ownerDept: string;
  ownerName?: string | null;
  /** 分管领导 */
  leaderName?: string | null;
  /** ISO date */
  deadline: string;
  state: '进行中' | '已办结' | '逾期';
  /** ISO date the follow-up was done, if it was. */
  completedOn?: string | null;
  evaluation?: { rating: Rating; effect: string } | null;
}

/** One row of the XLSX 台账: one decision (or one undecided item) of one meeting. */
export interface RegisterRow {
  meetingLabel: string;
  /** ISO date */
  meetingDate: string;
  bodyName: string;
  /** Agenda position in the meeting. */
  itemPosition: number;
  itemTitle: string;
  matter: string;
  major: boolean;
  majorCategory?: MajorCategory | null;
  /** 金额 in 元 */
  amount?: number | null;
  /** 应到 / 实到 on the item when it was voted or decided (R6, R10). */
  due?: number | null;
  present?: number | null;
  voteMethod?: string | null;
  votesFor?: number | null;
  votesAgainst?: number | null;
  votesAbstain?: number | null;
  /** 通过 / 未通过 / 暂缓表决 / … */
  result: string;
  decisionNumber?: number | null;
  decisionText?: string | null;
  followUps: LedgerFollowUp[];
  /** 督办中 / 已办结 / 已闭环 / … */
  status: string;
  evaluation?: { rating: Rating; effect: string } | null;
}

export interface RegisterSheet {
  orgName: string;
  /** The 台账's year: its meetings were held that year. */
  year: number;
  /** ISO date of export */
  exportedOn: string;
  rows: RegisterRow[];
}

/** 督办通知单 (or 催办单 when overdue) for one follow-up (R17): A4, sent to the owner department. */
export interface SupervisionDoc {
  kind: 'supervision';
  /** 督办通知单 | 催办单 */
  title: string;
  orgName: string;
  issuer: string;
  meetingLabel: string;
  /** ISO date the decision was made. */
  decidedOn: string;
  decisionNumber: number;
  decisionText: string;
  task: string;
  ownerDept: string;
  ownerName: string | null;
  leaderName: string | null;
  /** ISO date */
  deadline: string;
  /** Days past the deadline on issuedOn; 0 when not overdue. */
  overdueDays: number;
  /** 进展 and 督办 so far, oldest first (at: ISO date). */
  progress: { at: string; kind: '进展' | '督办'; text: string }[];
  /** ISO date */
  issuedOn: string;
  /** ISO date by which the department reports back. */
  replyBy: string;
}
