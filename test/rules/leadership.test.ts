import { describe, expect, it } from 'vitest';
import { expectsFirstTopic } from '../../db/rules/agenda';
import { holdsBothLeadingPosts, leadingPost, leadsBody, mayPropose } from '../../db/rules/leadership';
import { BODY_KINDS } from '../../db/terms';

describe('who leads a body (R3, R9, R14, R16)', () => {
  it('R16: the 书记 leads every party body, the 校长 the 校长办公会议', () => {
    expect(Object.fromEntries(BODY_KINDS.map((k) => [k, leadingPost(k)]))).toEqual({
      party_committee: '书记',
      principal_office: '校长',
      branch_committee: '书记',
      party_assembly: '书记',
    });
  });

  it('R3: only the leading post confirms; 一肩挑 leads both bodies', () => {
    expect(leadsBody('party_committee', ['校长', '副书记'])).toBe(false);
    expect(leadsBody('principal_office', ['校长'])).toBe(true);
    expect(leadsBody('party_committee', [])).toBe(false);
    expect(holdsBothLeadingPosts(['书记', '校长'])).toBe(true);
    expect(holdsBothLeadingPosts(['书记', '副校长'])).toBe(false);
    expect(holdsBothLeadingPosts(['校长'])).toBe(false);
  });

  it('R3: topics are proposed by the leadership, not by 中层干部', () => {
    expect(mayPropose(['委员'])).toBe(true);
    expect(mayPropose(['中层干部'])).toBe(false);
  });

  it('R15: only the 党组织会议 opens with a 第一议题', () => {
    expect(BODY_KINDS.filter(expectsFirstTopic)).toEqual(['party_committee']);
  });
});
