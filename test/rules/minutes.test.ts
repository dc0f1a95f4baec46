import { describe, expect, it } from 'vitest';
import { formatDocNumber, signRefusal } from '../../db/rules/minutes';
import { leadingPost } from '../../db/rules/leadership';
import { BODY_KINDS } from '../../db/terms';

const SIGNING_POST = Object.fromEntries(BODY_KINDS.map((k) => [k, leadingPost(k)]));

const facts = { bodyKind: 'party_committee' as const, minutesState: 'draft', meetingState: 'closed', hostId: 1, hostName: '王建国', signerId: 1 };

describe('R16 signing and numbering', () => {
  it('R16 the host signs a draft of a closed meeting', () => {
    expect(signRefusal(facts)).toBeNull();
  });
  it('R16 anyone else is refused, naming the host and the post', () => {
    const r = signRefusal({ ...facts, signerId: 2 });
    expect(r).toMatchObject({ code: 'rule_violation' });
    expect(r!.message).toContain('书记');
    expect(r!.message).toContain('王建国');
    expect(signRefusal({ ...facts, bodyKind: 'principal_office', signerId: 2 })!.message).toContain('校长');
  });
  it('R16 a signed revision cannot be signed again; an open meeting cannot be signed yet', () => {
    expect(signRefusal({ ...facts, minutesState: 'signed' })).toMatchObject({ code: 'locked' });
    expect(signRefusal({ ...facts, meetingState: 'in_progress' })).toMatchObject({ code: 'conflict' });
  });
  it('R16 numbers per body and year: 第3期 or 〔2026〕3号', () => {
    expect(formatDocNumber('期', 2026, 3)).toBe('第3期');
    expect(formatDocNumber('号', 2026, 3)).toBe('〔2026〕3号');
  });
});

describe('R16 messages (mutation testing)', () => {
  it('R16: a refusal says what to do next', () => {
    expect(signRefusal({ ...facts, minutesState: 'signed' })!.message).toBe('该会议纪要已经签发，不能重复签发。如需更正，请办理勘误（新建修订稿）。');
    expect(signRefusal({ ...facts, meetingState: 'in_progress' })!.message).toBe('会议尚未结束，请先结束会议，再签发会议纪要。');
  });
  it('R16: the 书记 signs for every party body, the 校长 for the 校长办公会', () => {
    expect(SIGNING_POST).toEqual({ party_committee: '书记', principal_office: '校长', branch_committee: '书记', party_assembly: '书记' });
  });
});
