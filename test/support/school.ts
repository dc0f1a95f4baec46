// A standard demo school used across tests: 7 party committee members (书记, 校长 as 副书记, 5 委员)
// and a 5-member 校长办公会议.
import type { TestLedger } from './ledger';
import type { InputOf } from '../../db/api';

export const DEMO_SCHOOL: InputOf<'org.setup'> = {
  name: '青山县第一中学',
  partyKind: '党委',
  startDate: '2026-01-01',
  members: [
    { name: '王建国', department: '党委办公室', posts: ['书记'], partyCommittee: true, principalOffice: true },
    { name: '李明华', department: '校长室', posts: ['校长', '副书记'], partyCommittee: true, principalOffice: true },
    { name: '张丽', department: '教务处', posts: ['副校长', '委员'], partyCommittee: true, principalOffice: true },
    { name: '陈志强', department: '总务处', posts: ['副校长', '委员'], partyCommittee: true, principalOffice: true },
    { name: '刘芳', department: '德育处', posts: ['委员'], partyCommittee: true, principalOffice: false },
    { name: '赵磊', department: '工会', posts: ['委员'], partyCommittee: true, principalOffice: false },
    { name: '孙红', department: '纪检', posts: ['委员'], partyCommittee: true, principalOffice: false },
    { name: '周敏', department: '办公室', posts: ['中层干部'], partyCommittee: false, principalOffice: true },
    { name: '吴秘书', department: '党委办公室', posts: [], partyCommittee: false, principalOffice: false },
  ],
};

export function setupSchool(t: TestLedger) {
  const { orgId } = t.ok('org.setup', DEMO_SCHOOL);
  const overview = t.ok('org.get', {})!;
  const person = (name: string) => overview.persons.find((p) => p.name === name)!.id;
  const body = (kind: string) => overview.bodies.find((b) => b.kind === kind)!.id;
  const matter = (code: string) => t.ok('matters.list', { orgId }).find((m) => m.code === code)!.id;
  return { orgId, overview, person, body, matter };
}

/**
 * Work in one organisation of a group ledger (集团化办学): chooses it, then finds its people,
 * bodies and 议事清单 matters by name. A name is looked up among the organisation's own people
 * first (every campus set up from DEMO_SCHOOL has its own 王建国).
 */
export function schoolIn(t: Pick<TestLedger, 'ok'>, orgId: number) {
  t.ok('orgs.use', { orgId });
  const overview = t.ok('org.get', {})!;
  const person = (name: string) => (overview.persons.find((p) => p.name === name && p.orgId === orgId) ?? overview.persons.find((p) => p.name === name)!).id;
  const body = (kind: string) => overview.bodies.find((b) => b.kind === kind)!.id;
  const matter = (code: string) => t.ok('matters.list', { orgId }).find((m) => m.code === code)!.id;
  return { orgId, overview, person, body, matter };
}
