// documents.* export channels (db/exports) through dispatchAsync on a real SQLite file: 会议通知
// (agenda, lead times R3), 签到表, 表决票 (R10: a secret ballot has no name line), Word copies of
// the 纪要 and 记录 (unzipped), and the year's XLSX 台账 read back with exceljs (R17 逾期, R18 评价).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { dispatchAsync, type ChannelName, type InputOf, type OutputOf, type Result } from '../../db/api';
import { FOLLOW_UP_COLUMNS, LEDGER_COLUMNS } from '../../db/documents/xlsx';
import { ballotDoc, ballotMethodFor, type MeetingForms } from '../../db/exports/forms';
import { decidedMeeting, DEFAULT_TOPICS } from '../support/decided';
import { freshLedger, type TestLedger } from '../support/ledger';
import { setupSchool } from '../support/school';

type School = ReturnType<typeof setupSchool>;

async function call<C extends ChannelName>(t: TestLedger, channel: C, input: InputOf<C>): Promise<Result<OutputOf<C>>> {
  return JSON.parse(JSON.stringify(await dispatchAsync(t.ledger, channel, input))) as Result<OutputOf<C>>;
}
async function ok<C extends ChannelName>(t: TestLedger, channel: C, input: InputOf<C>): Promise<OutputOf<C>> {
  const r = await call(t, channel, input);
  if (!r.ok) throw new Error(`${channel} refused: ${r.error.message}`);
  return r.value;
}
async function refused<C extends ChannelName>(t: TestLedger, channel: C, input: unknown) {
  const r = await call(t, channel, input as InputOf<C>);
  expect(r.ok, `${channel} should refuse`).toBe(false);
  if (r.ok) throw new Error('unreachable');
  // Every refusal speaks Chinese.
  expect(r.error.message).toMatch(/[\u4e00-\u9fa5]/);
  return r.error;
}

/** Text of the rendered HTML without tags, so assertions read like the printed page. */
const textOf = (html: string) => html.replace(/<style[\s\S]*?<\/style>/g, '').replace(/<[^>]+>/g, '').replace(/&[a-z]+;/g, ' ');

/** A planned 党组织会议 on 2026-03-25 with one consulted topic on its agenda (nothing voted yet). */
function plannedMeeting(t: TestLedger, school: School, matter = 'D3', title = '关于调整作息时间的议题', materials: string | null = '2026-03-22') {
  const id = school.person;
  const { id: itemId } = t.ok('items.create', { orgId: school.orgId, title, matterId: school.matter(matter), proposerId: id('陈志强'), leaderId: id('陈志强'), materialsReadyAt: materials ?? undefined });
  t.ok('consultations.record', {
    itemId,
    date: '2026-03-20',
    form: '当面',
    stances: [
      { personId: id('王建国'), role: '书记', stance: '同意' },
      { personId: id('李明华'), role: '校长', stance: '同意' },
    ],
  });
  const { meetingId } = t.ok('meetings.create', { bodyId: school.body('party_committee'), startsAt: '2026-03-25T15:00', place: '学校第一会议室', hostId: id('王建国'), recorderId: id('吴秘书') });
  const { entryId } = t.ok('meetings.addItem', { meetingId, itemId, presenterId: id('陈志强') });
  return { meetingId, entryId, itemId };
}

function unzip(bytes: Buffer, entry: string): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'yishi-exports-')), 'out.zip');
  fs.writeFileSync(file, bytes);
  try {
    return execFileSync('unzip', ['-p', file, entry], { encoding: 'utf8', maxBuffer: 32 * 1024 * 1024 });
  } finally {
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  }
}
/** Word's text runs joined, so a sentence split across runs still matches. */
const docxText = (bytes: Buffer) => unzip(bytes, 'word/document.xml').replace(/<[^>]+>/g, '');

describe('documents.noticeHtml (R3 lead times)', () => {
  it('prints the agenda with presenters, who attends and the R3 materials date', async () => {
    const t = freshLedger();
    const school = setupSchool(t);
    const { meetingId } = plannedMeeting(t, school);
    const out = await ok(t, 'documents.noticeHtml', { meetingId });
    const text = textOf(out.html);
    expect(out.fileName).toBe('2026年第1次党委会议通知.pdf');
    expect(text).toContain('关于召开2026年第1次党委会议的通知');
    expect(text).toContain('关于调整作息时间的议题（汇报人：陈志强）');
    for (const name of ['王建国', '李明华', '张丽', '陈志强', '刘芳', '赵磊', '孙红']) expect(text).toContain(name);
    // R3: materials are due materialsLeadDays (default 1) before the meeting day.
    expect(out.leadTime).toEqual({ submitLeadDays: 2, materialsLeadDays: 1, submitBy: '2026-03-23', materialsBy: '2026-03-24' });
    expect(text).toContain('议题材料请于2026年3月24日前送达参会人员（会前1天）');
    expect(text).toContain('第一议题学习'); // R15 for the 党组织会议
    expect(text).toContain('中共青山县第一中学委员会办公室');
    expect(out.warnings).toEqual([]);
  });

  it('R3: a topic whose materials are missing comes back as a warning named by the topic', async () => {
    const t = freshLedger();
    const school = setupSchool(t);
    const { meetingId } = plannedMeeting(t, school, 'D3', '关于食堂改造的议题', null);
    const out = await ok(t, 'documents.noticeHtml', { meetingId });
    expect(out.warnings.length).toBeGreaterThan(0);
    expect(out.warnings.every((w) => w.rule === 'R3' && w.message.startsWith('「关于食堂改造的议题」'))).toBe(true);
    expect(out.warnings.map((w) => w.message).join('')).toContain('材料尚未送达');
  });

  it('refuses an empty agenda and bad ids in Chinese, changing nothing', async () => {
    const t = freshLedger();
    const school = setupSchool(t);
    const { meetingId } = t.ok('meetings.create', { bodyId: school.body('party_committee'), startsAt: '2026-03-25T15:00', place: '会议室', hostId: school.person('王建国'), recorderId: school.person('吴秘书') });
    const before = t.snapshot();
    expect((await refused(t, 'documents.noticeHtml', { meetingId })).message).toContain('议程还是空的');
    expect((await refused(t, 'documents.noticeHtml', { meetingId: 999 })).code).toBe('not_found');
    expect((await refused(t, 'documents.noticeHtml', { meetingId: 0 })).code).toBe('invalid_input');
    expect((await refused(t, 'documents.noticeHtml', {})).message).toContain('请选择会议');
    expect(t.snapshot()).toEqual(before);
  });
});

describe('documents.signInHtml', () => {
  it('lists every voting member with posts on the meeting date, then 列席, then blank rows', async () => {
    const t = freshLedger();
    const school = setupSchool(t);
    const { meetingId } = decidedMeeting(t, school);
    const out = await ok(t, 'documents.signInHtml', { meetingId });
    expect(out.fileName).toBe('2026年第1次党委会议签到表.pdf');
    const rows = [...out.html.matchAll(/<tr><td>(\d+)<\/td><td>([^<]*)<\/td><td>([^<]*)<\/td><td>([^<]*)<\/td>/g)].map((m) => [m[2], m[3], m[4]]);
    expect(rows.slice(0, 7).map((r) => r[0])).toEqual(['王建国', '李明华', '张丽', '陈志强', '刘芳', '赵磊', '孙红']);
    expect(rows[1]).toEqual(['李明华', '校长、副书记', '出席']);
    // 周敏 was marked 列席 in the attendance (R7).
    expect(rows[7]).toEqual(['周敏', '中层干部', '列席']);
    // Blank rows fill the page: 8 people, 4 blank rows.
    expect(rows.slice(8)).toEqual([['', '', ''], ['', '', ''], ['', '', ''], ['', '', '']]);
  });
});

describe('documents.signInHtml after the attendance is recorded', () => {
  it('members recorded as 请假 or 缺席 are printed as such (with the reason), not called to sign as 出席', async () => {
    const t = freshLedger();
    const school = setupSchool(t);
    const { meetingId } = plannedMeeting(t, school);
    const id = school.person;
    t.ok('meetings.setAttendance', {
      meetingId,
      rows: [
        ...['王建国', '李明华', '张丽', '陈志强', '刘芳'].map((n) => ({ personId: id(n), status: '出席' as const })),
        { personId: id('赵磊'), status: '请假' as const, reason: '外出学习' },
        { personId: id('孙红'), status: '缺席' as const },
      ],
    });
    const out = await ok(t, 'documents.signInHtml', { meetingId });
    const rows = [...out.html.matchAll(/<tr><td>(\d+)<\/td><td>([^<]*)<\/td><td>[^<]*<\/td><td>([^<]*)<\/td><td>([^<]*)<\/td><td class="note">([^<]*)<\/td>/g)].map((m) => [m[2], m[3], m[4], m[5]]);
    expect(rows.slice(0, 7)).toEqual([
      ['王建国', '出席', '', ''],
      ['李明华', '出席', '', ''],
      ['张丽', '出席', '', ''],
      ['陈志强', '出席', '', ''],
      ['刘芳', '出席', '', ''],
      ['赵磊', '请假', '请假', '外出学习'],
      ['孙红', '缺席', '缺席', ''],
    ]);
  });
});

describe('documents.ballotHtml (R10)', () => {
  it('R10: a secret ballot has no name line, one sheet per voter', async () => {
    const t = freshLedger();
    const school = setupSchool(t);
    const { entryId } = plannedMeeting(t, school);
    const out = await ok(t, 'documents.ballotHtml', { entryId, method: '无记名投票' });
    expect(out.method).toBe('无记名投票');
    expect(out.fileName).toBe('2026年第1次党委会议表决票（第1项·无记名）.pdf');
    expect(out.html).not.toContain('表决人：');
    expect(out.html).not.toContain('签名：');
    for (const name of ['王建国', '李明华', '孙红']) expect(textOf(out.html)).not.toContain(name);
    // Before attendance: every voting member of the 党组织会议 gets one (7).
    expect(out.sheets).toBe(7);
    expect(out.html.match(/<section class="sheet">/g)).toHaveLength(7);
    expect(textOf(out.html)).toContain('关于调整作息时间的议题');
  });

  it('R10: a named ballot carries each voter name; the default for a non-干部 matter is 记名投票', async () => {
    const t = freshLedger();
    const school = setupSchool(t);
    const { entryId } = plannedMeeting(t, school);
    const out = await ok(t, 'documents.ballotHtml', { entryId });
    expect(out.method).toBe('记名投票');
    const names = [...out.html.matchAll(/表决人：<\/span>([^　<]+)/g)].map((m) => m[1]);
    expect(names).toEqual(['王建国', '李明华', '张丽', '陈志强', '刘芳', '赵磊', '孙红']);
  });

  it('R10: a 干部 matter defaults to a secret ballot; a recorded ballot method wins; hands/voice have none', () => {
    expect(ballotMethodFor({ voteMethod: null, cadre: true })).toBe('无记名投票');
    expect(ballotMethodFor({ voteMethod: null, cadre: false })).toBe('记名投票');
    expect(ballotMethodFor({ voteMethod: null, cadre: true }, '记名投票')).toBe('记名投票');
    expect(ballotMethodFor({ voteMethod: '无记名投票', cadre: false }, '记名投票')).toBe('无记名投票');
    expect(ballotMethodFor({ voteMethod: '举手', cadre: false })).toBeNull();
  });

  it('R10: the secret BallotDoc itself carries no names, only as many copies as voters', () => {
    const forms = { facts: { meetingLabel: '2026年第1次党委会议' } } as MeetingForms;
    const entry = { entryId: 1, number: 1, title: '议题', presenter: null, purpose: 'decide', outcome: 'pending', cadre: true, voteMethod: null, warnings: [] };
    expect(ballotDoc(forms, entry, '无记名投票', ['王建国', '李明华', '张丽'])).toMatchObject({ method: '无记名投票', voters: [], copies: 3 });
    expect(ballotDoc(forms, entry, '记名投票', ['王建国', '李明华'])).toMatchObject({ method: '记名投票', voters: ['王建国', '李明华'], copies: 0 });
  });

  it('after attendance, only members voting on the entry get a ballot (R6–R8)', async () => {
    const t = freshLedger();
    const school = setupSchool(t);
    const { entryId, meetingId } = plannedMeeting(t, school);
    const id = school.person;
    t.ok('meetings.setAttendance', {
      meetingId,
      rows: [
        ...['王建国', '李明华', '张丽', '陈志强', '刘芳'].map((n) => ({ personId: id(n), status: '出席' as const })),
        { personId: id('赵磊'), status: '请假' as const, reason: '外出学习' },
        { personId: id('孙红'), status: '缺席' as const },
      ],
    });
    t.ok('entries.recuse', { entryId, personId: id('陈志强'), reason: '亲属关系' });
    const out = await ok(t, 'documents.ballotHtml', { entryId, method: '记名投票' });
    expect([...out.html.matchAll(/表决人：<\/span>([^　<]+)/g)].map((m) => m[1])).toEqual(['王建国', '李明华', '张丽', '刘芳']);
    expect((await ok(t, 'documents.ballotHtml', { entryId, method: '无记名投票' })).sheets).toBe(4);
  });

  it('refuses a ballot for an entry voted by hands, and bad input, in Chinese', async () => {
    const t = freshLedger();
    const school = setupSchool(t);
    const { meetingId } = decidedMeeting(t, school);
    const entryId = t.ok('meetings.get', { meetingId }).entries[0]!.id;
    expect((await refused(t, 'documents.ballotHtml', { entryId })).message).toContain('举手');
    expect((await refused(t, 'documents.ballotHtml', { entryId, method: '投票' })).message).toContain('表决票类型');
    expect((await refused(t, 'documents.ballotHtml', { entryId: 4040 })).code).toBe('not_found');
    expect((await refused(t, 'documents.ballotHtml', { entryId: 'a' })).message).toContain('议程');
  });
});

describe('documents.minutesDocx / documents.recordDocx', () => {
  it('the Word minutes carry every decision; a draft is named 草稿, the signed copy is not', async () => {
    const t = freshLedger();
    const school = setupSchool(t);
    const { meetingId, hostId } = decidedMeeting(t, school);
    const { minutesId } = t.ok('minutes.generate', { meetingId });
    const draft = await ok(t, 'documents.minutesDocx', { minutesId });
    expect(draft.fileName).toBe('2026年第1次党委会议纪要（草稿）.docx');
    const bytes = Buffer.from(draft.base64, 'base64');
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    expect(draft.size).toBe(bytes.length);
    const text = docxText(bytes);
    for (const d of DEFAULT_TOPICS) expect(text).toContain(d.text);
    expect(unzip(bytes, 'word/header1.xml') + unzip(bytes, 'word/header2.xml')).toContain('草稿');

    t.setNow('2026-03-26T10:00:00');
    t.ok('minutes.sign', { minutesId, personId: hostId });
    const signed = await ok(t, 'documents.minutesDocx', { minutesId });
    expect(signed.fileName).toBe('2026年第1次党委会议纪要.docx');
    expect(docxText(Buffer.from(signed.base64, 'base64'))).toContain(DEFAULT_TOPICS[0]!.text);
  });

  it('the Word record has the statements, the vote and the decisions', async () => {
    const t = freshLedger();
    const school = setupSchool(t);
    const { meetingId } = decidedMeeting(t, school);
    const out = await ok(t, 'documents.recordDocx', { meetingId });
    expect(out.fileName).toBe('2026年第1次党委会议记录.docx');
    const text = docxText(Buffer.from(out.base64, 'base64'));
    expect(text).toContain('举手');
    expect(text).toContain(DEFAULT_TOPICS[1]!.title);
    expect(text).toMatch(/结果：通过/);
    expect(text).toContain('记录人（签字）');
  });

  it('refuses unknown minutes and meetings in Chinese', async () => {
    const t = freshLedger();
    setupSchool(t);
    expect((await refused(t, 'documents.minutesDocx', { minutesId: 77 })).message).toContain('找不到该会议纪要');
    expect((await refused(t, 'documents.recordDocx', { meetingId: 77 })).message).toContain('找不到该会议');
    expect((await refused(t, 'documents.minutesDocx', { minutesId: -1 })).code).toBe('invalid_input');
  });
});

describe('documents.registerXlsx (R17, R18)', () => {
  async function sheetOf(base64: string) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(base64, 'base64') as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('议事决策台账')!;
    const col = (header: string) => LEDGER_COLUMNS.findIndex((c) => c.header === header) + 1;
    const text = (v: unknown) => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v ?? ''));
    const rows: Record<string, string>[] = [];
    // Row 1 is the title, row 2 the header.
    ws.eachRow((row, n) => {
      if (n <= 2) return;
      rows.push(Object.fromEntries(LEDGER_COLUMNS.map((c) => [c.header, text(row.getCell(col(c.header)).value)])));
    });
    const fus: Record<string, string>[] = [];
    const fws = wb.getWorksheet('督办事项')!;
    fws.eachRow((row, n) => {
      if (n <= 2) return;
      fus.push(Object.fromEntries(FOLLOW_UP_COLUMNS.map((c, i) => [c.header, text(row.getCell(i + 1).value)])));
    });
    return { ws, rows, fus };
  }

  it('one row per decided entry with vote, decision, follow-ups, R17 逾期 and R18 评价', async () => {
    const t = freshLedger();
    const school = setupSchool(t);
    const { decided } = decidedMeeting(t, school);
    const [first, second] = decided;
    const fu = t.ok('followups.create', { decisionId: first!.decisionId, task: '完成隐患排查', ownerDept: '总务处', ownerId: school.person('陈志强'), deadline: '2026-04-30' });
    t.ok('followups.create', { decisionId: second!.decisionId, task: '制订实施方案', ownerDept: '德育处', ownerId: school.person('刘芳'), deadline: '2026-04-10' });
    t.setNow('2026-04-20T09:00:00');
    t.ok('followups.complete', { followUpId: fu.followUp.id, note: '已完成排查整改' });
    t.ok('evaluations.record', { followUpId: fu.followUp.id, rating: '较好', effect: '隐患基本消除', evaluatorId: school.person('王建国') });

    const out = await ok(t, 'documents.registerXlsx', { orgId: school.orgId, year: 2026 });
    expect(out.fileName).toBe('青山县第一中学2026年议事决策台账.xlsx');
    expect(out.rows).toBe(2);
    const { ws, rows, fus } = await sheetOf(out.base64);
    expect(ws.getRow(1).getCell(1).value).toBe('青山县第一中学2026年议事决策台账');
    expect(ws.getRow(2).getCell(1).value).toBe('序号');
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ 序号: '1', 会议: '2026年第1次党委会议', 会议日期: '2026-03-25', 议题序号: '1', 议题: DEFAULT_TOPICS[0]!.title, 应到: '7', 实到: '6', 表决方式: '举手', 同意: '6', 不同意: '0', 表决结果: '通过', '督办事项（项）': '1' });
    expect(rows[0]!['决定事项']).toBe(`第1项：${DEFAULT_TOPICS[0]!.text}`);
    expect(rows[0]!['评价']).toBe('较好：隐患基本消除');
    // One row per follow-up on the second sheet, linked by 序号.
    expect(fus.map((f) => [f['台账序号'], f['督办任务'], f['承办部门'], f['责任人'], f['完成时限'], f['状态'], f['评价等次']])).toEqual([
      ['1', '完成隐患排查', '总务处', '陈志强', '2026-04-30', '已办结', '较好'],
      // R17: 2026-04-10 passed on 2026-04-20 without completion.
      ['2', '制订实施方案', '德育处', '刘芳', '2026-04-10', '逾期', ''],
    ]);
    expect(fus[0]!['办结日期']).toBe('2026-04-20');
    expect(rows[1]!['状态']).toBe('督办中');
    expect(ws.getRow(4).getCell(LEDGER_COLUMNS.findIndex((c) => c.key === 'status') + 1).font?.color?.argb).toBe('FFC00000');
  });

  it('R17: a decision without follow-up shows 待安排督办; other years and planned meetings are left out', async () => {
    const t = freshLedger();
    const school = setupSchool(t);
    decidedMeeting(t, school);
    plannedMeeting(t, school, 'D1', '关于下周活动安排的议题');
    const out = await ok(t, 'documents.registerXlsx', { orgId: school.orgId, year: 2026 });
    const { rows } = await sheetOf(out.base64);
    expect(rows.map((r) => r['状态'])).toEqual(['待安排督办', '待安排督办']);
    const empty = await ok(t, 'documents.registerXlsx', { orgId: school.orgId, year: 2025 });
    expect(empty.rows).toBe(0);
    expect((await sheetOf(empty.base64)).rows).toEqual([]);
  });

  it('refuses a bad year or school in Chinese', async () => {
    const t = freshLedger();
    const school = setupSchool(t);
    expect((await refused(t, 'documents.registerXlsx', { orgId: school.orgId, year: 1999 })).message).toContain('台账年度不能早于2000年');
    expect((await refused(t, 'documents.registerXlsx', { orgId: school.orgId, year: '2026' })).message).toContain('台账年度');
    expect((await refused(t, 'documents.registerXlsx', { orgId: 42, year: 2026 })).message).toContain('找不到该学校');
  });
});
