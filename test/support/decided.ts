// A decided meeting written straight into the ledger with drizzle, so the minutes and follow-up
// channels can be tested before meetings.* exists. Shape: a closed 党组织会议 (or 校长办公会),
// attendance with 出席/请假/列席, one entry per topic with every statement (host last), a
// 举手 vote, and a passed decision per topic.
import { recordCreation } from '../../db/items/lifecycle';
import { agendaEntries, agendaItems, attendance, decisions, meetings, statements } from '../../db/schema';
import { RULE_VERSION } from '../../db/terms';
import type { TestLedger } from './ledger';
import type { setupSchool } from './school';

type School = ReturnType<typeof setupSchool>;

export interface DecidedOptions {
  body?: 'party_committee' | 'principal_office';
  topics?: { title: string; matter: string; text: string }[];
  startsAt?: string;
  seq?: number;
  state?: 'in_progress' | 'closed';
}

export function decidedMeeting(t: TestLedger, school: School, opts: DecidedOptions = {}) {
  const { db } = t.ledger;
  const bodyKind = opts.body ?? 'party_committee';
  const party = bodyKind === 'party_committee';
  const host = school.person(party ? '王建国' : '李明华');
  const present = (party ? ['王建国', '李明华', '张丽', '陈志强', '刘芳', '赵磊'] : ['李明华', '王建国', '张丽', '陈志强']).map(school.person);
  const onLeave = school.person(party ? '孙红' : '周敏');
  const observer = school.person(party ? '周敏' : '刘芳');
  const startsAt = opts.startsAt ?? '2026-03-25T15:00';
  const topics = opts.topics ?? [
    { title: '关于学校食堂设备更新的议题', matter: 'E3', text: '同意更新学校食堂设备，预算控制在12万元以内，按政府采购规定执行。' },
    { title: '关于2026年春季教职工培训计划的议题', matter: 'B2', text: '原则同意2026年春季教职工培训计划。' },
  ];
  const meeting = db
    .insert(meetings)
    .values({
      bodyId: school.body(bodyKind),
      year: Number(startsAt.slice(0, 4)),
      seq: opts.seq ?? 3,
      startsAt,
      place: '学校第一会议室',
      hostId: host,
      recorderId: school.person('吴秘书'),
      state: opts.state ?? 'closed',
      firstTopic: party ? '学习习近平总书记关于教育的重要论述\n（全文略）' : null,
      createdAt: '2026-03-20T01:00:00.000Z',
    })
    .returning()
    .get();
  db.insert(attendance)
    .values([
      ...present.map((personId) => ({ meetingId: meeting.id, personId, status: '出席' })),
      { meetingId: meeting.id, personId: onLeave, status: '请假', reason: '外出学习' },
      { meetingId: meeting.id, personId: observer, status: '列席' },
    ])
    .run();
  const decided = topics.map((topic, i) => {
    const item = db
      .insert(agendaItems)
      .values({
        orgId: school.orgId,
        title: topic.title,
        matterId: school.matter(topic.matter),
        proposerId: school.person('陈志强'),
        leaderId: school.person('陈志强'),
        state: 'passed',
        routing: { body: bodyKind, major: party, reason: '测试', threshold: 10000, ruleVersion: RULE_VERSION },
        createdAt: '2026-03-10T01:00:00.000Z',
        createdBy: '测试秘书',
      })
      .returning()
      .get();
    recordCreation(t.ledger, item.id, 'passed', '测试数据');
    const entry = db
      .insert(agendaEntries)
      .values({
        meetingId: meeting.id,
        itemId: item.id,
        position: i + 1,
        presenterId: school.person('陈志强'),
        outcome: 'passed',
        voteMethod: '举手',
        votesFor: present.length,
        votesAgainst: 0,
        votesAbstain: 0,
        tally: { due: present.length + 1, present: present.length, needed: 4, quorumOk: true, passed: true, rule: 'R10' },
      })
      .returning()
      .get();
    const speakers = [...present.filter((p) => p !== host), host];
    db.insert(statements)
      .values(speakers.map((personId, seq) => ({
        entryId: entry.id, personId, seq: seq + 1, position: '同意', note: '', recordedAt: '2026-03-25T07:10:00.000Z', operator: '测试秘书',
      })))
      .run();
    const decision = db
      .insert(decisions)
      .values({
        entryId: entry.id,
        itemId: item.id,
        number: i + 1,
        text: topic.text,
        ruleSnapshot: { ruleVersion: RULE_VERSION, threshold: 10000, major: party },
        createdAt: '2026-03-25T08:00:00.000Z',
        operator: '测试秘书',
      })
      .returning()
      .get();
    return { itemId: item.id, entryId: entry.id, decisionId: decision.id };
  });
  return { meetingId: meeting.id, hostId: host, decided };
}
