// What each write command did, in the words a secretary uses, from the input the audit log kept
// (a JSON summary, cut at 500 characters) and the names of what it touched. A summary that no
// longer parses, or a record since removed, still gives a sentence, only a shorter one.
import { eq } from 'drizzle-orm';
import { REDACTED } from '../trust/audit';
import { cnDate, cnDateTime } from '../calendar';
import type { ReadLedger } from '../ledger';
import {
  agendaEntries,
  agendaItems,
  bodies,
  decisions,
  followUps,
  meetings,
  memberships,
  minutes,
  persons,
  posts,
} from '../schema';
import { meetingTitle, TEMPLATE_KIND_LABELS } from '../terms';
import type { ChannelName } from '../contract';

/** Names of what a row touched, read once per page. Null when the record is gone. */
export function namesOf(ledger: ReadLedger) {
  const cache = new Map<string, string | null>();
  const once = (key: string, read: () => string | null) => {
    if (!cache.has(key)) cache.set(key, read());
    return cache.get(key)!;
  };
  const person = (id: unknown) =>
    typeof id !== 'number' ? null : once(`p${id}`, () => ledger.db.select({ n: persons.name }).from(persons).where(eq(persons.id, id)).get()?.n ?? null);
  const item = (id: unknown) =>
    typeof id !== 'number' ? null : once(`i${id}`, () => ledger.db.select({ n: agendaItems.title }).from(agendaItems).where(eq(agendaItems.id, id)).get()?.n ?? null);
  const body = (id: unknown) =>
    typeof id !== 'number' ? null : once(`b${id}`, () => ledger.db.select({ n: bodies.name }).from(bodies).where(eq(bodies.id, id)).get()?.n ?? null);
  const meeting = (id: unknown) =>
    typeof id !== 'number'
      ? null
      : once(`m${id}`, () => {
          const m = ledger.db
            .select({ year: meetings.year, seq: meetings.seq, body: bodies.name })
            .from(meetings)
            .innerJoin(bodies, eq(bodies.id, meetings.bodyId))
            .where(eq(meetings.id, id))
            .get();
          return m ? meetingTitle(m.year, m.seq, m.body) : null;
        });
  const entryItem = (id: unknown) =>
    typeof id !== 'number' ? null : once(`e${id}`, () => {
      const e = ledger.db.select({ itemId: agendaEntries.itemId }).from(agendaEntries).where(eq(agendaEntries.id, id)).get();
      return e ? item(e.itemId) : null;
    });
  const task = (id: unknown) =>
    typeof id !== 'number' ? null : once(`f${id}`, () => ledger.db.select({ n: followUps.task }).from(followUps).where(eq(followUps.id, id)).get()?.n ?? null);
  const decision = (id: unknown) =>
    typeof id !== 'number' ? null : once(`d${id}`, () => {
      const d = ledger.db.select({ number: decisions.number, entryId: decisions.entryId }).from(decisions).where(eq(decisions.id, id)).get();
      if (!d) return null;
      const e = ledger.db.select({ meetingId: agendaEntries.meetingId }).from(agendaEntries).where(eq(agendaEntries.id, d.entryId)).get();
      return `${e ? (meeting(e.meetingId) ?? '') : ''}决定事项第${d.number}号`;
    });
  const seat = (id: unknown) =>
    typeof id !== 'number' ? null : once(`s${id}`, () => {
      const s = ledger.db.select({ personId: memberships.personId, bodyId: memberships.bodyId }).from(memberships).where(eq(memberships.id, id)).get();
      return s ? `${person(s.personId) ?? ''} 在${body(s.bodyId) ?? '议事机构'}` : null;
    });
  const post = (id: unknown) =>
    typeof id !== 'number' ? null : once(`o${id}`, () => {
      const p = ledger.db.select({ personId: posts.personId, post: posts.post }).from(posts).where(eq(posts.id, id)).get();
      return p ? `${person(p.personId) ?? ''} 的${p.post}` : null;
    });
  const minutesOf = (id: unknown) =>
    typeof id !== 'number' ? null : once(`n${id}`, () => {
      const m = ledger.db.select({ meetingId: minutes.meetingId }).from(minutes).where(eq(minutes.id, id)).get();
      return m ? meeting(m.meetingId) : null;
    });
  return { person, item, body, meeting, entryItem, task, decision, seat, post, minutes: minutesOf };
}

export type Names = ReturnType<typeof namesOf>;
type Input = Record<string, unknown>;

const text = (v: unknown, max = 40) => (typeof v === 'string' ? (v.length > max ? `${v.slice(0, max)}…` : v) : '');
const quoted = (title: string | null) => (title ? `「${title}」` : '');
const KIND_WORDS: Record<string, string> = TEMPLATE_KIND_LABELS;
/** An agenda item named, or just "议题" when it is gone. */
const about = (title: string | null) => (title ? `「${title}」` : '议题');
/** "：reason" when there is one. */
const because = (v: unknown) => (typeof v === 'string' && v.trim() ? `：${text(v)}` : '');

/** One sentence per write command (the operator and time are put in front by the caller). */
const SENTENCES: Partial<Record<ChannelName, (i: Input, n: Names) => string>> = {
  'org.setup': (i) => `完成了学校设置${i.name ? `（${text(i.name)}）` : ''}`,
  'org.update': () => '修改了学校信息',
  'org.setDocumentNames': () => '修改了文书的纪要标题、印发机关或抄送',
  'persons.add': (i) => `添加了人员 ${text(i.name)}`,
  'persons.update': (i, n) =>
    i.name ? `把人员姓名更正为 ${text(i.name)}` : i.active === false ? `把 ${n.person(i.personId) ?? '一名人员'} 设为不在职` : `修改了 ${n.person(i.personId) ?? '一名人员'} 的信息`,
  'posts.assign': (i, n) => `任命 ${n.person(i.personId) ?? '一名人员'} 为${text(i.post)}（${cnDate(text(i.startDate))}起）`,
  'posts.end': (i, n) => `免去 ${n.post(i.postId) ?? '一项'}职务（${cnDate(text(i.endDate))}）`,
  'memberships.add': (i, n) => `把 ${n.person(i.personId) ?? '一名人员'} 加入${n.body(i.bodyId) ?? '议事机构'}（${cnDate(text(i.startDate))}起）`,
  'memberships.end': (i, n) => `结束了 ${n.seat(i.membershipId) ?? '一名成员'}的任期（${cnDate(text(i.endDate))}）`,
  'memberships.void': (i, n) => `作废了 ${n.seat(i.membershipId) ?? '一名成员'}的成员记录${because(i.reason)}`,
  'bodies.create': (i) => `新建了议事机构「${text(i.name)}」`,
  'bodies.rename': (i) => `把议事机构改名为「${text(i.name)}」`,
  'matters.save': (i) => `${i.matterId ? '修改' : '新增'}了议事清单事项「${text(i.name)}」`,
  'thresholds.add': (i) => `设置了「${text(i.category)}」的金额标准：${typeof i.amount === 'number' ? i.amount.toLocaleString('zh-CN') : ''}元`,
  'settings.set': () => '修改了议事规则设置',
  'items.create': (i) => `新建了议题「${text(i.title)}」`,
  'items.update': (i, n) => `修改了议题${quoted(n.item(i.itemId))}`,
  'items.submit': (i, n) => `提交了议题${quoted(n.item(i.itemId))}`,
  'items.withdraw': (i, n) => `撤回了议题${quoted(n.item(i.itemId))}${because(i.reason)}`,
  'items.copy': (i, n) => `复制议题${quoted(n.item(i.itemId))}为新草稿`,
  'consultations.record': (i, n) => `记录了议题${quoted(n.item(i.itemId))}的${i.kind === 'deliberation' ? '酝酿' : '会前沟通'}`,
  'meetings.create': (i, n) => `新建了${n.body(i.bodyId) ?? '会议'}（${cnDateTime(text(i.startsAt))}）`,
  'meetings.update': (i, n) => `${i.startsAt ? '改期' : '修改'}了${n.meeting(i.meetingId) ?? '会议'}${i.startsAt ? `，改为${cnDateTime(text(i.startsAt))}` : ''}`,
  'meetings.cancel': (i, n) => `取消了${n.meeting(i.meetingId) ?? '会议'}${because(i.reason)}`,
  'meetings.addItem': (i, n) => `把议题${quoted(n.item(i.itemId))}列入${n.meeting(i.meetingId) ?? '会议'}议程`,
  'meetings.removeItem': (i, n) => `把${about(n.entryItem(i.entryId))}移出会议议程${because(i.reason)}`,
  'meetings.confirmAgenda': (i, n) => `登记 ${n.person(i.personId) ?? '主持人'} 确认了${n.meeting(i.meetingId) ?? '会议'}的议程`,
  'meetings.setFirstTopic': (i, n) => `记录了${n.meeting(i.meetingId) ?? '会议'}的第一议题学习内容`,
  'meetings.setAttendance': (i, n) => `登记了${n.meeting(i.meetingId) ?? '会议'}的出席情况`,
  'meetings.close': (i, n) => `结束了${n.meeting(i.meetingId) ?? '会议'}`,
  'entries.recuse': (i, n) => `登记 ${n.person(i.personId) ?? '一名成员'} 回避议题${about(n.entryItem(i.entryId))}`,
  'entries.statement': (i, n) => `记录了 ${n.person(i.personId) ?? '一名成员'} 对${about(n.entryItem(i.entryId))}的表态：${text(i.stance)}`,
  'entries.amendStatement': (i, n) => `更正了 ${n.person(i.personId) ?? '一名成员'} 对${about(n.entryItem(i.entryId))}的表态，改为：${text(i.stance)}`,
  'entries.removeStatement': (i, n) => `撤销了 ${n.person(i.personId) ?? '一名成员'} 对${about(n.entryItem(i.entryId))}的表态${because(i.reason)}`,
  'entries.removeRecusal': (i, n) => `撤销了 ${n.person(i.personId) ?? '一名成员'} 对${about(n.entryItem(i.entryId))}的回避${because(i.reason)}`,
  'entries.undoVote': (i, n) => `撤销了${about(n.entryItem(i.entryId))}的表决结果${because(i.reason)}`,
  'entries.writtenOpinion': (i, n) => `登记了 ${n.person(i.personId) ?? '一名成员'} 对${about(n.entryItem(i.entryId))}的书面意见`,
  'entries.vote': (i, n) => `记录了${about(n.entryItem(i.entryId))}的表决结果（${text(i.method)}）`,
  'entries.postpone': (i, n) => `对${about(n.entryItem(i.entryId))}暂缓表决${because(i.reason)}`,
  'entries.study': (i, n) => `记录了${about(n.entryItem(i.entryId))}的研究意见`,
  'entries.principalDecide': (i, n) => `记录了校长对${about(n.entryItem(i.entryId))}的决定`,
  'entries.note': (i, n) => `记录了听取${about(n.entryItem(i.entryId))}的情况`,
  'entries.reconsider': (i, n) => `记录了对${about(n.entryItem(i.entryId))}的复议动议`,
  'emergency.record': (i) => `记录了临时处置：${text(i.action, 30)}`,
  'emergency.report': (i, n) => `把临时处置列入${n.meeting(i.meetingId) ?? '会议'}通报`,
  'minutes.generate': (i, n) => `生成了${n.meeting(i.meetingId) ?? '会议'}的会议纪要`,
  'minutes.updateDraft': (i, n) => `修改了${n.minutes(i.minutesId) ?? '会议'}的纪要草稿`,
  'minutes.sign': (i, n) => `登记 ${n.person(i.personId) ?? '主持人'} 签发了${n.minutes(i.minutesId) ?? '会议'}的会议纪要`,
  'minutes.revise': (i, n) => `为${n.minutes(i.minutesId) ?? '会议'}的会议纪要办理勘误${because(i.reason)}`,
  'followups.create': (i, n) => `为${n.decision(i.decisionId) ?? '决定事项'}安排了督办「${text(i.task)}」`,
  'followups.waive': (i, n) => `注明${n.decision(i.decisionId) ?? '决定事项'}无需督办${because(i.reason)}`,
  'followups.report': (i, n) => `记录了督办事项${quoted(n.task(i.followUpId))}的${i.kind === 'supervision' ? '督办情况' : '进展'}`,
  'followups.extend': (i, n) => `把督办事项${quoted(n.task(i.followUpId))}延期至${cnDate(text(i.deadline))}（${n.person(i.approvedById) ?? ''}批准）${because(i.reason)}`,
  'followups.reassign': (i, n) => `把督办事项${quoted(n.task(i.followUpId))}改由${text(i.ownerDept)}承办${because(i.reason)}`,
  'followups.complete': (i, n) => `办结了督办事项${quoted(n.task(i.followUpId))}`,
  'evaluations.record': (i, n) => `评价了督办事项${quoted(n.task(i.followUpId))}：${text(i.rating)}`,
  'decisions.reportExecution': (i, n) => `登记了${n.decision(i.decisionId) ?? '决定事项'}的执行情况报告`,
  'reminders.configure': (i) => `修改了提醒设置${typeof i.consultationWaitDays === 'number' ? `：会前沟通等待超过${i.consultationWaitDays}天提醒` : ''}`,
  'imports.commit': (i) => `导入了历史台账「${text(i.fileName)}」${typeof i.rows === 'number' ? `（${i.rows}行）` : ''}，导入的记录标注为历史导入`,
  'templates.save': (i) => `${typeof i.templateId === 'number' ? '修改' : '添加'}了${KIND_WORDS[text(i.kind)] ?? '模板'}${quoted(text(i.text))}`,
  'templates.remove': () => '删除了一条模板或常用语',
  'templates.copyAttendance': (i, n) => `${quoted(n.meeting(i.meetingId))}沿用了${n.meeting(i.fromMeetingId) ?? '上次会议'}的出席情况`,
  'imports.undo': () => '撤销了一次历史台账导入，导入的记录已全部移除',
  'report.setDistrictKey': () => '导入了区里下发的报送公钥',
  'report.make': (i) => `制作了${cnDate(text(i.from))}至${cnDate(text(i.to))}的报送包${i.seal ? '（已加密）' : ''}`,
  'session.signIn': () => '登录',
  'session.setPin': () => '设置了登录PIN',
  'orgs.use': () => '切换了办理的组织',
  'orgs.createCampus': (i) => `设立了校区（成员校）「${text(i.name)}」`,
  'operators.limit': (i) => `设定了 ${text(i.name)} 可办理的组织`,
  'orgs.merge': (i) => `把学校自己的台账「${text(typeof i.file === 'string' ? i.file.split(/[\\/]/).pop() : '')}」并入为校区`,
  'group.escalate': (i, n) => `把议题${quoted(n.item(i.itemId))}上报集团党委${because(i.reason)}`,
  'group.assign': (i, n) => `把${n.decision(i.decisionId) ?? '决定事项'}交校区落实「${text(i.task)}」`,
};

/** The write channels that have a sentence (a test holds every write channel to having one). */
export const DESCRIBED = Object.keys(SENTENCES) as ChannelName[];

/** What a row did, in words. A summary cut short (or unreadable) still names the kind of action. */
export function describe(channel: string, summary: string, names: Names): string {
  // Another organisation's row in a file split out of a 集团 ledger: only its hash is left (db/trust/audit.ts).
  if (channel === REDACTED.channel) return REDACTED.summary;
  const sentence = SENTENCES[channel as ChannelName];
  if (!sentence) return '进行了一项操作';
  let input: Input = {};
  try {
    const parsed: unknown = JSON.parse(summary);
    if (parsed && typeof parsed === 'object') input = parsed as Input;
  } catch {
    // Cut at 500 characters by dispatch: the sentence is made from what is known (ids are early in the JSON, texts late).
    // The first occurrence of a key is the top-level one (a nested list comes after it).
    const found = [
      ...[...summary.matchAll(/"(\w+)":(\d+)[,}]/g)].map((m) => [m.index, m[1]!, Number(m[2])] as const),
      ...[...summary.matchAll(/"(\w+)":"((?:[^"\\]|\\.)*)"/g)].map((m) => [m.index, m[1]!, m[2]!] as const),
    ].sort((a, b) => a[0] - b[0]);
    for (const [, key, value] of found) if (!(key in input)) input[key] = value;
  }
  return sentence(input, names);
}
