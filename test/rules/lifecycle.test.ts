import { describe, expect, it } from 'vitest';
import { TRANSITIONS, canMove } from '../../db/rules/lifecycle';
import { ITEM_STATES, type ItemState } from '../../db/terms';

describe('item lifecycle table', () => {
  it('has a row for every state and only names known states', () => {
    expect(Object.keys(TRANSITIONS).sort()).toEqual([...ITEM_STATES].sort());
    for (const targets of Object.values(TRANSITIONS)) for (const s of targets) expect(ITEM_STATES).toContain(s);
  });

  it('every state is reachable from 草稿; 已闭环 and 已听取 (a heard report) are the only ends', () => {
    const seen = new Set<ItemState>(['draft']);
    const queue: ItemState[] = ['draft'];
    while (queue.length) for (const n of TRANSITIONS[queue.shift()!]) if (!seen.has(n)) { seen.add(n); queue.push(n); }
    expect([...seen].sort()).toEqual([...ITEM_STATES].sort());
    expect(ITEM_STATES.filter((s) => TRANSITIONS[s].length === 0)).toEqual(['closed', 'noted']);
  });

  it('the loop: consultation → ready → scheduled → passed → follow-up → evaluated → closed', () => {
    const path: ItemState[] = ['draft', 'consultation', 'ready', 'scheduled', 'discussed', 'passed', 'follow_up', 'evaluated', 'closed'];
    for (let i = 1; i < path.length; i++) expect(canMove(path[i - 1]!, path[i]!)).toBe(true);
  });

  it('R4: 暂缓上会 goes back through consultation, never straight onto an agenda', () => {
    expect(canMove('consultation', 'postponed')).toBe(true);
    expect(canMove('postponed', 'scheduled')).toBe(false);
    expect(canMove('postponed', 'ready')).toBe(true);
    expect(canMove('draft', 'scheduled')).toBe(false);
    expect(canMove('consultation', 'scheduled')).toBe(false);
  });

  it('R11: 暂缓表决 returns to consultation; a decided item is not put back on an agenda', () => {
    expect(canMove('vote_postponed', 'consultation')).toBe(true);
    expect(canMove('vote_postponed', 'scheduled')).toBe(false);
    expect(canMove('passed', 'scheduled')).toBe(false);
    expect(canMove('passed', 'ready')).toBe(false);
    expect(canMove('closed', 'draft')).toBe(false);
  });

  it('R11: an agreed 复议 takes a passed or rejected item back to consultation, but not one in execution', () => {
    expect(canMove('passed', 'consultation')).toBe(true);
    expect(canMove('not_passed', 'consultation')).toBe(true);
    for (const s of ['follow_up', 'evaluated', 'corrected', 'closed'] as const) expect(canMove(s, 'consultation'), s).toBe(false);
  });

  it('R14/R17: a heard report goes from the agenda to 已听取, and nowhere after', () => {
    expect(canMove('scheduled', 'noted')).toBe(true);
    expect(canMove('ready', 'noted')).toBe(false);
    expect(canMove('discussed', 'noted')).toBe(false);
    expect(TRANSITIONS.noted).toEqual([]);
  });

  it('R1: after a 校长办公会 study the item waits for the 党组织会议 as 待上会', () => {
    expect(canMove('scheduled', 'ready')).toBe(true);
  });
});
