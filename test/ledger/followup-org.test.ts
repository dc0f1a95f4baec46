// follow_ups.decision_org_id (migration 0020): the organisation whose decision a follow-up serves,
// kept on the row so a school's 督办 list and loop.status read only that school's follow-ups by
// index. Attacked the way it could go wrong: a writer that forgets it or writes another school's
// id, a row moved to another decision, existing rows of an older file, and the lists answering
// differently from the join they replace (decision → item → org) for the 集团, a campus, a
// school on its own, and every state.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listFollowUps } from '../../db/followups/queries';
import { decidedMeeting } from '../support/decided';
import { freshLedger, MIGRATIONS, type TestLedger } from '../support/ledger';
import { DEMO_SCHOOL, schoolIn } from '../support/school';


/** Every follow-up whose stored decision_org_id differs from its decision's item's organisation. */
function astray(t: TestLedger) {
  return t.ledger.sqlite
    .prepare(
      `SELECT f.id, f.decision_org_id AS stored, i.org_id AS actual FROM follow_ups f JOIN decisions d ON d.id = f.decision_id JOIN agenda_items i ON i.id = d.item_id
       WHERE f.decision_org_id IS NOT i.org_id`,
    )
    .all();
}

/** The list as the join it replaces gives it: own by the decision's item, handed by follow_ups.org_id. */
function byJoin(t: TestLedger, orgId: number, today: string, state: 'open' | 'done' | 'overdue' | undefined) {
  const cond = state === 'done' ? "f.state = 'done'" : state === 'open' ? "f.state <> 'done'" : state === 'overdue' ? "f.state <> 'done' AND f.deadline < @today" : '1';
  return (
    t.ledger.sqlite
      .prepare(
        `SELECT f.id FROM follow_ups f JOIN decisions d ON d.id = f.decision_id JOIN agenda_items i ON i.id = d.item_id
         WHERE (i.org_id = @org OR f.org_id = @org) AND ${cond} ORDER BY f.deadline, f.id`,
      )
      .all({ org: orgId, today }) as { id: number }[]
  ).map((r) => r.id);
}

function groupWithWork() {
  const t = freshLedger();
  const { orgId: groupId } = t.ok('org.setup', { ...DEMO_SCHOOL, name: '青山县第一中学教育集团' });
  const campusIds = ['东校区', '西校区'].map((name) => t.ok('orgs.createCampus', { ...DEMO_SCHOOL, name, partyKind: '党支部', parentId: groupId }).orgId);
  const g = schoolIn(t, groupId);
  const { decided } = decidedMeeting(t, g);
  // Handed to both campuses, and one of the 集团's own.
  t.ok('group.assign', {
    decisionId: decided[0]!.decisionId,
    task: '完成本校区安全隐患排查',
    campuses: campusIds.map((campusId, i) => ({ campusId, ownerDept: '总务处', deadline: `2026-04-0${i + 1}` })),
  });
  t.ok('followups.create', { decisionId: decided[1]!.decisionId, task: '集团办公室落实', ownerDept: '办公室', deadline: '2026-04-02' });
  // A campus's own decision and follow-ups, one of them done.
  const east = schoolIn(t, campusIds[0]!);
  const { decided: eastDecided } = decidedMeeting(t, east);
  const a = t.ok('followups.create', { decisionId: eastDecided[0]!.decisionId, task: '东校区排查', ownerDept: '总务处', deadline: '2026-04-01' }).followUp.id;
  t.ok('followups.create', { decisionId: eastDecided[1]!.decisionId, task: '东校区思政', ownerDept: '德育处', deadline: '2026-06-30' });
  t.ok('followups.complete', { followUpId: a, note: '已办结' });
  return { t, groupId, campusIds };
}

describe('follow_ups.decision_org_id', () => {
  it('is the decision’s organisation on every row, whichever command wrote it (督办, 集团交办), and a wrong write is put right', () => {
    const { t, groupId, campusIds } = groupWithWork();
    const rows = t.ledger.sqlite.prepare('SELECT org_id AS orgId, decision_org_id AS decisionOrgId FROM follow_ups ORDER BY id').all();
    expect(rows).toEqual([
      { orgId: campusIds[0], decisionOrgId: groupId },
      { orgId: campusIds[1], decisionOrgId: groupId },
      { orgId: null, decisionOrgId: groupId },
      { orgId: null, decisionOrgId: campusIds[0] },
      { orgId: null, decisionOrgId: campusIds[0] },
    ]);
    expect(astray(t)).toEqual([]);
    // A writer that names another school, or none, or moves the row to another decision: the trigger keeps it true.
    const db = t.ledger.sqlite;
    db.prepare('UPDATE follow_ups SET decision_org_id = ? WHERE decision_org_id = ?').run(campusIds[1], groupId);
    db.prepare('UPDATE follow_ups SET decision_org_id = NULL').run();
    const [lastId, firstDecision] = [
      db.prepare('SELECT MAX(id) FROM follow_ups').pluck().get() as number,
      db.prepare('SELECT decision_id FROM follow_ups ORDER BY id LIMIT 1').pluck().get() as number,
    ];
    db.prepare('UPDATE follow_ups SET decision_id = ? WHERE id = ?').run(firstDecision, lastId);
    db.prepare(
      "INSERT INTO follow_ups (decision_id, decision_org_id, task, owner_dept, deadline, created_at) VALUES (?, ?, '手写的一行', '办公室', '2026-05-01', '2026-03-20T09:00:00.000Z')",
    ).run(firstDecision, campusIds[1]);
    expect(astray(t)).toEqual([]);
    expect(db.prepare('SELECT decision_org_id FROM follow_ups WHERE id = ?').pluck().get(lastId)).toBe(groupId);
  });

  it('the migration fills it for the rows an older file already has', () => {
    const { t } = groupWithWork();
    const db = t.ledger.sqlite;
    const sql = fs.readFileSync(path.join(MIGRATIONS, '0020_follow_up_decision_org.sql'), 'utf8');
    const backfill = sql.split('--> statement-breakpoint').map((s) => s.trim()).find((s) => /^(--[^\n]*\n)*UPDATE/.test(s));
    expect(backfill).toBeDefined();
    // As a file before 0020: no value yet (the trigger that would put it back is lifted for this).
    db.exec('DROP TRIGGER followups_decision_org_update');
    db.prepare('UPDATE follow_ups SET decision_org_id = NULL').run();
    expect(astray(t)).toHaveLength(5);
    db.exec(backfill!);
    expect(astray(t)).toEqual([]);
  });

  it('listFollowUps answers as the join it replaces, for the 集团, each campus and every state; nothing of another school', () => {
    const { t, groupId, campusIds } = groupWithWork();
    // A school on its own in the same file, with the same work.
    const { orgId: alone } = t.ok('org.setup', { ...DEMO_SCHOOL, name: '青山县第二中学' });
    const other = schoolIn(t, alone);
    const { decided } = decidedMeeting(t, other);
    t.ok('followups.create', { decisionId: decided[0]!.decisionId, task: '二中排查', ownerDept: '总务处', deadline: '2026-04-01' });
    for (const today of ['2026-03-20', '2026-04-02', '2026-04-03', '2026-12-31']) {
      for (const orgId of [groupId, ...campusIds, alone]) {
        for (const state of ['open', 'done', 'overdue', undefined] as const) {
          const listed = listFollowUps(t.ledger, orgId, today, state, 1000);
          expect(listed.map((f) => f.id), `${orgId} ${state} ${today}`).toEqual(byJoin(t, orgId, today, state));
        }
      }
    }
    // The campus sees its own and the handed one; the 集团 its own and those it handed; 二中 only its own.
    expect(listFollowUps(t.ledger, campusIds[0]!, '2026-04-03', 'overdue', 1000).map((f) => [f.task, f.handed])).toEqual([['完成本校区安全隐患排查', true]]);
    expect(listFollowUps(t.ledger, groupId, '2026-04-03', 'overdue', 1000).map((f) => f.task)).toEqual(['完成本校区安全隐患排查', '完成本校区安全隐患排查', '集团办公室落实']);
    expect(listFollowUps(t.ledger, alone, '2026-04-03', undefined, 1000).map((f) => f.task)).toEqual(['二中排查']);
    // The limit still cuts in deadline order.
    expect(listFollowUps(t.ledger, groupId, '2026-04-03', 'overdue', 2).map((f) => f.deadline)).toEqual(['2026-04-01', '2026-04-02']);
  });
});
