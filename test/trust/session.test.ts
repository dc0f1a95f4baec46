// Operator identity (db/session) and the append-only audit log.
import { afterEach, describe, expect, it } from 'vitest';
import { freshAt, setupSchool, type Opened } from './fixture';

const opened: Opened[] = [];
afterEach(() => opened.splice(0).forEach((o) => o.dispose()));

function school() {
  const t = freshAt();
  opened.push(t);
  return { t, s: setupSchool(t) };
}

const lastAudit = (t: Opened) =>
  t.ledger.sqlite.prepare('SELECT operator, channel, summary FROM audit_log ORDER BY id DESC LIMIT 1').get() as { operator: string; channel: string; summary: string };

describe('session: who is at the keyboard', () => {
  it('signing in sets the operator recorded on every later write', () => {
    const { t, s } = school();
    const list = t.ok('session.operators', {});
    expect(list.operators.map((o) => o.name)).toContain('吴秘书');
    expect(t.ok('session.signIn', { personId: s.person('吴秘书') })).toEqual({ operator: '吴秘书', personId: s.person('吴秘书'), hasPin: false });
    expect(lastAudit(t)).toMatchObject({ operator: '吴秘书', channel: 'session.signIn' });
    t.ok('items.create', { orgId: s.orgId, title: '关于校服采购的议题', matterId: s.matter('D3'), proposerId: s.person('陈志强') });
    expect(lastAudit(t)).toMatchObject({ operator: '吴秘书', channel: 'items.create' });
    expect(t.ok('session.current', {})).toEqual({ operator: '吴秘书', signedIn: true });
    // A name that is not a person (a temporary helper) is allowed and remembered.
    t.ok('session.signIn', { name: '临时帮忙的老师' });
    expect(t.ok('session.operators', {}).operators.map((o) => o.name)).toContain('临时帮忙的老师');
  });

  it('操作日志 lists each operator once, in order, and filters and counts by one', () => {
    const { t, s } = school();
    const before = t.ok('audit.list', { offset: 0, limit: 10 });
    t.ok('session.signIn', { personId: s.person('吴秘书') });
    t.ok('items.create', { orgId: s.orgId, title: '关于校服采购的议题', matterId: s.matter('D3'), proposerId: s.person('陈志强') });
    t.ok('session.signIn', { name: '临时帮忙的老师' });
    const all = t.ok('audit.list', { offset: 0, limit: 10 });
    expect(all.operators).toEqual([...new Set([...before.operators, '吴秘书', '临时帮忙的老师'])].sort());
    expect(all.total).toBe(before.total + 3);
    const mine = t.ok('audit.list', { offset: 0, limit: 10, operator: '吴秘书' });
    expect(mine.total).toBe(2);
    expect(mine.rows.map((r) => r.channel)).toEqual(['items.create', 'session.signIn']);
  });

  it('a PIN, once set, is required; it is stored as a scrypt hash and never written to the audit log', () => {
    const { t, s } = school();
    t.ok('session.signIn', { personId: s.person('吴秘书') });
    t.ok('session.setPin', { pin: '2580' });
    const stored = t.ledger.sqlite.prepare("SELECT pin_hash AS h FROM operators WHERE name = '吴秘书'").get() as { h: string };
    expect(stored.h).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(stored.h).not.toContain('2580');
    expect(lastAudit(t).summary).toBe('{"pin":"***"}');

    t.ok('session.signIn', { name: '王建国' });
    const before = t.snapshot();
    const noPin = t.call('session.signIn', { personId: s.person('吴秘书') });
    expect(noPin).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'pin' } });
    const wrong = t.call('session.signIn', { personId: s.person('吴秘书'), pin: '0000' });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'conflict', field: 'pin', message: 'PIN 不正确，请重新输入。忘记PIN请让其他同事登录后协助重置。' } });
    expect(t.snapshot()).toEqual(before);
    expect(t.ok('session.current', {}).operator).toBe('王建国');
    t.ok('session.signIn', { personId: s.person('吴秘书'), pin: '2580' });
    expect(t.ok('session.current', {}).operator).toBe('吴秘书');
    expect(t.ledger.sqlite.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE summary LIKE '%2580%'").get()).toEqual({ n: 0 });
    // Changing it needs the current PIN.
    expect(t.call('session.setPin', { pin: '1111', currentPin: '9999' })).toMatchObject({ ok: false, error: { code: 'conflict', field: 'currentPin' } });
    t.ok('session.setPin', { pin: null, currentPin: '2580' });
    t.ok('session.signIn', { personId: s.person('吴秘书') });
  });

  it('five wrong PINs in a row pause that operator for 5 minutes; the right PIN then works', () => {
    const { t, s } = school();
    t.ok('session.signIn', { personId: s.person('吴秘书') });
    t.ok('session.setPin', { pin: '2580' });
    for (let i = 0; i < 5; i++) expect(t.call('session.signIn', { personId: s.person('吴秘书'), pin: '0000' })).toMatchObject({ ok: false, error: { message: 'PIN 不正确，请重新输入。忘记PIN请让其他同事登录后协助重置。' } });
    expect(t.call('session.signIn', { personId: s.person('吴秘书'), pin: '2580' })).toMatchObject({ ok: false, error: { code: 'conflict', message: 'PIN 已连续输错5次，请5分钟后再试。' } });
    t.setNow('2026-03-26T09:05:01');
    expect(t.ok('session.signIn', { personId: s.person('吴秘书'), pin: '2580' }).operator).toBe('吴秘书');
  });

  it('refuses bad input in Chinese: no operator, a short PIN, the reserved name, an unknown person', () => {
    const { t } = school();
    expect(t.call('session.signIn', {} as never)).toMatchObject({ ok: false, error: { code: 'invalid_input', message: '请选择操作人或填写姓名' } });
    expect(t.call('session.signIn', { name: '甲', pin: '12' })).toMatchObject({ ok: false, error: { message: '「PIN」须为4至8位数字' } });
    expect(t.call('session.signIn', { name: '系统' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(t.call('session.signIn', { personId: 999 })).toMatchObject({ ok: false, error: { code: 'not_found', message: '找不到该人员，可能已被删除或更改，请刷新后重试。' } });
    expect(t.call('session.setPin', { pin: '1234' })).toMatchObject({ ok: false, error: { code: 'conflict', message: '请先登录，再设置自己的PIN。' } });
  });
});

describe('append-only tables', () => {
  it('the audit log refuses UPDATE and DELETE, in Chinese', () => {
    const { t } = school();
    expect(() => t.ledger.sqlite.prepare("UPDATE audit_log SET operator = '别人'").run()).toThrow('操作记录只能追加，不能修改');
    expect(() => t.ledger.sqlite.prepare('DELETE FROM audit_log').run()).toThrow('操作记录只能追加，不能删除');
    expect((t.ledger.sqlite.prepare('SELECT COUNT(*) AS n FROM audit_log').get() as { n: number }).n).toBeGreaterThan(0);
  });

  it('the seal table refuses UPDATE and DELETE, in Chinese', () => {
    const { t } = school();
    t.ledger.sqlite.prepare("INSERT INTO seals (kind, ref_id, meeting_id, content_hash, prev_hash, hash, operator, at) VALUES ('meeting', 1, 1, 'a', 'b', 'c', 'x', 'y')").run();
    expect(() => t.ledger.sqlite.prepare("UPDATE seals SET hash = 'd'").run()).toThrow('存证记录只能追加，不能修改');
    expect(() => t.ledger.sqlite.prepare('DELETE FROM seals').run()).toThrow('存证记录只能追加，不能删除');
  });
});
