// One status vocabulary: every state label a screen shows comes from db/terms.ts (through the
// core's *Label fields or an import), never spelled out again in a screen, and the core's lists
// and views send exactly those words.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ENTRY_OUTCOME_LABELS,
  FOLLOW_UP_STATUS_LABELS,
  FUNNEL_STEP_LABELS,
  ITEM_STATE_LABELS,
  LOOP_STAGE_LABELS,
  MEETING_STATE_LABELS,
  REGISTER_STATUS_LABELS,
  TIMING_LABELS,
} from '../db/terms';
import { freshLedger } from './support/ledger';
import { setupSchool } from './support/school';
import { decidedMeeting } from './support/decided';

const ROOT = path.resolve(__dirname, '..');
const VOCABULARY: Record<string, Record<string, string>> = {
  ITEM_STATE_LABELS,
  MEETING_STATE_LABELS,
  ENTRY_OUTCOME_LABELS,
  FOLLOW_UP_STATUS_LABELS,
  REGISTER_STATUS_LABELS,
  LOOP_STAGE_LABELS,
  FUNNEL_STEP_LABELS,
  TIMING_LABELS,
};
const LABELS = [...new Set(Object.values(VOCABULARY).flatMap((m) => Object.values(m)))];

function filesUnder(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = path.posix.join(dir, e.name);
    return e.isDirectory() ? filesUnder(rel) : /\.tsx?$/.test(e.name) ? [rel] : [];
  });
}

/** A label spelled out as a whole string or a whole piece of JSX text: 'X', "X", `X`, >X<. */
function spelled(source: string, label: string): boolean {
  const l = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(['"\`]${l}['"\`])|(>\\s*${l}\\s*<)`).test(source);
}

const withoutComments = (src: string) => src.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '').replace(/\s\/\/ .*$/gm, '');

describe('one status vocabulary', () => {
  it('no screen spells out a state label: each comes from the core or db/terms.ts', () => {
    const hits: string[] = [];
    for (const file of filesUnder('renderer')) {
      const src = withoutComments(fs.readFileSync(path.join(ROOT, file), 'utf8'));
      for (const label of LABELS) if (spelled(src, label)) hits.push(`${file}: 「${label}」`);
    }
    expect(hits).toEqual([]);
  });

  it('the check does see a label spelled out', () => {
    expect(spelled("<span className=\"badge ok\">已办结</span>", '已办结')).toBe(true);
    expect(spelled("const STATE = { closed: '已结束' };", '已结束')).toBe(true);
    expect(spelled('逾期{f.daysOverdue}天', '逾期')).toBe(false);
  });

  it('the core sends exactly the vocabulary: items, meetings, entries, follow-ups, the register and the dashboard', () => {
    const t = freshLedger('2026-03-26T09:00:00');
    const s = setupSchool(t);
    const { meetingId, decided } = decidedMeeting(t, s);
    const fu = t.ok('followups.create', { decisionId: decided[0]!.decisionId, task: '整改', ownerDept: '总务处', deadline: '2026-04-10' }).followUp;
    t.setNow('2026-04-20T09:00:00');
    for (const r of t.ok('items.list', { orgId: s.orgId }).rows) expect(r.stateLabel).toBe(ITEM_STATE_LABELS[r.state as keyof typeof ITEM_STATE_LABELS]);
    for (const m of t.ok('meetings.list', { orgId: s.orgId })) expect(m.stateLabel).toBe(MEETING_STATE_LABELS[m.state as keyof typeof MEETING_STATE_LABELS]);
    const view = t.ok('meetings.get', { meetingId });
    expect(view.meeting.stateLabel).toBe(MEETING_STATE_LABELS.closed);
    for (const e of view.entries) expect(e.outcomeLabel).toBe(ENTRY_OUTCOME_LABELS[e.outcome as keyof typeof ENTRY_OUTCOME_LABELS]);
    const board = t.ok('followups.list', { orgId: s.orgId });
    expect(board.map((f) => [f.id, f.statusLabel])).toEqual([[fu.id, FOLLOW_UP_STATUS_LABELS.overdue]]);
    for (const r of t.ok('loop.register', { orgId: s.orgId, year: 2026 })) expect(r.statusLabel).toBe(REGISTER_STATUS_LABELS[r.status]);
    const stages = t.ok('loop.status', { orgId: s.orgId }).stages;
    expect(stages.map((x) => x.label)).toEqual(stages.map((x) => LOOP_STAGE_LABELS[x.key]));
    const funnel = t.ok('stats.dashboard', { orgId: s.orgId }).funnel;
    expect(funnel.map((x) => x.label)).toEqual(funnel.map((x) => FUNNEL_STEP_LABELS[x.key as keyof typeof FUNNEL_STEP_LABELS]));
    // The dashboard's tiles and its funnel agree: the first step counts every filed item.
    expect(funnel[0]!.count).toBe(stages.filter((x) => x.key !== 'overdue').reduce((n, x) => n + x.count, 0));
  });
});
