// R16: the 会议纪要 is generated from the record. Turns the ledger's meeting record into the
// stored minutes content and into the renderer inputs (MinutesDoc, RecordDoc of db/documents/model.ts).
import type { AttendanceLines, DecisionOwner, DocWarning, Imprint, MeetingFacts, MinutesDecision, MinutesDoc, MinutesItem, RecordDoc, RecordItem } from '../documents/model';
import { cnDate } from '../documents/page';
import { clause, itemVote } from '../documents/wording';
import { localDate } from '../ledger';
import type { MeetingRecord } from './record';

/** What a minutes revision stores: everything shown, frozen at generation so a signed revision never changes. */
export interface MinutesContent extends MeetingFacts {
  title: string;
  opening: string;
  decisions: (MinutesDecision & { decisionId: number })[];
  /** Absent in revisions generated before items were stated. */
  items?: MinutesItem[];
  /** Absent in revisions generated before the 版记 was printed. */
  imprint?: Imprint;
  attendance: AttendanceLines;
  warnings: DocWarning[];
}

/** What the school calls this body's papers (db/organization/names.ts papersOf). */
export interface Papers {
  heading: string;
  issuer: string;
  copyTo: string | null;
}

/** The follow-ups of a decision as minutes print them: owner and deadline (R16, R17). */
export type OwnersByDecision = Map<number, DecisionOwner[]>;

export function buildMinutesContent(record: MeetingRecord, owners: OwnersByDecision, papers: Papers): MinutesContent {
  const { facts } = record;
  return {
    ...facts,
    title: papers.heading,
    opening: openingParagraph(facts, record.firstTopic),
    decisions: record.decisions.map((d) => ({
      decisionId: d.id,
      number: d.number,
      itemTitle: d.itemTitle,
      text: d.text,
      owners: owners.get(d.id) ?? [],
      noFollowUpReason: d.noFollowUpReason,
    })),
    items: record.items.map(minutesItem),
    imprint: { copyTo: papers.copyTo, issuer: papers.issuer },
    attendance: record.attendance,
    warnings: record.warnings,
  };
}

/** One item as the 纪要 states it (frozen with the revision, so a signed 纪要 never changes). */
export function minutesItem(i: RecordItem): MinutesItem {
  // R10: a secret ballot keeps counts only, so the 纪要 names no one's position on that item.
  const secret = i.vote?.method === '无记名投票';
  const reason = i.outcome === 'postponed' ? i.postponeReason : i.outcome === 'studied' || i.outcome === 'noted' ? i.proposal : null;
  return {
    number: i.position,
    title: i.title,
    outcome: i.outcome,
    decisionNumber: i.decisionNumber ?? null,
    vote: itemVote(i),
    statements: i.major && !secret ? i.statements.map((s) => ({ name: s.name, stance: s.stance, note: s.note, byHost: s.byHost })) : [],
    recusals: i.recusals.map((r) => r.name),
    studiedAt: i.studiedAt?.meetingLabel ?? null,
    reason: reason ?? null,
  };
}

/** 2026年3月25日下午，王建国同志在学校会议室主持召开2026年第3次党委会议。… */
export function openingParagraph(facts: MeetingFacts, firstTopic: string | null): string {
  const parts = [`${cnDate(facts.startsAt)}${partOfDay(facts.startsAt)}，${facts.host}同志在${facts.place}主持召开${facts.meetingLabel}。`];
  const study = firstTopic?.split(/\r?\n/)[0]?.trim();
  if (study) parts.push(`会议首先进行了第一议题学习：${clause(study)}。`);
  // GB/T 15834: titles each in their own quotation marks take no 顿号 between them.
  const topics = facts.topics.map((t) => `“${t}”`);
  if (topics.length === 1) parts.push(`会议研究了${topics[0]}议题，现将议定事项纪要如下：`);
  else if (topics.length > 1) parts.push(`会议研究了${topics.join('')}等${topics.length}项议题，现将议定事项纪要如下：`);
  return parts.join('');
}

function partOfDay(iso: string): string {
  const hour = Number(iso.slice(11, 13));
  if (Number.isNaN(hour) || iso.length < 13) return '';
  return hour < 12 ? '上午' : hour < 18 ? '下午' : '晚上';
}

export interface MinutesRowFacts {
  docNumber: string;
  state: string;
  revision: number;
  revisionReason: string | null;
  hash: string | null;
  signedAt: string | null;
}

export function toMinutesDoc(row: MinutesRowFacts, content: MinutesContent, signedBy: string | null, anchor: string | null = null): MinutesDoc {
  const { decisions, ...rest } = content;
  return {
    ...rest,
    kind: 'minutes',
    decisions: decisions.map(({ decisionId: _id, ...d }) => d),
    docNumber: row.docNumber,
    state: row.state === 'signed' ? 'signed' : 'draft',
    signedBy,
    // Stored as UTC; the school reads its own clock (a signature at 07:30 Beijing time is that day).
    signedAt: row.signedAt ? localDateTime(new Date(row.signedAt)) : null,
    revision: row.revision,
    revisionReason: row.revisionReason,
    // The seal-chain anchor (db/trust) can be checked against the file; the row hash is the fallback.
    chainAnchor: anchor ?? (row.hash ? row.hash.slice(0, 12) : null),
  };
}

/** The full 会议记录: live from the record, with the latest minutes' number and signature when there are any. */
export function toRecordDoc(record: MeetingRecord, minutes: MinutesDoc): RecordDoc {
  const { kind: _kind, items: _items, imprint: _imprint, ...rest } = minutes;
  return {
    ...rest,
    ...record.facts,
    attendance: record.attendance,
    kind: 'record',
    firstTopic: record.firstTopic,
    items: record.items,
    warnings: record.warnings,
  };
}

/** Local 'YYYY-MM-DDTHH:mm'. */
function localDateTime(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${localDate(d)}T${p(d.getHours())}:${p(d.getMinutes())}`;
}
