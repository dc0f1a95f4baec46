// One pass through every channel of the contract, as the screens call them, on a ledger that
// already holds other schools' years (the bench's district file): a school is set up, its people
// and rules edited, items filed and consulted, meetings held (vote, 校长决定, recusal, written
// opinion, postponement, study, 复议), minutes generated, signed and revised, decisions followed
// up and evaluated, an emergency action reported, documents made, the ledger verified and backed
// up. test/bench/plans.test.ts explains every statement this prepares. Returns the channels
// called, so a channel added to the contract without a call here is noticed.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { dispatchAsync, type ChannelName, type InputOf } from '../../db/api';
import { districtKey, districtKeyFileText } from '../../db/report/envelope';
import type { TestLedger } from '../support/ledger';
import { DEMO_SCHOOL } from '../support/school';

export async function everyChannel(t: TestLedger): Promise<Set<ChannelName>> {
  const called = new Set<ChannelName>();
  const ok: TestLedger['ok'] = (channel, input) => {
    called.add(channel);
    return t.ok(channel, input);
  };
  // Channels whose answer is finished after the transaction (DOCX/XLSX packing).
  const later = async <C extends ChannelName>(channel: C, input: InputOf<C>) => {
    called.add(channel);
    const r = await dispatchAsync(t.ledger, channel, input);
    if (!r.ok) throw new Error(`${channel} refused: ${r.error.message}`);
    return r.value;
  };

  t.setNow('2026-03-01T09:00:00');
  // A school of its own beside the district's (org.get shows the first school of a file).
  const { orgId } = ok('org.setup', DEMO_SCHOOL) as { orgId: number };
  ok('org.get', {});
  const matterList = ok('matters.list', { orgId }) as { id: number; code: string }[];
  const people = t.ledger.sqlite.prepare('SELECT id, name FROM persons WHERE org_id = ?').all(orgId) as { id: number; name: string }[];
  const bodyRows = t.ledger.sqlite.prepare('SELECT id, kind FROM bodies WHERE org_id = ?').all(orgId) as { id: number; kind: string }[];
  const s = {
    orgId,
    person: (name: string) => people.find((p) => p.name === name)!.id,
    body: (kind: string) => bodyRows.find((b) => b.kind === kind)!.id,
    matter: (code: string) => matterList.find((m) => m.code === code)!.id,
  };
  const id = s.person;
  const 书记 = id('王建国');
  const 校长 = id('李明华');
  const party = s.body('party_committee');
  const office = s.body('principal_office');

  // 设置: the school, people, posts, bodies, rules.
  ok('org.update', { orgId: s.orgId, name: '青山县第一中学（新校区）' });
  const { id: newcomer } = ok('persons.add', { orgId: s.orgId, name: '钱新来', department: '教务处' }) as { id: number };
  ok('persons.update', { personId: newcomer, department: '德育处' });
  ok('posts.list', { orgId: s.orgId });
  const post = ok('posts.assign', { personId: newcomer, post: '中层干部', startDate: '2026-03-01' }) as { post: { id: number } };
  ok('posts.end', { postId: post.post.id, endDate: '2026-03-02' });
  ok('memberships.list', { bodyId: office });
  const seat = ok('memberships.add', { bodyId: office, personId: newcomer, startDate: '2026-03-01', voting: false }) as { id: number };
  ok('memberships.end', { membershipId: seat.id, endDate: '2026-03-02' });
  const mistaken = ok('memberships.add', { bodyId: office, personId: newcomer, startDate: '2026-03-03', voting: false }) as { id: number };
  ok('memberships.void', { membershipId: mistaken.id, reason: '录错了机构' });
  ok('bodies.create', { orgId: s.orgId, kind: 'branch_committee', name: '第一党支部委员会' });
  const branch = t.ledger.sqlite.prepare("SELECT id FROM bodies WHERE org_id = ? AND kind = 'branch_committee'").get(s.orgId) as { id: number };
  ok('bodies.rename', { bodyId: branch.id, name: '第一支部委员会' });
  ok('org.documentNames', { orgId: s.orgId });
  ok('org.setDocumentNames', { orgId: s.orgId, copyTo: '县委教育工委、县教育局' });
  ok('matters.save', { orgId: s.orgId, group: 'E', name: '重大合同签订', decidingBody: 'party_committee', majorCategory: '重大项目安排' });
  ok('thresholds.list', { orgId: s.orgId });
  ok('thresholds.add', { orgId: s.orgId, category: '大额资金使用', amount: 50000, effectiveFrom: '2026-03-01' });
  ok('settings.get', { orgId: s.orgId });
  ok('settings.set', { orgId: s.orgId, values: { submitLeadDays: 3 } });

  // Who is at the keyboard.
  ok('session.operators', {});
  ok('session.signIn', { personId: id('吴秘书') });
  ok('session.setPin', { pin: '2580' });
  ok('session.setPin', { pin: null, currentPin: '2580' });
  ok('session.current', {});

  // 议题: filed, edited, consulted (R4), listed and searched.
  t.setNow('2026-03-12T09:00:00');
  const consult = (itemId: number, kind: 'consultation' | 'deliberation' = 'consultation') =>
    ok('consultations.record', {
      itemId,
      kind,
      date: '2026-03-10',
      form: '当面',
      stances: [
        { personId: 书记, role: '书记', stance: '同意' },
        { personId: 校长, role: '校长', stance: '同意' },
      ],
    });
  const file = (title: string, code: string) => {
    const { id: itemId } = ok('items.create', { orgId: s.orgId, title, matterId: s.matter(code), proposerId: id('陈志强'), leaderId: id('陈志强'), materialsReadyAt: '2026-03-10' }) as { id: number };
    return itemId;
  };
  const draft = file('关于食堂设备更新的议题', 'D3');
  ok('items.update', { itemId: draft, summary: '更换老化的蒸饭柜和消毒柜，预算约8万元。' });
  ok('items.submit', { itemId: draft });
  consult(draft);
  ok('items.get', { itemId: draft });
  ok('items.list', { orgId: s.orgId });
  ok('items.list', { orgId: s.orgId, states: ['ready', 'follow_up'], year: 2026, major: true, matterGroup: 'D' });
  ok('items.list', { orgId: s.orgId, search: '食堂 设备' });
  const spare = file('关于订购教辅资料的议题', 'D1');
  ok('items.withdraw', { itemId: spare, reason: '并入教学工作议题' });
  ok('items.copy', { itemId: spare });
  const ready = [draft, file('关于加强学生思想政治工作的议题', 'D1'), file('关于校园安全隐患排查整治的议题', 'D3'), file('关于教师培训计划的议题', 'D1')];
  for (const itemId of ready.slice(1)) consult(itemId);
  ok('items.checkAgenda', { itemId: ready[1]!, bodyId: party, meetingStartsAt: '2026-03-25T15:00', hostId: 书记 });

  // A 校长办公会 studies a cadre matter first (R1), in 校长决定 mode (R12).
  const cadre = file('关于中层干部任免的议题', 'C1');
  consult(cadre);
  consult(cadre, 'deliberation');
  const officeMeeting = (ok('meetings.create', { bodyId: office, startsAt: '2026-03-20T09:00', place: '校长室', hostId: 校长, recorderId: id('吴秘书') }) as { meetingId: number }).meetingId;
  const study = (ok('meetings.addItem', { meetingId: officeMeeting, itemId: cadre }) as { entryId: number }).entryId;
  const officeItem = file('关于运动会安排的议题', 'X1');
  consult(officeItem);
  const officeEntry = (ok('meetings.addItem', { meetingId: officeMeeting, itemId: officeItem }) as { entryId: number }).entryId;
  ok('meetings.confirmAgenda', { meetingId: officeMeeting, personId: 校长 });
  t.setNow('2026-03-20T09:00:00');
  ok('meetings.setAttendance', {
    meetingId: officeMeeting,
    rows: ['李明华', '王建国', '张丽', '陈志强', '周敏'].map((n) => ({ personId: id(n), status: '出席' as const })),
  });
  ok('entries.study', { entryId: study, proposal: '建议任命张老师为教务处副主任' });
  for (const n of ['王建国', '张丽', '陈志强', '周敏']) ok('entries.statement', { entryId: officeEntry, personId: id(n), stance: '同意' });
  ok('entries.principalDecide', { entryId: officeEntry, decisionText: '同意运动会安排。', approve: true });
  ok('meetings.close', { meetingId: officeMeeting });

  // The 党组织会议: agenda (one item added and taken off again), attendance, statements host
  // last (R9), a recusal (R8), a written opinion (R7), votes (R10), a postponement (R11).
  t.setNow('2026-03-21T09:00:00');
  const meetingId = (ok('meetings.create', { bodyId: party, startsAt: '2026-03-25T15:00', place: '学校会议室', hostId: 书记, recorderId: id('吴秘书') }) as { meetingId: number }).meetingId;
  ok('meetings.update', { meetingId, place: '学校第一会议室' });
  const spareMeeting = (ok('meetings.create', { bodyId: party, startsAt: '2026-04-08T15:00', place: '学校会议室', hostId: 书记, recorderId: id('吴秘书') }) as { meetingId: number }).meetingId;
  ok('meetings.cancel', { meetingId: spareMeeting, reason: '与上级会议冲突' });
  ok('meetings.list', { orgId: s.orgId, year: 2026 });
  const entries = ready.map((itemId) => (ok('meetings.addItem', { meetingId, itemId }) as { entryId: number }).entryId);
  const cadreEntry = (ok('meetings.addItem', { meetingId, itemId: cadre }) as { entryId: number }).entryId;
  ok('meetings.removeItem', { entryId: entries.pop()! });
  const emergency = ok('emergency.record', { orgId: s.orgId, bodyId: party, actorId: 书记, reason: '暴雨红色预警，委员无法到校开会', action: '全校停课一天，启动防汛预案', at: '2026-03-21T07:00' }) as {
    emergencyActionId: number;
  };
  ok('emergency.report', { emergencyActionId: emergency.emergencyActionId, meetingId });
  ok('emergency.list', { orgId: s.orgId });
  ok('meetings.confirmAgenda', { meetingId, personId: 书记 });
  ok('meetings.setFirstTopic', { meetingId, content: '学习习近平总书记关于教育的重要论述' });
  t.setNow('2026-03-25T15:00:00');
  ok('meetings.setAttendance', {
    meetingId,
    rows: [
      ...['王建国', '李明华', '张丽', '陈志强', '刘芳', '赵磊'].map((n) => ({ personId: id(n), status: '出席' as const })),
      { personId: id('孙红'), status: '请假' as const, reason: '外出学习' },
      { personId: id('周敏'), status: '列席' as const },
    ],
  });
  const speakers = ['李明华', '张丽', '陈志强', '刘芳', '赵磊', '王建国'];
  ok('entries.recuse', { entryId: entries[0]!, personId: id('赵磊'), reason: '近亲属为供货方' });
  ok('entries.removeRecusal', { entryId: entries[0]!, personId: id('赵磊'), reason: '录入时选错了人' });
  ok('entries.recuse', { entryId: entries[0]!, personId: id('赵磊'), reason: '近亲属为供货方' });
  ok('entries.writtenOpinion', { entryId: entries[0]!, personId: id('孙红'), text: '同意，建议公开招标。' });
  for (const n of speakers.filter((n) => n !== '赵磊')) ok('entries.statement', { entryId: entries[0]!, personId: id(n), stance: '同意' });
  ok('entries.vote', {
    entryId: entries[0]!,
    method: '记名投票',
    ballots: speakers.filter((n) => n !== '赵磊').map((n) => ({ personId: id(n), choice: '同意' as const })),
    decisionText: '同意更新食堂设备，由总务处公开招标。',
  });
  for (const n of speakers) ok('entries.statement', { entryId: entries[1]!, personId: id(n), stance: '同意' });
  ok('entries.amendStatement', { entryId: entries[1]!, personId: id('张丽'), stance: '同意', note: '建议纳入学期计划', reason: '补记发言要点' });
  ok('entries.removeStatement', { entryId: entries[1]!, personId: 书记, reason: '记错了表态' });
  ok('entries.statement', { entryId: entries[1]!, personId: 书记, stance: '同意' });
  const handVote = { entryId: entries[1]!, method: '举手', counts: { for: 6, against: 0, abstain: 0 }, decisionText: '原则同意加强学生思想政治工作的实施方案。' } as const;
  ok('entries.vote', handVote);
  ok('entries.undoVote', { entryId: entries[1]!, reason: '计票录错，重新录入' });
  ok('entries.vote', handVote);
  ok('entries.postpone', { entryId: entries[2]!, reason: '材料不全，补充后再议' });
  for (const n of speakers) ok('entries.statement', { entryId: cadreEntry, personId: id(n), stance: '同意' });
  ok('entries.vote', { entryId: cadreEntry, method: '无记名投票', counts: { for: 3, against: 3, abstain: 0 }, decisionText: '同意任命。' });
  ok('entries.reconsider', { entryId: cadreEntry, meetingId, agree: 3, reason: '有新的考察材料' });
  const view = ok('meetings.get', { meetingId }) as { entries: { id: number; purpose: string }[] };
  for (const e of view.entries.filter((e) => e.purpose === 'report')) ok('entries.note', { entryId: e.id, note: '会议听取了临时处置情况的通报。' });
  ok('meetings.close', { meetingId });

  // 纪要: generated, edited, signed (which seals the meeting), revised.
  const minutes = ok('minutes.generate', { meetingId }) as { minutesId: number };
  ok('minutes.updateDraft', { minutesId: minutes.minutesId, opening: '2026年3月25日下午，王建国同志主持召开党委会议。' });
  ok('minutes.get', { meetingId });
  ok('minutes.sign', { minutesId: minutes.minutesId, personId: 书记 });
  ok('trust.anchor', {});

  // 督办 and 评价 (R17, R18), the execution report.
  const decisions = ok('decisions.list', { orgId: s.orgId, year: 2026 }) as { id: number }[];
  ok('decisions.get', { decisionId: decisions[0]!.id });
  const fu = (ok('followups.create', { decisionId: decisions[0]!.id, task: '完成食堂设备招标采购', ownerDept: '总务处', ownerId: id('陈志强'), leaderId: id('陈志强'), deadline: '2026-05-31' }) as { followUp: { id: number } }).followUp;
  ok('followups.waive', { decisionId: decisions[1]!.id, reason: '属日常事务，会后即办结' });
  ok('followups.report', { followUpId: fu.id, kind: 'progress', text: '已发布招标公告。' });
  ok('followups.extend', { followUpId: fu.id, deadline: '2026-06-30', reason: '设备到货延迟', approvedById: 校长 });
  ok('followups.reassign', { followUpId: fu.id, ownerDept: '后勤服务中心', ownerId: id('陈志强'), reason: '总务处职能调整' });
  ok('followups.list', { orgId: s.orgId, state: 'open' });
  t.setNow('2026-05-20T09:00:00');
  ok('followups.complete', { followUpId: fu.id, note: '设备已安装验收。' });
  ok('evaluations.record', { followUpId: fu.id, rating: '好', effect: '用餐环境明显改善。', evaluatorId: 书记 });
  ok('decisions.reportExecution', { decisionId: decisions[0]!.id, proposerId: 校长, summary: '设备已采购安装，运行良好。' });
  ok('minutes.revise', { minutesId: minutes.minutesId, reason: '更正一处错字' });

  // 工作台 and 台账.
  ok('loop.status', { orgId: s.orgId });
  ok('stats.dashboard', { orgId: s.orgId, year: 2026 });
  ok('loop.register', { orgId: s.orgId, year: 2026 });

  // Documents.
  ok('documents.noticeHtml', { meetingId });
  ok('documents.signInHtml', { meetingId });
  ok('documents.ballotHtml', { entryId: entries[0]! });
  ok('documents.minutesHtml', { minutesId: minutes.minutesId });
  ok('documents.recordHtml', { meetingId });
  await later('documents.minutesDocx', { minutesId: minutes.minutesId });
  await later('documents.recordDocx', { meetingId });
  await later('documents.registerXlsx', { orgId: s.orgId, year: 2026 });

  // 集团化办学: a campus under this school's 党委, an item sent up to it, a decision handed down,
  // the 集团工作台 and its exports, an operator limited to the campus. The cross-level steps may be
  // refused by their rules here; their queries are prepared either way, which is what is explained.
  const tried = <C extends ChannelName>(channel: C, input: InputOf<C>) => {
    called.add(channel);
    return t.call(channel, input);
  };
  ok('orgs.list', {});
  const campusId = (ok('orgs.createCampus', { ...DEMO_SCHOOL, name: '青山县第一中学东校区', partyKind: '党支部', parentId: s.orgId }) as { orgId: number }).orgId;
  ok('orgs.use', { orgId: campusId });
  const inCampus = (name: string) => (t.ledger.sqlite.prepare('SELECT id FROM persons WHERE org_id = ? AND name = ?').get(campusId, name) as { id: number }).id;
  const campusMatter = (t.ledger.sqlite.prepare("SELECT id FROM matters WHERE org_id = ? AND code = 'D3'").get(campusId) as { id: number }).id;
  const upItem = (ok('items.create', { orgId: campusId, title: '关于购置东校区多媒体设备的议题', matterId: campusMatter, proposerId: inCampus('陈志强'), amount: 50_000, materialsReadyAt: '2026-05-18' }) as { id: number }).id;
  ok('consultations.record', {
    itemId: upItem, date: '2026-05-19', form: '当面',
    stances: [{ personId: inCampus('王建国'), role: '书记', stance: '同意' }, { personId: inCampus('李明华'), role: '校长', stance: '同意' }],
  });
  tried('group.escalate', { itemId: upItem, reason: '金额超过校区标准，须由集团党委决定' });
  ok('orgs.use', { orgId: s.orgId });
  const handed = tried('group.assign', { decisionId: decisions[1]!.id, task: '完成本校区安全隐患排查', campuses: [{ campusId, ownerDept: '东校区总务处', deadline: '2026-06-30' }] });
  const handedId = handed.ok ? (handed.value as { followUps: { followUpId: number }[] }).followUps[0]!.followUpId : 1;
  tried('group.handed', { followUpId: handedId });
  ok('group.overview', { year: 2026 });
  ok('documents.groupHtml', { year: 2026 });
  await later('documents.groupXlsx', { year: 2026 });
  tried('operators.limit', { name: '东校区秘书', orgIds: [campusId] });

  // 今日待办, 全局搜索, the 督办通知单, and 历史台账导入 of the app's own template (its example row).
  ok('reminders.today', { orgId: s.orgId });
  ok('reminders.configure', { orgId: s.orgId, consultationWaitDays: 5, notify: false });
  ok('search.everywhere', { orgId: s.orgId, query: '食堂' });
  ok('search.everywhere', { orgId: s.orgId, query: '王建国' });
  tried('documents.supervisionHtml', { followUpId: fu.id });
  // The follow-up may be done by now (then refused, after its reads): called either way.
  called.add('documents.supervisionDocx');
  await dispatchAsync(t.ledger, 'documents.supervisionDocx', { followUpId: fu.id });
  const template = (await later('imports.template', {})) as { base64: string };
  const preview = (await later('imports.preview', { orgId: s.orgId, fileName: '历史台账.xlsx', base64: template.base64, year: 2025 })) as {
    rows: InputOf<'imports.commit'>['rows'];
    seal: string;
  };
  tried('imports.commit', { orgId: s.orgId, fileName: '历史台账.xlsx', base64: template.base64, rows: preview.rows, previewSeal: preview.seal });
  const imported = ok('imports.list', { orgId: s.orgId }) as { id: number }[];
  tried('imports.undo', { importId: imported[0]?.id ?? 1 });

  // 模板与常用语: the lists (with an item's decision templates filled in), one phrase added, edited
  // and removed, a new meeting's defaults, and the attendance of the last meeting reused.
  const templates = ok('templates.list', { orgId: s.orgId, itemId: ready[0]! }) as { decision: { matterId: number }[] };
  const phrase = ok('templates.save', { orgId: s.orgId, kind: 'statement', text: '同意，请抓紧实施。' }) as { templateId: number };
  ok('templates.save', { orgId: s.orgId, templateId: phrase.templateId, kind: 'statement', text: '同意，请尽快实施。' });
  ok('templates.save', { orgId: s.orgId, kind: 'decision', matterId: templates.decision[0]!.matterId, text: '会议同意《议题名称》。' });
  ok('templates.remove', { templateId: phrase.templateId });
  ok('templates.meetingDefaults', { bodyId: party });
  const nextMeeting = (ok('meetings.create', { bodyId: party, startsAt: '2026-06-10T15:00', place: '学校会议室', hostId: 书记, recorderId: id('吴秘书') }) as { meetingId: number }).meetingId;
  tried('templates.copyAttendance', { meetingId: nextMeeting });

  // 数据安全: verify, back up to a chosen folder, list, preview, restore check, the audit log.
  ok('trust.verify', {});
  ok('audit.list', { offset: 0, limit: 200 });
  ok('audit.list', { offset: 0, limit: 200, operator: '吴秘书' });
  ok('journal.list', { offset: 0, limit: 100 });
  ok('journal.list', { offset: 0, limit: 100, operator: '吴秘书' });

  // 报送: the school's key, a preview and a signed bundle of the spring term, and what was sent.
  ok('report.key', {});
  const districtDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yishi-every-channel-district-'));
  try {
    ok('report.setDistrictKey', { text: districtKeyFileText('青山县教育工委', districtKey(path.join(districtDir, '区域台账.sqlite'))) });
  } finally {
    fs.rmSync(districtDir, { recursive: true, force: true });
  }
  const spring = { orgId: s.orgId, from: '2026-03-01', to: '2026-05-31' };
  ok('report.preview', spring);
  ok('report.make', { ...spring, seal: true });
  ok('report.history', { orgId: s.orgId });
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'yishi-every-channel-'));
  try {
    const made = ok('backup.create', { folder }) as { path: string };
    ok('backup.list', { folder });
    ok('backup.preview', { file: made.path });
    ok('backup.restore', { file: made.path });
    // 拆分台账: the organisation worked in, written to a new file beside the backup (the ledger is only read).
    const splitOrg = t.ledger.orgId ?? s.orgId;
    ok('orgs.splitPreview', { orgId: splitOrg });
    ok('orgs.split', { orgId: splitOrg, file: path.join(folder, '拆分出的台账.sqlite') });
    // 合并台账: that file brought back in as a campus (a ledger of its own now, with a new identity).
    ok('orgs.mergePreview', { file: path.join(folder, '拆分出的台账.sqlite'), parentId: splitOrg });
    ok('orgs.merge', { file: path.join(folder, '拆分出的台账.sqlite'), parentId: splitOrg });
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
  return called;
}
