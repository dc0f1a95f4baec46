import { describe, expect, it } from 'vitest';
import { adHocRefusal, daysBetween, leadTimeWarnings } from '../../db/rules/agenda';
import { leadingPost as agendaConfirmerPost, leadsBody as mayConfirmAgenda, mayPropose } from '../../db/rules/leadership';

describe('R3 who proposes, who confirms', () => {
  it('R3: leadership posts may propose; a 中层干部 or nobody may not', () => {
    for (const p of ['书记', '副书记', '校长', '副校长', '委员'] as const) expect(mayPropose([p])).toBe(true);
    expect(mayPropose(['中层干部'])).toBe(false);
    expect(mayPropose([])).toBe(false);
  });
  it('R3: the 书记 confirms the 党组织会议 agenda, the 校长 the 校长办公会 agenda', () => {
    expect(agendaConfirmerPost('party_committee')).toBe('书记');
    expect(agendaConfirmerPost('principal_office')).toBe('校长');
    expect(mayConfirmAgenda('party_committee', ['校长', '副书记'])).toBe(false);
    expect(mayConfirmAgenda('principal_office', ['校长', '副书记'])).toBe(true);
    // 一肩挑 confirms both.
    expect(mayConfirmAgenda('party_committee', ['书记', '校长']) && mayConfirmAgenda('principal_office', ['书记', '校长'])).toBe(true);
  });
});

describe('R3 lead times (warn)', () => {
  const base = { meetingDate: '2026-03-25', submitLeadDays: 2, materialsLeadDays: 1 };
  it('counts whole calendar days across months', () => {
    expect(daysBetween('2026-02-27', '2026-03-01')).toBe(2);
    expect(daysBetween('2026-03-25', '2026-03-24')).toBe(-1);
  });
  it('R3: exactly the lead days → no warning', () => {
    expect(leadTimeWarnings({ ...base, submittedOn: '2026-03-23', materialsReadyOn: '2026-03-24' })).toEqual([]);
  });
  it('R3: one day short → a warning each, with the numbers', () => {
    const w = leadTimeWarnings({ ...base, submittedOn: '2026-03-24', materialsReadyOn: '2026-03-25' });
    expect(w).toEqual([
      { rule: 'R3', message: '议题提交距会议仅1天，少于规定的2天' },
      { rule: 'R3', message: '议题材料送达距会议仅0天，少于规定的1天' },
    ]);
  });
  it('R3: materials not sent → a warning', () => {
    expect(leadTimeWarnings({ ...base, submittedOn: '2026-03-01', materialsReadyOn: null })).toHaveLength(1);
  });
});

describe('R3 临时动议 (block)', () => {
  it('R3: before the day no 临时动议 is needed; on the day it must be urgent and accepted by the host', () => {
    expect(adHocRefusal({ today: '2026-03-24', meetingDate: '2026-03-25' })).toBeNull();
    expect(adHocRefusal({ today: '2026-03-25', meetingDate: '2026-03-25' })).toContain('临时动议');
    expect(adHocRefusal({ today: '2026-03-25', meetingDate: '2026-03-25', adHoc: { urgent: false, hostAccepted: true, reason: 'x' } })).toContain('紧急');
    expect(adHocRefusal({ today: '2026-03-25', meetingDate: '2026-03-25', adHoc: { urgent: true, hostAccepted: false, reason: 'x' } })).toContain('主持人');
    expect(adHocRefusal({ today: '2026-03-25', meetingDate: '2026-03-25', adHoc: { urgent: true, hostAccepted: true, reason: 'x' } })).toBeNull();
  });
});

describe('R3 messages (mutation testing)', () => {
  it('R3: missing materials: the warning says how many days before they must be sent', () => {
    expect(leadTimeWarnings({ meetingDate: '2026-03-25', submitLeadDays: 2, materialsLeadDays: 1, submittedOn: '2026-03-01', materialsReadyOn: null }))
      .toEqual([{ rule: 'R3', message: '议题材料尚未送达，应在会前1天送达参会人员' }]);
  });
  it('R3: materials ready only after the meeting count as 0 days, never negative', () => {
    expect(leadTimeWarnings({ meetingDate: '2026-03-25', submitLeadDays: 2, materialsLeadDays: 1, submittedOn: '2026-03-26', materialsReadyOn: '2026-03-27' })).toEqual([
      { rule: 'R3', message: '议题提交距会议仅0天，少于规定的2天' },
      { rule: 'R3', message: '议题材料送达距会议仅0天，少于规定的1天' },
    ]);
  });
});
