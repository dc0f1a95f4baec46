// The harder meeting the documents are tried on, made through the real commands as a secretary
// would enter it (issue "Documents a school files as they come out"):
// - the 校长办公会议 of 2026-03-18 studies two 党委会议 matters first (前置研究, R1);
// - the 党委会议 of 2026-03-25, with 8 committee members (张劐 added), decides:
//   一、a 三重一大 item (屋面防水维修, 386,000 元) with a 回避 and statements, voted by hands;
//   二、a cadre item (任命刘䶮同志…) after 酝酿 (R4), by secret ballot, 5 for and 1 against;
//   三、a postponed item, with its reason (R11);
// - 请假 (赵磊, 外出学习), 缺席 (孙红, with a reason), 列席 (周敏 and the presenter 吉𠮷);
// - rare names: 刘䶮 (CJK Ext-A), 吉𠮷 (Ext-B), 张劐 (one of the 33 GB2312 characters the bundled
//   Noto Serif SC lacks).
// Follow-ups are assigned and the 纪要 generated (a draft: the caller signs it).
import type { TestLedger } from './ledger';
import type { setupSchool } from './school';

type School = ReturnType<typeof setupSchool>;

export const HARD_NAMES = { exA: '刘䶮', exB: '吉𠮷', gb: '张劐' } as const;
export const HARD_TITLES = {
  major: '关于教学楼屋面防水维修工程的议题',
  cadre: `关于任命${HARD_NAMES.exA}同志为教务处副主任的议题`,
  postponed: '关于调整课后服务收费标准的议题',
} as const;

export function hardMeeting(t: TestLedger, school: School) {
  const id = school.person;
  const resume = t.ledger.now().toISOString();
  t.setNow('2026-03-14T09:00:00');
  // The people the rare names belong to.
  const exA = t.ok('persons.add', { orgId: school.orgId, name: HARD_NAMES.exA, department: '教务处' }).id;
  const exB = t.ok('persons.add', { orgId: school.orgId, name: HARD_NAMES.exB, department: '总务处' }).id;
  const gb = t.ok('persons.add', { orgId: school.orgId, name: HARD_NAMES.gb, department: '工会' }).id;
  t.ok('posts.assign', { personId: gb, post: '委员', startDate: '2026-01-01' });
  t.ok('memberships.add', { bodyId: school.body('party_committee'), personId: gb, voting: true, startDate: '2026-01-01' });

  const 书记 = id('王建国');
  const 校长 = id('李明华');
  const stances = [
    { personId: 书记, role: '书记', stance: '同意' as const },
    { personId: 校长, role: '校长', stance: '同意' as const },
  ];
  const item = (title: string, matter: string, extra: { amount?: number; presenter?: number; cadre?: boolean } = {}) => {
    const { id: itemId } = t.ok('items.create', {
      orgId: school.orgId,
      title,
      matterId: school.matter(matter),
      proposerId: id('陈志强'),
      leaderId: id('陈志强'),
      amount: extra.amount,
      materialsReadyAt: '2026-03-16',
    });
    t.ok('consultations.record', { itemId, date: '2026-03-12', form: '当面', stances });
    // R4: a cadre matter is also talked over (酝酿) within the set circle.
    if (extra.cadre) t.ok('consultations.record', { itemId, kind: 'deliberation', date: '2026-03-13', form: '会议', stances });
    return itemId;
  };
  const major = item(HARD_TITLES.major, 'E3', { amount: 386_000 });
  const cadre = item(HARD_TITLES.cadre, 'C1', { cadre: true });
  const postponed = item(HARD_TITLES.postponed, 'D4');

  // 校长办公会议, 2026-03-18: 前置研究 of both 党委会议 matters (R1).
  t.setNow('2026-03-15T09:00:00');
  const office = t.ok('meetings.create', { bodyId: school.body('principal_office'), startsAt: '2026-03-18T09:00', place: '行政楼三楼会议室', hostId: 校长, recorderId: id('吴秘书') }).meetingId;
  const studies = [major, cadre].map((itemId) => t.ok('meetings.addItem', { meetingId: office, itemId, presenterId: id('陈志强') }).entryId);
  t.ok('meetings.confirmAgenda', { meetingId: office, personId: 校长 });
  t.setNow('2026-03-18T09:00:00');
  t.ok('meetings.setAttendance', { meetingId: office, rows: ['王建国', '李明华', '张丽', '陈志强', '周敏'].map((n) => ({ personId: id(n), status: '出席' as const })) });
  t.ok('entries.study', { entryId: studies[0]!, proposal: '同意维修方案和预算，按政府采购程序实施，提交党委会议决定' });
  t.ok('entries.study', { entryId: studies[1]!, proposal: `同意提名${HARD_NAMES.exA}同志为教务处副主任人选，提交党委会议决定` });
  t.ok('meetings.close', { meetingId: office });

  // 党委会议, 2026-03-25.
  t.setNow('2026-03-20T09:00:00');
  const { meetingId } = t.ok('meetings.create', { bodyId: school.body('party_committee'), startsAt: '2026-03-25T15:00', place: '行政楼三楼第一会议室', hostId: 书记, recorderId: id('吴秘书') });
  const entry = (itemId: number, presenterId: number) => t.ok('meetings.addItem', { meetingId, itemId, presenterId }).entryId;
  const e1 = entry(major, exB);
  const e2 = entry(cadre, id('张丽'));
  const e3 = entry(postponed, id('刘芳'));
  t.ok('meetings.confirmAgenda', { meetingId, personId: 书记 });
  t.ok('meetings.setFirstTopic', { meetingId, content: '学习习近平总书记关于教育的重要论述，王建国同志领学' });
  t.setNow('2026-03-25T15:00:00');
  t.ok('meetings.setAttendance', {
    meetingId,
    rows: [
      ...['王建国', '李明华', '张丽', '陈志强', '刘芳'].map((n) => ({ personId: id(n), status: '出席' as const })),
      { personId: gb, status: '出席' as const },
      { personId: id('赵磊'), status: '请假' as const, reason: '外出学习' },
      { personId: id('孙红'), status: '缺席' as const, reason: '临时外出，未及请假' },
      { personId: id('周敏'), status: '列席' as const },
      { personId: exB, status: '列席' as const },
    ],
  });
  const state = (entryId: number, said: [string | number, '同意' | '不同意' | '缓议', string?][]) => {
    for (const [who, stance, note] of said) t.ok('entries.statement', { entryId, personId: typeof who === 'number' ? who : id(who), stance, note });
  };

  // 一、三重一大: 陈志强 steps out; the others state, the host last; hands.
  t.ok('entries.recuse', { entryId: e1, personId: id('陈志强'), reason: '其亲属任职于拟参与投标的企业' });
  state(e1, [['李明华', '同意', '建议严格控制预算'], ['张丽', '同意'], ['刘芳', '同意'], [gb, '同意', '施工须避开考试周'], ['王建国', '同意']]);
  const d1 = t.ok('entries.vote', { entryId: e1, method: '举手', counts: { for: 5, against: 0, abstain: 0 }, decisionText: '会议同意对1号教学楼屋面实施防水维修，预算386,000元，按政府采购程序公开招标，暑假期间施工。' });

  // 二、cadre: secret ballot, one against (counts only, R10).
  state(e2, [['李明华', '同意'], ['张丽', '同意'], ['陈志强', '同意'], ['刘芳', '不同意', '建议进一步考察'], [gb, '同意'], ['王建国', '同意']]);
  const d2 = t.ok('entries.vote', { entryId: e2, method: '无记名投票', counts: { for: 5, against: 1, abstain: 0 }, decisionText: `会议同意任命${HARD_NAMES.exA}同志为教务处副主任，试用期一年。` });

  // 三、postponed (R11).
  state(e3, [['李明华', '缓议', '需先征求家长委员会意见'], ['张丽', '缓议'], ['陈志强', '同意'], ['刘芳', '缓议'], [gb, '缓议'], ['王建国', '缓议']]);
  t.ok('entries.postpone', { entryId: e3, reason: '意见分歧较大，须先征求家长委员会意见后再议' });
  t.ok('meetings.close', { meetingId });

  t.setNow('2026-03-26T09:00:00');
  t.ok('followups.create', { decisionId: d1.decision!.decisionId, task: '完成招标', ownerDept: '总务处', ownerId: exB, leaderId: id('陈志强'), deadline: '2026-05-31' });
  t.ok('followups.create', { decisionId: d1.decision!.decisionId, task: '完成施工和验收', ownerDept: '总务处', ownerId: exB, leaderId: id('陈志强'), deadline: '2026-08-25' });
  t.ok('followups.waive', { decisionId: d2.decision!.decisionId, reason: '按干部任免程序由组织人事部门办理' });
  const { minutesId } = t.ok('minutes.generate', { meetingId });
  t.setNow(resume);
  return { meetingId, officeMeetingId: office, minutesId, hostId: 书记, entries: [e1, e2, e3], people: { exA, exB, gb } };
}
