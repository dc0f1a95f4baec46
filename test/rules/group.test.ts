// 集团化办学 rules (db/rules/group.ts) on plain values: who may have campuses, what goes up, what
// may be handed down, and which campus the 集团 secretary looks at first.
import { describe, expect, it } from 'vitest';
import { assignRefusal, attentionScore, campusRefusal, ESCALATED_LABEL, escalateConsequence, escalateRefusal, handedActions, itemStateLabel, mustEscalate, type CampusFigures } from '../../db/rules/group';

describe('campusRefusal', () => {
  it('lets a 党委 that is no campus itself have campuses', () => {
    expect(campusRefusal({ partyKind: '党委', parentId: null })).toBeNull();
  });
  it('refuses a campus under a campus (one level only), whatever its kind', () => {
    expect(campusRefusal({ partyKind: '党委', parentId: 1 })).toBe('所选组织本身是集团的校区（成员校），不能再下设校区；请在集团党委下设立。');
    expect(campusRefusal({ partyKind: '党支部', parentId: 1 })).toContain('不能再下设校区');
  });
  it('refuses a 党总支 or 党支部 as the 集团', () => {
    expect(campusRefusal({ partyKind: '党总支', parentId: null })).toBe('只有党委可以作为集团党委下设校区（成员校）；请先将该组织的类型改为党委。');
    expect(campusRefusal({ partyKind: '党支部', parentId: null })).toContain('只有党委');
  });
});

describe('mustEscalate (R2 in a 集团)', () => {
  it('sends a campus’s 三重一大 item up, and nothing else', () => {
    expect(mustEscalate({ parentId: 7 }, { major: true })).toBe(true);
    expect(mustEscalate({ parentId: 7 }, { major: false })).toBe(false);
    expect(mustEscalate({ parentId: null }, { major: true })).toBe(false);
    expect(mustEscalate({ parentId: null }, { major: false })).toBe(false);
  });
});

describe('escalateRefusal', () => {
  const campus = { parentId: 3 };
  it('allows a normal item not yet on an agenda, in each escalatable state', () => {
    for (const state of ['draft', 'consultation', 'postponed', 'ready', 'vote_postponed']) {
      expect(escalateRefusal(campus, { state, kind: 'normal' }, false)).toBeNull();
    }
  });
  it('refuses an organisation outside any 集团', () => {
    expect(escalateRefusal({ parentId: null }, { state: 'draft', kind: 'normal' }, false)).toBe('本组织不属于任何集团，议题无处上报。');
  });
  it('refuses reports, corrections and emergency notices', () => {
    for (const kind of ['execution_report', 'correction', 'emergency_report']) {
      expect(escalateRefusal(campus, { state: 'draft', kind }, false)).toBe('执行情况报告、修正议题和临时处置通报在本组织办理，不上报集团。');
    }
  });
  it('refuses a second escalation', () => {
    expect(escalateRefusal(campus, { state: 'draft', kind: 'normal' }, true)).toBe('议题已经上报集团党委。');
  });
  it('refuses an item on an agenda or with a result', () => {
    for (const state of ['scheduled', 'passed', 'not_passed', 'follow_up', 'closed', 'withdrawn']) {
      expect(escalateRefusal(campus, { state, kind: 'normal' }, false)).toBe('议题已列入议程或已有会议结果，不能再上报；如需上报，请先从议程中移出。');
    }
  });
  it('says 已上报集团 for an item sent up', () => {
    expect(ESCALATED_LABEL).toBe('已上报集团');
  });
});

describe('assignRefusal', () => {
  const group = { id: 1, parentId: null };
  it('lets a 集团 hand a decision to its own campuses', () => {
    expect(assignRefusal(group, [{ id: 2, parentId: 1 }, { id: 3, parentId: 1 }])).toBeNull();
  });
  it('refuses when the deciding organisation is itself a campus', () => {
    expect(assignRefusal({ id: 2, parentId: 1 }, [{ id: 3, parentId: 2 }])).toBe('只有集团党委的决定事项才能交由校区落实。');
  });
  it('refuses an empty choice', () => {
    expect(assignRefusal(group, [])).toBe('请至少选择一个校区。');
  });
  it('refuses any organisation that is not a campus of this 集团, even among right ones', () => {
    expect(assignRefusal(group, [{ id: 2, parentId: 1 }, { id: 9, parentId: 8 }])).toBe('所选组织不是本集团的校区（成员校），请重新选择。');
    expect(assignRefusal(group, [{ id: 1, parentId: null }])).toContain('不是本集团的校区');
  });
});

describe('attentionScore', () => {
  const zero: CampusFigures = { waitingConsultation: 0, meetingsThisMonth: 0, meetingsThisYear: 0, firstTopicsThisYear: 0, decisionsWithoutFollowUp: 0, overdueFollowUps: 0, openCorrections: 0, openEmergencies: 0 };
  it('weighs overdue and open emergencies 3, missing follow-ups and open corrections 2, waiting 1, meetings not at all', () => {
    expect(attentionScore(zero)).toBe(0);
    expect(attentionScore({ ...zero, overdueFollowUps: 1 })).toBe(3);
    expect(attentionScore({ ...zero, openEmergencies: 1 })).toBe(3);
    expect(attentionScore({ ...zero, decisionsWithoutFollowUp: 1 })).toBe(2);
    expect(attentionScore({ ...zero, openCorrections: 1 })).toBe(2);
    expect(attentionScore({ ...zero, waitingConsultation: 1 })).toBe(1);
    expect(attentionScore({ ...zero, meetingsThisMonth: 5, meetingsThisYear: 9, firstTopicsThisYear: 4 })).toBe(0);
    expect(attentionScore({ ...zero, overdueFollowUps: 2, openEmergencies: 3, decisionsWithoutFollowUp: 5, openCorrections: 7, waitingConsultation: 11 })).toBe(2 * 3 + 3 * 3 + 5 * 2 + 7 * 2 + 11);
  });
});

describe('an item sent up, and a follow-up handed down', () => {
  it('labels an item sent up 已上报集团 whatever its state, others by their state', () => {
    expect(itemStateLabel('withdrawn', true)).toBe('已上报集团');
    expect(itemStateLabel('draft', true)).toBe('已上报集团');
    expect(itemStateLabel('withdrawn', false)).toBe('已撤回');
    expect(itemStateLabel('draft', false)).not.toBe('已上报集团');
  });
  it('says before sending up what will happen, naming both organisations', () => {
    expect(escalateConsequence('东校区', '某某教育集团党委')).toBe(
      '议题将报某某教育集团党委，由集团党委书记作为集团党委的议题提出，按集团的议事清单办理；东校区的这项议题随即结束为“已上报集团”，不再列入本组织的议程。上报后不能撤销。',
    );
  });
  it('lets a campus report and 办结 an open handed follow-up, nothing once done', () => {
    expect(handedActions('open')).toEqual({ report: true, complete: true });
    expect(handedActions('in_progress')).toEqual({ report: true, complete: true });
    expect(handedActions('done')).toEqual({ report: false, complete: false });
  });
});
