// 出席 / 缺席 / 请假 / 列席 of a meeting (R6, R7, R16). The list is replaced whole; arrivesAt /
// leavesAfter name agenda positions so the quorum can be checked per item.
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { conflict, refuse } from '../errors';
import type { Ledger, ReadLedger } from '../ledger';
import { getPerson, servesOrg } from '../organization/queries';
import { quorumFor } from '../rules/quorum';
import { signedIn } from '../rules/tally';
import { attendance, ballots } from '../schema';
import type { meetingContract } from './contract';
import { keepAmendment } from '../amendments';
import { entriesOfMeeting, meetingFacts, meetingForWrite, recusalsOf, statementsOf, type MeetingFacts } from './queries';
import { getItem } from '../items/queries';

type Input = z.output<(typeof meetingContract)['meetings.setAttendance']['input']>;

export function setAttendance(ledger: Ledger, input: Input) {
  const meeting = meetingForWrite(ledger, input.meetingId);
  const before = meetingFacts(ledger, meeting);
  const members = new Map(before.members.map((m) => [m.personId, m]));
  const seen = new Set<number>();

  input.rows.forEach((row, i) => {
    const person = getPerson(ledger, row.personId, `rows.${i}.personId`);
    if (!servesOrg(ledger, person, before.body.orgId)) conflict(`${person.name}不是本校人员。`, `rows.${i}.personId`);
    if (seen.has(row.personId)) conflict(`${person.name}重复登记了出席情况。`, `rows.${i}.personId`);
    seen.add(row.personId);
    const member = members.get(row.personId);
    // R7: people outside the body only attend as 列席; voting members are present, absent or on leave.
    if (!member && row.status !== '列席') {
      refuse('R7', `${person.name}不是${before.body.name}成员，只能登记为列席`, `rows.${i}.status`);
    }
    if (member?.voting && row.status === '列席') {
      refuse('R7', `${person.name}是有表决权的成员，请登记为出席、缺席或请假`, `rows.${i}.status`);
    }
    // R16: the record names the reason of every leave.
    if (row.status === '请假' && row.reason.trim() === '') {
      refuse('R16', `请填写${person.name}的请假事由`, `rows.${i}.reason`);
    }
    const inRoom = row.status === '出席' || row.status === '列席';
    if (!inRoom && (row.arrivesAt !== null || row.leavesAfter !== null)) {
      conflict(`${person.name}未到会，不需要填写到会、离会的议题序号。`, `rows.${i}.arrivesAt`);
    }
    if (row.arrivesAt !== null && row.leavesAfter !== null && row.arrivesAt > row.leavesAfter) {
      conflict(`${person.name}的离会议题序号早于到会序号，请核对。`, `rows.${i}.leavesAfter`);
    }
  });
  const missing = before.members.filter((m) => m.voting && !seen.has(m.personId));
  if (missing.length) {
    conflict(`请为以下成员登记出席情况：${missing.map((m) => m.name).join('、')}。`, 'rows');
  }

  const after: MeetingFacts = {
    ...before,
    attendance: input.rows.map((r) => ({ ...r, name: '', reason: r.reason || null })),
  };
  // Who could vote on an item already settled must not change after the fact (R6, R7).
  for (const entry of entriesOfMeeting(ledger, meeting.id)) {
    const recused = recusalsOf(ledger, entry.id).map((r) => r.personId);
    const twoThirds = false; // voters do not depend on the threshold
    const voterIds = (f: MeetingFacts) =>
      quorumFor({ members: f.members, attendance: f.attendance, position: entry.position, recused, twoThirds, settings: f.settings }).voterIds;
    // R7: whoever stated on an item was in the room for it; the correction must keep them there.
    const stated = statementsOf(ledger, entry.id);
    const gone = stated.filter((st) => !voterIds(after).includes(st.personId));
    if (gone.length) {
      conflict(
        `${gone.map((g) => g.name).join('、')}已对第${entry.position}项「${getItem(ledger, entry.itemId).title}」表态，按这样登记就不在场了；如登记有误，请先撤销其表态。`,
        'rows',
      );
    }
    if (!entryTouched(ledger, entry.id, entry.outcome)) continue;
    const voters = (f: MeetingFacts) => voterIds(f).slice().sort().join(',');
    if (voters(before) !== voters(after)) {
      conflict(
        `第${entry.position}项「${getItem(ledger, entry.itemId).title}」已有结果，这项议题时的在场成员不能再改动；离会、到会请从后面的议题起登记。`,
        'rows',
      );
    }
  }

  // A list that existed is being corrected: keep what it was (the first sign-in is not a correction).
  if (before.attendance.length > 0) {
    const shape = (rows: { personId: number; status: string; reason: string | null; arrivesAt: number | null; leavesAfter: number | null }[]) =>
      [...rows].sort((a, b) => a.personId - b.personId).map((r) => ({ name: getPerson(ledger, r.personId).name, status: r.status, reason: r.reason || null, arrivesAt: r.arrivesAt, leavesAfter: r.leavesAfter }));
    const was = shape(before.attendance);
    const now = shape(input.rows);
    if (JSON.stringify(was) !== JSON.stringify(now)) {
      keepAmendment(ledger, { orgId: before.body.orgId, subjectType: 'meeting', subjectId: meeting.id, action: 'attendance', before: was, after: now });
    }
  }
  ledger.db.delete(attendance).where(eq(attendance.meetingId, meeting.id)).run();
  for (const row of input.rows) {
    ledger.db
      .insert(attendance)
      .values({
        meetingId: meeting.id,
        personId: row.personId,
        status: row.status,
        reason: row.reason || null,
        arrivesAt: row.arrivesAt,
        leavesAfter: row.leavesAfter,
      })
      .run();
  }
  const count = (s: string) => input.rows.filter((r) => r.status === s).length;
  return {
    meetingId: meeting.id,
    present: count('出席'),
    absent: count('缺席'),
    onLeave: count('请假'),
    attending: count('列席'),
    /** 应到 / 签到出席 as the meeting screens show it (R6). */
    signedIn: signedIn(before.members, input.rows),
  };
}

/** Settled entries (voted, postponed, studied, noted) keep the people they were settled by. */
function entryTouched(ledger: ReadLedger, entryId: number, outcome: string): boolean {
  if (outcome !== 'pending') return true;
  return ledger.db.select({ id: ballots.id }).from(ballots).where(eq(ballots.entryId, entryId)).get() != null;
}
