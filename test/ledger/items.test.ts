import { describe, expect, it } from 'vitest';
import { RULE_VERSION } from '../../db/terms';
import { itemSchool } from './items-fixture';

describe('items.create / items.get', () => {
  it('files a draft with its Matter, routing (rule version, threshold) and the creation in its history', () => {
    const { t, item } = itemSchool();
    const created = item({ summary: '全文见附件' });
    expect(created).toMatchObject({ state: 'draft', stateLabel: '草稿', kind: 'normal', staffCongress: false });
    const got = t.ok('items.get', { itemId: created.id });
    expect(got.matter.code).toBe('A1');
    expect(got.routing).toMatchObject({ body: 'party_committee', major: false, ruleVersion: RULE_VERSION });
    expect(got.item.proposerName).toBe('王建国');
    expect(got.transitions.map((x) => x.toState)).toEqual(['draft']);
    expect(got.consultations).toEqual([]);
    expect(got.entries).toEqual([]);
    expect(got.decision).toBeNull();
    expect(got.gate.join()).toContain('会前沟通');
  });

  it('R1: refuses an item without a Matter, in Chinese, and writes nothing', () => {
    const { t, s, 书记 } = itemSchool();
    const before = t.snapshot();
    const r = t.call('items.create', { orgId: s.orgId, title: '无事项的议题', proposerId: 书记 } as never);
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'matterId', message: '请选择议事清单事项' } });
    expect(t.snapshot()).toEqual(before);
  });

  it('R1: refuses a Matter that was switched off in the 议事清单', () => {
    const { t, s, item } = itemSchool();
    const a2 = t.ok('matters.list', { orgId: s.orgId }).find((m) => m.code === 'A2')!;
    t.ok('matters.save', { ...a2, matterId: a2.id, majorCategory: null, decidingBody: 'party_committee', active: false });
    const before = t.snapshot();
    expect(() => item({ matterId: a2.id })).toThrow(/已停用/);
    expect(t.call('items.create', { orgId: s.orgId, title: '停用事项的议题', matterId: a2.id, proposerId: s.person('王建国') })).toMatchObject({ ok: false, error: { rule: 'R1', field: 'matterId' } });
    expect(t.snapshot()).toEqual(before);
  });

  it('refuses an empty title and an impossible date with Chinese messages, nothing written', () => {
    const { t, s, 书记 } = itemSchool();
    const before = t.snapshot();
    const r1 = t.call('items.create', { orgId: s.orgId, title: '  ', matterId: s.matter('A1'), proposerId: 书记 });
    expect(!r1.ok && r1.error.message).toBe('「议题名称」不能为空');
    const r2 = t.call('items.create', { orgId: s.orgId, title: '议题', matterId: s.matter('A1'), proposerId: 书记, materialsReadyAt: '2026-02-30' });
    expect(!r2.ok && r2.error.message).toBe('「材料送达日期」不是有效日期');
    const r3 = t.call('items.create', { orgId: s.orgId, title: '议题', matterId: s.matter('A1'), proposerId: 书记, amount: -5 });
    expect(!r3.ok && r3.error.message).toBe('「金额」不能为负数');
    expect(t.snapshot()).toEqual(before);
  });
});

describe('R3 agenda', () => {
  it('R3: a leadership member may propose; a 中层干部 or a secretary may not (refused, nothing written)', () => {
    const { t, s, item } = itemSchool();
    expect(item({ proposerId: s.person('刘芳') }).state).toBe('draft');
    const before = t.snapshot();
    for (const name of ['周敏', '吴秘书']) {
      const r = t.call('items.create', { orgId: s.orgId, title: '议题', matterId: s.matter('A1'), proposerId: s.person(name) });
      expect(r).toMatchObject({ ok: false, error: { code: 'rule_violation', rule: 'R3', field: 'proposerId' } });
      expect(!r.ok && r.error.message).toContain(name);
    }
    expect(t.snapshot()).toEqual(before);
  });

  it('R3: lead times hold → no warning; late submission and late materials → warnings, still allowed', () => {
    const { t, item, agree, check, party } = itemSchool();
    const a = item({ materialsReadyAt: '2026-03-20' });
    t.ok('items.submit', { itemId: a.id });
    agree(a.id);
    const fine = check(a.id, party, '2026-03-25T14:30');
    expect(fine).toMatchObject({ ok: true, value: { purpose: 'decide', warnings: [] } });
    t.ok('items.update', { itemId: a.id, materialsReadyAt: '2026-03-21' });
    const late = check(a.id, party, '2026-03-21T08:30');
    expect(late.ok).toBe(true);
    const msgs = late.ok ? late.value.warnings : [];
    expect(msgs).toHaveLength(2);
    expect(msgs.every((w) => w.rule === 'R3')).toBe(true);
    expect(msgs[0]!.message).toContain('少于规定的2天');
    expect(msgs[1]!.message).toContain('材料送达距会议仅0天');
  });

  it('R3: missing materials are a warning; the lead days follow the setting', () => {
    const { t, s, item, agree, check, party } = itemSchool();
    const a = item({ materialsReadyAt: undefined });
    t.ok('items.submit', { itemId: a.id });
    agree(a.id);
    const r = check(a.id, party, '2026-03-23T09:00');
    expect(r.ok && r.value.warnings.map((w) => w.message)).toEqual(['议题材料尚未送达，应在会前1天送达参会人员']);
    t.ok('settings.set', { orgId: s.orgId, values: { submitLeadDays: 5 } });
    const r2 = check(a.id, party, '2026-03-23T09:00');
    expect(r2.ok && r2.value.warnings.map((w) => w.message)[0]).toBe('议题提交距会议仅3天，少于规定的5天');
  });

  it('R3: on the meeting day an item is a 临时动议: refused unless urgent and accepted by the host', () => {
    const { t, item, agree, check, party } = itemSchool();
    const a = item();
    t.ok('items.submit', { itemId: a.id });
    agree(a.id);
    t.setNow('2026-03-25T08:00:00');
    const plain = check(a.id, party);
    expect(plain).toMatchObject({ ok: false, error: { rule: 'R3', field: 'adHoc' } });
    expect(!plain.ok && plain.error.message).toContain('临时动议');
    const notUrgent = check(a.id, party, undefined, { urgent: false, hostAccepted: true, reason: '上级临时通知' });
    expect(!notUrgent.ok && notUrgent.error.message).toContain('须为紧急事项');
    const notAccepted = check(a.id, party, undefined, { urgent: true, hostAccepted: false, reason: '上级临时通知' });
    expect(!notAccepted.ok && notAccepted.error.message).toContain('主持人同意');
    const ok = check(a.id, party, undefined, { urgent: true, hostAccepted: true, reason: '上级临时通知' });
    expect(ok).toMatchObject({ ok: true, value: { purpose: 'decide', warnings: [] } });
  });
});

describe('R1 routing and R2 三重一大 at the agenda', () => {
  it('R1: a 党组织会议 matter cannot be decided by the 校长办公会; a 校长办公会 matter can', () => {
    const { t, s, item, agree, check, party, office } = itemSchool();
    const a = item();
    t.ok('items.submit', { itemId: a.id });
    agree(a.id);
    const r = check(a.id, office);
    expect(r).toMatchObject({ ok: false, error: { code: 'rule_violation', rule: 'R1' } });
    expect(!r.ok && r.error.message).toContain('校长办公会议不能决定');
    const x = item({ title: '本学期周工作安排', matterId: s.matter('X1'), proposerId: s.person('李明华') });
    expect(t.ok('items.submit', { itemId: x.id }).state).toBe('ready');
    expect(check(x.id, office)).toMatchObject({ ok: true, value: { purpose: 'decide' } });
    // The 党组织会议 may take it up (after the R4 consultation), with a kept R1 notice.
    expect(check(x.id, party)).toMatchObject({ ok: false, error: { rule: 'R4' } });
    agree(x.id);
    const up = check(x.id, party);
    expect(up.ok && up.value.warnings.map((w) => w.rule)).toContain('R1');
  });

  it('R1: a 前置研究 matter reaches the 党组织会议 only after the 校长办公会 recorded a 研究意见', () => {
    const { t, s, item, agree, check, party, office, studied } = itemSchool();
    const c4 = item({ title: '2026年教师招聘方案', matterId: s.matter('C4'), proposerId: s.person('张丽') });
    t.ok('items.submit', { itemId: c4.id });
    agree(c4.id);
    const before = check(c4.id, party);
    expect(before).toMatchObject({ ok: false, error: { rule: 'R1' } });
    expect(!before.ok && before.error.message).toContain('须先经校长办公会议研究');
    expect(check(c4.id, office)).toMatchObject({ ok: true, value: { purpose: 'study' } });
    studied(c4.id);
    expect(check(c4.id, party)).toMatchObject({ ok: true, value: { purpose: 'decide' } });
    const again = check(c4.id, office);
    expect(!again.ok && again.error.message).toContain('已经校长办公会议研究');
    expect(t.ok('items.get', { itemId: c4.id }).entries[0]).toMatchObject({ bodyKind: 'principal_office', purpose: 'study', proposal: '建议提交党组织会议研究决定' });
  });

  it('R2: a 三重一大 Matter is decided only by the 党组织会议', () => {
    const { t, s, item, agree, check, office, studied } = itemSchool();
    const e2 = item({ title: '购置录播教室设备', matterId: s.matter('E2'), amount: 3000, proposerId: s.person('陈志强') });
    expect(t.ok('items.get', { itemId: e2.id }).routing).toMatchObject({ body: 'party_committee', major: true, threshold: 10000 });
    t.ok('items.submit', { itemId: e2.id });
    agree(e2.id);
    studied(e2.id);
    const r = check(e2.id, office);
    expect(r).toMatchObject({ ok: false, error: { rule: 'R1' } });
    // A 校长办公会 matter that is 三重一大 by amount: studied there once, never decided there.
    const x4 = item({ title: '采购体育器材', matterId: s.matter('X4'), amount: 10000, proposerId: s.person('陈志强') });
    t.ok('items.submit', { itemId: x4.id });
    agree(x4.id);
    studied(x4.id);
    const r2 = check(x4.id, office);
    expect(r2).toMatchObject({ ok: false, error: { rule: 'R1' } });
  });

  it('R2: an amount exactly at the threshold is 三重一大; one yuan below is not', () => {
    const { t, s, item, check, office, party } = itemSchool();
    const at = item({ title: '采购体育器材', matterId: s.matter('X4'), amount: 10000, proposerId: s.person('陈志强') });
    const below = item({ title: '采购办公用品', matterId: s.matter('X4'), amount: 9999, proposerId: s.person('陈志强') });
    expect(at.routing).toMatchObject({ body: 'party_committee', major: true, threshold: 10000, ruleVersion: RULE_VERSION });
    expect(at.routing.reason).toContain('三重一大');
    expect(below.routing).toMatchObject({ body: 'principal_office', major: false, threshold: 10000 });
    t.ok('items.submit', { itemId: below.id });
    expect(check(below.id, office)).toMatchObject({ ok: true, value: { purpose: 'decide' } });
    // At the threshold: the party gate applies (R4) and the 校长办公会 needs the 书记's opinion (R5).
    expect(t.ok('items.submit', { itemId: at.id }).state).toBe('consultation');
    expect(check(at.id, party)).toMatchObject({ ok: false, error: { rule: 'R4' } });
    expect(check(at.id, office)).toMatchObject({ ok: false, error: { rule: 'R5' } });
  });

  it('R2: the threshold in force on the meeting date applies; a later raise changes routing from its date on', () => {
    const { t, s, item, check, office, agree } = itemSchool();
    const x4 = item({ title: '维修教学楼门窗', matterId: s.matter('X4'), amount: 15000, proposerId: s.person('陈志强') });
    expect(x4.routing).toMatchObject({ major: true, threshold: 10000 });
    t.ok('thresholds.add', { orgId: s.orgId, category: '大额资金使用', amount: 20000, effectiveFrom: '2026-04-01' });
    t.ok('items.submit', { itemId: x4.id });
    agree(x4.id);
    // Before the new threshold: 三重一大, studied only. From 4月1日: below 20,000, decided by the 校长办公会.
    expect(check(x4.id, office, '2026-03-31T09:00')).toMatchObject({ ok: true, value: { purpose: 'study', routing: { major: true, threshold: 10000 } } });
    expect(check(x4.id, office, '2026-04-08T09:00')).toMatchObject({
      ok: true,
      value: { purpose: 'decide', routing: { major: false, threshold: 20000, body: 'principal_office' } },
    });
    // The preview is a read: the stored routing is unchanged until the item is scheduled.
    expect(t.ok('items.get', { itemId: x4.id }).routing).toMatchObject({ major: true, threshold: 10000 });
  });
});

describe('R5 书记 opinion before the 校长办公会 decides an important item', () => {
  it('R5: an important item is refused without the 书记’s recorded opinion and allowed with it', () => {
    const { t, s, item, check, office } = itemSchool();
    const x = item({ title: '调整作息时间', matterId: s.matter('X2'), proposerId: s.person('李明华'), important: true });
    expect(t.ok('items.submit', { itemId: x.id }).state).toBe('consultation');
    const before = t.snapshot();
    const r = check(x.id, office);
    expect(r).toMatchObject({ ok: false, error: { code: 'rule_violation', rule: 'R5' } });
    expect(!r.ok && r.error.message).toContain('书记的意见');
    expect(t.snapshot()).toEqual(before);
    const rec = t.ok('consultations.record', {
      itemId: x.id, date: '2026-03-20', form: '电话',
      stances: [{ personId: s.person('王建国'), role: '书记', stance: '同意', note: '同意，注意做好家长沟通' }],
    });
    expect(rec.state).toBe('ready');
    expect(check(x.id, office)).toMatchObject({ ok: true, value: { purpose: 'decide' } });
  });

  it('R5: an ordinary 校长办公会 item goes straight to 待上会 and needs no 书记 opinion', () => {
    const { t, s, item, check, office } = itemSchool();
    const x = item({ title: '本周工作安排', matterId: s.matter('X1'), proposerId: s.person('李明华') });
    expect(t.ok('items.submit', { itemId: x.id }).state).toBe('ready');
    expect(check(x.id, office).ok).toBe(true);
  });
});

describe('R19 教代会', () => {
  it('R19: an item on a Matter touching staff interests is flagged 需提交教代会审议; others are not', () => {
    const { t, s, item } = itemSchool();
    const b1 = item({ title: '修订学校章程', matterId: s.matter('B1') });
    expect(b1.staffCongress).toBe(true);
    expect(t.ok('items.get', { itemId: b1.id }).staffCongressLabel).toBe('需提交教代会审议');
    const a1 = item();
    expect(a1.staffCongress).toBe(false);
    expect(t.ok('items.get', { itemId: a1.id }).staffCongressLabel).toBeNull();
    // Moving the item to another Matter re-evaluates the flag.
    expect(t.ok('items.update', { itemId: a1.id, matterId: s.matter('C6') }).staffCongress).toBe(true);
  });
});

describe('items.update / items.submit', () => {
  it('re-routes on a new amount and sends an agreed item back to consultation when its content changes', () => {
    const { t, s, item, agree } = itemSchool();
    const a = item({ matterId: s.matter('D3'), title: '校园安全工作方案' });
    t.ok('items.submit', { itemId: a.id });
    expect(agree(a.id).state).toBe('ready');
    const u = t.ok('items.update', { itemId: a.id, amount: 50000 });
    expect(u.routing).toMatchObject({ major: true, threshold: 10000 });
    expect(u.state).toBe('consultation');
    const got = t.ok('items.get', { itemId: a.id });
    expect(got.transitions.at(-1)).toMatchObject({ fromState: 'ready', toState: 'consultation', note: '议题内容修改，须重新会前沟通' });
    // An untouched summary stays as it was.
    expect(got.item.summary).toBe('');
  });

  it('keeps the summary on a partial update and clears a field set to null', () => {
    const { t, item, s } = itemSchool();
    const a = item({ summary: '原内容', leaderId: s.person('张丽') });
    const u = t.ok('items.update', { itemId: a.id, title: '新标题', leaderId: null });
    expect(u).toMatchObject({ title: '新标题', summary: '原内容', leaderId: null });
  });

  it('refuses a second submit, and on an agenda any change but the title, 分管领导 and materials date', () => {
    const { t, item, agree } = itemSchool();
    const a = item();
    t.ok('items.submit', { itemId: a.id });
    const r = t.call('items.submit', { itemId: a.id });
    expect(r).toMatchObject({ ok: false, error: { code: 'conflict' } });
    agree(a.id);
    t.ledger.sqlite.prepare("UPDATE agenda_items SET state = 'scheduled' WHERE id = ?").run(a.id);
    const before = t.snapshot();
    const e = t.call('items.update', { itemId: a.id, title: '改名', summary: '改过的内容' });
    expect(e).toMatchObject({ ok: false, error: { code: 'conflict', field: 'summary', message: expect.stringContaining('请先从议程中移出') } });
    expect(t.snapshot()).toEqual(before);
    t.ok('items.update', { itemId: a.id, title: '改名' });
    t.ledger.sqlite.prepare("UPDATE agenda_items SET state = 'discussed' WHERE id = ?").run(a.id);
    const after = t.snapshot();
    expect(t.call('items.update', { itemId: a.id, title: '再改名' })).toMatchObject({ ok: false, error: { field: 'title', message: '议题已在会议上讨论或已有结果，不能再修改。' } });
    expect(t.snapshot()).toEqual(after);
  });

  it('refuses an unknown item with a Chinese not-found message', () => {
    const { t } = itemSchool();
    expect(t.call('items.get', { itemId: 999 })).toMatchObject({ ok: false, error: { code: 'not_found', message: '找不到该议题，可能已被删除或更改，请刷新后重试。' } });
  });
});

describe('items.list', () => {
  it('filters by state, searches on the bigram index (punctuation as written, as LIKE finds it), pages, and names matter, state and proposer', () => {
    const { t, s, item } = itemSchool();
    for (let i = 1; i <= 5; i++) item({ title: `第${i}号 师德议题` });
    const b = item({ title: '100%完成 安全检查', matterId: s.matter('D3'), proposerId: s.person('张丽') });
    t.ok('items.submit', { itemId: b.id });
    const all = t.ok('items.list', { orgId: s.orgId });
    expect(all.total).toBe(6);
    const page = t.ok('items.list', { orgId: s.orgId, limit: 2, offset: 2 });
    expect(page.rows).toHaveLength(2);
    expect(page.total).toBe(6);
    const found = t.ok('items.list', { orgId: s.orgId, search: '100%' });
    expect(found.rows.map((r) => r.title)).toEqual(['100%完成 安全检查']);
    expect(found.rows[0]).toMatchObject({ matterName: '安全稳定工作', stateLabel: '会前沟通中', proposerName: '张丽' });
    expect(t.ok('items.list', { orgId: s.orgId, search: '%' }).total).toBe(1);
    expect(t.ok('items.list', { orgId: s.orgId, search: '％' }).total).toBe(0);
    expect(t.ok('items.list', { orgId: s.orgId, search: '师德' }).total).toBe(5);
    expect(t.ok('items.list', { orgId: s.orgId, states: ['draft'] }).total).toBe(5);
    expect(t.ok('items.list', { orgId: s.orgId, states: ['consultation'], search: '师德' }).total).toBe(0);
  });
});

describe('the gate inside meetings.addItem', () => {
  it('R4 through meetings.addItem: refused without consultation (nothing changes), scheduled after agreement with its purpose', () => {
    const { t, s, item, agree, party, 书记 } = itemSchool();
    const { meetingId } = t.ok('meetings.create', {
      bodyId: party, startsAt: '2026-03-25T14:30', place: '党委会议室', hostId: 书记, recorderId: s.person('吴秘书'),
    });
    const a = item();
    t.ok('items.submit', { itemId: a.id });
    const before = t.snapshot();
    const r = t.call('meetings.addItem', { meetingId, itemId: a.id });
    expect(r).toMatchObject({ ok: false, error: { rule: 'R4' } });
    expect(t.snapshot()).toEqual(before);
    agree(a.id);
    expect(t.ok('meetings.addItem', { meetingId, itemId: a.id })).toMatchObject({ purpose: 'decide', warnings: [] });
    const got = t.ok('items.get', { itemId: a.id });
    expect(got.item.state).toBe('scheduled');
    expect(got.entries).toHaveLength(1);
  });
});
