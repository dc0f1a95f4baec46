// Demo documents of the 青山县第一中学 school (the same people as test/support/school.ts), built by
// hand as plain JSON so the renderers are tested on their own.
import type { BallotDoc, RegisterSheet, MeetingFacts, MinutesDoc, NoticeDoc, RecordDoc, RecordItem, SignInDoc } from '../../db/documents/model';

export const FACTS: MeetingFacts = {
  orgName: '青山县第一中学',
  bodyName: '党委会议',
  bodyKind: 'party_committee',
  meetingLabel: '2026年第3次党委会议',
  startsAt: '2026-03-25T15:00',
  endsAt: '2026-03-25T17:30',
  place: '行政楼三楼第一会议室',
  host: '王建国',
  recorder: '周晓燕',
  topics: ['关于2026年度学校预算的议题', '关于教学楼屋面防水维修工程的议题', '关于任命教务处副主任的议题'],
};

export function demoMinutes(over: Partial<MinutesDoc> = {}): MinutesDoc {
  return {
    ...FACTS,
    kind: 'minutes',
    title: '中共青山县第一中学委员会会议纪要',
    docNumber: '〔2026〕3号',
    opening:
      '2026年3月25日下午，王建国同志在行政楼三楼第一会议室主持召开2026年第3次党委会议。会议首先进行了第一议题学习：习近平总书记关于教育的重要论述。会议研究了“关于2026年度学校预算的议题”“关于教学楼屋面防水维修工程的议题”“关于任命教务处副主任的议题”等3项议题，现将议定事项纪要如下：',
    items: [
      {
        number: 1,
        title: '关于2026年度学校预算的议题',
        outcome: 'passed',
        decisionNumber: 1,
        vote: { method: '举手', due: 7, present: 6, for: 5, against: 0, abstain: 1, passed: true },
        statements: [
          { name: '李明华', stance: '同意', note: '', byHost: false },
          { name: '陈立新', stance: '缓议', note: '信息化支出依据需补充。', byHost: false },
          { name: '王建国', stance: '同意', note: '', byHost: true },
        ],
        recusals: [],
        studiedAt: '2026年第5次校长办公会议',
        reason: null,
      },
      {
        number: 2,
        title: '关于教学楼屋面防水维修工程的议题',
        outcome: 'passed',
        decisionNumber: 2,
        vote: { method: '记名投票', due: 6, present: 5, for: 5, against: 0, abstain: 0, passed: true },
        statements: [],
        recusals: ['赵海燕'],
        studiedAt: null,
        reason: null,
      },
      {
        number: 3,
        title: '关于任命教务处副主任的议题',
        outcome: 'passed',
        decisionNumber: 3,
        vote: { method: '无记名投票', due: 7, present: 6, for: 5, against: 1, abstain: 0, passed: true },
        statements: [],
        recusals: [],
        studiedAt: null,
        reason: null,
      },
    ],
    imprint: { copyTo: '县委教育工委、县教育局', issuer: '中共青山县第一中学委员会办公室' },
    decisions: [
      {
        number: 1,
        itemTitle: '关于2026年度学校预算的议题',
        text: '会议审议并原则同意《青山县第一中学2026年度部门预算（草案）》，收入总计1,286万元，支出总计1,286万元。会议要求严格执行预算，压减一般性支出。',
        owners: [{ ownerDept: '总务处', ownerName: '孙志强', leaderName: '李明华', deadline: '2026-04-15', task: null }],
      },
      {
        number: 2,
        itemTitle: '关于教学楼屋面防水维修工程的议题',
        text: '会议同意对1号教学楼屋面实施防水维修，预算金额38.6万元，按政府采购程序公开招标，暑假期间施工。',
        owners: [
          { ownerDept: '总务处', ownerName: '孙志强', leaderName: '李明华', deadline: '2026-05-31', task: '完成招标' },
          { ownerDept: '总务处', ownerName: '孙志强', leaderName: '李明华', deadline: '2026-08-25', task: '完成施工和验收' },
        ],
      },
      {
        number: 3,
        itemTitle: '关于任命教务处副主任的议题',
        text: '会议同意任命陈思远同志为教务处副主任，试用期一年。',
        owners: [],
        noFollowUpReason: '按干部任免程序由组织人事部门办理，已在会上明确',
      },
    ],
    attendance: {
      present: ['王建国', '李明华', '张卫东', '刘芳', '陈立新', '赵海燕'],
      onLeave: [{ name: '孙丽', reason: '参加县教育局培训' }],
      absent: [],
      observers: ['周晓燕', '孙志强'],
    },
    state: 'draft',
    signedBy: null,
    signedAt: null,
    revision: 1,
    revisionReason: null,
    chainAnchor: null,
    warnings: [{ rule: 'R3', message: '议题“关于教学楼屋面防水维修工程的议题”的会议材料送达时间不足1天' }],
    ...over,
  };
}

/** A revision generated before items and the 版记 were stored: decisions only, as it was printed then. */
export function legacyMinutes(over: Partial<MinutesDoc> = {}): MinutesDoc {
  const { items: _items, imprint: _imprint, ...rest } = demoMinutes({ title: '青山县第一中学党委会议纪要', ...over });
  return rest;
}

export function signedMinutes(over: Partial<MinutesDoc> = {}): MinutesDoc {
  return demoMinutes({ state: 'signed', signedBy: '王建国', signedAt: '2026-03-26T10:12', chainAnchor: '3f9a0c1b7e24', ...over });
}

function item(over: Partial<RecordItem> & Pick<RecordItem, 'position' | 'title'>): RecordItem {
  return {
    matter: '年度预算与决算',
    major: false,
    majorCategory: null,
    amount: null,
    adHoc: false,
    purpose: 'decide',
    presenter: null,
    statements: [],
    hostOrderOverride: null,
    recusals: [],
    writtenOpinions: [],
    vote: null,
    tally: null,
    outcome: 'pending',
    postponeReason: null,
    proposal: null,
    decisionNumber: null,
    warnings: [],
    ...over,
  };
}

export function demoRecord(over: Partial<RecordDoc> = {}): RecordDoc {
  const { kind: _k, ...m } = demoMinutes();
  return {
    ...m,
    kind: 'record',
    attendance: { ...m.attendance, absent: [{ name: '吴刚', reason: '未说明原因' }] },
    firstTopic: '学习习近平总书记关于教育的重要论述，王建国同志领学，与会同志结合学校工作交流了体会。',
    items: [
      item({
        position: 1,
        title: '关于2026年度学校预算的议题',
        matter: '年度预算与决算',
        major: true,
        majorCategory: '大额资金使用',
        amount: 12_860_000,
        presenter: '李明华',
        statements: [
          { seq: 1, name: '李明华', stance: '同意', note: '预算已经校长办公会前置研究。', byHost: false },
          { seq: 2, name: '张卫东', stance: '同意', note: '', byHost: false },
          { seq: 3, name: '刘芳', stance: '同意', note: '建议压减办公经费。', byHost: false },
          { seq: 4, name: '陈立新', stance: '缓议', note: '信息化支出依据需补充。', byHost: false },
          { seq: 5, name: '赵海燕', stance: '同意', note: '', byHost: false },
          { seq: 6, name: '王建国', stance: '同意', note: '同意，请总务处按意见修改后执行。', byHost: true },
        ],
        writtenOpinions: [{ name: '孙丽', text: '同意预算草案。' }],
        vote: { method: '举手', for: 5, against: 0, abstain: 1, ballots: [] },
        tally: { due: 8, present: 6, needed: 5, quorumOk: true, passed: true, rule: 'R10 同意票超过应到会成员半数' },
        outcome: 'passed',
        decisionNumber: 1,
        studiedAt: { meetingLabel: '2026年第5次校长办公会议', proposal: '同意提交党委会议' },
      }),
      item({
        position: 2,
        title: '关于教学楼屋面防水维修工程的议题',
        matter: '基建、维修与大宗采购',
        major: true,
        majorCategory: '重大项目安排',
        amount: 386_000,
        presenter: '孙志强',
        recusals: [{ name: '赵海燕', reason: '其亲属任职于拟参与投标的企业' }],
        statements: [
          { seq: 1, name: '李明华', stance: '同意', note: '', byHost: false },
          { seq: 2, name: '张卫东', stance: '同意', note: '', byHost: false },
          { seq: 3, name: '刘芳', stance: '同意', note: '', byHost: false },
          { seq: 4, name: '陈立新', stance: '同意', note: '', byHost: false },
          { seq: 5, name: '王建国', stance: '同意', note: '', byHost: true },
        ],
        vote: {
          method: '记名投票',
          for: 5,
          against: 0,
          abstain: 0,
          ballots: [
            { name: '王建国', choice: '同意' },
            { name: '李明华', choice: '同意' },
            { name: '张卫东', choice: '同意' },
            { name: '刘芳', choice: '同意' },
            { name: '陈立新', choice: '同意' },
          ],
        },
        tally: { due: 7, present: 5, needed: 4, quorumOk: true, passed: true, rule: 'R10 同意票超过应到会成员半数（回避者不计入应到）' },
        outcome: 'passed',
        decisionNumber: 2,
        warnings: [{ rule: 'R3', message: '会议材料送达时间不足1天' }],
      }),
      item({
        position: 3,
        title: '关于任命教务处副主任的议题',
        matter: '中层干部任免',
        major: true,
        majorCategory: '重要干部任免',
        presenter: '张卫东',
        statements: [
          { seq: 1, name: '李明华', stance: '同意', note: '', byHost: false },
          { seq: 2, name: '张卫东', stance: '同意', note: '', byHost: false },
          { seq: 3, name: '刘芳', stance: '同意', note: '', byHost: false },
          { seq: 4, name: '陈立新', stance: '同意', note: '', byHost: false },
          { seq: 5, name: '赵海燕', stance: '同意', note: '', byHost: false },
          { seq: 6, name: '王建国', stance: '同意', note: '', byHost: true },
        ],
        vote: { method: '无记名投票', for: 6, against: 0, abstain: 0, ballots: [] },
        tally: { due: 8, present: 6, needed: 5, quorumOk: true, passed: true, rule: 'R10；R6 三分之二到会' },
        outcome: 'passed',
        decisionNumber: 3,
      }),
      item({
        position: 4,
        title: '关于调整课后服务收费标准的议题',
        matter: '涉及学生重大权益的事项',
        adHoc: true,
        presenter: '刘芳',
        statements: [
          { seq: 1, name: '李明华', stance: '缓议', note: '需先征求家长委员会意见。', byHost: false },
          { seq: 2, name: '王建国', stance: '缓议', note: '', byHost: true },
        ],
        outcome: 'postponed',
        postponeReason: '意见分歧较大，须先征求家长委员会意见后再议',
      }),
    ],
    ...over,
  };
}

export function demoNotice(): NoticeDoc {
  return {
    ...FACTS,
    kind: 'notice',
    title: '关于召开2026年第3次党委会议的通知',
    attendees: ['王建国', '李明华', '张卫东', '刘芳', '陈立新', '赵海燕', '孙丽'],
    observers: ['周晓燕', '孙志强'],
    agenda: [
      { position: 1, title: '关于2026年度学校预算的议题', presenter: '李明华' },
      { position: 2, title: '关于教学楼屋面防水维修工程的议题', presenter: '孙志强' },
      { position: 3, title: '关于任命教务处副主任的议题', presenter: '张卫东' },
    ],
    notes: ['请提前审阅会议材料。', '因故不能参会的，请于会前向会议主持人请假。'],
    issuer: '中共青山县第一中学委员会办公室',
    issuedOn: '2026-03-23',
  };
}

export function demoSignIn(): SignInDoc {
  return {
    ...FACTS,
    kind: 'signin',
    rows: [
      { name: '王建国', post: '书记', role: '出席' },
      { name: '李明华', post: '校长、副书记', role: '出席' },
      { name: '张卫东', post: '副校长', role: '出席' },
      { name: '刘芳', post: '副校长', role: '出席' },
      { name: '陈立新', post: '委员', role: '出席' },
      { name: '赵海燕', post: '委员', role: '出席' },
      { name: '孙丽', post: '委员', role: '出席' },
      { name: '周晓燕', post: '党办主任', role: '列席' },
      { name: '孙志强', post: '总务处主任', role: '列席' },
    ],
  };
}

export function demoBallot(method: BallotDoc['method']): BallotDoc {
  return {
    ...FACTS,
    kind: 'ballot',
    method,
    items: [
      { position: 2, title: '关于教学楼屋面防水维修工程的议题' },
      { position: 3, title: '关于任命教务处副主任的议题' },
    ],
    voters: method === '记名投票' ? ['王建国', '李明华', '张卫东'] : [],
    copies: method === '记名投票' ? 0 : 2,
  };
}

export function demoRegisterSheet(): RegisterSheet {
  return {
    orgName: '青山县第一中学',
    year: 2026,
    exportedOn: '2026-04-01',
    rows: [
      {
        meetingLabel: '2026年第3次党委会议',
        meetingDate: '2026-03-25',
        bodyName: '党委会议',
        itemPosition: 1,
        itemTitle: '关于2026年度学校预算的议题',
        matter: '年度预算与决算',
        major: true,
        majorCategory: '大额资金使用',
        amount: 12_860_000,
        due: 7,
        present: 6,
        voteMethod: '举手',
        votesFor: 5,
        votesAgainst: 0,
        votesAbstain: 1,
        result: '通过',
        decisionNumber: 1,
        decisionText: '原则同意2026年度部门预算（草案）。',
        followUps: [
          { task: '执行预算', ownerDept: '总务处', ownerName: '孙志强', leaderName: '李明华', deadline: '2026-04-15', state: '已办结', completedOn: '2026-04-12', evaluation: { rating: '较好', effect: '预算按期执行，一般性支出压减8%。' } },
        ],
        status: '已评价',
        evaluation: { rating: '较好', effect: '预算按期执行，一般性支出压减8%。' },
      },
      {
        meetingLabel: '2026年第3次党委会议',
        meetingDate: '2026-03-25',
        bodyName: '党委会议',
        itemPosition: 2,
        itemTitle: '关于教学楼屋面防水维修工程的议题',
        matter: '基建、维修与大宗采购',
        major: true,
        majorCategory: '重大项目安排',
        amount: 386_000,
        due: 6,
        present: 5,
        voteMethod: '记名投票',
        votesFor: 5,
        votesAgainst: 0,
        votesAbstain: 0,
        result: '通过',
        decisionNumber: 2,
        decisionText: '同意实施1号教学楼屋面防水维修。',
        followUps: [
          { task: '完成招标', ownerDept: '总务处', ownerName: '孙志强', leaderName: '李明华', deadline: '2026-05-31', state: '逾期' },
          { task: '完成施工和验收', ownerDept: '总务处', ownerName: '孙志强', leaderName: '李明华', deadline: '2026-08-25', state: '进行中' },
        ],
        status: '督办中',
        evaluation: null,
      },
      {
        meetingLabel: '2026年第3次党委会议',
        meetingDate: '2026-03-25',
        bodyName: '党委会议',
        itemPosition: 4,
        itemTitle: '关于调整课后服务收费标准的议题',
        matter: '涉及学生重大权益的事项',
        major: false,
        result: '暂缓表决',
        followUps: [],
        status: '会前沟通中',
        evaluation: null,
      },
    ],
  };
}

/** `count` decisions (30) with long titles, owners and names: pagination stress (R16 minutes of a long meeting). */
export function longMinutes(count = 30): MinutesDoc {
  const decisions = Array.from({ length: count }, (_, i) => ({
    number: i + 1,
    itemTitle: `关于第${i + 1}项学校内部管理制度修订及配套实施细则调整工作安排的议题`,
    text: `会议同意修订第${i + 1}项制度，要求相关部门在修订过程中广泛征求教职工意见，做好与上级文件的衔接，确保制度的合法性、合规性和可操作性，修订稿经校长办公会审议后印发执行。`,
    owners: [{ ownerDept: '党政办公室（校长办公室）', ownerName: '欧阳诸葛明', leaderName: '司马长风', deadline: `2026-${String((i % 9) + 4).padStart(2, '0')}-30`, task: null }],
    noFollowUpReason: null,
  }));
  const items = decisions.map((d) => ({
    number: d.number,
    title: d.itemTitle,
    outcome: 'passed' as const,
    decisionNumber: d.number,
    vote: { method: '举手' as const, due: 21, present: 14, for: 14, against: 0, abstain: 0, passed: true },
    statements: [],
    recusals: [],
    studiedAt: null,
    reason: null,
  }));
  const present = ['王建国', '李明华', '欧阳诸葛明', '司马长风', '阿卜杜热合曼·买买提', '上官婉清', '慕容云海', '端木子轩', '赵海燕', '陈立新', '刘芳', '张卫东', '诸葛亮亮', '皇甫嵩山'];
  return demoMinutes({
    decisions,
    items,
    topics: decisions.map((d) => d.itemTitle),
    attendance: {
      present,
      onLeave: [
        { name: '孙丽', reason: '参加县教育局组织的为期两周的骨干校长能力提升专题培训' },
        { name: '尼格买提·热合曼', reason: '病假' },
      ],
      absent: [],
      observers: ['周晓燕', '孙志强', '令狐冲霄', '东方既白', '西门吹雪'],
    },
  });
}
