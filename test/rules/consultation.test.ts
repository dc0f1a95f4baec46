import { describe, expect, it } from 'vitest';
import {
  CONSULTABLE_STATES,
  consultationGate,
  consultationOutcome,
  countingOutcome,
  defaultConsultants,
  deliberationOutcome,
  needsConsultation,
  oneShoulder,
  outsideCircle,
  secretaryOpinionMissing,
  stateAfterConsultation,
} from '../../db/rules/consultation';
import { CONSULTATION_OUTCOME_LABELS } from '../../db/terms';

// 1 书记, 2 校长, 3 副校长 (分管), 4 委员, 9 not in the leadership.
const normal = { secretaryIds: [1], principalIds: [2], leadershipIds: [1, 2, 3, 4] };
const yijian = { secretaryIds: [1], principalIds: [1], leadershipIds: [1, 3, 4] };
const s = (personId: number, stance: '同意' | '不同意' | '保留意见') => ({ personId, stance });

describe('R4 consultationOutcome', () => {
  it('R4: 书记 and 校长 both 同意 → agreed', () => {
    expect(consultationOutcome([s(1, '同意'), s(2, '同意')], normal, null)).toEqual({ outcome: 'agreed', missing: [] });
  });
  it('R4: any 不同意 → disagreed, even from a third leader', () => {
    expect(consultationOutcome([s(1, '同意'), s(2, '不同意')], normal, null).outcome).toBe('disagreed');
    expect(consultationOutcome([s(1, '同意'), s(2, '同意'), s(3, '不同意')], normal, null).outcome).toBe('disagreed');
  });
  it('R4: a missing 校长 → incomplete; a 保留意见 of the 书记 → reserved; others’ 保留意见 does not block', () => {
    expect(consultationOutcome([s(1, '同意')], normal, null)).toEqual({ outcome: 'incomplete', missing: ['校长未表示同意'] });
    expect(consultationOutcome([s(1, '保留意见'), s(2, '同意')], normal, null).outcome).toBe('reserved');
    expect(consultationOutcome([s(1, '同意'), s(2, '同意'), s(4, '保留意见')], normal, null).outcome).toBe('agreed');
  });
  it('R4 一肩挑: the 书记 with the 分管领导 (when set), else with another leadership member', () => {
    expect(oneShoulder(yijian)).toBe(1);
    expect(oneShoulder(normal)).toBeNull();
    expect(consultationOutcome([s(1, '同意')], yijian, 3).outcome).toBe('incomplete');
    expect(consultationOutcome([s(1, '同意'), s(4, '同意')], yijian, 3)).toEqual({ outcome: 'incomplete', missing: ['分管领导未表示同意'] });
    expect(consultationOutcome([s(1, '同意'), s(3, '同意')], yijian, 3).outcome).toBe('agreed');
    expect(consultationOutcome([s(1, '同意'), s(4, '同意')], yijian, null).outcome).toBe('agreed');
    // The 分管领导 being the 书记 himself does not make a one-person consultation.
    expect(consultationOutcome([s(1, '同意')], yijian, 1).outcome).toBe('incomplete');
  });
  it('R4: participants outside the leadership are reported', () => {
    expect(outsideCircle([s(1, '同意'), s(9, '同意')], normal)).toEqual([9]);
  });
});

describe('R4 deliberation (酝酿) for cadre matters', () => {
  it('R4: the 书记 同意 and nobody against → agreed; 不同意 → disagreed; without the 书记 → incomplete', () => {
    expect(deliberationOutcome([s(1, '同意'), s(4, '保留意见')], normal).outcome).toBe('agreed');
    expect(deliberationOutcome([s(1, '同意'), s(4, '不同意')], normal).outcome).toBe('disagreed');
    expect(deliberationOutcome([s(3, '同意')], normal).outcome).toBe('incomplete');
    expect(deliberationOutcome([s(1, '保留意见')], normal).outcome).toBe('reserved');
  });
});

describe('R4 consultationGate and the state after a consultation', () => {
  it('R4: passes only on an agreed latest consultation (and an agreed 酝酿 for a cadre matter)', () => {
    expect(consultationGate({ consultation: 'agreed', deliberation: null, cadre: false })).toEqual([]);
    expect(consultationGate({ consultation: null, deliberation: null, cadre: false })).toHaveLength(1);
    expect(consultationGate({ consultation: 'disagreed', deliberation: null, cadre: false })[0]).toContain('暂缓上会');
    expect(consultationGate({ consultation: 'reserved', deliberation: null, cadre: false })).toHaveLength(1);
    expect(consultationGate({ consultation: 'agreed', deliberation: null, cadre: true })[0]).toContain('酝酿');
    expect(consultationGate({ consultation: 'agreed', deliberation: 'agreed', cadre: true })).toEqual([]);
    expect(consultationGate({ consultation: 'agreed', deliberation: 'disagreed', cadre: true })).toHaveLength(1);
  });
  it('R4: 不同意 → postponed; agreed → ready; otherwise still in consultation', () => {
    expect(stateAfterConsultation({ consultation: 'disagreed', deliberation: null, cadre: false }, true)).toBe('postponed');
    expect(stateAfterConsultation({ consultation: 'agreed', deliberation: 'disagreed', cadre: true }, true)).toBe('postponed');
    expect(stateAfterConsultation({ consultation: 'agreed', deliberation: null, cadre: false }, true)).toBe('ready');
    expect(stateAfterConsultation({ consultation: 'agreed', deliberation: null, cadre: true }, true)).toBe('consultation');
    expect(stateAfterConsultation({ consultation: 'incomplete', deliberation: null, cadre: false }, true)).toBe('consultation');
  });
  it('R5: a 校长办公会 item is ready once the opinion is on record without a 不同意', () => {
    expect(stateAfterConsultation({ consultation: 'incomplete', deliberation: null, cadre: false }, false)).toBe('ready');
    expect(stateAfterConsultation({ consultation: 'disagreed', deliberation: null, cadre: false }, false)).toBe('postponed');
    expect(stateAfterConsultation({ consultation: null, deliberation: null, cadre: false }, false)).toBe('consultation');
  });
});

describe('R5 and items.submit routing', () => {
  it('R5: the 书记’s opinion is required for 三重一大 and 重要 items only', () => {
    expect(secretaryOpinionMissing({ important: true, major: false, secretaryStated: false })).toBe(true);
    expect(secretaryOpinionMissing({ important: false, major: true, secretaryStated: false })).toBe(true);
    expect(secretaryOpinionMissing({ important: true, major: true, secretaryStated: true })).toBe(false);
    expect(secretaryOpinionMissing({ important: false, major: false, secretaryStated: false })).toBe(false);
  });
  it('R4/R5: submit goes to consultation for party, major, important or cadre items, else straight to ready', () => {
    expect(needsConsultation({ routingBody: 'party_committee', major: false, important: false, cadre: false })).toBe(true);
    expect(needsConsultation({ routingBody: 'principal_office', major: false, important: true, cadre: false })).toBe(true);
    expect(needsConsultation({ routingBody: 'principal_office', major: false, important: false, cadre: true })).toBe(true);
    expect(needsConsultation({ routingBody: 'principal_office', major: false, important: false, cadre: false })).toBe(false);
  });
});

describe('R4 reasons and labels (mutation testing)', () => {
  it('R4: the outcome says who has not agreed, in words the secretary can act on', () => {
    expect(consultationOutcome([s(1, '同意'), s(2, '不同意')], normal, null)).toEqual({ outcome: 'disagreed', missing: ['有人表示不同意'] });
    expect(consultationOutcome([s(2, '同意')], normal, null)).toEqual({ outcome: 'incomplete', missing: ['书记未表示同意'] });
    expect(consultationOutcome([], yijian, null)).toEqual({ outcome: 'incomplete', missing: ['书记（一肩挑）未表示同意', '其他班子成员（如副书记、分管领导）未表示同意'] });
    expect(consultationOutcome([s(1, '保留意见'), s(3, '同意')], yijian, 3)).toEqual({ outcome: 'reserved', missing: ['书记（一肩挑）未表示同意'] });
  });

  it('R4 酝酿: the reasons are named', () => {
    expect(deliberationOutcome([s(1, '同意')], normal)).toEqual({ outcome: 'agreed', missing: [] });
    expect(deliberationOutcome([s(4, '不同意')], normal)).toEqual({ outcome: 'disagreed', missing: ['有人表示不同意'] });
    expect(deliberationOutcome([s(3, '同意')], normal)).toEqual({ outcome: 'incomplete', missing: ['书记未在酝酿中表示同意'] });
  });

  it('R4: the gate tells what to do next for each missing step', () => {
    expect(consultationGate({ consultation: null, deliberation: null, cadre: true })).toEqual([
      '尚未记录书记与校长的会前沟通，请先完成会前沟通',
      '干部事项须先在规定范围内酝酿，请记录酝酿情况',
    ]);
    expect(consultationGate({ consultation: 'incomplete', deliberation: 'reserved', cadre: true })).toEqual([
      '最近一次会前沟通书记与校长尚未都表示同意，请继续沟通',
      '最近一次酝酿未取得一致意见，请重新酝酿',
    ]);
    expect(consultationGate({ consultation: 'disagreed', deliberation: null, cadre: false })).toEqual(['会前沟通中有不同意见，议题暂缓上会，须重新沟通并取得一致']);
  });

  it('R4: every outcome has its label; a 不同意 is labelled 暂缓上会', () => {
    expect(CONSULTATION_OUTCOME_LABELS).toEqual({
      agreed: '意见一致（同意）',
      disagreed: '有不同意见（暂缓上会）',
      reserved: '有保留意见，尚未一致',
      incomplete: '书记、校长尚未都表态',
    });
  });

  it('R4: a consultation moves items before the meeting (and after 暂缓表决), never one on an agenda or decided', () => {
    expect([...CONSULTABLE_STATES]).toEqual(['draft', 'consultation', 'postponed', 'ready', 'vote_postponed']);
    for (const st of ['scheduled', 'discussed', 'passed', 'not_passed', 'noted'] as const) expect(CONSULTABLE_STATES).not.toContain(st);
  });
});

describe('R4/R11 which consultation counts', () => {
  const row = (id: number, date: string, outcome: 'agreed' | 'disagreed' | 'reserved' | 'incomplete', kind: 'consultation' | 'deliberation' = 'consultation') => ({ id, kind, date, outcome });
  it('R4: the latest by date, then by recording order, whatever order the rows come in', () => {
    const a = row(1, '2026-03-20', 'agreed');
    const b = row(2, '2026-03-20', 'reserved');
    const c = row(3, '2026-03-19', 'disagreed');
    expect(countingOutcome([a, b, c], 'consultation', null)).toBe('reserved');
    expect(countingOutcome([b, a, c], 'consultation', null)).toBe('reserved');
    expect(countingOutcome([c, b, a], 'consultation', null)).toBe('reserved');
    expect(countingOutcome([c, a], 'consultation', null)).toBe('agreed');
    expect(countingOutcome([a, c], 'consultation', null)).toBe('agreed');
    // A later date wins over a later record.
    expect(countingOutcome([row(5, '2026-03-18', 'disagreed'), row(4, '2026-03-21', 'agreed')], 'consultation', null)).toBe('agreed');
  });
  it('R4: the latest by date, then by recording order; each kind on its own', () => {
    const rows = [row(1, '2026-03-20', 'agreed'), row(2, '2026-03-18', 'disagreed'), row(3, '2026-03-20', 'reserved'), row(4, '2026-03-25', 'disagreed', 'deliberation')];
    expect(countingOutcome(rows, 'consultation', null)).toBe('reserved');
    expect(countingOutcome(rows, 'deliberation', null)).toBe('disagreed');
    expect(countingOutcome([], 'consultation', null)).toBeNull();
  });
  it('R4: the latest is found wherever it stands in the list', () => {
    // An earlier date recorded later does not count over a later date.
    expect(countingOutcome([row(1, '2026-03-22', 'agreed'), row(2, '2026-03-21', 'disagreed')], 'consultation', null)).toBe('agreed');
    // On the same date the one recorded later counts, in whatever order the rows come.
    expect(countingOutcome([row(7, '2026-03-22', 'reserved'), row(6, '2026-03-22', 'agreed')], 'consultation', null)).toBe('reserved');
    expect(countingOutcome([row(6, '2026-03-22', 'agreed'), row(7, '2026-03-22', 'reserved')], 'consultation', null)).toBe('reserved');
    // One record read twice is still the first reading.
    expect(countingOutcome([row(1, '2026-03-21', 'agreed'), row(1, '2026-03-21', 'disagreed')], 'consultation', null)).toBe('agreed');
  });
  it('R11: after a postponed vote only records above the floor and dated on or after it count', () => {
    const floor = { afterId: 2, fromDate: '2026-03-25' };
    expect(countingOutcome([row(1, '2026-03-26', 'agreed'), row(2, '2026-03-25', 'agreed')], 'consultation', floor)).toBeNull();
    expect(countingOutcome([row(3, '2026-03-24', 'agreed')], 'consultation', floor)).toBeNull();
    expect(countingOutcome([row(3, '2026-03-25', 'agreed')], 'consultation', floor)).toBe('agreed');
    expect(countingOutcome([row(3, '2026-03-25', 'agreed'), row(4, '2026-03-24', 'disagreed')], 'consultation', floor)).toBe('agreed');
    // The floor concerns the 会前沟通 between the leaders; a 酝酿 is read as before.
    expect(countingOutcome([row(1, '2026-03-20', 'agreed', 'deliberation')], 'deliberation', floor)).toBe('agreed');
  });
});

describe('R4 who a 会前沟通 starts with', () => {
  it('the 书记 and the 校长, in those posts; under 一肩挑 the one person as 书记', () => {
    expect(defaultConsultants({ secretaryIds: [1], principalIds: [2] })).toEqual([
      { personId: 1, role: '书记' },
      { personId: 2, role: '校长' },
    ]);
    expect(defaultConsultants({ secretaryIds: [1], principalIds: [1] })).toEqual([{ personId: 1, role: '书记' }]);
  });
  it('a vacant post is left out', () => {
    expect(defaultConsultants({ secretaryIds: [], principalIds: [2] })).toEqual([{ personId: 2, role: '校长' }]);
    expect(defaultConsultants({ secretaryIds: [1], principalIds: [] })).toEqual([{ personId: 1, role: '书记' }]);
    expect(defaultConsultants({ secretaryIds: [], principalIds: [] })).toEqual([]);
  });
});
