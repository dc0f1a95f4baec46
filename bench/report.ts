// 报送与区域统筹 at scale (issue J2): making one bundle of a 10-year school, importing 48 such
// bundles into a district ledger, and the district view at 48 and at 500 schools (3 years each).
// The schools of a district are clones of one generated school, each signed with its own key and
// named apart: the work per bundle (read, gzip, sign, seal; decrypt, verify, hash the chain,
// compute the facts) is the same as for 48 different schools. Run alone: tsx bench/report.ts
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { dispatch } from '../db/api';
import { dispatchDistrict } from '../db/district/api';
import { openDistrict, type District } from '../db/district/store';
import { openLedger } from '../db/open';
import type { BundleBody } from '../db/report/body';
import { fingerprintOf, openBundle, packBundle, parseDistrictKeyFile, type Signer } from '../db/report/envelope';
import { sealMeeting } from '../db/trust/chain';
import { schoolLedger } from './generate';
import { summarize, time, type Row } from './measure';

const MIGRATIONS = path.resolve(import.meta.dirname, '..', 'migrations');
/** The schools' clock is fixed at the end of 2026; the district imports a few days later. */
const AFTER = new Date('2027-01-05T09:00:00Z');

/** A copy of a generated school whose signed minutes are sealed (the generator writes no seals). */
function sealedSchool(years: number, dir: string, log: (s: string) => void) {
  const src = schoolLedger(years, { log });
  const file = path.join(dir, `school-${years}.sqlite`);
  fs.copyFileSync(src.file, file);
  const ledger = openLedger(file, { migrationsFolder: MIGRATIONS, now: () => new Date('2026-12-31T12:00:00Z'), operator: '基准' });
  const minutes = ledger.sqlite.prepare("SELECT id FROM minutes WHERE state = 'signed' ORDER BY id").all() as { id: number }[];
  ledger.sqlite.transaction(() => {
    for (const m of minutes) sealMeeting(ledger, m.id);
  })();
  return { ledger, orgId: src.orgIds[0]! };
}

function make(ledger: ReturnType<typeof openLedger>, orgId: number, from: string, to: string): Buffer {
  const r = dispatch(ledger, 'report.make', { orgId, from, to, seal: true, chainFrom: 'start' });
  if (!r.ok) throw new Error(r.error.message);
  return Buffer.from((r.value as { base64: string }).base64, 'base64');
}

/** n bundles, one per school, each school with its own key, registered with the district. */
function clones(district: District, body: BundleBody, n: number): Buffer[] {
  const key = parseDistrictKeyFile((dispatchDistrict(district, 'district.info', {}) as { ok: true; value: { keyFile: { text: string } } }).value.keyFile.text)!;
  const out: Buffer[] = [];
  for (let i = 0; i < n; i++) {
    const { privateKey, publicKey } = crypto.generateKeyPairSync('ed25519');
    const signer: Signer = { privateKey, publicKey, fingerprint: fingerprintOf(publicKey), file: '' };
    const name = `基准学校${String(i + 1).padStart(3, '0')}`;
    const copy = { ...body, manifest: { ...body.manifest, school: { ...body.manifest.school, name, ledgerId: `bench-${i}` }, key: { fingerprint: signer.fingerprint } } };
    out.push(packBundle(zlib.gzipSync(Buffer.from(JSON.stringify(copy))), signer, key));
    const r = dispatchDistrict(district, 'district.register', { name, fingerprint: signer.fingerprint });
    if (!r.ok) throw new Error(r.error.message);
  }
  return out;
}

function importAll(district: District, bundles: Buffer[]): number[] {
  return bundles.map((b) => {
    const t0 = performance.now();
    const r = dispatchDistrict(district, 'district.import', { base64: b.toString('base64') });
    if (!r.ok) throw new Error(r.error.message);
    return performance.now() - t0;
  });
}

export function reportRows(options: { runs: number; schools?: number; log?: (s: string) => void }): Row[] {
  const log = options.log ?? (() => {});
  const big = options.schools ?? 500;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yishi-bench-report-'));
  const rows: Row[] = [];
  let peak = process.memoryUsage().rss;
  const note = () => (peak = Math.max(peak, process.memoryUsage().rss));
  try {
    // Each district ledger in its own folder: its sealing key sits next to it.
    fs.mkdirSync(path.join(dir, 'district-48'));
    const district = openDistrict(path.join(dir, 'district-48', 'district.sqlite'), { now: () => AFTER });
    const keyText = (dispatchDistrict(district, 'district.info', {}) as { ok: true; value: { keyFile: { text: string } } }).value.keyFile.text;

    log('报送包：10 年的学校 …');
    const ten = sealedSchool(10, dir, log);
    dispatch(ten.ledger, 'report.setDistrictKey', { text: keyText });
    let bytes: Buffer = Buffer.alloc(0);
    const makeT = time(() => (bytes = make(ten.ledger, ten.orgId, '2017-01-01', '2026-12-31')), Math.max(1, Math.min(5, options.runs)), 1);
    note();
    const body = JSON.parse(zlib.gunzipSync(openBundle(bytes, district.key).payload).toString('utf8')) as BundleBody;
    rows.push({
      group: '报送与区域统筹 (J2)',
      name: 'make one bundle: 10-year school, signed + sealed',
      t: makeT,
      target: '< 5 s',
      met: makeT.median < 5000,
      note: `${(bytes.length / 1024 / 1024).toFixed(1)} MB file, ${body.manifest.counts.meetings} meetings, ${body.chain.seals.length} seals`,
    });
    ten.ledger.close();

    log('导入 48 所学校 …');
    const b48 = clones(district, body, 48);
    const imp = importAll(district, b48);
    note();
    const perSchoolYear = summarize(imp.map((ms) => ms / 10));
    rows.push({ group: '报送与区域统筹 (J2)', name: 'import 48 schools × 10 years: per school-year', t: perSchoolYear, target: '< 2000 ms', met: perSchoolYear.p95 < 2000, note: `all 48: ${(imp.reduce((a, b) => a + b, 0) / 1000).toFixed(1)} s` });
    const view48 = time(() => dispatchDistrict(district, 'district.view', {}), options.runs);
    rows.push({ group: '报送与区域统筹 (J2)', name: 'district view, 48 schools × 10 years', t: view48, target: '< 300 ms', met: view48.p95 < 300 });
    district.close();

    log(`${big} 所学校（各 3 年）…`);
    fs.mkdirSync(path.join(dir, 'district-big'));
    const city = openDistrict(path.join(dir, 'district-big', 'district.sqlite'), { now: () => AFTER });
    const three = sealedSchool(3, dir, log);
    dispatch(three.ledger, 'report.setDistrictKey', { text: (dispatchDistrict(city, 'district.info', {}) as { ok: true; value: { keyFile: { text: string } } }).value.keyFile.text });
    const b3 = make(three.ledger, three.orgId, '2024-01-01', '2026-12-31');
    three.ledger.close();
    const body3 = JSON.parse(zlib.gunzipSync(openBundle(b3, city.key).payload).toString('utf8')) as BundleBody;
    const many = clones(city, body3, big);
    const imp3 = importAll(city, many);
    note();
    const per3 = summarize(imp3.map((ms) => ms / 3));
    rows.push({ group: '报送与区域统筹 (J2)', name: `import ${big} schools × 3 years: per school-year`, t: per3, target: '< 2000 ms', met: per3.p95 < 2000, note: `all ${big}: ${(imp3.reduce((a, b) => a + b, 0) / 1000).toFixed(1)} s; district file ${(fs.statSync(city.file).size / 1024 / 1024).toFixed(0)} MB` });
    const viewBig = time(() => dispatchDistrict(city, 'district.view', {}), options.runs);
    rows.push({ group: '报送与区域统筹 (J2)', name: `district view, ${big} schools × 3 years`, t: viewBig, target: '< 1000 ms', met: viewBig.p95 < 1000, note: `peak RSS ${(peak / 1024 / 1024).toFixed(0)} MB (target < 500 MB)` });
    city.close();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const { table } = await import('./measure');
  const schools = Number(process.argv.find((a) => a.startsWith('--schools='))?.slice(10) ?? 500);
  const rows = reportRows({ runs: 10, schools, log: (s) => process.stderr.write(`${s}\n`) });
  process.stdout.write(`${table(rows)}\n`);
}
