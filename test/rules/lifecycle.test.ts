import { describe, expect, it } from 'vitest';
import { EDITABLE_STATES, TRANSITIONS, UNDO_VOTE, canMove, canUndoVote, editRefusal, withdrawRefusal } from '../../db/rules/lifecycle';
import { ITEM_STATES, type ItemState } from '../../db/terms';

describe('item lifecycle table', () => {
  it('has a row for every state and only names known states', () => {
    expect(Object.keys(TRANSITIONS).sort()).toEqual([...ITEM_STATES].sort());
    for (const targets of Object.values(TRANSITIONS)) for (const s of targets) expect(ITEM_STATES).toContain(s);
  });

  it('every state is reachable from 草稿; 已闭环, 已听取 (a heard report) and 已撤回 are the only ends', () => {
    const seen = new Set<ItemState>(['draft']);
    const queue: ItemState[] = ['draft'];
    while (queue.length) for (const n of TRANSITIONS[queue.shift()!]) if (!seen.has(n)) { seen.add(n); queue.push(n); }
    expect([...seen].sort()).toEqual([...ITEM_STATES].sort());
    expect(ITEM_STATES.filter((s) => TRANSITIONS[s].length === 0)).toEqual(['closed', 'noted', 'withdrawn']);
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

describe('撤回 (withdraw)', () => {
  it('an item not yet on an agenda may be withdrawn; one on an agenda or decided may not', () => {
    const may = ITEM_STATES.filter((s) => canMove(s, 'withdrawn'));
    expect(may).toEqual(['draft', 'consultation', 'postponed', 'ready', 'vote_postponed']);
    expect(TRANSITIONS.withdrawn).toEqual([]);
  });

  it('says why not, state by state; a 修正 (R18) and an emergency report (R14) are never withdrawn', () => {
    for (const s of ['draft', 'consultation', 'postponed', 'ready', 'vote_postponed'] as const) expect(withdrawRefusal(s, 'normal'), s).toBeNull();
    expect(withdrawRefusal('ready', 'execution_report')).toBeNull();
    expect(withdrawRefusal('draft', 'correction')).toBe('修正议题由督办评价启动，须上会决定，不能撤回');
    expect(withdrawRefusal('ready', 'emergency_report')).toBe('临时处置须在会议上通报，不能撤回');
    expect(withdrawRefusal('scheduled', 'normal')).toBe('议题已列入会议议程，请先从议程中移出，再撤回');
    expect(withdrawRefusal('discussed', 'normal')).toBe('议题已列入会议议程，请先从议程中移出，再撤回');
    expect(withdrawRefusal('withdrawn', 'normal')).toBe('议题已经撤回');
    for (const s of ['passed', 'not_passed', 'follow_up', 'evaluated', 'corrected', 'closed', 'noted'] as const) {
      expect(withdrawRefusal(s, 'normal'), s).toBe('议题已有会议结果，不能撤回');
    }
  });
});

describe('undoing a vote result', () => {
  it('takes a passed or rejected item back to discussed (or scheduled), and nothing else', () => {
    expect(Object.keys(UNDO_VOTE).sort()).toEqual(['not_passed', 'passed']);
    for (const from of ITEM_STATES) {
      for (const to of ITEM_STATES) {
        const want = (from === 'passed' || from === 'not_passed') && (to === 'discussed' || to === 'scheduled');
        expect(canUndoVote(from, to), `${from}→${to}`).toBe(want);
      }
    }
  });

  it('is not an ordinary move: the lifecycle never turns a decision back', () => {
    expect(canMove('passed', 'discussed')).toBe(false);
    expect(canMove('not_passed', 'scheduled')).toBe(false);
  });
});

describe('correcting an item (editRefusal)', () => {
  it('every field may change while the item is prepared', () => {
    expect(EDITABLE_STATES).toEqual(['draft', 'consultation', 'postponed', 'ready', 'vote_postponed']);
    for (const s of EDITABLE_STATES) expect(editRefusal(s, ['summary', 'matterId', 'amount', 'important', 'proposerId', 'title']), s).toBeNull();
  });

  it('nothing changed is never refused', () => {
    for (const s of ITEM_STATES) expect(editRefusal(s, []), s).toBeNull();
  });

  it('on an agenda only the title, the 分管领导 and the materials date may change, naming the field that may not', () => {
    expect(editRefusal('scheduled', ['title', 'leaderId', 'materialsReadyAt'])).toBeNull();
    const message = '议题已列入会议议程，议题内容、事项、金额、提出人和重要事项不能再改；如需修改，请先从议程中移出';
    for (const f of ['summary', 'matterId', 'amount', 'important', 'proposerId']) {
      expect(editRefusal('scheduled', ['title', f]), f).toEqual({ field: f, message });
    }
  });

  it('discussed, decided or withdrawn items are refused at the first changed field', () => {
    for (const s of ['discussed', 'passed', 'not_passed', 'follow_up', 'evaluated', 'corrected', 'closed', 'noted'] as const) {
      expect(editRefusal(s, ['title', 'summary']), s).toEqual({ field: 'title', message: '议题已在会议上讨论或已有结果，不能再修改' });
    }
    expect(editRefusal('withdrawn', ['leaderId'])).toEqual({ field: 'leaderId', message: '议题已撤回，不能再修改；如需重新提出，请复制为新草稿' });
  });
});
