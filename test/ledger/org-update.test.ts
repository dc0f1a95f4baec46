// org.update: 设置 → 学校信息. The name and the kind of party organisation can be corrected;
// a blank name is refused in Chinese and nothing changes.
import { describe, expect, it } from 'vitest';
import { freshLedger } from '../support/ledger';
import { setupSchool } from '../support/school';

describe('org.update', () => {
  it('renames the school and changes 党组织类型; refuses a blank name or an unknown kind, nothing written', () => {
    const t = freshLedger();
    const { orgId } = setupSchool(t);
    expect(t.ok('org.update', { orgId, name: '青山县第一中学（集团）' })).toMatchObject({ name: '青山县第一中学（集团）' });
    const kind = t.ok('org.get', {})!.org.partyKind;
    expect(t.ok('org.update', { orgId, partyKind: '党总支' })).toMatchObject({ name: '青山县第一中学（集团）', partyKind: '党总支' });
    expect(kind).not.toBe('党总支');
    const before = t.snapshot();
    const blank = t.call('org.update', { orgId, name: '  ' });
    expect(!blank.ok && blank.error).toMatchObject({ field: 'name', message: '「学校名称」不能为空' });
    expect(t.call('org.update', { orgId, partyKind: '党小组' as never }).ok).toBe(false);
    expect(t.call('org.update', { orgId: 99, name: '别校' }).ok).toBe(false);
    expect(t.snapshot()).toEqual(before);
    expect(t.ok('org.get', {})!.org.name).toBe('青山县第一中学（集团）');
  });
});
