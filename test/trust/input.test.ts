// Issue H, class 8 (input): text is refused or cleaned at the door, through dispatch, the way a
// broken paste or a deliberate odd value would arrive. A refused command changes nothing.
import { afterEach, describe, expect, it } from 'vitest';
import { hostInputs } from '../../electron/host-channels';
import { freshAt, setupSchool, signedMeeting, type Opened } from './fixture';

const opened: Opened[] = [];
afterEach(() => opened.splice(0).forEach((o) => o.dispose()));

function school() {
  const t = freshAt();
  opened.push(t);
  return { t, s: setupSchool(t) };
}

const item = (s: ReturnType<typeof setupSchool>, title: string) => ({ orgId: s.orgId, title, matterId: s.matter('D3'), proposerId: s.person('陈志强') });

describe('H8: text at the door', () => {
  const invisible = ['\u200b', '\u200b\u200c\u200d', '\ufeff', '\u3164\u3164', '\u2800', ' \u00a0\u3000 ', '\u2060\u180e', '\u115f\u1160', '\u0007\u0008'];
  for (const title of invisible) {
    it(`a title of only invisible characters (${[...title].map((c) => `U+${c.codePointAt(0)!.toString(16).toUpperCase()}`).join(' ')}) is refused as empty, changing nothing`, () => {
      const { t, s } = school();
      const before = t.snapshot();
      const r = t.call('items.create', item(s, title));
      expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'title', message: '「议题名称」不能为空' } });
      expect(t.snapshot()).toEqual(before);
    });
  }

  for (const [what, title] of [['a high half alone', '关于校服\ud83d采购'], ['a low half alone', '\ude00关于校服采购'], ['two high halves', '\ud83d\ud83d'], ['a half at the end', '预算调整\ud800']] as const) {
    it(`a lone surrogate (${what}) is refused, not stored as U+FFFD`, () => {
      const { t, s } = school();
      const before = t.snapshot();
      const r = t.call('items.create', item(s, title));
      expect(r.ok).toBe(false);
      expect(!r.ok && r.error.message).toContain('残缺字符');
      expect(t.snapshot()).toEqual(before);
    });
  }

  it('whole emoji, joined emoji and CJK extension characters are kept exactly', () => {
    const { t, s } = school();
    const title = '关于👨‍👩‍👧家长会与𠀀字库的议题😀';
    const { id: itemId } = t.ok('items.create', item(s, title));
    expect(t.ledger.sqlite.prepare('SELECT title FROM agenda_items WHERE id = ?').get(itemId)).toEqual({ title });
  });

  it('names are one line: a tab or line break in a school or body name becomes a space; long text keeps its line breaks', () => {
    const { t, s } = school();
    t.ok('org.update', { orgId: s.orgId, name: '青山县\t第一中学\r\n（初中部）' });
    expect(t.ok('org.get', {})!.org.name).toBe('青山县 第一中学  （初中部）');
    t.ok('bodies.create', { orgId: s.orgId, kind: 'branch_committee', name: '第一\t党支部\u0000委员会' });
    const names = (t.ok('org.get', {})!.bodies as { name: string }[]).map((b) => b.name);
    expect(names).toContain('第一 党支部 委员会');
    const { id: itemId } = t.ok('items.create', { ...item(s, '课后服务'), summary: '第一段\r\n第二段\t末尾\u0007' });
    expect(t.ledger.sqlite.prepare('SELECT summary FROM agenda_items WHERE id = ?').get(itemId)).toEqual({ summary: '第一段\n第二段 末尾' });
  });

  it('every export file name passes the shell even when a name stored before this change holds control characters', () => {
    const { t, s } = school();
    const m = signedMeeting(t, s, 1);
    t.ledger.sqlite.prepare("UPDATE bodies SET name = '党委\t会议\n' WHERE id = ?").run(s.body('party_committee'));
    t.ledger.sqlite.prepare("UPDATE organizations SET name = '青山\t一中' WHERE id = ?").run(s.orgId);
    const names = [
      t.ok('documents.minutesHtml', { minutesId: m.minutesId }).fileName,
      t.ok('documents.recordHtml', { meetingId: m.meetingId }).fileName,
      t.ok('documents.noticeHtml', { meetingId: m.meetingId }).fileName,
      t.ok('documents.signInHtml', { meetingId: m.meetingId }).fileName,
    ];
    for (const fileName of names) expect(hostInputs.savePdf.safeParse({ html: '<p></p>', fileName }).success, fileName).toBe(true);
  });
});
