// The forgiving desk through dispatch on a real file: every correction of a record not yet locked
// keeps before → after (amendments) beside its audit row, every refusal changes nothing, and a
// record locked by signed minutes (or a closed meeting) refuses correction.
import { describe, expect, it } from 'vitest';
import type { TestLedger } from '../support/ledger';
import { freshLedger } from '../support/ledger';
import { DEMO_SCHOOL, setupSchool } from '../support/school';
import { decidedMeeting } from '../support/decided';
import { meetingSchool, COMMITTEE } from './meetings-fixture';
import { itemSchool } from './items-fixture';

interface AmendmentRow {
  subject_type: string;
  subject_id: number;
  action: string;
  before: string | null;
  after: string | null;
  reason: string | null;
  approved_by: number | null;
  operator: string;
}

const amendments = (t: TestLedger) => t.ledger.sqlite.prepare('SELECT * FROM amendments ORDER BY id').all() as AmendmentRow[];
const lastAmendment = (t: TestLedger) => {
  const a = amendments(t).at(-1)!;
  return { ...a, before: a.before && JSON.parse(a.before), after: a.after && JSON.parse(a.after) };
};
const lastAudit = (t: TestLedger) => t.ledger.sqlite.prepare('SELECT channel, operator FROM audit_log ORDER BY id DESC LIMIT 1').get() as { channel: string; operator: string };

/** The call is refused with the expected error, and no table changed. */
function refusedUnchanged(t: TestLedger, run: () => unknown, error: Record<string, unknown>) {
  const before = t.snapshot();
  expect(run()).toMatchObject({ ok: false, error });
  expect(t.snapshot()).toEqual(before);
}

describe('议题: correct, withdraw, copy', () => {
  it('every field may be corrected while prepared; the correction keeps before → after and an audit row', () => {
    const { t, item } = itemSchool();
    const a = item({ summary: '原内容' });
    t.ok('items.submit', { itemId: a.id });
    t.ok('items.update', { itemId: a.id, title: '关于加强师德师风建设的实施意见', summary: '修改后的内容', leaderId: null });
    const got = t.ok('items.get', { itemId: a.id });
    expect(got.item).toMatchObject({ title: '关于加强师德师风建设的实施意见', summary: '修改后的内容' });
    expect(lastAudit(t)).toEqual({ channel: 'items.update', operator: '测试秘书' });
    expect(lastAmendment(t)).toMatchObject({
      subject_type: 'item',
      subject_id: a.id,
      action: 'edit',
      operator: '测试秘书',
      before: { title: '关于加强师德师风建设的意见', summary: '原内容' },
      after: { title: '关于加强师德师风建设的实施意见', summary: '修改后的内容' },
    });
    expect(got.history.map((h) => [h.actionLabel, h.change])).toEqual([
      ['修改', '名称：关于加强师德师风建设的意见 → 关于加强师德师风建设的实施意见；内容：原内容 → 修改后的内容'],
    ]);
    expect(got.correct).toEqual({ edit: 'all', withdrawRefusal: null });
    // Nothing changed: no correction is recorded.
    const n = amendments(t).length;
    t.ok('items.update', { itemId: a.id, title: '关于加强师德师风建设的实施意见' });
    expect(amendments(t)).toHaveLength(n);
  });

  it('an impossible materials date is refused at that field', () => {
    const { t, item } = itemSchool();
    const a = item();
    refusedUnchanged(t, () => t.call('items.update', { itemId: a.id, materialsReadyAt: '2016-03-20' }), {
      field: 'materialsReadyAt',
      message: '「材料送达日期」2016年3月20日早于本校在台账中的起始日期2026年1月1日，请核对年份',
    });
  });

  it('撤回 keeps the item as 已撤回 with the reason; it can no longer be edited or scheduled, but can be copied', () => {
    const { t, item, agree, check, party } = itemSchool();
    const a = item();
    t.ok('items.submit', { itemId: a.id });
    agree(a.id);
    t.ok('items.withdraw', { itemId: a.id, reason: '提出人决定暂不推进' });
    const got = t.ok('items.get', { itemId: a.id });
    expect(got.item).toMatchObject({ state: 'withdrawn', stateLabel: '已撤回' });
    expect(got.transitions.at(-1)).toMatchObject({ fromState: 'ready', toState: 'withdrawn', note: '撤回：提出人决定暂不推进' });
    expect(got.correct).toEqual({ edit: 'none', withdrawRefusal: '议题已经撤回' });
    expect(got.history.at(-1)).toMatchObject({ actionLabel: '撤回', change: '状态：待上会 → 已撤回', reason: '提出人决定暂不推进' });
    expect(lastAmendment(t)).toMatchObject({ action: 'withdraw', reason: '提出人决定暂不推进', before: { state: 'ready' }, after: { state: 'withdrawn' } });
    refusedUnchanged(t, () => t.call('items.update', { itemId: a.id, title: '再改' }), { field: 'title', message: '议题已撤回，不能再修改；如需重新提出，请复制为新草稿。' });
    expect(check(a.id, party)).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const copy = t.ok('items.copy', { itemId: a.id });
    expect(copy).toMatchObject({ state: 'draft', title: a.title, matterId: a.matterId, proposerId: a.proposerId });
    expect(t.ok('items.get', { itemId: copy.id }).transitions[0]!.note).toBe(`复制自议题「${a.title}」（已撤回）`);
  });

  it('撤回 is refused on an agenda (take it off first) and for a 修正 (R18), changing nothing', () => {
    const m = meetingSchool();
    const meetingId = m.meeting();
    const itemId = m.readyItem('A1');
    const entryId = m.add(meetingId, itemId);
    refusedUnchanged(m.t, () => m.t.call('items.withdraw', { itemId, reason: '误列' }), {
      code: 'conflict',
      field: 'itemId',
      message: '议题「议题A1」：议题已列入会议议程，请先从议程中移出，再撤回。',
    });
    m.t.ok('meetings.removeItem', { entryId, reason: '材料未备齐' });
    expect(lastAmendment(m.t)).toMatchObject({ subject_type: 'meeting', action: 'removeEntry', reason: '材料未备齐', before: { title: '议题A1', position: 1 } });
    m.t.ok('items.withdraw', { itemId, reason: '误列' });
  });

  it('copy refuses a proposer who is no longer in the leadership (R3), naming the field', () => {
    const { t, s, item } = itemSchool();
    const a = item({ proposerId: s.person('刘芳') });
    const post = t.ok('posts.list', { orgId: s.orgId }).rows.find((r) => r.name === '刘芳' && r.post === '委员')!;
    t.ok('posts.end', { postId: post.id, endDate: '2026-03-20' });
    refusedUnchanged(t, () => t.call('items.copy', { itemId: a.id }), { rule: 'R3', field: 'proposerId' });
  });
});

describe('会议: wrong year, reschedule, cancel', () => {
  it('a meeting typed in the wrong year is refused at 会议时间 (not at the host), either way', () => {
    const m = meetingSchool();
    const base = { bodyId: m.party, place: '会议室', hostId: m.书记, recorderId: m.id('吴秘书') };
    refusedUnchanged(m.t, () => m.t.call('meetings.create', { ...base, startsAt: '2025-03-25T14:30' }), {
      code: 'invalid_input',
      field: 'startsAt',
      message: '「会议时间」2025年3月25日早于本校在台账中的起始日期2026年1月1日，请核对年份',
    });
    refusedUnchanged(m.t, () => m.t.call('meetings.create', { ...base, startsAt: '2027-03-25T14:30' }), {
      field: 'startsAt',
      message: '「会议时间」2027年3月25日距今超过一年，请核对年份',
    });
    const sat = m.t.ok('meetings.create', { ...base, startsAt: '2026-03-28T21:30' });
    expect(sat.notices).toEqual(['2026年3月28日是星期六', '会议时间21:30不在通常的工作时间']);
  });

  it('改期 across a year renumbers the last meeting of its year; before → after names the titles', () => {
    const m = meetingSchool();
    m.meeting('party_committee', { startsAt: '2026-03-25T14:30' });
    const late = m.meeting('party_committee', { startsAt: '2027-01-08T14:30' });
    const early = m.meeting('party_committee', { startsAt: '2027-01-06T14:30' });
    refusedUnchanged(m.t, () => m.t.call('meetings.update', { meetingId: late, startsAt: '2026-12-30T14:30' }), {
      field: 'startsAt',
      message: '本次会议是2027年第1次，之后已有第2次，不能改到2026年；请取消本次会议后另建。',
    });
    const moved = m.t.ok('meetings.update', { meetingId: early, startsAt: '2026-12-30T14:30', place: '第二会议室' });
    expect(moved.title).toBe('2026年第2次党委会议');
    expect(m.view(early).meeting).toMatchObject({ year: 2026, seq: 2, place: '第二会议室' });
    expect(lastAmendment(m.t)).toMatchObject({
      subject_type: 'meeting',
      action: 'reschedule',
      before: { startsAt: '2027-01-06T14:30', place: '学校会议室', title: '2027年第2次党委会议' },
      after: { startsAt: '2026-12-30T14:30', place: '第二会议室', title: '2026年第2次党委会议' },
    });
    expect(m.view(early).history.map((h) => [h.actionLabel, h.change])).toEqual([
      ['改期', '会议：2027年第2次党委会议 → 2026年第2次党委会议；会议时间：2027年1月6日（星期三）14:30 → 2026年12月30日（星期三）14:30；地点：学校会议室 → 第二会议室'],
    ]);
  });

  it('取消 returns the agenda to 待上会, keeps the number and the reason; a sitting meeting cannot be cancelled', () => {
    const m = meetingSchool();
    const meetingId = m.meeting();
    const a = m.readyItem('A1');
    const b = m.readyItem('D1');
    const entryA = m.add(meetingId, a);
    m.add(meetingId, b);
    m.t.ok('entries.recuse', { entryId: entryA, personId: m.id('张丽'), reason: '近亲属' });
    const out = m.t.ok('meetings.cancel', { meetingId, reason: '上级临时召开会议，改期另行通知' });
    expect(out.returned).toEqual(['议题A1', '议题D1']);
    expect([m.itemState(a), m.itemState(b)]).toEqual(['ready', 'ready']);
    const row = m.t.ok('meetings.list', { orgId: m.s.orgId }).find((x) => x.id === meetingId)!;
    expect(row).toMatchObject({ state: 'cancelled', stateLabel: '已取消', cancelReason: '上级临时召开会议，改期另行通知', title: '2026年第1次党委会议', entries: 0 });
    expect(lastAmendment(m.t)).toMatchObject({ action: 'cancel', before: { state: 'planned', agenda: [{ title: '议题A1', recusals: [{ personId: m.id('张丽'), reason: '近亲属' }] }, { title: '议题D1' }] } });
    expect(m.t.ok('loop.status', { orgId: m.s.orgId }).nextMeetings).toEqual([]);
    refusedUnchanged(m.t, () => m.t.call('meetings.update', { meetingId, place: '别处' }), { message: '会议已取消，不能再修改。' });
    refusedUnchanged(m.t, () => m.t.call('meetings.cancel', { meetingId, reason: '再取消' }), { message: '会议已经取消。' });
    const next = m.meeting();
    expect(m.view(next).title).toBe('2026年第2次党委会议');

    const { meetingId: sitting, entryIds } = m.sitting();
    m.state(entryIds[0]!, ['张丽']);
    refusedUnchanged(m.t, () => m.t.call('meetings.cancel', { meetingId: sitting, reason: '人不齐' }), {
      field: 'meetingId',
      message: '会议已经开始，不能取消；未议完的议题可以暂缓表决或移出议程，再结束会议。',
    });
  });
});

describe('人员与成员', () => {
  it('one name, one active person: refused the same way when adding and renaming, with a note to tell them apart', async () => {
    const t = freshLedger();
    const s = setupSchool(t);
    refusedUnchanged(t, () => t.call('persons.add', { orgId: s.orgId, name: '张 丽', department: '语文组' }), {
      code: 'conflict',
      field: 'name',
      message: '已有在职人员「张 丽」。如确是另一个人，请在姓名后加注区分，如「张丽（语文组）」',
    });
    const other = t.ok('persons.add', { orgId: s.orgId, name: '张丽（语文组）', department: '语文组' });
    refusedUnchanged(t, () => t.call('persons.update', { personId: other.id, name: '张丽' }), { field: 'name' });
    t.ok('persons.update', { personId: s.person('吴秘书'), name: '吴晓燕' });
    expect(lastAmendment(t)).toMatchObject({ subject_type: 'person', action: 'rename', before: { name: '吴秘书' }, after: { name: '吴晓燕' } });
    const { describeChange } = await import('../../db/amendments');
    expect(describeChange({ name: '吴秘书' }, { name: '吴晓燕' })).toBe('姓名：吴秘书 → 吴晓燕');
    // Someone no longer at work does not block the name; coming back to work would.
    t.ok('persons.update', { personId: other.id, active: false });
    t.ok('persons.add', { orgId: s.orgId, name: '张丽（语文组）' });
    refusedUnchanged(t, () => t.call('persons.update', { personId: other.id, active: true }), { field: 'name' });
  });

  it('first-run set-up refuses every repeated name at its own row, with the same words, and writes nothing', () => {
    const t = freshLedger();
    const members = [...DEMO_SCHOOL.members, { ...DEMO_SCHOOL.members[2]!, name: '张丽 ' }, { ...DEMO_SCHOOL.members[0]!, name: '王建国', department: '' }];
    const before = t.snapshot();
    const r = t.call('org.setup', { ...DEMO_SCHOOL, members });
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'members.9.name' } });
    expect(!r.ok && r.error.fields).toEqual([
      { field: 'members.9.name', message: '已有在职人员「张丽」。如确是另一个人，请在姓名后加注区分，如「张丽（教务处）」' },
      { field: 'members.10.name', message: '已有在职人员「王建国」。如确是另一个人，请在姓名后加注区分，如「王建国（所在部门）」' },
    ]);
    expect(t.snapshot()).toEqual(before);
  });

  it('a membership entered by mistake is voided on its first day (not ended), audited, and drops out of the body', async () => {
    const m = meetingSchool();
    const added = m.t.ok('memberships.add', { bodyId: m.office, personId: m.id('刘芳'), startDate: '2026-03-20' });
    const meetingId = m.meeting('principal_office', { startsAt: '2026-03-24T09:00' });
    const office = ['王建国', '李明华', '张丽', '陈志强', '周敏', '刘芳'];
    m.t.ok('meetings.setAttendance', { meetingId, rows: office.map((n) => ({ personId: m.id(n), status: '出席' as const })) });
    // A term cannot end the day it starts; a mistake is voided instead.
    expect(m.t.call('memberships.end', { membershipId: added.id, endDate: '2026-03-20' })).toMatchObject({ ok: false, error: { field: 'endDate' } });
    m.t.ok('memberships.void', { membershipId: added.id, reason: '误加入校长办公会议' });
    const list = m.t.ok('memberships.list', { bodyId: m.office });
    expect(list.rows.find((r) => r.id === added.id)).toMatchObject({ voided: true, current: false });
    expect(m.view(meetingId).members.map((x) => x.name)).not.toContain('刘芳');
    expect(m.view(meetingId).attendance.map((x) => x.name)).not.toContain('刘芳');
    expect(lastAmendment(m.t)).toMatchObject({ subject_type: 'membership', action: 'void', reason: '误加入校长办公会议', before: { name: '刘芳', body: '校长办公会议', signedIn: 1 } });
    const { amendmentsOf } = await import('../../db/amendments');
    expect(amendmentsOf(m.t.ledger, 'membership', added.id).map((h) => h.change)).toEqual(['刘芳：校长办公会议成员记录（2026年3月20日登记）']);
    refusedUnchanged(m.t, () => m.t.call('memberships.void', { membershipId: added.id, reason: '再作废' }), { message: '刘芳在校长办公会议的成员记录：该成员记录已经作废。' });
    refusedUnchanged(m.t, () => m.t.call('memberships.end', { membershipId: added.id, endDate: '2026-04-01' }), { message: '该成员记录已经作废。' });
    // Added again (rightly) later: the voided row is no obstacle.
    m.t.ok('memberships.add', { bodyId: m.office, personId: m.id('刘芳'), startDate: '2026-03-20' });
  });

  it('a membership a meeting sat with cannot be voided: its quorum counted it (R6)', () => {
    const t = freshLedger('2026-03-26T09:00:00');
    const s = setupSchool(t);
    decidedMeeting(t, s);
    const seat = t.ok('memberships.list', { bodyId: s.body('party_committee') }).rows.find((r) => r.name === '赵磊')!;
    refusedUnchanged(t, () => t.call('memberships.void', { membershipId: seat.id, reason: '误录' }), {
      field: 'membershipId',
      message: '赵磊在党委会议的成员记录：2026年第1次党委会议已按这一成员资格召开，不能作废；如该成员已离开，请结束任期。',
    });
  });
});

describe('会议中: statements, recusals, attendance and the vote result until the meeting closes', () => {
  it('a mistyped statement is corrected in place, the latest one taken back; the order stays (R9)', () => {
    const m = meetingSchool();
    const { meetingId, entryIds } = m.sitting();
    const entryId = entryIds[0]!;
    m.state(entryId, ['李明华', '张丽']);
    m.t.ok('entries.amendStatement', { entryId, personId: m.id('李明华'), stance: '不同意', note: '经费来源未落实', reason: '记录时按错' });
    expect(m.view(meetingId).entries[0]!.statements.map((s) => [s.name, s.stance, s.note])).toEqual([['李明华', '不同意', '经费来源未落实'], ['张丽', '同意', '']]);
    expect(lastAmendment(m.t)).toMatchObject({ subject_type: 'entry', action: 'statement', reason: '记录时按错', before: { name: '李明华', stance: '同意', note: '' }, after: { name: '李明华', stance: '不同意', note: '经费来源未落实' } });
    refusedUnchanged(m.t, () => m.t.call('entries.removeStatement', { entryId, personId: m.id('李明华') }), {
      field: 'personId',
      message: '李明华：只能撤销最后记录的一条表态，以保持发言顺序；其他表态可以直接更正意见。',
    });
    expect(m.view(meetingId).entries[0]!.correct.lastStatementBy).toBe(m.id('张丽'));
    m.t.ok('entries.removeStatement', { entryId, personId: m.id('张丽'), reason: '张丽尚未发言' });
    expect(m.view(meetingId).entries[0]!.statements.map((s) => s.name)).toEqual(['李明华']);
    expect(m.view(meetingId).entries[0]!.history.map((h) => [h.actionLabel, h.change])).toEqual([
      ['更正发言表态', '李明华：表态：同意 → 不同意；发言要点：（空） → 经费来源未落实'],
      ['撤销发言表态', '张丽：表态：同意；发言要点：（空）'],
    ]);
  });

  it('a recusal is taken back until the host states; attendance corrections keep whoever stated in the room', () => {
    const m = meetingSchool();
    const { meetingId, entryIds } = m.sitting(['A1', 'D1']);
    m.t.ok('entries.recuse', { entryId: entryIds[0]!, personId: m.id('孙红'), reason: '误点' });
    m.t.ok('entries.removeRecusal', { entryId: entryIds[0]!, personId: m.id('孙红') });
    expect(lastAmendment(m.t)).toMatchObject({ action: 'removeRecusal', before: { name: '孙红', reason: '误点' } });
    m.t.ok('entries.recuse', { entryId: entryIds[0]!, personId: m.id('孙红'), reason: '近亲属' });
    m.state(entryIds[0]!, m.hostLast('王建国', COMMITTEE.filter((n) => n !== '孙红')));
    refusedUnchanged(m.t, () => m.t.call('entries.removeRecusal', { entryId: entryIds[0]!, personId: m.id('孙红') }), { field: 'personId' });
    // 赵磊 stated on item 1: a correction that has him gone before it is refused, naming him.
    refusedUnchanged(m.t, () => m.attendAttempt(meetingId, { 赵磊: { status: '请假', reason: '外出' } }), {
      field: 'rows',
      message: expect.stringContaining('赵磊已对第1项「议题A1」表态'),
    });
    m.attend(meetingId, 'party_committee', { 赵磊: { leavesAfter: 1 } });
    expect(lastAmendment(m.t)).toMatchObject({ subject_type: 'meeting', action: 'attendance' });
    const was = lastAmendment(m.t);
    expect((was.after as { name: string; leavesAfter: number | null }[]).find((r) => r.name === '赵磊')!.leavesAfter).toBe(1);
    expect(m.view(meetingId).history.at(-1)).toMatchObject({ actionLabel: '更正出席情况', change: '赵磊：出席 → 出席，第1项后离会' });
  });

  it('a wrong vote result is undone before closing: decision and ballots go, the item is discussed again, the rules run again', () => {
    const m = meetingSchool();
    const { meetingId, entryIds } = m.sitting(['A1', 'D1']);
    const [first, second] = entryIds as [number, number];
    for (const e of [first, second]) m.state(e, m.hostLast());
    const ballots = COMMITTEE.map((n) => ({ personId: m.id(n), choice: '同意' as const }));
    m.t.ok('entries.vote', { entryId: first, method: '记名投票', ballots, decisionText: '同意A1' });
    m.t.ok('entries.vote', { entryId: second, method: '举手', counts: { for: 7, against: 0, abstain: 0 }, decisionText: '同意D1' });
    // Decisions are numbered in voting order: the first cannot go while a later one stands.
    refusedUnchanged(m.t, () => m.t.call('entries.undoVote', { entryId: first, reason: '错选' }), {
      field: 'entryId',
      message: '议题「议题A1」：决定事项按表决先后编号，请先撤销第2号决定事项的表决结果。',
    });
    m.t.ok('entries.undoVote', { entryId: second, reason: '票数录反了' });
    expect(lastAmendment(m.t)).toMatchObject({ action: 'undoVote', reason: '票数录反了', before: { method: '举手', for: 7, outcome: 'passed', decision: { number: 2 } } });
    // A rejected result has no decision: undoing it leaves the numbering alone.
    m.t.ok('entries.vote', { entryId: second, method: '举手', counts: { for: 3, against: 4, abstain: 0 }, decisionText: '同意D1' });
    m.t.ok('entries.undoVote', { entryId: second, reason: '票数录反了' });
    expect(lastAmendment(m.t).before).toMatchObject({ for: 3, against: 4, outcome: 'not_passed', decision: null });
    m.t.ok('entries.undoVote', { entryId: first, reason: '应为举手表决' });
    expect(lastAmendment(m.t).before).toMatchObject({ method: '记名投票', decision: { number: 1, text: '同意A1' }, ballots: expect.arrayContaining([{ name: '孙红', choice: '同意' }]) });
    const v = m.view(meetingId);
    expect(v.entries.map((e) => [e.outcome, e.vote, e.decision, e.ballots.length])).toEqual([['pending', null, null, 0], ['pending', null, null, 0]]);
    expect(m.itemState(m.view(meetingId).entries[0]!.item.id)).toBe('discussed');
    const item = m.t.ok('items.get', { itemId: v.entries[0]!.item.id });
    expect(item.transitions.slice(-2).map((x) => [x.fromState, x.toState, x.note])).toEqual([
      ['discussed', 'passed', '2026年第1次党委会议通过，决定事项第1项'],
      ['passed', 'discussed', '2026年第1次党委会议撤销表决结果：应为举手表决'],
    ]);
    // Voted again, the rules run again (R10: no more votes than present), and numbering starts at 1.
    expect(m.t.call('entries.vote', { entryId: first, method: '举手', counts: { for: 8, against: 0, abstain: 0 }, decisionText: '同意A1' })).toMatchObject({ ok: false, error: { rule: 'R10' } });
    const again = m.t.ok('entries.vote', { entryId: first, method: '举手', counts: { for: 7, against: 0, abstain: 0 }, decisionText: '同意A1' });
    expect(again.decision).toMatchObject({ number: 1 });
    expect(m.view(meetingId).entries[0]!.correct.undoVoteRefusal).toBeNull();
    expect(m.view(meetingId).entries[1]!.history.map((h) => h.change)).toEqual([
      '原结果：举手，同意7票、反对0票、弃权0票，通过；决定事项第2号一并撤销',
      '原结果：举手，同意3票、反对4票、弃权0票，未通过',
    ]);
  });

  it('undoing is refused once follow-up began (R17), and every correction is refused once the meeting is closed or signed (R16)', () => {
    const t = freshLedger('2026-03-26T09:00:00');
    const s = setupSchool(t);
    const { meetingId, decided } = decidedMeeting(t, s, { state: 'in_progress' });
    const [a, b] = [decided[0]!, decided[1]!];
    t.ok('followups.create', { decisionId: b.decisionId, task: '落实', ownerDept: '德育处', deadline: '2026-06-30' });
    refusedUnchanged(t, () => t.call('entries.undoVote', { entryId: b.entryId, reason: '改' }), {
      message: '议题「关于加强学生思想政治工作的议题」：该决定事项已安排督办或注明无需督办，表决结果不能再撤销。',
    });
    t.ok('meetings.close', { meetingId });
    const closed = { code: 'conflict', message: '会议已结束，会议记录不能再修改。' };
    refusedUnchanged(t, () => t.call('entries.undoVote', { entryId: a.entryId, reason: '改' }), closed);
    refusedUnchanged(t, () => t.call('entries.amendStatement', { entryId: a.entryId, personId: s.person('张丽'), stance: '缓议' }), closed);
    refusedUnchanged(t, () => t.call('meetings.update', { meetingId, place: '别处' }), closed);
    const { minutesId } = t.ok('minutes.generate', { meetingId });
    t.ok('minutes.sign', { minutesId, personId: s.person('王建国') });
    const lockedError = { code: 'locked', rule: 'R16' };
    refusedUnchanged(t, () => t.call('entries.undoVote', { entryId: a.entryId, reason: '改' }), lockedError);
    refusedUnchanged(t, () => t.call('entries.amendStatement', { entryId: a.entryId, personId: s.person('张丽'), stance: '缓议' }), lockedError);
    refusedUnchanged(t, () => t.call('entries.removeRecusal', { entryId: a.entryId, personId: s.person('张丽') }), lockedError);
    refusedUnchanged(t, () => t.call('meetings.setAttendance', { meetingId, rows: [{ personId: s.person('王建国'), status: '出席' }] }), lockedError);
    refusedUnchanged(t, () => t.call('meetings.removeItem', { entryId: a.entryId }), lockedError);
    const view = t.ok('meetings.get', { meetingId });
    expect(view.meeting.open).toBe(false);
    expect(view.entries.map((e) => e.correct)).toEqual([
      { removable: false, undoVoteRefusal: undefined, lastStatementBy: null },
      { removable: false, undoVoteRefusal: undefined, lastStatementBy: null },
    ]);
    // A signed item is decided: it cannot be edited or withdrawn either.
    refusedUnchanged(t, () => t.call('items.update', { itemId: decided[0]!.itemId, title: '改名' }), { field: 'title' });
    refusedUnchanged(t, () => t.call('items.withdraw', { itemId: decided[0]!.itemId, reason: '改' }), { field: 'itemId' });
  });
});

describe('督办: 延期 and 调整承办 kept in the history', () => {
  it('a deadline moves later with the reason and who approved it; an earlier date or a finished task is refused', () => {
    const t = freshLedger('2026-03-26T09:00:00');
    const s = setupSchool(t);
    const { decided } = decidedMeeting(t, s);
    const fu = t.ok('followups.create', { decisionId: decided[0]!.decisionId, task: '完成隐患整改', ownerDept: '总务处', deadline: '2026-04-10' }).followUp;
    t.setNow('2026-04-20T09:00:00');
    expect(t.ok('followups.list', { orgId: s.orgId, state: 'overdue' }).map((f) => f.task)).toEqual(['完成隐患整改']);
    refusedUnchanged(t, () => t.call('followups.extend', { followUpId: fu.id, deadline: '2026-04-10', reason: '施工队未进场', approvedById: s.person('陈志强') }), {
      field: 'deadline',
      message: '延期后的完成时限须晚于原时限2026年4月10日',
    });
    const out = t.ok('followups.extend', { followUpId: fu.id, deadline: '2026-05-31', reason: '施工队未进场', approvedById: s.person('陈志强') });
    expect(out).toMatchObject({ deadline: '2026-05-31', approvedBy: '陈志强', notices: [] });
    expect(lastAmendment(t)).toMatchObject({ subject_type: 'follow_up', action: 'extend', before: { deadline: '2026-04-10' }, after: { deadline: '2026-05-31' }, reason: '施工队未进场', approved_by: s.person('陈志强') });
    const board = t.ok('followups.list', { orgId: s.orgId });
    expect(board.map((f) => [f.status, f.statusLabel, f.extensions, f.overdue])).toEqual([['open', '办理中', 1, false]]);
    t.ok('followups.reassign', { followUpId: fu.id, ownerDept: '后勤服务中心', ownerId: s.person('周敏'), reason: '机构调整' });
    const card = t.ok('decisions.get', { decisionId: decided[0]!.decisionId }).followUps[0]!;
    expect(card).toMatchObject({ ownerDept: '后勤服务中心', ownerName: '周敏', statusLabel: '办理中' });
    expect(card.history.map((h) => h.change)).toEqual(['完成时限：2026年4月10日 → 2026年5月31日', '承办部门：总务处 → 后勤服务中心；责任人：（空） → 周敏']);
    expect(card.history.map((h) => [h.actionLabel, h.approvedBy, h.before, h.after])).toEqual([
      ['延期', '陈志强', { deadline: '2026-04-10' }, { deadline: '2026-05-31' }],
      ['调整承办', null, { ownerDept: '总务处', owner: null }, { ownerDept: '后勤服务中心', owner: '周敏' }],
    ]);
    t.ok('followups.complete', { followUpId: fu.id, note: '已完成' });
    refusedUnchanged(t, () => t.call('followups.extend', { followUpId: fu.id, deadline: '2026-06-30', reason: '再延', approvedById: s.person('陈志强') }), {
      field: 'followUpId',
      message: '该督办事项已经办结，不能延期',
    });
  });
});

describe('dates and forms', () => {
  it('impossible dates are refused at the field that is really wrong', () => {
    const { t, s, item } = itemSchool();
    const a = item();
    t.ok('items.submit', { itemId: a.id });
    refusedUnchanged(
      t,
      () => t.call('consultations.record', { itemId: a.id, date: '2016-03-20', form: '当面', stances: [{ personId: s.person('王建国'), role: '书记', stance: '同意' }] }),
      { field: 'date', message: '「沟通日期」2016年3月20日早于本校在台账中的起始日期2026年1月1日，请核对年份' },
    );
    refusedUnchanged(t, () => t.call('posts.assign', { personId: s.person('刘芳'), post: '副校长', startDate: '2036-03-20' }), {
      field: 'startDate',
      message: '「任职日期」2036年3月20日距今超过一年，请核对年份',
    });
  });

  it('a form with several problems reports each at its field, all at once', () => {
    const { t, s } = itemSchool();
    const r = t.call('items.create', { orgId: s.orgId, title: '', matterId: undefined as never, proposerId: s.person('王建国'), amount: -1 });
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'title', message: '「议题名称」不能为空' } });
    expect(!r.ok && r.error.fields!.map((f) => f.field)).toEqual(['title', 'matterId', 'amount']);
  });
});
