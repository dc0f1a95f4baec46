import { describe, expect, it } from 'vitest';
import { assertMeetingUnlocked } from '../../db/minutes/lock';
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
    t.ok('followups.create', { decisionId: first!.decisionId, task: '完成设备采购', ownerDept: '总务处', ownerId: school.person('陈志强'), deadline: '2026-05-31' });
    const m = t.ok('minutes.generate', { meetingId });
    expect(m.docNumber).toBe('第1期');
    expect(m.content.title).toBe('青山县第一中学党组织会议纪要');
    expect(m.content.opening).toBe(
      '2026年3月25日下午，王建国同志在学校第一会议室主持召开2026年第3次党组织会议。会议首先进行了第一议题学习：学习习近平总书记关于教育的重要论述。' +
        '会议研究了“关于学校食堂设备更新的议题”、“关于2026年春季教职工培训计划的议题”等2项议题，现将议定事项纪要如下：',
    );
    expect(m.content.decisions.map((d) => [d.number, d.itemTitle])).toEqual([
      [1, '关于学校食堂设备更新的议题'],
      [2, '关于2026年春季教职工培训计划的议题'],
    ]);
    expect(m.content.decisions[0]!.owners).toEqual([
      { ownerDept: '总务处', ownerName: '陈志强', leaderName: '陈志强', deadline: '2026-05-31', task: '完成设备采购' },
    ]);
    expect(m.content.decisions[1]!.owners).toEqual([]);
    expect(m.content.attendance).toEqual({
      present: ['王建国', '李明华', '张丽', '陈志强', '刘芳', '赵磊'],
      onLeave: [{ name: '孙红', reason: '外出学习' }],
      absent: [],
      observers: ['周敏'],
    });
  });

  it('R16 keeps the rule warnings of the meeting and its entries in the minutes', () => {
    const { t, school, meetingId, decided: [first] } = decided();
    t.ledger.sqlite
      .prepare("INSERT INTO rule_warnings (org_id, rule, subject_type, subject_id, message, at) VALUES (?, 'R3', 'entry', ?, '议题材料晚于会前1天送达', '2026-03-25T07:00:00Z')")
      .run(school.orgId, first!.entryId);
    const m = t.ok('minutes.generate', { meetingId });
    expect(m.warnings).toEqual([{ rule: 'R3', message: '议题材料晚于会前1天送达' }]);
  });

  it('R16 numbers minutes per body per year (第N期, or 〔2026〕N号 by setting); regenerating keeps the number', () => {
    const t = freshLedger('2026-03-26T09:00:00');
    const school = setupSchool(t);
    const a = decidedMeeting(t, school, { seq: 1, startsAt: '2026-03-05T15:00' });
    const b = decidedMeeting(t, school, { seq: 2, startsAt: '2026-03-12T15:00', topics: [{ title: '关于评优评先方案的议题', matter: 'C5', text: '同意。' }] });
    const office = decidedMeeting(t, school, { body: 'principal_office', seq: 1, startsAt: '2026-03-10T09:00', topics: [{ title: '关于期中考试安排的议题', matter: 'X2', text: '同意。' }] });
    expect(t.ok('minutes.generate', { meetingId: a.meetingId }).docNumber).toBe('第1期');
    expect(t.ok('minutes.generate', { meetingId: a.meetingId }).docNumber).toBe('第1期');
    expect(t.ok('minutes.generate', { meetingId: office.meetingId }).docNumber).toBe('第1期');
    t.ledger.sqlite.prepare("UPDATE settings SET value = '\"号\"' WHERE key = 'minutesNumberStyle'").run();
    expect(t.ok('minutes.generate', { meetingId: b.meetingId }).docNumber).toBe('〔2026〕2号');
    expect(t.ok('minutes.get', { meetingId: a.meetingId }).revisions).toHaveLength(1);
  });

  it('refuses a meeting without attendance, and an unknown meeting, in Chinese, changing nothing', () => {
    const { t, meetingId } = decided();
    t.ledger.sqlite.prepare('DELETE FROM attendance WHERE meeting_id = ?').run(meetingId);
    const before = t.snapshot();
    const r = t.call('minutes.generate', { meetingId });
    expect(r).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(!r.ok && r.error.message).toContain('请先登记出席情况');
    const r2 = t.call('minutes.generate', { meetingId: 999 });
    expect(r2).toMatchObject({ ok: false, error: { code: 'not_found', message: '找不到会议（编号 999），请刷新后重试。' } });
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
    expect(!r.ok && r.error.message).toBe('会议纪要只能由会议主持人（书记）签发，本次会议应由王建国签发（R16）');
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
    t.ok('minutes.updateDraft', { minutesId, opening: '修改后的开头。', decisions: [{ decisionId: first!.decisionId, text: '同意更新食堂设备。' }] });
    t.ok('minutes.sign', { minutesId, personId: hostId });
    const before = t.snapshot();
    const edit = t.call('minutes.updateDraft', { minutesId, opening: '再改一次' });
    expect(edit).toMatchObject({ ok: false, error: { code: 'locked' } });
    expect(!edit.ok && edit.error.message).toContain('已经签发并锁定');
    expect(t.call('minutes.generate', { meetingId })).toMatchObject({ ok: false, error: { code: 'locked' } });
    expect(t.snapshot()).toEqual(before);
    const stored = t.ok('minutes.get', { meetingId }).revisions[0]!.content;
    expect(stored.opening).toBe('修改后的开头。');
    expect(stored.decisions[0]!.text).toBe('同意更新食堂设备。');
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

  it('R16 signing locks the meeting record: assertMeetingUnlocked refuses with code locked', () => {
    const { t, meetingId, hostId } = decided();
    expect(() => assertMeetingUnlocked(t.ledger, meetingId)).not.toThrow();
    const { minutesId } = t.ok('minutes.generate', { meetingId });
    expect(() => assertMeetingUnlocked(t.ledger, meetingId)).not.toThrow();
    t.ok('minutes.sign', { minutesId, personId: hostId });
    expect(() => assertMeetingUnlocked(t.ledger, meetingId)).toThrow(/会议纪要已经签发/);
  });

  it('R16 勘误 makes a new linked draft revision; the signed original stays readable and unchanged', () => {
    const { t, meetingId, hostId, decided: [first] } = decided();
    const { minutesId } = t.ok('minutes.generate', { meetingId });
    const signed = t.ok('minutes.sign', { minutesId, personId: hostId });
    const original = t.ok('minutes.get', { meetingId }).revisions[0]!;
    const rev = t.ok('minutes.revise', { minutesId, reason: '第1项决定金额笔误' });
    expect(rev).toMatchObject({ revision: 2, previousId: minutesId, state: 'draft' });
    t.ok('minutes.updateDraft', { minutesId: rev.minutesId, decisions: [{ decisionId: first!.decisionId, text: '同意更新学校食堂设备，预算控制在11万元以内。' }] });
    // Only one open 勘误 at a time, and only from the latest signed revision.
    expect(t.call('minutes.revise', { minutesId, reason: '再次勘误' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(t.call('minutes.revise', { minutesId: rev.minutesId, reason: '草稿勘误' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const signed2 = t.ok('minutes.sign', { minutesId: rev.minutesId, personId: hostId });
    const got = t.ok('minutes.get', { meetingId });
    expect(got.revisions.map((r) => [r.revision, r.state, r.docNumber])).toEqual([[2, 'signed', '第1期'], [1, 'signed', '第1期']]);
    expect(got.revisions[1]).toEqual(original);
    expect(got.revisions[0]).toMatchObject({ previousId: minutesId, revisionReason: '第1项决定金额笔误', prevHash: signed.hash });
    expect(got.revisions[0]!.content.decisions[0]!.text).toBe('同意更新学校食堂设备，预算控制在11万元以内。');
    expect(got.revisions[1]!.content.decisions[0]!.text).toBe('同意更新学校食堂设备，预算控制在12万元以内，按政府采购规定执行。');
    expect(signed2.hash).not.toBe(signed.hash);
  });
});

describe('documents.minutesHtml (R16 → GB/T 9704 renderer)', () => {
  it('R16 returns the draft, then the signed minutes as HTML with a file name, from the stored revision', () => {
    const { t, school, meetingId, hostId, decided: [first] } = decided();
    t.ok('followups.create', { decisionId: first!.decisionId, task: '完成设备采购', ownerDept: '总务处', ownerId: school.person('陈志强'), deadline: '2026-05-31' });
    const { minutesId } = t.ok('minutes.generate', { meetingId });
    const draft = t.ok('documents.minutesHtml', { minutesId });
    expect(draft.fileName).toBe('2026年第3次党组织会议纪要（草稿）.pdf');
    expect(draft.html).toContain('青山县第一中学党组织会议纪要');
    expect(draft.html).toContain('第1期');
    expect(draft.html).toContain('草稿');
    expect(draft.html).toContain('完成时限：2026年5月31日');
    expect(draft.html).toContain('孙红</span>（外出学习）');
    t.ok('minutes.sign', { minutesId, personId: hostId });
    const signed = t.ok('documents.minutesHtml', { minutesId });
    expect(signed.fileName).toBe('2026年第3次党组织会议纪要.pdf');
    expect(signed.html).toContain('签发人：王建国');
    expect(signed.html).toContain('2026年3月26日');
    expect(signed.html).not.toContain('class="watermark"');
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
      expect(text).toContain('青山县第一中学党组织会议纪要');
      expect(text).toContain('第1期');
      expect(text).toContain('一、关于学校食堂设备更新的议题');
      expect(text).toContain('出席：王建国、李明华、张丽、陈志强、刘芳、赵磊');
      expect(text).toContain('请假：孙红（外出学习）');
      expect(text).toContain('列席：周敏');
    } finally {
      await browser.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
