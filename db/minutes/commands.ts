// R16 会议纪要: generate from the record, edit the draft, 签发 by the host (which locks it and
// the meeting record), and 勘误 as a new linked revision. A signed revision is never written again.
import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { conflict, LedgerError, locked } from '../errors';
import { nowIso, type Ledger } from '../ledger';
import { peopleOf, rosterOf } from '../meetings/roster';
import { getMeetingView } from '../meetings/view';
import { getPerson, holdersOf } from '../organization/queries';
import { leadingPost } from '../rules/leadership';
import { signRefusal } from '../rules/minutes';
import { sealMeeting } from '../trust/chain';
import { meetingRoster, minutes } from '../schema';
import { buildMinutesContent, type MinutesContent } from './assemble';
import type { minutesContract } from './contract';
import { getMinutes, latestRevision, nextDocNumber, ownersOf, papersOfRecord } from './queries';
import { readMeetingRecord } from './record';

const SIGNED_MESSAGE = '该会议纪要已经签发并锁定，不能修改。如需更正，请办理勘误（新建修订稿）。';

/** Build the draft from the record; regenerates an existing draft, never a signed revision. */
export function generateMinutes(ledger: Ledger, meetingId: number) {
  const record = readMeetingRecord(ledger, meetingId);
  if (record.attendance.present.length === 0) {
    conflict('会议记录中还没有出席人员，请先登记出席情况，再生成会议纪要。', 'meetingId');
  }
  const content = buildMinutesContent(record, ownersOf(ledger, record.decisions.map((d) => d.id)), papersOfRecord(ledger, record));
  const latest = latestRevision(ledger, meetingId);
  if (latest?.state === 'signed') locked('本次会议的会议纪要已经签发，不能重新生成。如需更正，请办理勘误（新建修订稿）。');
  if (latest) {
    ledger.db.update(minutes).set({ content }).where(eq(minutes.id, latest.id)).run();
    return { minutesId: latest.id, docNumber: latest.docNumber, revision: latest.revision, content, warnings: content.warnings };
  }
  const docNumber = nextDocNumber(ledger, record.orgId, record.meeting);
  const row = ledger.db.insert(minutes).values({ meetingId, revision: 1, docNumber, content, state: 'draft' }).returning().get();
  return { minutesId: row.id, docNumber, revision: 1, content, warnings: content.warnings };
}

type UpdateDraft = z.output<(typeof minutesContract)['minutes.updateDraft']['input']>;

export function updateDraft(ledger: Ledger, input: UpdateDraft) {
  const row = getMinutes(ledger, input.minutesId);
  if (row.state === 'signed') locked(SIGNED_MESSAGE);
  const content: MinutesContent = { ...row.content, decisions: row.content.decisions.map((d) => ({ ...d })) };
  if (input.opening !== undefined) content.opening = input.opening;
  (input.decisions ?? []).forEach((edit, i) => {
    const target = content.decisions.find((d) => d.decisionId === edit.decisionId);
    if (!target) conflict('这项决定事项不在本次会议纪要中，请刷新后重试。', `decisions.${i}.decisionId`);
    target.text = edit.text;
  });
  ledger.db.update(minutes).set({ content }).where(eq(minutes.id, row.id)).run();
  return { minutesId: row.id, content };
}

/** 签发 (R16): only the meeting's host; locks this revision and the meeting record. */
export function signMinutes(ledger: Ledger, input: { minutesId: number; personId: number }) {
  const row = getMinutes(ledger, input.minutesId);
  // One view for the record and the roster: building it walks every entry of the meeting.
  const view = getMeetingView(ledger, row.meetingId);
  const record = readMeetingRecord(ledger, row.meetingId, view);
  const signer = getPerson(ledger, input.personId, 'personId');
  const refusal = signRefusal({
    bodyKind: record.bodyKind,
    minutesState: row.state,
    meetingState: record.meeting.state,
    hostId: record.meeting.hostId,
    hostName: record.facts.host,
    signerId: signer.id,
  });
  if (refusal) {
    throw new LedgerError({
      code: refusal.code,
      message: refusal.message,
      rule: refusal.code === 'rule_violation' ? 'R16' : undefined,
      field: refusal.code === 'rule_violation' ? 'personId' : undefined,
    });
  }
  const prevHash = row.previousId ? (getMinutes(ledger, row.previousId).hash ?? null) : null;
  const signedAt = nowIso(ledger);
  const hash = chainHash({ docNumber: row.docNumber, revision: row.revision, content: row.content, signedBy: signer.id, signedAt }, prevHash);
  ledger.db
    .update(minutes)
    .set({ state: 'signed', signedBy: signer.id, signedAt, hash, prevHash })
    .where(eq(minutes.id, row.id))
    .run();
  // The names as signed (H class 6), then tamper evidence (db/trust): seal this revision, the
  // meeting's locked records and its roster in the same transaction. The view was read before
  // this revision was marked signed: that changes what may still be corrected, not who took part.
  keepRoster(ledger, row.meetingId, view, holdersOf(ledger, record.orgId, leadingPost('principal_office'), view.date));
  const seal = sealMeeting(ledger, row.id);
  return { minutesId: row.id, state: 'signed' as const, signedBy: signer.name, signedAt, hash, anchor: seal.short };
}

/** 勘误 (R16): a new draft revision linked to the signed one; the original stays as it was. */
export function reviseMinutes(ledger: Ledger, input: { minutesId: number; reason: string }) {
  const row = getMinutes(ledger, input.minutesId);
  if (row.state !== 'signed') conflict('这份会议纪要还是草稿，可以直接修改，无需勘误。');
  const latest = latestRevision(ledger, row.meetingId)!;
  if (latest.id !== row.id) {
    conflict(
      latest.state === 'draft'
        ? `已有未签发的勘误稿（第${latest.revision}稿），请在该稿上修改后签发。`
        : `请在最新的第${latest.revision}稿上办理勘误。`,
    );
  }
  const created = ledger.db
    .insert(minutes)
    .values({
      meetingId: row.meetingId,
      revision: row.revision + 1,
      previousId: row.id,
      revisionReason: input.reason,
      docNumber: row.docNumber,
      content: row.content,
      state: 'draft',
    })
    .returning()
    .get();
  return { minutesId: created.id, revision: created.revision, previousId: row.id, state: 'draft' as const };
}

/** Tamper evidence: sha256 over the signed revision and the previous link's hash. */
export function chainHash(signed: { docNumber: string; revision: number; content: unknown; signedBy: number; signedAt: string }, prevHash: string | null): string {
  return createHash('sha256').update(JSON.stringify(signed)).update(prevHash ?? '').digest('hex');
}

/**
 * Keep the names of everyone the signed meeting's view refers to (plus `extra`, e.g. the 校长 who
 * decided in 校长决定 mode), once: a later revision's signing keeps the first roster.
 */
export function keepRoster(ledger: Ledger, meetingId: number, view: unknown, extra: number[] = []): void {
  if (rosterOf(ledger, meetingId)) return;
  const ids = [...peopleOf(view, new Set(extra))].sort((a, b) => a - b);
  for (const personId of ids) {
    const p = getPerson(ledger, personId);
    ledger.db.insert(meetingRoster).values({ meetingId, personId, name: p.name, department: p.department }).run();
  }
}
