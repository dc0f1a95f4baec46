// Shared set-up for the meetings, votes and emergency tests: the demo school, ready items
// made through the real items channels, and short helpers for a sitting meeting.
import { freshLedger } from '../support/ledger';
import { setupSchool } from '../support/school';
import type { InputOf } from '../../db/api';

export const COMMITTEE = ['王建国', '李明华', '张丽', '陈志强', '刘芳', '赵磊', '孙红'] as const;
export const OFFICE = ['王建国', '李明华', '张丽', '陈志强', '周敏'] as const;

type Row = InputOf<'meetings.setAttendance'>['rows'][number];

export function meetingSchool(startIso = '2026-03-20T09:00:00') {
  const t = freshLedger(startIso);
  const s = setupSchool(t);
  const id = s.person;
  const 书记 = id('王建国');
  const 校长 = id('李明华');
  const party = s.body('party_committee');
  const office = s.body('principal_office');

  /** An item filed and agreed by 书记 and 校长 (R4), so it is 待上会. Cadre matters get a 酝酿 too. */
  const readyItem = (code = 'A1', over: Partial<InputOf<'items.create'>> = {}) => {
    const { id: itemId } = t.ok('items.create', {
      orgId: s.orgId,
      title: `议题${code}`,
      matterId: s.matter(code),
      proposerId: 书记,
      materialsReadyAt: '2026-03-20',
      ...over,
    });
    const stances = [
      { personId: 书记, role: '书记', stance: '同意' as const },
      { personId: 校长, role: '校长', stance: '同意' as const },
    ];
    t.ok('consultations.record', { itemId, date: '2026-03-20', form: '当面', stances });
    const matter = t.ok('matters.list', { orgId: s.orgId }).find((m) => m.code === code)!;
    if (matter.cadre) {
      t.ok('consultations.record', { itemId, kind: 'deliberation', date: '2026-03-20', form: '会议', stances });
    }
    return itemId;
  };

  const meeting = (kind: 'party_committee' | 'principal_office' = 'party_committee', over: Partial<InputOf<'meetings.create'>> = {}) =>
    t.ok('meetings.create', {
      bodyId: kind === 'party_committee' ? party : office,
      startsAt: '2026-03-25T14:30',
      place: '学校会议室',
      hostId: kind === 'party_committee' ? 书记 : 校长,
      recorderId: id('吴秘书'),
      ...over,
    }).meetingId;

  /** Every voting member 出席 unless overridden; extra names come as 列席. */
  const attend = (meetingId: number, kind: 'party_committee' | 'principal_office' = 'party_committee', over: Record<string, Partial<Row>> = {}, 列席: string[] = []) => {
    const names = kind === 'party_committee' ? COMMITTEE : OFFICE;
    const rows: Row[] = names.map((n) => ({ personId: id(n), status: '出席', ...over[n] }));
    for (const n of 列席) rows.push({ personId: id(n), status: '列席' });
    return t.ok('meetings.setAttendance', { meetingId, rows });
  };

  /** The same list as attend(), as a call that may be refused. */
  const attendAttempt = (meetingId: number, over: Record<string, Partial<Row>> = {}, kind: 'party_committee' | 'principal_office' = 'party_committee') => {
    const names = kind === 'party_committee' ? COMMITTEE : OFFICE;
    return t.call('meetings.setAttendance', { meetingId, rows: names.map((n) => ({ personId: id(n), status: '出席' as const, ...over[n] })) });
  };

  const add = (meetingId: number, itemId: number) => t.ok('meetings.addItem', { meetingId, itemId }).entryId;

  /** Statements from the given names, in order. */
  const state = (entryId: number, names: readonly string[], stance: '同意' | '不同意' | '缓议' = '同意') => {
    for (const n of names) t.ok('entries.statement', { entryId, personId: id(n), stance });
  };

  /** A 党组织会议 with the given items, all members present, agenda confirmed, first topic recorded. */
  const sitting = (codes: string[] = ['A1'], opts: { firstTopic?: boolean } = {}) => {
    const meetingId = meeting();
    const entryIds = codes.map((c) => add(meetingId, readyItem(c)));
    t.ok('meetings.confirmAgenda', { meetingId, personId: 书记 });
    if (opts.firstTopic !== false) t.ok('meetings.setFirstTopic', { meetingId, content: '学习习近平总书记关于教育的重要论述' });
    attend(meetingId);
    return { meetingId, entryIds };
  };

  /** Everyone but the host first, then the host (R9). */
  const hostLast = (host = '王建国', names: readonly string[] = COMMITTEE) => [...names.filter((n) => n !== host), host];

  /** A cadre item (C1 中层干部任免) agreed in consultation and studied by the 校长办公会 (R1, R4). */
  const studiedCadreItem = () => {
    const itemId = readyItem('C1');
    const officeMeeting = meeting('principal_office', { startsAt: '2026-03-23T09:00' });
    const study = add(officeMeeting, itemId);
    t.ok('meetings.confirmAgenda', { meetingId: officeMeeting, personId: 校长 });
    attend(officeMeeting, 'principal_office');
    t.ok('entries.study', { entryId: study, proposal: '建议任命张老师为教务处副主任' });
    return itemId;
  };

  const view = (meetingId: number) => t.ok('meetings.get', { meetingId });
  const itemState = (itemId: number) => t.ok('items.get', { itemId }).item.state;

  return { t, s, id, 书记, 校长, party, office, readyItem, meeting, attend, attendAttempt, add, state, sitting, hostLast, studiedCadreItem, view, itemState };
}

export type MeetingSchool = ReturnType<typeof meetingSchool>;
