// 操作日志 reads as sentences: time, who, and what was done in words — never a channel name or JSON.
import { describe, expect, it } from 'vitest';
import { contract } from '../../db/contract';
import { DESCRIBED } from '../../db/journal/sentences';
import { meetingSchool } from './meetings-fixture';

describe('journal.list', () => {
  it('every write command has a sentence', () => {
    const writes = Object.entries(contract).filter(([, spec]) => spec.kind === 'write').map(([name]) => name);
    expect(writes.filter((w) => !DESCRIBED.includes(w as never))).toEqual([]);
  });

  it('reads the log as sentences, latest first, with the names of what was touched', () => {
    const m = meetingSchool();
    m.t.ledger.operator = '吴秘书';
    const { entryIds } = m.sitting();
    m.t.setNow('2026-03-25T14:32:00');
    m.state(entryIds[0]!, ['李明华']);
    m.t.ok('entries.amendStatement', { entryId: entryIds[0]!, personId: m.id('李明华'), stance: '不同意' });
    const page = m.t.ok('journal.list', { limit: 3 });
    const local = new Date('2026-03-25T14:32:00');
    const when = `${local.getFullYear()}年${local.getMonth() + 1}月${local.getDate()}日 14:32`;
    expect(page.rows.map((r) => r.sentence)).toEqual([
      `${when} 吴秘书 更正了 李明华 对「议题A1」的表态，改为：不同意`,
      `${when} 吴秘书 记录了 李明华 对「议题A1」的表态：同意`,
      expect.stringContaining('吴秘书 登记了2026年第1次党委会议的出席情况'),
    ]);
    const all = m.t.ok('journal.list', { limit: 500 });
    for (const r of all.rows) {
      expect(r.sentence, r.sentence).not.toMatch(/[{}"]|[a-z]+\.[a-z]+|undefined|null/);
    }
    expect(all.rows.at(-1)!.what).toBe('完成了学校设置（青山县第一中学）');
    expect(all.rows.map((r) => r.what)).toContain('把议题「议题A1」列入2026年第1次党委会议议程');
  });

  it('a summary cut short, or a record since removed, still gives a sentence', async () => {
    const { describe: say, namesOf } = await import('../../db/journal/sentences');
    const m = meetingSchool();
    const names = namesOf(m.t.ledger);
    expect(say('items.update', '{"itemId":999,"title":"很长的标', names)).toBe('修改了议题');
    expect(say('entries.statement', '{"entryId":5,"personId":1,"stance":"同', names)).toBe('记录了 王建国 对议题的表态：');
    expect(say('org.setup', '{"name":"青山县第一中学","members":[{"name":"王', names)).toBe('完成了学校设置（青山县第一中学）');
    expect(say('unknown.channel', '{}', names)).toBe('进行了一项操作');
  });
});
