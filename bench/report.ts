// 报送与区域统筹 at scale (issue J2): making one bundle of a school (3 years by default, --years=10
// for the shape), importing 48 such bundles into a district ledger, and the district view;
// with --city, a district of 500 schools (3 years each) as well. One bundle in memory at a time.
// The schools of a district are clones of one generated school, each signed with its own key and
// named apart: the work per bundle (read, gzip, sign, seal; decrypt, verify, hash the chain,
// compute the facts) is the same as for 48 different schools.
// Run alone: tsx bench/report.ts [--years=10] [--schools=48] [--city]
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

/** A copy of a generated school whose signed minutes are sealed (older generators wrote no seals). */
function sealedSchool(years: number, dir: string, log: (s: string) => void) {
  const src = schoolLedger(years, { log });
  const file = path.join(dir, `school-${years}.sqlite`);
  fs.copyFileSync(src.file, file);
  const ledger = openLedger(file, { migrationsFolder: MIGRATIONS, now: () => new Date('2026-12-31T12:00:00Z'), operator: '基准' });
  const sealed = (ledger.sqlite.prepare('SELECT COUNT(*) AS n FROM seals').get() as { n: number }).n > 0;
  const minutes = sealed ? [] : (ledger.sqlite.prepare("SELECT id FROM minutes WHERE state = 'signed' ORDER BY id").all() as { id: number }[]);
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

/**
 * n schools, each with its own key, registered with the district; each one's bundle is made,
 * imported and dropped before the next is made, so at most one bundle is in memory at a time.
 * Returns the import times (ms), one per school.
 */
function streamImport(district: District, body: BundleBody, n: number, note: () => void, log?: (s: string) => void): number[] {
  const key = parseDistrictKeyFile(districtInfo(district).keyFile.text)!;
  const ms: number[] = [];
  for (let i = 0; i < n; i++) {
    const { privateKey, publicKey } = crypto.generateKeyPairSync('ed25519');
    const signer: Signer = { privateKey, publicKey, fingerprint: fingerprintOf(publicKey), file: '' };
    const name = `基准学校${String(i + 1).padStart(3, '0')}`;
    const reg = dispatchDistrict(district, 'district.register', { name, fingerprint: signer.fingerprint });
    if (!reg.ok) throw new Error(reg.error.message);
    const copy = { ...body, manifest: { ...body.manifest, school: { ...body.manifest.school, name, ledgerId: `bench-${i}` }, key: { fingerprint: signer.fingerprint } } };
    let base64: string | null = packBundle(zlib.gzipSync(Buffer.from(JSON.stringify(copy))), signer, key).toString('base64');
    const t0 = performance.now();
    const r = dispatchDistrict(district, 'district.import', { base64 });
    ms.push(performance.now() - t0);
    if (!r.ok) throw new Error(r.error.message);
    base64 = null;
    if (i % 8 === 7) {
      note();
      log?.(`  ${i + 1}/${n}：导入 ${sum(ms)}`);
    }
  }
  note();
  return ms;
}

function districtInfo(d: District) {
  return (dispatchDistrict(d, 'district.info', {}) as { ok: true; value: { keyFile: { text: string } } }).value;
}

const GROUP = '报送与区域统筹 (J2)';
const sum = (ms: number[]) => `${(ms.reduce((a, b) => a + b, 0) / 1000).toFixed(1)} s`;

/**
 * `years`: the generated school behind the 48-school district (default 3; 10 is the shape,
 * cached in bench/.cache once generated). `city`: add the 500-school district, 3 years each.
 */
export function reportRows(options: { runs: number; years?: number; schools?: number; city?: boolean; log?: (s: string) => void }): Row[] {
  const log = options.log ?? (() => {});
  const years = options.years ?? 3;
  const n = options.schools ?? 48;
  const big = 500;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yishi-bench-report-'));
  const rows: Row[] = [];
  let peak = process.memoryUsage().rss;
  const note = () => (peak = Math.max(peak, process.memoryUsage().rss));
  const end = 2026;
  try {
    // Each district ledger in its own folder: its sealing key sits next to it.
    fs.mkdirSync(path.join(dir, 'district'));
    const district = openDistrict(path.join(dir, 'district', 'district.sqlite'), { now: () => AFTER });

    log(`报送包：${years} 年的学校 …`);
    const school = sealedSchool(years, dir, log);
    dispatch(school.ledger, 'report.setDistrictKey', { text: districtInfo(district).keyFile.text });
    const from = `${end - years + 1}-01-01`;
    let bytes: Buffer | null = null;
    const makeT = time(() => (bytes = make(school.ledger, school.orgId, from, `${end}-12-31`)), Math.max(1, Math.min(5, options.runs)), 1);
    note();
    const size = bytes!.length;
    const body = JSON.parse(zlib.gunzipSync(openBundle(bytes!, district.key).payload).toString('utf8')) as BundleBody;
    bytes = null;
    school.ledger.close();
    rows.push({
      group: GROUP,
      name: `make one bundle: ${years}-year school, signed + sealed`,
      t: makeT,
      target: '< 5 s',
      met: makeT.median < 5000,
      note: `${(size / 1024 / 1024).toFixed(1)} MB file, ${body.manifest.counts.meetings} meetings, ${body.chain.seals.length} seals`,
    });

    log(`导入 ${n} 所学校（各 ${years} 年，逐个生成、导入、丢弃）…`);
    const imp = streamImport(district, body, n, note, log);
    const perSchoolYear = summarize(imp.map((ms) => ms / years));
    rows.push({ group: GROUP, name: `import ${n} schools × ${years} years: per school-year`, t: perSchoolYear, target: '< 2000 ms', met: perSchoolYear.p95 < 2000, note: `all ${n}: ${sum(imp)}` });
    const view = time(() => dispatchDistrict(district, 'district.view', {}), options.runs);
    note();
    rows.push({
      group: GROUP,
      name: `district view, ${n} schools × ${years} years`,
      t: view,
      target: '< 300 ms',
      met: view.p95 < 300,
      note: `district file ${(fs.statSync(district.file).size / 1024 / 1024).toFixed(0)} MB; peak RSS so far ${(peak / 1024 / 1024).toFixed(0)} MB (target < 500 MB)`,
    });
    district.close();

    if (options.city) {
      log(`${big} 所学校（各 3 年）…`);
      fs.mkdirSync(path.join(dir, 'city'));
      const city = openDistrict(path.join(dir, 'city', 'district.sqlite'), { now: () => AFTER });
      let body3 = body;
      if (years !== 3) {
        const three = sealedSchool(3, dir, log);
        dispatch(three.ledger, 'report.setDistrictKey', { text: districtInfo(city).keyFile.text });
        const b3 = make(three.ledger, three.orgId, `${end - 2}-01-01`, `${end}-12-31`);
        three.ledger.close();
        body3 = JSON.parse(zlib.gunzipSync(openBundle(b3, city.key).payload).toString('utf8')) as BundleBody;
      }
      const imp3 = streamImport(city, body3, big, note, log);
      const per3 = summarize(imp3.map((ms) => ms / 3));
      rows.push({ group: GROUP, name: `import ${big} schools × 3 years: per school-year`, t: per3, target: '< 2000 ms', met: per3.p95 < 2000, note: `all ${big}: ${sum(imp3)}; district file ${(fs.statSync(city.file).size / 1024 / 1024).toFixed(0)} MB` });
      const viewBig = time(() => dispatchDistrict(city, 'district.view', {}), options.runs);
      note();
      rows.push({ group: GROUP, name: `district view, ${big} schools × 3 years`, t: viewBig, target: '< 1000 ms', met: viewBig.p95 < 1000, note: `peak RSS ${(peak / 1024 / 1024).toFixed(0)} MB (target < 500 MB)` });
      city.close();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const { table } = await import('./measure');
  const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  const rows = reportRows({
    runs: 10,
    years: Number(arg('years') ?? 3),
    schools: Number(arg('schools') ?? 48),
    city: process.argv.includes('--city'),
    log: (s) => process.stderr.write(`${s}\n`),
  });
  process.stdout.write(`${table(rows)}\n`);
}
