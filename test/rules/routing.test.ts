import { describe, expect, it } from 'vitest';
import { checkRouting, routeItem, thresholdOn, type RoutingMatter } from '../../db/rules/routing';
import { RULE_VERSION } from '../../db/terms';

const table = [
  { category: '大额资金使用', amount: 10000, effectiveFrom: '2000-01-01' },
  { category: '大额资金使用', amount: 20000, effectiveFrom: '2026-04-01' },
  { category: '重大项目安排', amount: 50000, effectiveFrom: '2000-01-01' },
];
const x4: RoutingMatter = { name: '限额以下的资金使用', decidingBody: 'principal_office', preStudy: false, majorCategory: null };
const a1: RoutingMatter = { name: '贯彻上级决策部署', decidingBody: 'party_committee', preStudy: false, majorCategory: null };
const b2: RoutingMatter = { name: '发展规划与年度工作计划', decidingBody: 'party_committee', preStudy: true, majorCategory: '重大事项决策' };

describe('R2 thresholdOn', () => {
  it('R2: picks the row in force on the date (latest effectiveFrom not after it)', () => {
    expect(thresholdOn(table, '大额资金使用', '2026-03-31')).toBe(10000);
    expect(thresholdOn(table, '大额资金使用', '2026-04-01')).toBe(20000);
    expect(thresholdOn(table, '重大项目安排', '2026-04-01')).toBe(50000);
    expect(thresholdOn(table, '大额资金使用', '1999-12-31')).toBeNull();
    expect(thresholdOn([...table].reverse(), '大额资金使用', '2030-01-01')).toBe(20000);
  });
});

describe('R2 routeItem', () => {
  it('R2: an amount exactly at the threshold is 三重一大, one below is not', () => {
    expect(routeItem(x4, 10000, table, '2026-03-20')).toMatchObject({ body: 'party_committee', major: true, threshold: 10000, ruleVersion: RULE_VERSION });
    expect(routeItem(x4, 9999, table, '2026-03-20')).toMatchObject({ body: 'principal_office', major: false, threshold: 10000 });
  });
  it('R2: a later threshold changes the routing from its effective date', () => {
    expect(routeItem(x4, 15000, table, '2026-03-31').major).toBe(true);
    expect(routeItem(x4, 15000, table, '2026-04-01')).toMatchObject({ major: false, threshold: 20000 });
  });
  it('R2: a 三重一大 Matter is major whatever the amount, and records its category threshold', () => {
    const r = routeItem(b2, null, table, '2026-03-20');
    expect(r).toMatchObject({ body: 'party_committee', major: true });
    expect(r.reason).toContain('重大事项决策');
  });
  it('R1: an ordinary item follows the deciding body of its Matter; no amount, no threshold', () => {
    expect(routeItem(a1, undefined, table, '2026-03-20')).toMatchObject({ body: 'party_committee', major: false, threshold: null });
    expect(routeItem(x4, null, table, '2026-03-20')).toMatchObject({ body: 'principal_office', major: false, threshold: null });
  });
});

describe('R1 checkRouting', () => {
  const route = (m: RoutingMatter, amount: number | null = null) => routeItem(m, amount, table, '2026-03-20');
  it('R1: the 校长办公会 never decides a 党组织会议 matter', () => {
    const r = checkRouting({ bodyKind: 'principal_office', matter: a1, routing: route(a1), isReport: false, studied: false });
    expect(r).toMatchObject({ ok: false, rule: 'R1' });
  });
  it('R2: nor a 三重一大 item that is not a 前置研究 one', () => {
    const major = { ...a1, majorCategory: '重大事项决策' };
    expect(checkRouting({ bodyKind: 'principal_office', matter: major, routing: route(major), isReport: false, studied: false })).toMatchObject({ ok: false, rule: 'R2' });
  });
  it('R1: a 前置研究 matter is studied once by the 校长办公会, then goes to the 党组织会议', () => {
    const base = { matter: b2, routing: route(b2), isReport: false };
    expect(checkRouting({ ...base, bodyKind: 'party_committee', studied: false })).toMatchObject({ ok: false, rule: 'R1' });
    expect(checkRouting({ ...base, bodyKind: 'principal_office', studied: false })).toEqual({ ok: true, purpose: 'study' });
    expect(checkRouting({ ...base, bodyKind: 'principal_office', studied: true })).toMatchObject({ ok: false, rule: 'R1' });
    expect(checkRouting({ ...base, bodyKind: 'party_committee', studied: true })).toEqual({ ok: true, purpose: 'decide' });
  });
  it('R1: a 校长办公会 matter: decided there; at the 党组织会议 with a notice; studied first when major by amount', () => {
    expect(checkRouting({ bodyKind: 'principal_office', matter: x4, routing: route(x4, 500), isReport: false, studied: false })).toEqual({ ok: true, purpose: 'decide' });
    const up = checkRouting({ bodyKind: 'party_committee', matter: x4, routing: route(x4, 500), isReport: false, studied: false });
    expect(up.ok && up.warning).toContain('校长办公会议决定事项');
    expect(checkRouting({ bodyKind: 'principal_office', matter: x4, routing: route(x4, 10000), isReport: false, studied: false })).toEqual({ ok: true, purpose: 'study' });
  });
  it('reports are heard by any body; branch bodies take no 校长办公会 matter', () => {
    expect(checkRouting({ bodyKind: 'principal_office', matter: b2, routing: route(b2), isReport: true, studied: false })).toEqual({ ok: true, purpose: 'report' });
    expect(checkRouting({ bodyKind: 'party_assembly', matter: x4, routing: route(x4), isReport: false, studied: false })).toMatchObject({ ok: false, rule: 'R1' });
    expect(checkRouting({ bodyKind: 'branch_committee', matter: a1, routing: route(a1), isReport: false, studied: false })).toEqual({ ok: true, purpose: 'decide' });
  });
});

describe('R1/R2 reasons and edges (mutation testing)', () => {
  it('R2: no threshold in force means no 三重一大 by amount', () => {
    expect(routeItem(x4, 500000, [], '2026-03-20')).toMatchObject({ body: 'principal_office', major: false, threshold: null });
  });
  it('R1/R2: the routing reason names the Matter, the amounts and the body', () => {
    expect(routeItem(x4, 12345, table, '2026-03-20').reason).toBe('金额12,345元达到大额资金使用标准10,000元（初始设置的标准），属于三重一大，由党组织会议集体决定');
    expect(routeItem(x4, 25000, table, '2026-04-02').reason).toBe('金额25,000元达到大额资金使用标准20,000元（2026年4月1日起执行的标准），属于三重一大，由党组织会议集体决定');
    expect(routeItem(x4, 500, table, '2026-03-20').reason).toBe('按议事清单「限额以下的资金使用」由校长办公会议决定');
    expect(routeItem(a1, null, table, '2026-03-20').reason).toBe('按议事清单「贯彻上级决策部署」由党组织会议决定');
  });
  it('R1: a 党组织会议 matter that was never a study item stays refused at the 校长办公会, studied or not', () => {
    const r = checkRouting({ bodyKind: 'principal_office', matter: a1, routing: routeItem(a1, null, table, '2026-03-20'), isReport: false, studied: true });
    expect(r).toEqual({ ok: false, rule: 'R1', message: '事项「贯彻上级决策部署」由党组织会议决定，校长办公会议不能决定' });
  });
  it('R1/R2: each refusal says what to do next', () => {
    const base = { matter: b2, routing: routeItem(b2, null, table, '2026-03-20'), isReport: false };
    expect(checkRouting({ ...base, bodyKind: 'principal_office', studied: true })).toEqual({ ok: false, rule: 'R1', message: '该议题已经校长办公会议研究并提出研究意见，请提交党组织会议决定' });
    expect(checkRouting({ ...base, bodyKind: 'party_committee', studied: false })).toEqual({
      ok: false, rule: 'R1', message: '事项「发展规划与年度工作计划」须先经校长办公会议研究并形成研究意见，才能提交党组织会议',
    });
    const major = { ...a1, majorCategory: '重大事项决策' };
    const routing = routeItem(major, null, table, '2026-03-20');
    expect(checkRouting({ bodyKind: 'principal_office', matter: major, routing, isReport: false, studied: false })).toEqual({ ok: false, rule: 'R2', message: `${routing.reason}，校长办公会议不能决定` });
    expect(routing.reason).toBe('事项「贯彻上级决策部署」属于三重一大（重大事项决策），由党组织会议集体决定');
    const up = checkRouting({ bodyKind: 'party_committee', matter: x4, routing: routeItem(x4, 500, table, '2026-03-20'), isReport: false, studied: false });
    expect(up).toEqual({ ok: true, purpose: 'decide', warning: '事项「限额以下的资金使用」按议事清单属校长办公会议决定事项，现提交党组织会议' });
    expect(checkRouting({ bodyKind: 'branch_committee', matter: x4, routing: routeItem(x4, null, table, '2026-03-20'), isReport: false, studied: false }))
      .toEqual({ ok: false, rule: 'R1', message: '事项「限额以下的资金使用」属校长办公会议决定事项，不能提交支部会议' });
  });
});
