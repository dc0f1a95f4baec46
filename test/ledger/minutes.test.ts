import { describe, expect, it } from 'vitest';
import { assertMeetingUnlocked } from '../../db/meetings/lock';
import { recordDocOf } from '../../db/exports/minutes';
import { freshLedger } from '../support/ledger';
import { setupSchool } from '../support/school';
import { decidedMeeting } from '../support/decided';

function decided(opts: Parameters<typeof decidedMeeting>[2] = {}) {
  const t = freshLedger('2026-03-26T09:00:00');
  const school = setupSchool(t);
  const m = decidedMeeting(t, school, opts);
  return { t, school, ...m };
}

describe('minutes.generate (R16)', () => {
  it('R16 builds the draft from the record: opening, numbered decisions with owner and deadline, attendance lines', () => {
    const { t, school, meetingId, decided: [first] } = decided();
    t.ok('followups.create', { decisionId: first!.decisionId, task: '完成隐患整改', ownerDept: '总务处', ownerId: school.person('陈志强'), deadline: '2026-05-31' });
    const m = t.ok('minutes.generate', { meetingId });
    expect(m.docNumber).toBe('第1期');
    // The heading by the organisation's type; titles in quotation marks take no 顿号 (GB/T 15834).
    expect(m.content.title).toBe('中共青山县第一中学委员会会议纪要');
    expect(m.content.opening).toBe(
      '2026年3月25日下午，王建国同志在学校第一会议室主持召开2026年第1次党委会议。会议首先进行了第一议题学习：学习习近平总书记关于教育的重要论述。' +
        '会议研究了“关于开展校园安全隐患排查整治的议题”“关于加强学生思想政治工作的议题”等2项议题，现将议定事项纪要如下：',
    );
    // Every item, with how it was taken (R10 counts against 应到).
    expect(m.content.items).toEqual([
      { number: 1, title: '关于开展校园安全隐患排查整治的议题', outcome: 'passed', decisionNumber: 1, vote: { method: '举手', due: 7, present: 6, for: 6, against: 0, abstain: 0, passed: true, decidedBy: null }, statements: [], recusals: [], studiedAt: null, reason: null },
      { number: 2, title: '关于加强学生思想政治工作的议题', outcome: 'passed', decisionNumber: 2, vote: { method: '举手', due: 7, present: 6, for: 6, against: 0, abstain: 0, passed: true, decidedBy: null }, statements: [], recusals: [], studiedAt: null, reason: null },
    ]);
    expect(m.content.imprint).toEqual({ copyTo: null, issuer: '中共青山县第一中学委员会办公室' });
    expect(m.content.decisions.map((d) => [d.number, d.itemTitle])).toEqual([
      [1, '关于开展校园安全隐患排查整治的议题'],
      [2, '关于加强学生思想政治工作的议题'],
    ]);
    expect(m.content.decisions[0]!.owners).toEqual([
      { ownerDept: '总务处', ownerName: '陈志强', leaderName: '陈志强', deadline: '2026-05-31', task: '完成隐患整改' },
    ]);
    expect(m.content.decisions[1]!.owners).toEqual([]);
    expect(m.content.attendance).toEqual({
      present: ['王建国', '李明华', '张丽', '陈志强', '刘芳', '赵磊'],
      onLeave: [{ name: '孙红', reason: '外出学习' }],
      absent: [],
      observers: ['周敏'],
    });
  });

  it('R16 keeps the rule warnings of the meeting and its entries with the minutes, for the screen, never on paper', () => {
    const { t, meetingId } = decided({ firstTopic: false });
    const m = t.ok('minutes.generate', { meetingId });
    expect(m.warnings).toEqual([{ rule: 'R15', message: '本次党组织会议未记录第一议题学习内容' }]);
    expect(m.content.opening).not.toContain('第一议题');
    const { html } = t.ok('documents.minutesHtml', { minutesId: m.minutesId });
    expect(html).not.toContain('未记录第一议题');
    expect(html).not.toContain('R15');
  });

  it('the school’s own heading, 印发机关 and 抄送 (设置 → 文书) go into the minutes generated afterwards', () => {
    const { t, school, meetingId } = decided();
    const before = t.ok('minutes.generate', { meetingId });
    t.ok('org.setDocumentNames', { orgId: school.orgId, minutesHeading: '青山县第一中学党委会议纪要', issuingOffice: '青山县第一中学党委办公室', copyTo: '县委教育工委' });
    expect(before.content.title).toBe('中共青山县第一中学委员会会议纪要');
    const after = t.ok('minutes.generate', { meetingId });
    expect(after.content.title).toBe('青山县第一中学党委会议纪要');
    expect(after.content.imprint).toEqual({ copyTo: '县委教育工委', issuer: '青山县第一中学党委办公室' });
    // The 校长办公会议 keeps its own heading and office.
    const office = decidedMeeting(t, school, { body: 'principal_office', startsAt: '2026-03-10T09:00', topics: [{ title: '关于期中考试安排的议题', matter: 'X2', text: '同意。' }] });
    const o = t.ok('minutes.generate', { meetingId: office.meetingId });
    expect(o.content.title).toBe('青山县第一中学校长办公会议纪要');
    expect(o.content.imprint).toEqual({ copyTo: '县委教育工委', issuer: '青山县第一中学校长办公室' });
    // R12 校长决定 mode: the 校长 decides after the opinions.
    expect(o.content.items![0]!.vote).toMatchObject({ method: '校长决定', decidedBy: '李明华', passed: true });
    expect(t.ok('documents.minutesHtml', { minutesId: o.minutesId }).html).toContain('与会人员充分发表意见后，由校长李明华同志作出决定：同意。');
  });

  it('R16 numbers minutes per body per year (第N期, or 〔2026〕N号 by setting); regenerating keeps the number', () => {
    const t = freshLedger('2026-03-26T09:00:00');
    const school = setupSchool(t);
    const a = decidedMeeting(t, school, { startsAt: '2026-03-05T15:00' });
    const b = decidedMeeting(t, school, { startsAt: '2026-03-12T15:00', topics: [{ title: '关于党风廉政建设工作安排的议题', matter: 'A4', text: '同意。' }] });
    const office = decidedMeeting(t, school, { body: 'principal_office', startsAt: '2026-03-10T09:00', topics: [{ title: '关于期中考试安排的议题', matter: 'X2', text: '同意。' }] });
    expect(t.ok('minutes.generate', { meetingId: a.meetingId }).docNumber).toBe('第1期');
    expect(t.ok('minutes.generate', { meetingId: a.meetingId }).docNumber).toBe('第1期');
    expect(t.ok('minutes.generate', { meetingId: office.meetingId }).docNumber).toBe('第1期');
    t.ledger.sqlite.prepare("UPDATE settings SET value = '\"号\"' WHERE key = 'minutesNumberStyle'").run();
    expect(t.ok('minutes.generate', { meetingId: b.meetingId }).docNumber).toBe('〔2026〕2号');
    expect(t.ok('minutes.get', { meetingId: a.meetingId }).revisions).toHaveLength(1);
  });

  it('refuses a meeting without attendance, and an unknown meeting, in Chinese, changing nothing', () => {
    const t = freshLedger('2026-03-26T09:00:00');
    const school = setupSchool(t);
    const { meetingId } = t.ok('meetings.create', {
      bodyId: school.body('party_committee'), startsAt: '2026-04-02T15:00', place: '学校第一会议室', hostId: school.person('王建国'), recorderId: school.person('吴秘书'),
    });
    const before = t.snapshot();
    const r = t.call('minutes.generate', { meetingId });
    expect(r).toMatchObject({ ok: false, error: { code: 'conflict', message: '会议记录中还没有出席人员，请先登记出席情况，再生成会议纪要。' } });
    const r2 = t.call('minutes.generate', { meetingId: 999 });
    expect(r2).toMatchObject({ ok: false, error: { code: 'not_found', message: '找不到该会议，可能已被删除或更改，请刷新后重试。' } });
    const r3 = t.call('minutes.generate', { meetingId: 'x' as never });
    expect(r3).toMatchObject({ ok: false, error: { code: 'invalid_input', message: '请选择会议' } });
    expect(t.snapshot()).toEqual(before);
  });
});

describe('minutes.sign, lock and revise (R16)', () => {
  it('R16 the 书记 (host) signs the 党组织会议 minutes; the 校长 is refused and nothing changes', () => {
    const { t, school, meetingId, hostId } = decided();
    const { minutesId } = t.ok('minutes.generate', { meetingId });
    const before = t.snapshot();
    const r = t.call('minutes.sign', { minutesId, personId: school.person('李明华') });
    expect(r).toMatchObject({ ok: false, error: { code: 'rule_violation', rule: 'R16', field: 'personId' } });
    expect(!r.ok && r.error.message).toBe('会议纪要只能由会议主持人（书记）签发，本次会议应由王建国签发');
    expect(t.snapshot()).toEqual(before);
    const signed = t.ok('minutes.sign', { minutesId, personId: hostId });
    expect(signed).toMatchObject({ state: 'signed', signedBy: '王建国' });
    expect(signed.hash).toMatch(/^[0-9a-f]{64}$/);
    const got = t.ok('minutes.get', { meetingId });
    expect(got.locked).toBe(true);
    expect(got.revisions[0]).toMatchObject({ state: 'signed', signerName: '王建国', signedAt: new Date('2026-03-26T09:00:00').toISOString() });
  });

  it('R16 the 校长 signs the 校长办公会 minutes', () => {
    const { t, school, meetingId } = decided({ body: 'principal_office', topics: [{ title: '关于期中考试安排的议题', matter: 'X2', text: '同意期中考试安排。' }] });
    const { minutesId } = t.ok('minutes.generate', { meetingId });
    const r = t.call('minutes.sign', { minutesId, personId: school.person('王建国') });
    expect(!r.ok && r.error.message).toContain('（校长）');
    expect(t.ok('minutes.sign', { minutesId, personId: school.person('李明华') }).signedBy).toBe('李明华');
  });

  it('R16 minutes of a meeting still in progress cannot be signed', () => {
    const { t, meetingId, hostId } = decided({ state: 'in_progress' });
    const { minutesId } = t.ok('minutes.generate', { meetingId });
    const before = t.snapshot();
    const r = t.call('minutes.sign', { minutesId, personId: hostId });
    expect(r).toMatchObject({ ok: false, error: { code: 'conflict', message: '会议尚未结束，请先结束会议，再签发会议纪要。' } });
    expect(t.snapshot()).toEqual(before);
  });

  it('R16 signing twice is refused as locked', () => {
    const { t, meetingId, hostId } = decided();
    const { minutesId } = t.ok('minutes.generate', { meetingId });
    const first = t.ok('minutes.sign', { minutesId, personId: hostId });
    t.setNow('2026-03-27T09:00:00');
    const before = t.snapshot();
    const r = t.call('minutes.sign', { minutesId, personId: hostId });
    expect(r).toMatchObject({ ok: false, error: { code: 'locked' } });
    expect(t.snapshot()).toEqual(before);
    expect(t.ok('minutes.get', { meetingId }).revisions[0]).toMatchObject({ signedAt: first.signedAt, hash: first.hash });
  });

  it('R16 editing or regenerating signed minutes is refused and the content is unchanged', () => {
    const { t, meetingId, hostId, decided: [first] } = decided();
    const { minutesId, content } = t.ok('minutes.generate', { meetingId });
    t.ok('minutes.updateDraft', { minutesId, opening: '修改后的开头。', decisions: [{ decisionId: first!.decisionId, text: '同意开展校园安全隐患排查整治。' }] });
    t.ok('minutes.sign', { minutesId, personId: hostId });
    const before = t.snapshot();
    const edit = t.call('minutes.updateDraft', { minutesId, opening: '再改一次' });
    expect(edit).toMatchObject({ ok: false, error: { code: 'locked' } });
    expect(!edit.ok && edit.error.message).toContain('已经签发并锁定');
    expect(t.call('minutes.generate', { meetingId })).toMatchObject({ ok: false, error: { code: 'locked' } });
    expect(t.snapshot()).toEqual(before);
    const stored = t.ok('minutes.get', { meetingId }).revisions[0]!.content;
    expect(stored.opening).toBe('修改后的开头。');
    expect(stored.decisions[0]!.text).toBe('同意开展校园安全隐患排查整治。');
    expect(stored.decisions[1]!.text).toBe(content.decisions[1]!.text);
  });

  it('R16 a draft edit naming a decision of another meeting is refused with the field', () => {
    const { t, meetingId } = decided();
    const { minutesId } = t.ok('minutes.generate', { meetingId });
    const before = t.snapshot();
    const r = t.call('minutes.updateDraft', { minutesId, decisions: [{ decisionId: 999, text: '同意' }] });
    expect(r).toMatchObject({ ok: false, error: { code: 'conflict', field: 'decisions.0.decisionId' } });
    const r2 = t.call('minutes.updateDraft', { minutesId, opening: '   ' });
    expect(r2).toMatchObject({ ok: false, error: { code: 'invalid_input', message: '「开头段落」不能为空' } });
    expect(t.snapshot()).toEqual(before);
  });

  it('R16 signing locks the meeting record: attendance, statements, votes, recusals and the agenda are refused as locked', () => {
    const { t, school, meetingId, hostId, decided: [first] } = decided();
    expect(() => assertMeetingUnlocked(t.ledger, meetingId)).not.toThrow();
    const { minutesId } = t.ok('minutes.generate', { meetingId });
    expect(() => assertMeetingUnlocked(t.ledger, meetingId)).not.toThrow();
    t.ok('minutes.sign', { minutesId, personId: hostId });
    expect(() => assertMeetingUnlocked(t.ledger, meetingId)).toThrow(/会议纪要已经签发/);
    const before = t.snapshot();
    const entryId = first!.entryId;
    const attempts = [
      t.call('meetings.setAttendance', { meetingId, rows: [{ personId: school.person('孙红'), status: '出席' }] }),
      t.call('entries.statement', { entryId, personId: school.person('张丽'), stance: '不同意' }),
      t.call('entries.vote', { entryId, method: '举手', counts: { for: 1, against: 5, abstain: 0 }, decisionText: '改' }),
      t.call('entries.recuse', { entryId, personId: school.person('刘芳'), reason: '亲属关系' }),
      t.call('meetings.update', { meetingId, place: '另一会议室' }),
      t.call('meetings.setFirstTopic', { meetingId, content: '补记' }),
    ];
    for (const r of attempts) {
      expect(r).toMatchObject({ ok: false, error: { code: 'locked' } });
      expect(!r.ok && r.error.message).toContain('会议记录（出席、议题、发言表态、表决、回避）已锁定');
    }
    expect(t.snapshot()).toEqual(before);
  });

  it('R16 勘误 makes a new linked draft revision; the signed original stays readable and unchanged', () => {
    const { t, meetingId, hostId, decided: [first] } = decided();
    const { minutesId } = t.ok('minutes.generate', { meetingId });
    const signed = t.ok('minutes.sign', { minutesId, personId: hostId });
    const original = t.ok('minutes.get', { meetingId }).revisions[0]!;
    const rev = t.ok('minutes.revise', { minutesId, reason: '第1项决定完成时间笔误' });
    expect(rev).toMatchObject({ revision: 2, previousId: minutesId, state: 'draft' });
    t.ok('minutes.updateDraft', { minutesId: rev.minutesId, decisions: [{ decisionId: first!.decisionId, text: '同意开展校园安全隐患排查整治，由总务处牵头，7月底前完成整改。' }] });
    // Only one open 勘误 at a time, and only from the latest signed revision.
    expect(t.call('minutes.revise', { minutesId, reason: '再次勘误' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(t.call('minutes.revise', { minutesId: rev.minutesId, reason: '草稿勘误' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const signed2 = t.ok('minutes.sign', { minutesId: rev.minutesId, personId: hostId });
    const got = t.ok('minutes.get', { meetingId });
    expect(got.revisions.map((r) => [r.revision, r.state, r.docNumber])).toEqual([[2, 'signed', '第1期'], [1, 'signed', '第1期']]);
    expect(got.revisions[1]).toEqual(original);
    expect(got.revisions[0]).toMatchObject({ previousId: minutesId, revisionReason: '第1项决定完成时间笔误', prevHash: signed.hash });
    expect(got.revisions[0]!.content.decisions[0]!.text).toBe('同意开展校园安全隐患排查整治，由总务处牵头，7月底前完成整改。');
    expect(got.revisions[1]!.content.decisions[0]!.text).toBe('同意开展校园安全隐患排查整治，由总务处牵头，6月底前完成整改。');
    expect(signed2.hash).not.toBe(signed.hash);
  });
});

describe('documents.recordHtml (R16 会议记录)', () => {
  it('R16 the record holds time, place, host, recorder, attendance, every statement with the host last, and the vote', () => {
    const { t, meetingId } = decided();
    const r = t.ok('documents.recordHtml', { meetingId });
    expect(r.fileName).toBe('2026年第1次党委会议记录.pdf');
    for (const text of ['学校第一会议室', '王建国', '吴秘书', '孙红', '外出学习', '周敏', '举手', '关于加强学生思想政治工作的议题']) {
      expect(r.html).toContain(text);
    }
    const doc = recordDocOf(t.ledger, meetingId);
    expect(doc.items[0]!.statements.map((x) => [x.name, x.byHost])).toEqual([
      ['李明华', false], ['张丽', false], ['陈志强', false], ['刘芳', false], ['赵磊', false], ['王建国', true],
    ]);
    expect(doc.items[0]!.vote).toMatchObject({ method: '举手', for: 6, against: 0, abstain: 0 });
    expect(doc.items[0]!.tally).toMatchObject({ passed: true });
    expect(doc).toMatchObject({ recorder: '吴秘书', host: '王建国', place: '学校第一会议室', startsAt: '2026-03-25T15:00', docNumber: '' });
    expect(t.call('documents.recordHtml', { meetingId: 404 })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});

describe('documents.minutesHtml (R16 → GB/T 9704 renderer)', () => {
  it('R16 returns the draft, then the signed minutes as HTML with a file name, from the stored revision', () => {
    const { t, school, meetingId, hostId, decided: [first] } = decided();
    t.ok('followups.create', { decisionId: first!.decisionId, task: '完成隐患整改', ownerDept: '总务处', ownerId: school.person('陈志强'), deadline: '2026-05-31' });
    const { minutesId } = t.ok('minutes.generate', { meetingId });
    const draft = t.ok('documents.minutesHtml', { minutesId });
    expect(draft.fileName).toBe('2026年第1次党委会议纪要（草稿）.pdf');
    expect(draft.html).toContain('中共青山县第一中学委员会会议纪要');
    expect(draft.html).toContain('第1期');
    expect(draft.html).toContain('草稿');
    expect(draft.html).toContain('完成时限：2026年5月31日');
    expect(draft.html).toContain('孙红</span>（外出学习）');
    const { anchor } = t.ok('minutes.sign', { minutesId, personId: hostId });
    const signed = t.ok('documents.minutesHtml', { minutesId });
    expect(signed.fileName).toBe('2026年第1次党委会议纪要.pdf');
    // The 签发 record stays in the ledger; the paper has the 印发日期 in its 版记.
    expect(signed.html).not.toContain('签发人');
    expect(signed.html).toContain('2026年3月26日印发');
    expect(signed.html).not.toContain('class="watermark"');
    // The printed anchor is the seal chain's (db/trust), the same one minutes.sign returned.
    expect(anchor).toMatch(/^\d+-[0-9a-f]{12}$/);
    expect(signed.html).toContain(`存证码：${anchor}`);
    expect(t.call('documents.minutesHtml', { minutesId: 77 })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('R16 prints to a real PDF with Chromium: heading, number, decisions and attendance lines', async () => {
    const { launchChromium, printPdf, pdfText, tempDir } = await import('../support/chromium');
    const fs = await import('node:fs');
    const path = await import('node:path');
    const { t, meetingId, hostId } = decided();
    const { minutesId } = t.ok('minutes.generate', { meetingId });
    t.ok('minutes.sign', { minutesId, personId: hostId });
    const { html } = t.ok('documents.minutesHtml', { minutesId });
    const browser = await launchChromium();
    const dir = tempDir();
    try {
      const file = path.join(dir, 'minutes.pdf');
      fs.writeFileSync(file, await printPdf(browser, html));
      const text = pdfText(file).replace(/\s+/g, '');
      expect(text).toContain('中共青山县第一中学委员会会议纪要');
      expect(text).toContain('第1期');
      expect(text).toContain('一、关于开展校园安全隐患排查整治的议题');
      expect(text).toContain('出席：王建国、李明华、张丽、陈志强、刘芳、赵磊');
      expect(text).toContain('请假：孙红（外出学习）');
      expect(text).toContain('列席：周敏');
    } finally {
      await browser.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
