// 报送包 and the district import (J2): the trust promise. A signed, sealed bundle from a school is
// imported once; another sender, the wrong key, a replayed old bundle, a gap in the chain, a
// rewritten chain and a school clock set back are each refused with a Chinese reason, and the
// district file is left byte for byte as it was. Attacks on the file itself (tampered, cut,
// relabelled, version 1 bytes): test/ledger/envelope.test.ts.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { District } from '../../db/district/store';
import { openBundle, packBundle, schoolKey } from '../../db/report/envelope';
import type { BundleBody } from '../../db/report/body';
import { bundleBody, bundlePayload, gzipWriter } from '../../db/report/bundle';
import { chainSegment } from '../../db/report/read';
import { type ChainKind, contentHashOf, GENESIS, linkHash, readRecord, SEAL_SELECT, type SealRow } from '../../db/trust/chain';
import { schoolWithSignedMeeting, signedMeeting } from '../support/decided';
import type { TestLedger } from '../support/ledger';
import { freshDistrict, refused } from '../support/district';

function make(t: TestLedger, orgId: number, from: string, to: string, seal = true, chainFrom?: 'last' | 'start') {
  return Buffer.from(t.ok('report.make', { orgId, from, to, seal, chainFrom }).base64, 'base64');
}

function setUp() {
  const dist = freshDistrict();
  const { t, school } = schoolWithSignedMeeting();
  t.ok('report.setDistrictKey', { text: dist.ok('district.info', {}).keyFile.text });
  const fp = t.ok('report.key', {}).fingerprint;
  dist.ok('district.register', { name: '青山县第一中学', fingerprint: fp });
  return { dist, t, school };
}

describe('报送包: the school side', () => {
  it('holds the period, the chain with its records, a manifest; signs; seals for the district; records what was made', () => {
    const { dist, t, school } = setUp();
    t.setNow('2026-07-20T10:00:00');
    const preview = t.ok('report.preview', { orgId: school.orgId, from: '2026-02-01', to: '2026-07-31', label: '2025—2026学年第二学期' });
    expect(preview.period).toBe('2025—2026学年第二学期');
    expect(preview.contents).toContainEqual({ label: '会议', count: 1 });
    expect(preview.chain).toMatch(/^存证链第1至\d+条（本校记录\d+条）$/);
    expect(preview.district?.name).toBe('青山县教育工委');
    const made = t.ok('report.make', { orgId: school.orgId, from: '2026-02-01', to: '2026-07-31', label: '2025—2026学年第二学期', seal: true });
    expect(made.fileName).toBe('青山县第一中学报送包（2025—2026学年第二学期）.yishi-bundle');
    const bytes = Buffer.from(made.base64, 'base64');
    // Sealed: nothing of the school, its records or its name is readable on the stick.
    expect(bytes.toString('utf8')).not.toContain('青山');
    expect(() => openBundle(bytes)).toThrow(/需要本区的密钥/);
    const opened = openBundle(bytes, dist.d.key);
    const body = JSON.parse(zlib.gunzipSync(opened.payload).toString('utf8')) as BundleBody;
    expect(body.manifest.school.name).toBe('青山县第一中学');
    expect(body.manifest.counts.decisions).toBe(2);
    expect(body.chain.seals.length).toBeGreaterThan(10);
    expect(body.chain.seals.every((s) => s.own && s.record)).toBe(true);
    expect(body.chain.anchors).toHaveLength(1);
    const history = t.ok('report.history', { orgId: school.orgId });
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ period: '2025—2026学年第二学期', range: '2026年2月1日至2026年7月31日', sealed: '已加密' });
  });

  it('keeps secret ballots as counts only', () => {
    const { t, school } = setUp();
    const body = bodyOf(make(t, school.orgId, '2026-01-01', '2026-12-31', false));
    const secret = body.records.agenda_entries.filter((e) => e.vote_method === '无记名投票').map((e) => e.id);
    expect(body.records.ballots.filter((b) => secret.includes(b.entry_id))).toEqual([]);
  });
});

describe('报送包: the body is written while it is read', () => {
  it('the streamed payload is the same object as the body collected in memory, for a whole chain and for the seals since the last bundle', () => {
    const { t, school } = setUp();
    signedMeeting(t, school, '2026-05-12T15:00');
    const req = { orgId: school.orgId, from: '2026-01-01', to: '2026-12-31', seal: false } as const;
    for (const chainFrom of ['start', 'last'] as const) {
      const streamed = JSON.parse(zlib.gunzipSync(bundlePayload(t.ledger, { ...req, chainFrom }).payload).toString('utf8')) as BundleBody;
      const collected = bundleBody(t.ledger, { ...req, chainFrom });
      expect(streamed).toEqual(JSON.parse(JSON.stringify(collected)));
      expect(streamed.chain.seals.length).toBeGreaterThan(20);
      expect(streamed.chain.anchors).toHaveLength(2);
    }
    // After one bundle, 'last' starts where it ended: only a later meeting's seals travel, numbered on from there.
    const first = bodyOf(make(t, school.orgId, '2026-01-01', '2026-06-30', false));
    t.setNow('2026-09-01T09:00:00');
    signedMeeting(t, school, '2026-09-10T15:00');
    const next = bundleBody(t.ledger, { ...req, chainFrom: 'last' });
    const head = first.manifest.chain.head!;
    expect(next.manifest.chain.from).toEqual(head);
    expect(next.chain.seals[0]!.position).toBe(head.count + 1);
    expect(next.chain.seals[0]!.prevHash).toBe(head.hash);
    expect(next.chain.seals.length).toBe(next.manifest.chain.head!.count - head.count);
  });

  it('a bundle with nothing new since the last one has an empty segment whose head is the last head', () => {
    const { t, school } = setUp();
    const first = bodyOf(make(t, school.orgId, '2026-01-01', '2026-06-30', false));
    const again = bundleBody(t.ledger, { orgId: school.orgId, from: '2026-07-01', to: '2026-12-31', seal: false, chainFrom: 'last' });
    expect(again.chain.seals).toEqual([]);
    expect(again.manifest.chain.from).toEqual(first.manifest.chain.head);
    expect(again.manifest.chain.head).toEqual(first.manifest.chain.head);
    const streamed = JSON.parse(zlib.gunzipSync(bundlePayload(t.ledger, { orgId: school.orgId, from: '2026-07-01', to: '2026-12-31', seal: false, chainFrom: 'last' }).payload).toString('utf8')) as BundleBody;
    expect(streamed.chain).toEqual({ seals: [], anchors: [] });
  });

  it('reads the chain in keyset pages without losing or repeating a seal at a page edge, from the start and from the middle', () => {
    const { t, school } = setUp();
    signedMeeting(t, school, '2026-05-12T15:00');
    const whole = chainSegment(t.ledger, school.orgId, 0);
    const n = whole.seals.length;
    expect(n).toBeGreaterThan(20);
    for (const pageSize of [1, 3, 7, n, n + 1]) {
      expect(chainSegment(t.ledger, school.orgId, 0, pageSize)).toEqual(whole);
      const mid = chainSegment(t.ledger, school.orgId, 11, pageSize);
      expect(mid.seals).toEqual(whole.seals.slice(11));
      expect(mid.from).toEqual({ count: 11, hash: whole.seals[10]!.hash });
      expect(mid.head).toEqual(whole.head);
    }
    // Past the end (a ledger restored from an older backup): nothing, as before.
    expect(chainSegment(t.ledger, school.orgId, n + 5, 3)).toEqual({ seals: [], from: null, head: null });
    expect(chainSegment(t.ledger, school.orgId, n, 3)).toEqual({ seals: [], from: whole.head, head: whole.head });
  });

  it('gzip written in pieces is one gzip file that reads back as the whole text', () => {
    const out = gzipWriter(1000);
    const pieces = Array.from({ length: 500 }, (_, i) => `{"n":${i},"text":"会议纪要第${i}条"}`);
    for (const p of pieces) out.write(p);
    const gz = out.end();
    // More than one member (each starts with the gzip magic 1f 8b 08)...
    expect(gz.toString('hex').split('1f8b08').length - 1).toBeGreaterThan(5);
    // ...and gunzip, as the district runs it, reads them as one text.
    expect(zlib.gunzipSync(gz).toString('utf8')).toBe(pieces.join(''));
    expect(gzipWriter().end()).toEqual(Buffer.alloc(0));
  });
});

function bodyOf(bytes: Buffer, district?: District): BundleBody {
  return JSON.parse(zlib.gunzipSync(openBundle(bytes, district?.key).payload).toString('utf8')) as BundleBody;
}

describe('district import: accepted once', () => {
  it('imports a bundle, and the same bundle twice changes nothing', () => {
    const { dist, t, school } = setUp();
    const bytes = make(t, school.orgId, '2026-02-01', '2026-07-31');
    const first = dist.ok('district.import', { base64: bytes.toString('base64') });
    expect(first.state).toBe('imported');
    const before = dist.fingerprint();
    const again = dist.ok('district.import', { base64: bytes.toString('base64') });
    expect(again.state).toBe('already');
    expect(again.message).toContain('已经导入过');
    expect(dist.fingerprint()).toEqual(before);
    const view = dist.ok('district.view', {});
    expect(view.schools[0]!.name).toBe('青山县第一中学');
    expect(view.schools[0]!.values.consultedShare).toBe(100);
    expect(view.schools[0]!.text.firstTopicShare).toBe('100%');
  });

  it("collects the worker's garbage once, between the body's text and its parse (never for a bundle already in or refused before it is read)", () => {
    const { dist, t, school } = setUp();
    const bytes = make(t, school.orgId, '2026-02-01', '2026-07-31');
    const seen: string[] = [];
    // What the worker passes (electron/district-worker.ts): here it notes when it runs.
    dist.d.collect = () => seen.push(dist.d.sqlite.inTransaction ? 'in the import' : 'outside');
    expect(dist.ok('district.import', { base64: bytes.toString('base64') }).state).toBe('imported');
    expect(seen).toEqual(['in the import']);
    expect(dist.ok('district.import', { base64: bytes.toString('base64') }).state).toBe('already');
    const tampered = Buffer.from(bytes);
    tampered[tampered.length - 100]! ^= 1;
    expect(dist.call('district.import', { base64: tampered.toString('base64') }).ok).toBe(false);
    expect(seen).toHaveLength(1);
  });

  it('continues the chain with the next period, and a corrected bundle replaces only through supersede (audited)', () => {
    const { dist, t, school } = setUp();
    dist.ok('district.import', { base64: make(t, school.orgId, '2026-02-01', '2026-03-31').toString('base64') });
    signedMeeting(t, school, '2026-04-20T15:00');
    t.setNow('2026-05-01T09:00:00');
    const april = make(t, school.orgId, '2026-04-01', '2026-04-30');
    expect(dist.ok('district.import', { base64: april.toString('base64') }).state).toBe('imported');
    // A corrected April bundle (made later, same period): refused as covered, accepted via supersede.
    t.setNow('2026-05-02T09:00:00');
    const corrected = make(t, school.orgId, '2026-04-01', '2026-04-30', true);
    const r = dist.call('district.import', { base64: corrected.toString('base64') });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ reason: 'period_covered' });
    // Before the secretary confirms: which bundle it replaces, and nothing written by asking.
    const before = dist.fingerprint();
    const preview = dist.ok('district.supersedePreview', { base64: corrected.toString('base64') });
    expect(preview).toMatchObject({ school: '青山县第一中学', range: '2026年4月1日至2026年4月30日', what: '青山县第一中学「2026年4月1日至2026年4月30日」', replaces: { madeAt: '2026年5月1日 09:00' }, by: { madeAt: '2026年5月2日 09:00' } });
    expect(preview.replaces.contents).toMatch(/会议\d+条/);
    expect([preview.school, preview.period, preview.range, ...Object.values(preview.replaces), ...Object.values(preview.by)].join('')).not.toMatch(/[A-Za-z]{3,}|undefined|null/);
    expect(dist.fingerprint()).toEqual(before);
    // A bundle with no imported one of its period to replace, or one already in, is refused the same way.
    const other = make(t, school.orgId, '2026-05-01', '2026-05-02', true);
    expect(dist.call('district.supersedePreview', { base64: other.toString('base64') })).toMatchObject({ ok: false, error: { reason: 'nothing_to_supersede' } });
    expect(dist.call('district.supersedePreview', { base64: april.toString('base64') })).toMatchObject({ ok: false, error: { message: expect.stringMatching(/已经导入过，不需要替换。$/) } });
    expect(dist.fingerprint()).toEqual(before);
    const s = dist.ok('district.supersede', { base64: corrected.toString('base64'), reason: '补录督办进展' });
    expect(s.state).toBe('superseded');
    const audit = dist.ok('district.audit', {});
    expect(audit[0]).toMatchObject({ action: '以更正包替换' });
    expect(audit[0]!.summary).toContain('补录督办进展');
    const detail = dist.ok('district.school', { schoolId: dist.ok('district.view', {}).schools[0]!.schoolId })!;
    expect(detail.bundles.map((b) => b.state)).toEqual(['有效', '已被更正包替换', '有效']);
  });
});

describe('district import: refused with its reason, the district file unchanged', () => {
  it('signed with another key (an unregistered school, or a forged sender)', () => {
    const { dist, t, school } = setUp();
    const body = bodyOf(make(t, school.orgId, '2026-02-01', '2026-07-31', false));
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yishi-other-'));
    try {
      const other = schoolKey(path.join(dir, 'ledger.sqlite'));
      body.manifest.key.fingerprint = other.fingerprint;
      refused(dist, packBundle(zlib.gzipSync(Buffer.from(JSON.stringify(body))), other), 'unknown_school', /没有登记密钥指纹/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('sealed for another district', () => {
    const { dist, t, school } = setUp();
    const other = freshDistrict();
    t.ok('report.setDistrictKey', { text: other.ok('district.info', {}).keyFile.text });
    refused(dist, make(t, school.orgId, '2026-02-01', '2026-07-31'), 'wrong_key', /另一个区/);
  });

  it('a replayed old bundle', () => {
    const { dist, t, school } = setUp();
    // Made in March for January and never sent; the March bundle is imported.
    const january = make(t, school.orgId, '2026-01-01', '2026-01-31', true, 'start');
    dist.ok('district.import', { base64: make(t, school.orgId, '2026-02-01', '2026-03-31', true, 'start').toString('base64') });
    signedMeeting(t, school, '2026-04-20T15:00');
    t.setNow('2026-05-01T09:00:00');
    dist.ok('district.import', { base64: make(t, school.orgId, '2026-04-01', '2026-04-30').toString('base64') });
    // Replayed in May: its chain stops before April's meeting.
    refused(dist, january, 'replayed', /较早的报送包（存证链只到第\d+条）/);
  });

  it('a gap in the chain (the bundle before it never arrived)', () => {
    const { dist, t, school } = setUp();
    make(t, school.orgId, '2026-02-01', '2026-03-31'); // lost on the way
    signedMeeting(t, school, '2026-04-20T15:00');
    t.setNow('2026-05-01T09:00:00');
    refused(dist, make(t, school.orgId, '2026-04-01', '2026-04-30'), 'gap', /缺少第1至\d+条存证/);
  });

  it('a rewritten chain: a record changed after signing and every hash recomputed (consistent, but not what the district saw)', () => {
    const { dist, t, school } = setUp();
    dist.ok('district.import', { base64: make(t, school.orgId, '2026-02-01', '2026-03-31').toString('base64') });
    const db = t.ledger.sqlite;
    for (const trg of db.prepare("SELECT name FROM sqlite_master WHERE type='trigger'").all() as { name: string }[]) db.exec(`DROP TRIGGER "${trg.name}"`);
    db.prepare("UPDATE agenda_entries SET votes_for = 4, votes_against = 2 WHERE id = 1").run();
    let prev = GENESIS;
    for (const s of db.prepare(`${SEAL_SELECT} ORDER BY id`).all() as SealRow[]) {
      const content = contentHashOf(s, readRecord(t.ledger, s.kind as ChainKind, s.refId)!);
      const hash = linkHash(prev, content);
      db.prepare('UPDATE seals SET content_hash = ?, prev_hash = ?, hash = ? WHERE id = ?').run(content, prev, hash, s.id);
      prev = hash;
    }
    t.setNow('2026-05-01T09:00:00');
    refused(dist, make(t, school.orgId, '2026-04-01', '2026-04-30', true, 'start'), 'rewritten_chain', /第\d+条及之前的记录被改写过/);
  });

  it('a broken chain: a sealed record changed and the seals left as they were', () => {
    const { dist, t, school } = setUp();
    const db = t.ledger.sqlite;
    for (const trg of db.prepare("SELECT name FROM sqlite_master WHERE type='trigger'").all() as { name: string }[]) db.exec(`DROP TRIGGER "${trg.name}"`);
    db.prepare("UPDATE agenda_entries SET votes_for = 4, votes_against = 2 WHERE id = 1").run();
    refused(dist, make(t, school.orgId, '2026-02-01', '2026-03-31'), 'broken_chain', /锁定的记录与存证不一致/);
  });

  it("a school's clock set back", () => {
    const { dist, t, school } = setUp();
    t.setNow('2026-04-01T09:00:00');
    dist.ok('district.import', { base64: make(t, school.orgId, '2026-02-01', '2026-03-31').toString('base64') });
    // The clock goes back to February: a meeting signed "then", a bundle made "then".
    signedMeeting(t, school, '2026-02-20T15:00');
    t.setNow('2026-02-25T09:00:00');
    refused(dist, make(t, school.orgId, '2026-04-01', '2026-04-30'), 'clock', /时钟被调回/);
  });
});

describe('district.rename: the name on the district papers', () => {
  it('prints the new name on the key file and the 汇总报告, logs the change, and refuses an empty or overlong name with nothing changed', () => {
    const dist = freshDistrict();
    expect(dist.ok('district.rename', { name: '  青山县委教育工委  ' })).toEqual({ name: '青山县委教育工委' });
    expect(dist.ok('district.info', {}).name).toBe('青山县委教育工委');
    expect(dist.ok('district.info', {}).keyFile.fileName).toBe('青山县委教育工委报送公钥.yishi-district-key');
    expect(dist.ok('district.summaryHtml', {}).html).toContain('青山县委教育工委各校议事决策情况汇总报告');
    const log = dist.ok('district.audit', {});
    expect(log[0]).toMatchObject({ action: '更改单位名称', summary: '由「青山县教育工委」改为「青山县委教育工委」', operator: '区督导' });
    // The same name again writes nothing.
    const same = dist.fingerprint();
    dist.ok('district.rename', { name: '青山县委教育工委' });
    expect(dist.fingerprint()).toEqual(same);
    for (const [name, reason] of [['   ', /「单位名称」不能为空/], ['区'.repeat(41), /「单位名称」不能超过40字/]] as const) {
      const before = dist.fingerprint();
      const r = dist.call('district.rename', { name });
      expect(r.ok).toBe(false);
      expect(r.ok ? '' : r.error.message).toMatch(reason);
      expect(dist.fingerprint()).toEqual(before);
    }
  });
});
