// The 报送包 file itself (db/report/envelope.ts), attacked as an outsider who read the code would:
// every changed header field, lying length, cut, flipped byte, appended byte, relabelled or
// foreign file is refused with its reason (a BundleError, never anything else), and the district
// file is left byte for byte as it was. Version 1 is read from committed old bytes
// (test/fixtures/bundle-v1), never from a writer kept for tests.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { BundleBody } from '../../db/report/body';
import { BundleError, openBundle, packBundle, parseDistrictKeyFile, schoolKey, type DistrictKey } from '../../db/report/envelope';
import { schoolWithSignedMeeting } from '../support/decided';
import { freshDistrict, refused, type TestDistrict } from '../support/district';

const FIXTURE = path.resolve(import.meta.dirname, '../fixtures/bundle-v1');
const fixture = (name: string) => fs.readFileSync(path.join(FIXTURE, name));

// The layout, as documented at the top of envelope.ts.
const MAGIC = Buffer.from('YISHI-BUNDLE\n', 'latin1');
const HEADER_AT = MAGIC.length + 5;
const SIG = 64;
const TAG = 16;

type Code = BundleError['code'] | 'accepted';
/** What the district reports for each envelope refusal (db/district/import.ts). */
const REASON: Record<BundleError['code'], string> = { not_bundle: 'not_bundle', bad_signature: 'bad_signature', damaged: 'bad_signature', wrong_key: 'wrong_key', not_sealed_for_us: 'wrong_key' };

function outcome(bytes: Buffer, key?: DistrictKey | null): Code {
  try {
    openBundle(bytes, key);
    return 'accepted';
  } catch (e) {
    if (e instanceof BundleError) return e.code;
    throw e;
  }
}

/** A version 2 file's parts by offset. */
function partsOf(bytes: Buffer) {
  const start = HEADER_AT + bytes.readUInt32BE(MAGIC.length + 1);
  const header = JSON.parse(bytes.toString('utf8', HEADER_AT, start)) as Record<string, unknown> & { sealed: boolean; length: number };
  const block = header.sealed ? start + TAG : start;
  return { header, start, block, key: block + SIG + 2, payload: block + SIG + 2 + 44 };
}

/** The same file with its header rewritten (and its length prefix fitted). */
function withHeader(bytes: Buffer, change: (h: Record<string, unknown>) => unknown): Buffer {
  const { header, start } = partsOf(bytes);
  const json = Buffer.from(JSON.stringify(change({ ...header })));
  const length = Buffer.alloc(4);
  length.writeUInt32BE(json.length);
  return Buffer.concat([bytes.subarray(0, MAGIC.length + 1), length, json, bytes.subarray(start)]);
}
const flip = (bytes: Buffer, at: number) => {
  const b = Buffer.from(bytes);
  b[at] ^= 0x5a;
  return b;
};
const setU32 = (bytes: Buffer, at: number, n: number) => {
  const b = Buffer.from(bytes);
  b.writeUInt32BE(n, at);
  return b;
};
const setU16 = (bytes: Buffer, at: number, n: number) => {
  const b = Buffer.from(bytes);
  b.writeUInt16BE(n, at);
  return b;
};

/** A school with one signed meeting, registered with a fresh district; its bundle sealed and not. */
function setUp() {
  const dist = freshDistrict();
  const { t, school } = schoolWithSignedMeeting();
  t.ok('report.setDistrictKey', { text: dist.ok('district.info', {}).keyFile.text });
  dist.ok('district.register', { name: '青山县第一中学', fingerprint: t.ok('report.key', {}).fingerprint });
  t.setNow('2026-07-20T10:00:00');
  const make = (seal: boolean) => Buffer.from(t.ok('report.make', { orgId: school.orgId, from: '2026-02-01', to: '2026-07-31', seal, chainFrom: 'start' }).base64, 'base64');
  return { dist, sealed: make(true), plain: make(false) };
}

/** Every case refused as expected by openBundle, then by district.import with the file unchanged; at the end the untouched file imports. */
function expectRefusals(dist: TestDistrict, cases: Record<string, [Buffer, Code | Code[], (DistrictKey | null)?]>, good: Buffer) {
  const got = Object.fromEntries(Object.entries(cases).map(([name, [bytes, want, key]]) => {
    const code = outcome(bytes, key === undefined ? dist.d.key : key);
    return [name, Array.isArray(want) && want.includes(code) ? want : code];
  }));
  expect(got).toEqual(Object.fromEntries(Object.entries(cases).map(([name, [, want]]) => [name, want])));
  for (const [bytes, want, key] of Object.values(cases)) {
    if (key !== undefined) continue; // the district always opens with its own key
    const code = outcome(bytes, dist.d.key) as BundleError['code'];
    refused(dist, bytes, REASON[code]);
    expect([want].flat()).toContain(code);
  }
  expect(dist.ok('district.import', { base64: good.toString('base64') }).state).toBe('imported');
  // The payload is a view into the file's (or the decrypted) bytes: stored as exactly its own bytes.
  const { payload, hash } = openBundle(good, dist.d.key);
  const stored = dist.d.sqlite.prepare('SELECT payload FROM bundles WHERE hash = ?').get(hash) as { payload: Buffer };
  expect(stored.payload.equals(payload)).toBe(true);
  expect(crypto.createHash('sha256').update(stored.payload).digest('hex')).toBe(hash);
}

describe('报送包 version 2: the layout', () => {
  it('starts with the magic and version byte; the header holds no payload; sealed, nothing of the school is readable', () => {
    const { dist, sealed, plain } = setUp();
    for (const bytes of [sealed, plain]) {
      expect(bytes.subarray(0, MAGIC.length)).toEqual(MAGIC);
      expect(bytes[MAGIC.length]).toBe(2);
      const { header, start, block } = partsOf(bytes);
      expect(Object.keys(header).sort()).toEqual(header.sealed ? ['ephemeralKey', 'format', 'iv', 'length', 'recipient', 'sealed', 'version'] : ['format', 'length', 'sealed', 'version']);
      expect(header).toMatchObject({ format: 'yishi-bundle', version: 2 });
      expect(start).toBeLessThan(400);
      expect(bytes.length).toBe(block + header.length);
    }
    expect(partsOf(sealed).header.recipient).toBe(dist.d.key.fingerprint);
    expect(sealed.toString('latin1')).not.toMatch(/青山|yishi-report|manifest/);
    expect(sealed.toString('utf8')).not.toContain('青山');
    // The unsealed file carries the payload as it is: gzip, right after the school's key.
    const { payload } = partsOf(plain);
    expect(plain.subarray(payload, payload + 2).toString('hex')).toBe('1f8b');
    const a = openBundle(sealed, dist.d.key);
    const b = openBundle(plain);
    expect(a.hash).toBe(b.hash);
    expect(a.hash).toBe(crypto.createHash('sha256').update(plain.subarray(payload)).digest('hex'));
    expect([a.sealed, b.sealed]).toEqual([true, false]);
  });

  it('a reader written from the documented layout alone opens a sealed file; with the version 1 HKDF info it cannot', () => {
    const { dist, sealed } = setUp();
    const { header, start, block } = partsOf(sealed);
    const eph = crypto.createPublicKey({ key: Buffer.from(String(header.ephemeralKey), 'base64'), format: 'der', type: 'spki' });
    const raw = (k: crypto.KeyObject) => k.export({ type: 'spki', format: 'der' }).subarray(-32);
    const shared = crypto.diffieHellman({ privateKey: dist.d.key.privateKey, publicKey: eph });
    const open = (info: string) => {
      const key = Buffer.from(crypto.hkdfSync('sha256', shared, Buffer.concat([raw(eph), raw(dist.d.key.publicKey)]), info, 32));
      const d = crypto.createDecipheriv('aes-256-gcm', key, Buffer.from(String(header.iv), 'base64'));
      d.setAAD(sealed.subarray(0, start));
      d.setAuthTag(sealed.subarray(start, start + TAG));
      const out = d.update(sealed.subarray(block));
      d.final();
      return out;
    };
    const plain = open('yishi-bundle v2');
    const keyLength = plain.readUInt16BE(SIG);
    const schoolPublic = crypto.createPublicKey({ key: plain.subarray(SIG + 2, SIG + 2 + keyLength), format: 'der', type: 'spki' });
    const payload = plain.subarray(SIG + 2 + keyLength);
    expect(crypto.verify(null, payload, schoolPublic, plain.subarray(0, SIG))).toBe(true);
    expect((JSON.parse(zlib.gunzipSync(payload).toString('utf8')) as BundleBody).manifest.school.name).toBe('青山县第一中学');
    expect(() => open('yishi-bundle v1')).toThrow(/authenticate/);
  });
});

describe('报送包 version 2: refused with its reason, the district file unchanged', () => {
  it('a sealed file: its header changed, lengths that lie, cut anywhere, a byte flipped, bytes appended, relabelled', () => {
    const { dist, sealed: S } = setUp();
    const other = freshDistrict();
    const p = partsOf(S);
    const n = S.length;
    const anotherKey = crypto.generateKeyPairSync('x25519').publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
    expectRefusals(dist, {
      'recipient changed': [withHeader(S, (h) => ({ ...h, recipient: other.d.key.fingerprint })), 'not_sealed_for_us'],
      'recipient removed': [withHeader(S, (h) => ({ ...h, recipient: undefined })), 'not_sealed_for_us'],
      'ephemeral key replaced': [withHeader(S, (h) => ({ ...h, ephemeralKey: anotherKey })), 'damaged'],
      'ephemeral key not a key': [withHeader(S, (h) => ({ ...h, ephemeralKey: 'AAAA' })), 'damaged'],
      'ephemeral key not text': [withHeader(S, (h) => ({ ...h, ephemeralKey: 7 })), 'damaged'],
      'iv changed': [withHeader(S, (h) => ({ ...h, iv: crypto.randomBytes(12).toString('base64') })), 'damaged'],
      'iv of 16 bytes': [withHeader(S, (h) => ({ ...h, iv: crypto.randomBytes(16).toString('base64') })), 'damaged'],
      'a field added to the header': [withHeader(S, (h) => ({ ...h, note: 'x' })), 'damaged'],
      'header fields reordered': [withHeader(S, (h) => Object.fromEntries(Object.entries(h).reverse())), 'damaged'],
      'length in the header changed': [withHeader(S, (h) => ({ ...h, length: p.header.length - 1 })), 'damaged'],
      'format changed': [withHeader(S, (h) => ({ ...h, format: 'yishi-bundlf' })), 'not_bundle'],
      'header says version 1': [withHeader(S, (h) => ({ ...h, version: 1 })), 'not_bundle'],
      'header says version 3': [withHeader(S, (h) => ({ ...h, version: 3 })), 'not_bundle'],
      'version byte 1': [Buffer.concat([MAGIC, Buffer.from([1]), S.subarray(MAGIC.length + 1)]), 'not_bundle'],
      'version byte 3': [Buffer.concat([MAGIC, Buffer.from([3]), S.subarray(MAGIC.length + 1)]), 'not_bundle'],
      'relabelled unsealed': [withHeader(S, (h) => ({ format: h.format, version: 2, sealed: false, length: h.length })), 'damaged'],
      // The tag and cipher read as signature, key length and key: random, so cut or unreadable.
      'relabelled unsealed, length fitted': [withHeader(S, (h) => ({ format: h.format, version: 2, sealed: false, length: p.header.length + TAG })), ['damaged', 'bad_signature']],
      'header length + 1': [setU32(S, MAGIC.length + 1, p.start - HEADER_AT + 1), 'damaged'],
      'header length - 1': [setU32(S, MAGIC.length + 1, p.start - HEADER_AT - 1), 'damaged'],
      'header length 0': [setU32(S, MAGIC.length + 1, 0), 'damaged'],
      'header length huge': [setU32(S, MAGIC.length + 1, 0xffffffff), 'damaged'],
      'header length longer than the file': [setU32(S, MAGIC.length + 1, n), 'damaged'],
      'cut inside the magic': [S.subarray(0, 5), 'not_bundle'],
      'cut after the magic': [S.subarray(0, MAGIC.length), 'damaged'],
      'cut after the version byte': [S.subarray(0, MAGIC.length + 1), 'damaged'],
      'cut inside the header length': [S.subarray(0, MAGIC.length + 3), 'damaged'],
      'cut after the header length': [S.subarray(0, HEADER_AT), 'damaged'],
      'cut inside the header': [S.subarray(0, HEADER_AT + 20), 'damaged'],
      'cut after the header': [S.subarray(0, p.start), 'damaged'],
      'cut inside the tag': [S.subarray(0, p.start + 8), 'damaged'],
      'cut after the tag': [S.subarray(0, p.block), 'damaged'],
      'cut inside the sealed signature': [S.subarray(0, p.block + 30), 'damaged'],
      'cut in the middle of the cipher': [S.subarray(0, p.block + Math.floor((n - p.block) / 2)), 'damaged'],
      'last byte cut': [S.subarray(0, n - 1), 'damaged'],
      'a header byte flipped': [flip(S, HEADER_AT + 40), ['damaged', 'not_sealed_for_us', 'not_bundle']],
      'a tag byte flipped': [flip(S, p.start + 3), 'damaged'],
      'a byte of the sealed signature flipped': [flip(S, p.block + 10), 'damaged'],
      'a byte of the sealed key flipped': [flip(S, p.key + 30), 'damaged'],
      'a byte of the sealed payload flipped': [flip(S, p.payload + 200), 'damaged'],
      'the last byte flipped': [flip(S, n - 1), 'damaged'],
      'one byte appended': [Buffer.concat([S, Buffer.alloc(1)]), 'damaged'],
      'a kilobyte appended': [Buffer.concat([S, crypto.randomBytes(1024)]), 'damaged'],
      'v1 JSON put in front of the v2 bytes': [Buffer.concat([Buffer.from(JSON.stringify({ format: 'yishi-bundle', version: 1, sealed: true, recipient: dist.d.key.fingerprint })), S]), 'not_bundle'],
      'opened without the district key': [S, 'wrong_key', null],
      "opened with another district's key": [S, 'not_sealed_for_us', other.d.key],
    }, S);
  });

  it('an unsealed file: a byte of signature, key or payload flipped, key lengths that lie, cut anywhere, bytes appended, relabelled sealed', () => {
    const { dist, plain: U } = setUp();
    const p = partsOf(U);
    const n = U.length;
    const sealedHeader = (h: Record<string, unknown>) => ({ ...h, sealed: true, recipient: dist.d.key.fingerprint, ephemeralKey: crypto.generateKeyPairSync('x25519').publicKey.export({ type: 'spki', format: 'der' }).toString('base64'), iv: crypto.randomBytes(12).toString('base64') });
    expectRefusals(dist, {
      'a signature byte flipped': [flip(U, p.block + 5), 'bad_signature'],
      'the key DER prefix changed': [flip(U, p.key + 5), 'bad_signature'],
      'a byte of the raw key flipped': [flip(U, p.key + 40), 'bad_signature'],
      'the first payload byte flipped': [flip(U, p.payload), 'bad_signature'],
      'a payload byte flipped': [flip(U, p.payload + Math.floor((n - p.payload) / 2)), 'bad_signature'],
      'the last byte flipped': [flip(U, n - 1), 'bad_signature'],
      'key length 0': [setU16(U, p.block + SIG, 0), 'damaged'],
      'key length huge': [setU16(U, p.block + SIG, 0xffff), 'damaged'],
      'key length + 1': [setU16(U, p.block + SIG, 45), 'bad_signature'],
      'key length - 1': [setU16(U, p.block + SIG, 43), 'bad_signature'],
      'length in the header 0': [withHeader(U, (h) => ({ ...h, length: 0 })), 'damaged'],
      'length in the header a fraction': [withHeader(U, (h) => ({ ...h, length: p.header.length + 0.5 })), 'damaged'],
      'length in the header a text': [withHeader(U, (h) => ({ ...h, length: String(p.header.length) })), 'damaged'],
      'sealed flag not a boolean': [withHeader(U, (h) => ({ ...h, sealed: 'no' })), 'damaged'],
      'header not JSON': [Buffer.concat([U.subarray(0, HEADER_AT), Buffer.alloc(p.start - HEADER_AT, 0x20 + 1), U.subarray(p.start)]), 'damaged'],
      'header is JSON null': [withHeader(U, () => null), 'not_bundle'],
      'header is a v1 header': [withHeader(U, () => ({ format: 'yishi-bundle', version: 1, sealed: false, signed: { payload: '', publicKey: '', signature: '' } })), 'not_bundle'],
      'relabelled sealed': [withHeader(U, sealedHeader), 'damaged'],
      'relabelled sealed, length fitted': [withHeader(U, (h) => ({ ...sealedHeader(h), length: p.header.length - TAG })), 'damaged'],
      'relabelled sealed for nobody': [withHeader(U, (h) => ({ ...h, sealed: true })), 'damaged'],
      'cut after the header': [U.subarray(0, p.start), 'damaged'],
      'cut inside the signature': [U.subarray(0, p.block + 32), 'damaged'],
      'cut after the signature': [U.subarray(0, p.block + SIG), 'damaged'],
      'cut after the key length': [U.subarray(0, p.key), 'damaged'],
      'cut inside the key': [U.subarray(0, p.key + 20), 'damaged'],
      'cut after the key': [U.subarray(0, p.payload), 'damaged'],
      'cut in the middle of the payload': [U.subarray(0, p.payload + Math.floor((n - p.payload) / 2)), 'damaged'],
      'last byte cut': [U.subarray(0, n - 1), 'damaged'],
      'one byte appended': [Buffer.concat([U, Buffer.alloc(1)]), 'damaged'],
      'a kilobyte appended': [Buffer.concat([U, crypto.randomBytes(1024)]), 'damaged'],
    }, U);
  });

  it('files that are no bundle: empty, one byte, random, the magic and random, JSON that is not a bundle', () => {
    const { dist, plain } = setUp();
    // An empty file: the envelope says not a bundle; the channel refuses it before (no file chosen).
    expect(outcome(Buffer.alloc(0), dist.d.key)).toBe('not_bundle');
    const before = dist.fingerprint();
    expect(dist.call('district.import', { base64: '' })).toMatchObject({ ok: false, error: { message: '请选择报送包文件' } });
    expect(dist.fingerprint()).toEqual(before);
    expectRefusals(dist, {
      'one byte': [Buffer.from('{'), 'not_bundle'],
      'one zero byte': [Buffer.alloc(1), 'not_bundle'],
      'random bytes': [crypto.randomBytes(4096), 'not_bundle'],
      'the magic and random bytes': [Buffer.concat([MAGIC, Buffer.from([2]), crypto.randomBytes(4096)]), 'damaged'],
      'the magic alone': [MAGIC, 'damaged'],
      'a JSON object': [Buffer.from('{"a":1}'), 'not_bundle'],
      'a JSON array': [Buffer.from('[]'), 'not_bundle'],
      'JSON null': [Buffer.from('null'), 'not_bundle'],
      'a JSON number': [Buffer.from('5'), 'not_bundle'],
      "the district's key file": [Buffer.from(dist.ok('district.info', {}).keyFile.text), 'not_bundle'],
      'a v1 bundle of a newer version': [Buffer.from(JSON.stringify({ format: 'yishi-bundle', version: 2, sealed: false })), 'not_bundle'],
    }, plain);
  });

  it('no single flipped byte and no cut anywhere in the first 400 bytes, nor at every 97th byte after, is accepted or throws anything but a BundleError', () => {
    const { dist, sealed, plain } = setUp();
    for (const bytes of [sealed, plain]) {
      const at = [...Array(Math.min(400, bytes.length)).keys()];
      for (let i = 400; i < bytes.length; i += 97) at.push(i);
      const codes = new Set<Code>();
      for (const i of at) {
        codes.add(outcome(flip(bytes, i), dist.d.key));
        codes.add(outcome(bytes.subarray(0, i), dist.d.key));
      }
      expect(codes.has('accepted')).toBe(false);
    }
  });
});

describe("报送包 version 1: read from the older app's bytes", () => {
  /** A district holding the fixture's key, with the fixture's school registered. */
  function fixtureDistrict() {
    const dist = freshDistrict('2026-08-01T09:00:00', path.join(FIXTURE, 'district-key.pem'));
    dist.ok('district.register', { name: '青山县第一中学', fingerprint: fixture('fingerprint.txt').toString('utf8').trim() });
    fs.copyFileSync(path.join(FIXTURE, 'report-key.pem'), path.join(dist.dir, 'report-key.pem'));
    return { dist, signer: schoolKey(path.join(dist.dir, 'ledger.sqlite')), recipient: parseDistrictKeyFile(dist.ok('district.info', {}).keyFile.text)! };
  }

  it('opens the sealed and the unsealed version 1 file: the school, its signature, its content', () => {
    const { dist, signer } = fixtureDistrict();
    const sealed = openBundle(fixture('sealed.yishi-bundle'), dist.d.key);
    const plain = openBundle(fixture('unsealed.yishi-bundle'));
    expect([sealed.sealed, plain.sealed]).toEqual([true, false]);
    for (const o of [sealed, plain]) {
      expect(o.fingerprint).toBe(signer.fingerprint);
      const body = JSON.parse(zlib.gunzipSync(o.payload).toString('utf8')) as BundleBody;
      expect(body.manifest.school.name).toBe('青山县第一中学');
      expect(body.manifest.counts.decisions).toBe(2);
    }
  });

  it('the same content re-sent as version 2, sealed or not, is recognised as already imported, and the district file is unchanged', () => {
    const { dist, signer, recipient } = fixtureDistrict();
    const v1 = fixture('sealed.yishi-bundle');
    expect(dist.ok('district.import', { base64: v1.toString('base64') }).state).toBe('imported');
    const { payload, hash } = openBundle(v1, dist.d.key);
    const before = dist.fingerprint();
    for (const v2 of [packBundle(payload, signer, recipient), packBundle(payload, signer)]) {
      expect(v2[MAGIC.length]).toBe(2);
      expect(openBundle(v2, dist.d.key).hash).toBe(hash);
      const r = dist.ok('district.import', { base64: v2.toString('base64') });
      expect(r.state).toBe('already');
      expect(r.message).toContain('已经导入过');
    }
    expect(dist.fingerprint()).toEqual(before);
  });

  it('refuses a changed version 1 file with its reason, the district file unchanged', () => {
    const { dist, recipient, signer } = fixtureDistrict();
    const other = freshDistrict();
    const v1 = JSON.parse(fixture('sealed.yishi-bundle').toString('utf8')) as Record<string, string>;
    const plainV1 = JSON.parse(fixture('unsealed.yishi-bundle').toString('utf8')) as { signed: { payload: string } };
    const json = (o: unknown) => Buffer.from(JSON.stringify(o));
    const data = Buffer.from(v1.data!, 'base64');
    data[100] ^= 1;
    const body = JSON.parse(zlib.gunzipSync(Buffer.from(plainV1.signed.payload, 'base64')).toString('utf8')) as BundleBody;
    body.records.agenda_entries[0]!.votes_for = 1;
    // A v2 header over the v1 cipher: another AAD and another HKDF info, so it cannot open.
    const v2 = packBundle(Buffer.from('x'), signer, recipient);
    const p = partsOf(v2);
    const v1Cipher = Buffer.from(v1.data!, 'base64');
    const relabelled = withHeader(Buffer.concat([v2.subarray(0, p.start), Buffer.from(v1.tag!, 'base64'), v1Cipher]), (h) => ({ ...h, ephemeralKey: v1.ephemeralKey, iv: v1.iv, length: v1Cipher.length }));
    expectRefusals(dist, {
      'a byte of the sealed data changed': [json({ ...v1, data: data.toString('base64') }), 'damaged'],
      'the tag changed': [json({ ...v1, tag: crypto.randomBytes(16).toString('base64') }), 'damaged'],
      'the ephemeral key replaced': [json({ ...v1, ephemeralKey: crypto.generateKeyPairSync('x25519').publicKey.export({ type: 'spki', format: 'der' }).toString('base64') }), 'damaged'],
      'the recipient changed': [json({ ...v1, recipient: other.d.key.fingerprint }), 'not_sealed_for_us'],
      'relabelled unsealed': [json({ ...v1, sealed: false }), 'damaged'],
      'a vote changed and re-packed without the key': [json({ ...plainV1, signed: { ...plainV1.signed, payload: zlib.gzipSync(json(body)).toString('base64') } }), 'bad_signature'],
      'the v1 cipher in a v2 file': [relabelled, 'damaged'],
      'cut in the middle': [fixture('sealed.yishi-bundle').subarray(0, 8000), 'not_bundle'],
      'opened without the district key': [fixture('sealed.yishi-bundle'), 'wrong_key', null],
    }, fixture('sealed.yishi-bundle'));
  });
});
