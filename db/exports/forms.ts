// Before-meeting forms as renderer inputs (db/documents/model.ts): 会议通知, 签到表, 表决票.
// Pure: built from MeetingForms (read.ts) so what a form prints follows from the ledger alone.
import type { BallotDoc, DocWarning, MeetingFacts, NoticeDoc, SignInDoc } from '../documents/model';
import { cnDate } from '../documents/page';
import type { AttendanceStatus } from '../terms';

export interface FormPerson {
  name: string;
  /** 书记、校长 … or the department when the person holds no post. */
  post: string;
  /** What the attendance already records for the person (请假 with its reason, 缺席 …), if anything. */
  status?: AttendanceStatus;
  reason?: string | null;
}

export interface FormEntry {
  entryId: number;
  /** 1-based order on the agenda. */
  number: number;
  title: string;
  presenter: string | null;
  purpose: string;
  outcome: string;
  /** 干部 matter: voted by secret ballot unless the meeting chose otherwise. */
  cadre: boolean;
  /** Recorded vote method, once voted. */
  voteMethod: string | null;
  /** R3 warnings kept on the entry when it was put on the agenda. */
  warnings: DocWarning[];
}

export interface MeetingForms {
  facts: MeetingFacts;
  /** Who issues the body's papers (db/organization/names.ts papersOf). */
  issuer: string;
  /** Meeting calendar date, YYYY-MM-DD. */
  date: string;
  today: string;
  /** Voting members of the body on the meeting date (应到会). */
  members: FormPerson[];
  /** 列席: non-voting members and people marked 列席 in the attendance. */
  observers: FormPerson[];
  entries: FormEntry[];
  materialsLeadDays: number;
  submitLeadDays: number;
}

/** R3 lead times as dates: by when topics and materials are due for this meeting. */
export function leadTimes(f: Pick<MeetingForms, 'date' | 'materialsLeadDays' | 'submitLeadDays'>) {
  return {
    submitLeadDays: f.submitLeadDays,
    materialsLeadDays: f.materialsLeadDays,
    submitBy: daysBefore(f.date, f.submitLeadDays),
    materialsBy: daysBefore(f.date, f.materialsLeadDays),
  };
}

export function noticeDoc(f: MeetingForms): NoticeDoc {
  const lead = leadTimes(f);
  const notes = [
    // R3: materials reach the attendees lead.materialsLeadDays days before the meeting.
    `议题材料请于${cnDate(lead.materialsBy)}前送达参会人员（会前${lead.materialsLeadDays}天），请参会人员提前审阅。`,
    `因故不能参会的，请于会前向${f.facts.host}同志请假并说明事由。`,
  ];
  // R15: a 党组织会议 opens with the 第一议题 study.
  if (f.facts.bodyKind === 'party_committee') notes.splice(1, 0, '会议首先进行第一议题学习，请提前做好准备。');
  return {
    ...f.facts,
    kind: 'notice',
    title: `关于召开${f.facts.meetingLabel}的通知`,
    attendees: f.members.map((m) => m.name),
    observers: f.observers.map((o) => o.name),
    agenda: f.entries.map((e) => ({ position: e.number, title: e.title, presenter: e.presenter })),
    notes,
    issuer: f.issuer,
    // A notice is issued before the meeting; printed afterwards (for the file), it keeps the meeting's lead date.
    issuedOn: f.today < f.date ? f.today : lead.submitBy,
  };
}

/** R3 warnings of the agenda, named by topic, for the secretary to see before sending the notice. */
export function noticeWarnings(f: MeetingForms): DocWarning[] {
  return f.entries.flatMap((e) => e.warnings.filter((w) => w.rule === 'R3').map((w) => ({ rule: w.rule, message: `「${e.title}」${w.message}` })));
}

/** Members are called to attend (出席) unless the attendance already says 请假 or 缺席 (with its reason). */
export function signInDoc(f: MeetingForms): SignInDoc {
  const away = (m: FormPerson) => m.status === '请假' || m.status === '缺席';
  return {
    ...f.facts,
    kind: 'signin',
    rows: [
      ...f.members.map((m) => ({ name: m.name, post: m.post, role: away(m) ? m.status! : ('出席' as const), note: away(m) ? (m.reason ?? null) : null })),
      ...f.observers.map((o) => ({ name: o.name, post: o.post, role: '列席' as const, note: null })),
    ],
  };
}

export type BallotMethod = '无记名投票' | '记名投票';

/**
 * Which ballot an entry gets (R10): once voted by ballot, the recorded method; otherwise the
 * secretary's choice, else 无记名投票 for a 干部 matter (practice for personnel votes) and
 * 记名投票 for the rest. Null when the entry is not voted by ballot at all.
 */
export function ballotMethodFor(e: Pick<FormEntry, 'voteMethod' | 'cadre'>, wanted?: BallotMethod): BallotMethod | null {
  if (e.voteMethod === '无记名投票' || e.voteMethod === '记名投票') return e.voteMethod;
  if (e.voteMethod != null) return null;
  return wanted ?? (e.cadre ? '无记名投票' : '记名投票');
}

/** One 表决票 for one entry (R10: each item voted separately). A secret ballot lists no names. */
export function ballotDoc(f: MeetingForms, e: FormEntry, method: BallotMethod, voters: string[]): BallotDoc {
  const secret = method === '无记名投票';
  return {
    ...f.facts,
    kind: 'ballot',
    method,
    items: [{ position: e.number, title: e.title }],
    voters: secret ? [] : voters,
    copies: secret ? Math.max(1, voters.length) : 0,
  };
}

function daysBefore(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - days);
  return d.toISOString().slice(0, 10);
}
