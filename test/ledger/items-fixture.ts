// Shared set-up for the items, consultations and org-admin tests: the demo school plus short
// helpers to file an item, record a consultation and ask the scheduling gate (items.checkAgenda).
import { freshLedger, type TestLedger } from '../support/ledger';
import { setupSchool } from '../support/school';
import type { InputOf } from '../../db/api';
import { agendaEntries, meetings } from '../../db/schema';

export function itemSchool() {
  const t = freshLedger();
  const s = setupSchool(t);
  const 书记 = s.person('王建国');
  const 校长 = s.person('李明华');
  const party = s.body('party_committee');
  const office = s.body('principal_office');
  const item = (over: Partial<InputOf<'items.create'>> = {}) =>
    t.ok('items.create', {
      orgId: s.orgId,
      title: '关于加强师德师风建设的意见',
      matterId: s.matter('A1'),
      proposerId: 书记,
      materialsReadyAt: '2026-03-20',
      ...over,
    });
  const agree = (itemId: number, date = '2026-03-20') =>
    t.ok('consultations.record', {
      itemId,
      date,
      form: '当面',
      stances: [
        { personId: 书记, role: '书记', stance: '同意' },
        { personId: 校长, role: '校长', stance: '同意' },
      ],
    });
  const check = (itemId: number, bodyId: number, meetingStartsAt = '2026-03-25T14:30', adHoc?: InputOf<'items.checkAgenda'>['adHoc']) =>
    t.call('items.checkAgenda', { itemId, bodyId, meetingStartsAt, hostId: 书记, ...(adHoc ? { adHoc } : {}) });
  /** A 校长办公会 meeting that studied the item and recorded a 研究意见 (the meetings domain's rows, R1). */
  const studied = (itemId: number, proposal = '建议提交党组织会议研究决定') => {
    const m = t.ledger.db
      .insert(meetings)
      .values({ bodyId: office, year: 2026, seq: 90 + itemId, startsAt: '2026-03-18T09:00', place: '会议室', hostId: 校长, recorderId: s.person('周敏'), createdAt: '2026-03-10T00:00:00Z' })
      .returning()
      .get();
    t.ledger.db.insert(agendaEntries).values({ meetingId: m.id, itemId, position: 1, purpose: 'study', outcome: 'studied', proposal }).run();
  };
  return { t, s, 书记, 校长, party, office, item, agree, check, studied };
}

export type ItemSchool = ReturnType<typeof itemSchool>;
export type { TestLedger };
