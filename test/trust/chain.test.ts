// Tamper evidence (db/trust/chain.ts, verify.ts): R16 says a signed record never changes.
// SQLite's own checks do not see an edited value; the seal chain must, and must name it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decidedMeeting } from '../support/decided';
import { auditLink } from '../../db/trust/audit';
import { bulkHasher, canonicalJson, contentHashOf, GENESIS, KINDS, sha256, linkHash, parseAnchor, readRecord, SEAL_KINDS, SEAL_SELECT, type SealKind, type SealRow } from '../../db/trust/chain';
import { verifyChain } from '../../db/trust/verify';
import { verifyLedger, verifyLedgerInSteps } from '../../db/trust/handlers';
import { freshAt, setupSchool, signedMeeting, type Opened } from './fixture';
import { appendAndVerify } from './appends';
import { tamperTrials } from './tamper';

let t: Opened;
let school: ReturnType<typeof setupSchool>;
let meetings: ReturnType<typeof signedMeeting>[];

beforeAll(() => {
  t = freshAt();
  school = setupSchool(t);
  meetings = [1, 2, 3].map((n) => signedMeeting(t, school, n));
});
afterAll(() => t.dispose());

const seals = () => t.ledger.sqlite.prepare(`${SEAL_SELECT} ORDER BY id`).all() as SealRow[];

/** Run `edit` with triggers and foreign keys off, verify, roll back. */
function afterEdit(edit: () => void) {
  const db = t.ledger.sqlite;
  db.pragma('foreign_keys = OFF');
  db.exec('BEGIN');
  try {
    db.exec('DROP TRIGGER seals_no_update; DROP TRIGGER seals_no_delete;');
    edit();
    return verifyChain(t.ledger);
  } finally {
    db.exec('ROLLBACK');
    db.pragma('foreign_keys = ON');
  }
}

describe('sealing at signature (R16)', () => {
  it('R16 minutes.sign seals the revision and every locked record of the meeting, chained from genesis', () => {
    const all = seals();
    expect(new Set(all.map((s) => s.kind))).toEqual(new Set(SEAL_KINDS));
    // Per meeting: 1 meeting, 8 attendance, 2 entries, 12 statements, 2 recusals, 2 opinions, 2 ballots, 2 decisions, 1 minutes, 9 names in the roster.
    expect(all.filter((s) => s.meetingId === meetings[0]!.meetingId)).toHaveLength(41);
    expect(all[0]!.prevHash).toBe(GENESIS);
    all.forEach((s, i) => {
      expect(s.hash).toBe(linkHash(s.prevHash, s.contentHash));
      if (i > 0) expect(s.prevHash).toBe(all[i - 1]!.hash);
      expect(s.operator).toBe('测试秘书');
    });
    expect(meetings[2]!.anchor).toBe(`${all.length}-${all[all.length - 1]!.hash.slice(0, 12)}`);
  });

  it('the content hash is over canonical JSON: key order never matters, any value change does', () => {
    expect(canonicalJson({ b: 1, a: [{ y: null, x: '同意' }] })).toBe('{"a":[{"x":"同意","y":null}],"b":1}');
    const meta = { kind: 'statement', refId: 1, meetingId: 1, operator: '甲', at: '2026-01-01T00:00:00Z' };
    expect(contentHashOf(meta, { a: 1, b: '2' })).toBe(contentHashOf(meta, { b: '2', a: 1 }));
    expect(contentHashOf(meta, { a: 1, b: '2' })).not.toBe(contentHashOf(meta, { a: 1, b: 2 }));
    expect(contentHashOf(meta, { a: 1 })).not.toBe(contentHashOf({ ...meta, operator: '乙' }, { a: 1 }));
  });

  it('the bulk hashers verify uses give exactly the canonical hashes, for every kind and odd values', () => {
    const odd = [null, 0, -1.5, 2 ** 40, '', '"引号"\\\n\u2028', '同意', Buffer.from([0, 255])];
    SEAL_KINDS.forEach((kind, k) => {
      const h = bulkHasher(kind);
      const cols = KINDS[kind].columns;
      for (let n = 0; n < 20; n++) {
        const row = cols.map((_, i) => odd[(i * 7 + n + k) % odd.length]);
        const record = Object.fromEntries(cols.map((c, i) => [c, row[i]]));
        const meta = { kind, refId: n + 1, meetingId: n % 3, operator: n % 2 ? '甲' : 'x"y', at: '2026-01-01T00:00:00Z' };
        expect(h.hash(meta, row)).toBe(contentHashOf(meta, record));
      }
    });
    const row = { id: 7, at: '2026-01-01T00:00:00Z', operator: '甲"', channel: 'entries.vote', summary: '{"a":"\\n"}' };
    expect(auditLink(GENESIS, row)).toBe(sha256(GENESIS + canonicalJson({ ...row })));
  });

  it('trust.verify passes on an untouched ledger; what no outside anchor vouches for is called 未锚定, not all well', () => {
    // No backup and no code typed: nothing outside the file vouches for any seal.
    const r = t.ok('trust.verify', {});
    expect(r).toMatchObject({ ok: true, state: 'unanchored', sealed: 123, meetings: 3, broken: null, anchoredTo: 0 });
    expect(r.unanchored).toMatchObject({ from: 1, count: 123 });
    expect(r.message).toMatch(/^未发现改动：3次会议的123条锁定记录与存证一致，操作记录完整。但.*未锚定/);
    // The code printed on the 2nd meeting's minutes vouches for meetings 1–2; the 3rd stays unanchored.
    const typed = t.ok('trust.verify', { anchor: meetings[1]!.anchor! });
    expect(typed.anchors).toEqual([{ source: '会议纪要上印的存证码', anchor: meetings[1]!.anchor, result: 'match' }]);
    expect(typed).toMatchObject({ state: 'unanchored', anchoredTo: 82, unanchored: { from: 83, count: 41, meetings: ['2026年第3次党委会议（2026年1月8日）'] } });
    const head = t.ok('trust.verify', { anchor: meetings[2]!.anchor! });
    expect(head).toMatchObject({ ok: true, state: 'ok', anchoredTo: 123, unanchored: null });
    expect(head.message).toBe('核验通过：3次会议的123条锁定记录与存证一致，操作记录完整，与1个外部存证码相符。');
  });

  it('verify in steps gives the same report as verify at once, on its own snapshot, with progress', async () => {
    const ticks: number[] = [];
    const stepped = await verifyLedgerInSteps(t.ledger.file, meetings[1]!.anchor!, (p) => {
      expect(p.done).toBeLessThanOrEqual(p.total);
      ticks.push(p.done);
    });
    expect(stepped).toEqual(verifyLedger(t.ledger, meetings[1]!.anchor!));
    expect(ticks).toEqual([...ticks].sort((a, b) => a - b));
  });

  it('signing a 勘误 revision seals only the new revision, on the same chain', () => {
    const before = seals().length;
    const { minutesId } = t.ok('minutes.revise', { minutesId: meetings[0]!.minutesId, reason: '更正错字' });
    t.ok('minutes.sign', { minutesId, personId: meetings[0]!.hostId });
    const after = seals();
    expect(after).toHaveLength(before + 1);
    expect(after[after.length - 1]).toMatchObject({ kind: 'minutes', refId: minutesId });
    expect(verifyChain(t.ledger).ok).toBe(true);
  });
});

describe('a locked record edited with SQL is found and named (R16)', () => {
  const edits: { kind: string; table: string; set: string }[] = [
    { kind: 'meeting', table: 'meetings', set: "place = '校外'" },
    { kind: 'attendance', table: 'attendance', set: "status = '缺席'" },
    { kind: 'entry', table: 'agenda_entries', set: 'votes_for = votes_for + 2' },
    { kind: 'entry', table: 'agenda_entries', set: `tally = json_set(tally, '$.passed', json('false'))` },
    { kind: 'statement', table: 'statements', set: "position = '不同意'" },
    { kind: 'recusal', table: 'recusals', set: "reason = '无'" },
    { kind: 'opinion', table: 'written_opinions', set: "text = '不同意'" },
    { kind: 'ballot', table: 'ballots', set: "choice = '反对'" },
    { kind: 'decision', table: 'decisions', set: "text = text || '（追加一句）'" },
    { kind: 'minutes', table: 'minutes', set: "content = json_set(content, '$.opening', '改过的开头')" },
  ];
  for (const e of edits) {
    it(`R16 ${e.kind}: UPDATE ${e.table} SET ${e.set}`, () => {
      const target = seals().filter((s) => s.kind === e.kind)[1] ?? seals().find((s) => s.kind === e.kind)!;
      const position = seals().findIndex((s) => s.id === target.id) + 1;
      const report = afterEdit(() => t.ledger.sqlite.prepare(`UPDATE ${e.table} SET ${e.set} WHERE id = ?`).run(target.refId));
      expect(report.ok).toBe(false);
      expect(report.broken).toMatchObject({ reason: 'record_changed', kind: e.kind, refId: target.refId, position });
      expect(report.message).toMatch(/^核验未通过：\d{4}年第\d+次党委会议（\d{4}年\d+月\d+日）的/);
    });
  }

  it('R16 a statement added to a signed meeting after signing has no seal and is named', () => {
    const entry = seals().find((s) => s.kind === 'entry')!;
    const report = afterEdit(() => {
      t.ledger.sqlite
        .prepare("INSERT INTO statements (entry_id, person_id, seq, position, note, recorded_at, operator) VALUES (?, 1, 99, '不同意', '', '2026-04-01', '某人')")
        .run(entry.refId);
    });
    expect(report.broken).toMatchObject({ reason: 'unsealed_record', kind: 'statement' });
    expect(report.broken!.message).toContain('签发锁定之后才出现');
  });

  it('R16 signed minutes flipped back to draft, and a draft flipped to "signed" outside minutes.sign, are both found', () => {
    const t2 = freshAt();
    const s2 = setupSchool(t2);
    const signed = signedMeeting(t2, s2, 1);
    const unsigned = decidedMeeting(t2, s2, { startsAt: '2026-02-10T15:00' });
    const { minutesId: draft } = t2.ok('minutes.generate', { meetingId: unsigned.meetingId });
    expect(verifyChain(t2.ledger).ok).toBe(true);
    t2.ledger.sqlite.prepare("UPDATE minutes SET state = 'draft' WHERE id = ?").run(signed.minutesId);
    expect(verifyChain(t2.ledger).broken).toMatchObject({ reason: 'record_changed', kind: 'minutes', refId: signed.minutesId });
    t2.ledger.sqlite.prepare("UPDATE minutes SET state = 'signed' WHERE id = ?").run(signed.minutesId);
    t2.ledger.sqlite.prepare("UPDATE minutes SET state = 'signed' WHERE id = ?").run(draft);
    expect(verifyChain(t2.ledger).broken).toMatchObject({ reason: 'unsealed_record', kind: 'minutes', refId: draft, meetingId: unsigned.meetingId });
    t2.dispose();
  });

  it('a chain recomputed from scratch after an edit passes the walk but not the anchor printed on the minutes', () => {
    const printed = parseAnchor(meetings[2]!.anchor!)!;
    const db = t.ledger.sqlite;
    db.exec('BEGIN');
    try {
      db.exec('DROP TRIGGER seals_no_update;');
      const first = seals().find((s) => s.kind === 'statement')!;
      db.prepare("UPDATE statements SET position = '不同意' WHERE id = ?").run(first.refId);
      // The forger knows the algorithm and recomputes every seal.
      let prev = GENESIS;
      for (const s of seals()) {
        const content = contentHashOf(s, readRecord(t.ledger, s.kind as SealKind, s.refId)!);
        const hash = linkHash(prev, content);
        db.prepare('UPDATE seals SET content_hash = ?, prev_hash = ?, hash = ? WHERE id = ?').run(content, prev, hash, s.id);
        prev = hash;
      }
      expect(verifyChain(t.ledger).ok).toBe(true); // the walk alone is fooled …
      const r = verifyChain(t.ledger, [{ anchor: printed, source: '会议纪要上印的存证码' }]);
      expect(r.broken).toMatchObject({ reason: 'anchor_mismatch', position: printed.count });
      expect(r.message).toContain(meetings[2]!.anchor!);
    } finally {
      db.exec('ROLLBACK');
    }
  });

  it('a chain cut short (last seals deleted with their records) is found only against the anchor', () => {
    const all = seals();
    const anchor = { anchor: { count: all.length, hash: all[all.length - 1]!.hash }, source: '备份「x」' };
    const db = t.ledger.sqlite;
    db.pragma('foreign_keys = OFF');
    db.exec('BEGIN');
    try {
      db.exec('DROP TRIGGER seals_no_delete;');
      const last = all[all.length - 1]!;
      db.prepare('DELETE FROM minutes WHERE id = ?').run(last.refId);
      db.prepare('DELETE FROM seals WHERE id = ?').run(last.id);
      expect(verifyChain(t.ledger).ok).toBe(true); // looks consistent on its own
      const r = verifyChain(t.ledger, [anchor]);
      expect(r.broken).toMatchObject({ reason: 'truncated', position: all.length });
      expect(r.anchors[0]!.result).toBe('beyond');
    } finally {
      db.exec('ROLLBACK');
      db.pragma('foreign_keys = ON');
    }
  });
});

describe('random tampering with SQL, triggers dropped', () => {
  it('R16 100 random edits, deletes and inserts: every one found at the first bad record', () => {
    const trials = tamperTrials(t.ledger, 100, 7);
    const missed = trials.filter((x) => !x.found).map((x) => `${x.what} → ${x.report.broken?.reason ?? 'ok'} @${x.report.broken?.position}`);
    expect(missed).toEqual([]);
    const kinds = new Set(trials.map((x) => x.what.split(' ')[0]));
    expect(kinds).toEqual(new Set(['edit', 'delete', 'insert']));
  });
});

describe('no false positives', () => {
  it('1,000 appends across signed meetings with odd text: the chain verifies after every signing', () => {
    const s = appendAndVerify(1000);
    expect(s.problems).toEqual([]);
    expect(s.falsePositives).toBe(0);
    expect(s.appends).toBeGreaterThanOrEqual(1000);
    expect(s.verifies).toBe(s.meetings);
  }, 120_000);
});
