// 报送与区域统筹 at scale (issue J2): making one bundle of a school (3 years by default, --years=10
// for the issue's shape), importing 48 such bundles into a district ledger, and the district view;
// with --city, a district of 500 schools (3 years each) as well. One bundle in memory at a time.
// The schools of a district are clones of one generated school, each signed with its own key and
// named apart: the work per bundle (read, gzip, sign, seal; decrypt, verify, hash the chain,
// compute the facts) is the same as for 48 different schools.
// A school's usual bundle is measured too: after a 10-year bundle, the next term's, carrying only
// the seals since (chainFrom 'last').
// The district app's own process is measured apart: a fresh child that only opens the district
// ledger and imports the 48 bundles from files one after another through the shell's worker
// runner (electron/district-runs.ts, the worker bundled as the app ships it), as the secretary
// drives it from a USB stick: its peak RSS, and the longest its main loop was held meanwhile.
// Run alone: tsx bench/report.ts [--years=10] [--schools=48] [--city[=500]]
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { dispatch } from '../db/api';
import { dispatchDistrict } from '../db/district/api';
import { openDistrict, type District } from '../db/district/store';
import { openLedger } from '../db/open';
import type { Manifest } from '../db/report/body';
import { fingerprintOf, openBundle, packBundle, parseDistrictKeyFile, schoolKey, type DistrictPublicKey, type Signer } from '../db/report/envelope';
import { sealMeeting } from '../db/trust/chain';
import { districtRuns } from '../electron/district-runs';
import { loopWatch } from './actions';
import { schoolLedger } from './generate';
import { summarize, time, type Row } from './measure';
import { bundleShellWorker } from './transfer';

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

/** The generated school's first and last year, as its meetings span them (the generator's calendar). */
function yearsOf(ledger: ReturnType<typeof openLedger>): { first: number; last: number } {
  const r = ledger.sqlite.prepare('SELECT min(substr(starts_at, 1, 4)) AS first, max(substr(starts_at, 1, 4)) AS last FROM meetings').get() as { first: string; last: string };
  return { first: Number(r.first), last: Number(r.last) };
}

function make(ledger: ReturnType<typeof openLedger>, orgId: number, from: string, to: string, chainFrom: 'start' | 'last' = 'start'): Buffer {
  const r = dispatch(ledger, 'report.make', { orgId, from, to, seal: true, chainFrom });
  if (!r.ok) throw new Error(r.error.message);
  return Buffer.from((r.value as { base64: string }).base64, 'base64');
}

/** The kernel's high-water mark of this process's resident memory, in bytes. */
const maxRss = () => process.resourceUsage().maxRSS * 1024;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

/**
 * A bundle's body split for cloning: the gzip of everything before the manifest (made once), and
 * the manifest. The body is written with its manifest last (db/report/bundle.ts), and gzip members
 * joined are one gzip file, so each school's payload is that gzip plus a small member of its own
 * manifest: the bench never holds the body as objects.
 */
function splitBody(payload: Buffer): { head: Buffer; manifest: Manifest } {
  const text = zlib.gunzipSync(payload);
  const at = text.lastIndexOf(',"manifest":');
  if (at < 0) throw new Error('bench: the body does not end with its manifest');
  return { head: zlib.gzipSync(text.subarray(0, at), { level: 3 }), manifest: JSON.parse(text.subarray(at + ',"manifest":'.length, text.length - 1).toString('utf8')) as Manifest };
}

/**
 * School i of the bench's district: a key of its own, registered with the district, and its bundle
 * file (the generated school's body under its name, signed by it, sealed for the district).
 */
function schoolClone(district: District, key: DistrictPublicKey, body: { head: Buffer; manifest: Manifest }, i: number, ledgerPrefix: string): Buffer {
  const { privateKey, publicKey } = crypto.generateKeyPairSync('ed25519');
  const signer: Signer = { privateKey, publicKey, fingerprint: fingerprintOf(publicKey), file: '' };
  const name = `基准学校${String(i + 1).padStart(3, '0')}`;
  const reg = dispatchDistrict(district, 'district.register', { name, fingerprint: signer.fingerprint });
  if (!reg.ok) throw new Error(reg.error.message);
  const manifest = { ...body.manifest, school: { ...body.manifest.school, name, ledgerId: `${ledgerPrefix}-${i}` }, key: { fingerprint: signer.fingerprint } };
  const payload = Buffer.concat([body.head, zlib.gzipSync(Buffer.from(`,"manifest":${JSON.stringify(manifest)}}`))]);
  return packBundle(payload, signer, key);
}

/**
 * n schools, each with its own key, registered with the district; each one's bundle is made,
 * imported and dropped before the next is made, so at most one bundle is in memory at a time.
 * Returns the import times (ms), one per school.
 */
function streamImport(district: District, body: { head: Buffer; manifest: Manifest }, n: number, note: () => void, log?: (s: string) => void): number[] {
  const key = parseDistrictKeyFile(districtInfo(district).keyFile.text)!;
  const ms: number[] = [];
  for (let i = 0; i < n; i++) {
    let base64: string | null = schoolClone(district, key, body, i, 'bench').toString('base64');
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
 * A school's usual bundle: the chain since its last one. On a copy of the school, the last term's
 * share of the seals (1/(2 × years) of the chain) is set aside, the bundle of everything before is
 * made and imported, the seals are put back (as if the term had been sealed since), and then the
 * term's bundle (chainFrom 'last') is made and imported, each run into a copy of the district as
 * it stood after the first bundle.
 */
function incrementalRows(schoolFile: string, orgId: number, dir: string, runs: number, log: (s: string) => void, note: () => void): Row[] {
  const file = path.join(dir, 'incremental.sqlite');
  fs.copyFileSync(schoolFile, file);
  const ledger = openLedger(file, { migrationsFolder: MIGRATIONS, now: () => new Date('2026-12-31T12:00:00Z'), operator: '基准' });
  const { first, last } = yearsOf(ledger);
  const years = last - first + 1;
  const db = ledger.sqlite;
  const total = (db.prepare('SELECT COUNT(*) AS n FROM seals').get() as { n: number }).n;
  const cut = total - Math.round(total / (2 * years));
  const tail = db.prepare('SELECT * FROM seals ORDER BY id LIMIT -1 OFFSET ?').all(cut) as Record<string, unknown>[];
  // Seals are append-only (triggers); the bench lifts the delete guard on its own copy only, to rewind the chain.
  const guard = (db.prepare("SELECT sql FROM sqlite_master WHERE name = 'seals_no_delete'").get() as { sql: string }).sql;
  db.exec('DROP TRIGGER seals_no_delete');
  db.prepare('DELETE FROM seals WHERE id >= ?').run(tail[0]!.id);
  db.exec(guard);

  fs.mkdirSync(path.join(dir, 'inc-district'));
  const districtFile = path.join(dir, 'inc-district', 'district.sqlite');
  const district = openDistrict(districtFile, { now: () => AFTER });
  dispatch(ledger, 'report.setDistrictKey', { text: districtInfo(district).keyFile.text });
  const fp = (dispatch(ledger, 'report.key', {}) as { ok: true; value: { fingerprint: string } }).value.fingerprint;
  dispatchDistrict(district, 'district.register', { name: '基准学校', fingerprint: fp });
  log(`日常报送包：先导入前 ${years} 年的报送包（存证链前 ${cut} 条）…`);
  const whole = dispatchDistrict(district, 'district.import', { base64: make(ledger, orgId, `${first}-01-01`, `${last}-08-31`).toString('base64') });
  if (!whole.ok) throw new Error(whole.error.message);
  district.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  district.close();

  const insert = db.prepare(`INSERT INTO seals (${Object.keys(tail[0]!).join(', ')}) VALUES (${Object.keys(tail[0]!).map(() => '?').join(', ')})`);
  db.transaction(() => {
    for (const r of tail) insert.run(...Object.values(r));
  })();
  const term = { from: `${last}-09-01`, to: `${last}-12-31` };
  let bytes: Buffer | null = null;
  const makeMs: number[] = [];
  const importMs: number[] = [];
  let seals = 0;
  for (let i = 0; i < Math.max(3, Math.min(5, runs)); i++) {
    const t0 = performance.now();
    bytes = make(ledger, orgId, term.from, term.to, 'last');
    makeMs.push(performance.now() - t0);
    note();
    // Forget the bundle just made, so the next run again sends the seals since the first bundle.
    db.prepare('DELETE FROM report_sends WHERE id = (SELECT max(id) FROM report_sends)').run();
    const copy = path.join(dir, 'inc-district', `run-${i}.sqlite`);
    fs.copyFileSync(districtFile, copy);
    const d = openDistrict(copy, { now: () => AFTER });
    const t1 = performance.now();
    const r = dispatchDistrict(d, 'district.import', { base64: bytes.toString('base64') });
    importMs.push(performance.now() - t1);
    note();
    if (!r.ok) throw new Error(r.error.message);
    seals = (d.sqlite.prepare('SELECT chain_head - chain_from AS n FROM bundles ORDER BY id DESC LIMIT 1').get() as { n: number }).n;
    d.close();
    fs.rmSync(copy);
  }
  ledger.close();
  const size = bytes!.length;
  const makeT = summarize(makeMs);
  const importT = summarize(importMs);
  return [
    {
      group: GROUP,
      name: `make the next term's bundle after a ${years}-year one (chain since the last)`,
      t: makeT,
      target: '< 5 s',
      met: makeT.median < 5000,
      note: `${(size / 1024).toFixed(0)} KB file, ${seals} of ${total} seals`,
    },
    { group: GROUP, name: "import the next term's bundle", t: importT, target: '< 2000 ms', met: importT.p95 < 2000, note: `${seals} seals checked against the head the district holds` },
  ];
}

/** One make or import in a child process of its own: what it costs alone, apart from generating the school and the bench's other work. */
interface Alone {
  ms: number;
  cpuMs: number;
  /** The child's resident memory after loading and opening its files, and its high-water mark at the end. */
  rssReady: number;
  maxRss: number;
}

function alone(args: string[]): Alone {
  const r = spawnSync(process.execPath, [...process.execArgv, import.meta.filename, ...args], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (r.status !== 0) throw new Error(`bench: ${args[0]} failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').at(-1)!) as Alone;
}

/** The child's side: one report.make of the whole school, or one district.import of that file. */
function runAlone(what: string, file: string, bundleFile: string, from: string, to: string): Alone {
  let run: () => void;
  if (what === '--alone=make') {
    const ledger = openLedger(file, { migrationsFolder: MIGRATIONS, now: () => new Date('2026-12-31T12:00:00Z'), operator: '基准' });
    run = () => fs.writeFileSync(bundleFile, make(ledger, 1, from, to));
  } else {
    const district = openDistrict(file, { now: () => AFTER });
    const base64 = fs.readFileSync(bundleFile).toString('base64');
    run = () => {
      const r = dispatchDistrict(district, 'district.import', { base64 });
      if (!r.ok) throw new Error(r.error.message);
    };
  }
  const rssReady = process.memoryUsage().rss;
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  run();
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(c0);
  return { ms, cpuMs: (cpu.user + cpu.system) / 1000, rssReady, maxRss: maxRss() };
}

/** Make the whole school's bundle in one fresh process and import it in another: time, CPU time and peak memory of each. */
function aloneRows(schoolFile: string, orgId: number, dir: string, log: (s: string) => void): Row[] {
  const folder = path.join(dir, 'alone');
  fs.mkdirSync(folder);
  const file = path.join(folder, 'school.sqlite');
  fs.copyFileSync(schoolFile, file);
  const districtFile = path.join(folder, 'district.sqlite');
  const district = openDistrict(districtFile, { now: () => AFTER });
  const ledger = openLedger(file, { migrationsFolder: MIGRATIONS, now: () => new Date('2026-12-31T12:00:00Z'), operator: '基准' });
  if (orgId !== 1) throw new Error('bench: the generated school is organisation 1');
  const { first, last } = yearsOf(ledger);
  dispatch(ledger, 'report.setDistrictKey', { text: districtInfo(district).keyFile.text });
  dispatchDistrict(district, 'district.register', { name: '基准学校', fingerprint: schoolKey(file).fingerprint });
  ledger.close();
  district.close();
  const bundleFile = path.join(folder, 'bundle.yishi-bundle');
  const period = [`${first}-01-01`, `${last}-12-31`];
  log('单独一个进程制作、另一个进程导入 …');
  const m = alone(['--alone=make', file, bundleFile, ...period]);
  const i = alone(['--alone=import', districtFile, bundleFile, ...period]);
  const years = last - first + 1;
  const row = (name: string, a: Alone, target: string, met: boolean): Row => ({
    group: GROUP,
    name,
    t: { median: a.ms, p95: a.ms, runs: 1 },
    target,
    met,
    note: `CPU ${(a.cpuMs / 1000).toFixed(2)} s; peak RSS ${mb(a.maxRss)} (${mb(a.rssReady)} after loading and opening) (target < 500 MB)`,
  });
  return [
    row(`alone: make one ${years}-year bundle in a fresh process`, m, '< 5 s, < 500 MB', m.ms < 5000 && m.maxRss < 500 * 1024 * 1024),
    row(`alone: import it in a fresh process`, i, `< ${2 * years} s, < 500 MB`, i.ms < 2000 * years && i.maxRss < 500 * 1024 * 1024),
  ];
}

/** What the child of appImportRows reports: per import its time and the longest hold of its main loop; its memory. */
interface AppImports {
  ms: number[];
  held: number[];
  /** CPU time of the whole process (main and worker threads) per import. */
  cpuMs: number[];
  /** The high-water mark after each import. */
  peaks: number[];
  rssReady: number;
  maxRssReady: number;
  maxRss: number;
  rssEnd: number;
}

/**
 * The district app's process as the user drives it: n schools' bundles written to files first
 * (each school with its own key, registered in a district ledger of its own), then a fresh child
 * opens that ledger and imports them one after another through the worker runner the shell uses.
 * The files are removed afterwards (48 × ~15 MB at 10 years).
 */
async function appImportRows(body: { head: Buffer; manifest: Manifest }, n: number, years: number, dir: string, log: (s: string) => void): Promise<Row[]> {
  const folder = path.join(dir, 'app');
  const bundles = path.join(folder, 'bundles');
  fs.mkdirSync(bundles, { recursive: true });
  try {
    const workerFile = await bundleShellWorker('district-worker', path.join(folder, 'district-worker.cjs'));
    const districtFile = path.join(folder, 'district.sqlite');
    const district = openDistrict(districtFile, { now: () => AFTER });
    const key = parseDistrictKeyFile(districtInfo(district).keyFile.text)!;
    log(`把 ${n} 个报送包写成文件 …`);
    for (let i = 0; i < n; i++) fs.writeFileSync(path.join(bundles, `${String(i).padStart(3, '0')}.yishi-bundle`), schoolClone(district, key, body, i, 'bench-app'));
    const size = fs.statSync(path.join(bundles, '000.yishi-bundle')).size;
    district.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    district.close();
    log(`新进程逐个导入 ${n} 个报送包（工作线程，与应用相同）…`);
    const r = spawnSync(process.execPath, [...process.execArgv, import.meta.filename, '--app-imports', districtFile, workerFile, bundles], { encoding: 'utf8', maxBuffer: 1 << 20 });
    if (r.status !== 0) throw new Error(`bench: --app-imports failed: ${r.stderr}`);
    const a = JSON.parse(r.stdout.trim().split('\n').at(-1)!) as AppImports;
    const perSchoolYear = summarize(a.ms.map((ms) => ms / years));
    const held = summarize(a.held);
    const limit = 500 * 1024 * 1024;
    return [
      {
        group: GROUP,
        name: `app process: import ${n} bundle files one after another (worker each): per school-year`,
        t: perSchoolYear,
        target: '< 2000 ms',
        met: perSchoolYear.p95 < 2000,
        note: `all ${n}: ${sum(a.ms)}; CPU per import (all threads) median ${(summarize(a.cpuMs).median / 1000).toFixed(2)} s; ${(size / 1024 / 1024).toFixed(1)} MB each; a fresh process that only opens the district ledger and imports, the worker bundled as the app ships it`,
      },
      {
        group: GROUP,
        name: `app process: peak RSS over the ${n} imports (high-water mark)`,
        t: { median: a.maxRss / 1024, p95: a.maxRss / 1024, runs: 1 },
        unit: 'KB',
        target: '< 500 MB',
        met: a.maxRss < limit,
        note: `${mb(a.rssReady)} after loading and opening (peak so far ${mb(a.maxRssReady)}); the peak after import 1, 2, 4, 8, 16, 32, ${n}: ${[1, 2, 4, 8, 16, 32, n].filter((k) => k <= n).map((k) => mb(a.peaks[k - 1]!)).join(', ')}; ${mb(a.rssEnd)} after the last import`,
      },
      {
        group: GROUP,
        name: `app process: longest hold of the main loop during an import`,
        t: held,
        target: '< 100 ms',
        met: held.p95 < 100,
        note: `the worst of the ${n}: ${Math.max(...a.held).toFixed(0)} ms (handing the bytes to the worker, the answer; the file read before it is the renderer's in the app)`,
      },
    ];
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

/** The child's side of appImportRows: what main.ts does (openDistrict, districtRuns), then each file as the renderer sends it. */
async function runAppImports(districtFile: string, workerFile: string, bundles: string): Promise<AppImports> {
  const nativeBinding = path.resolve(import.meta.dirname, '..', 'node_modules/better-sqlite3/build/Release/better_sqlite3.node');
  const district = openDistrict(districtFile, { now: () => AFTER });
  const runs = districtRuns({ workerFile, nativeBinding });
  const rssReady = process.memoryUsage().rss;
  const maxRssReady = maxRss();
  const ms: number[] = [];
  const held: number[] = [];
  const cpuMs: number[] = [];
  const peaks: number[] = [];
  for (const name of fs.readdirSync(bundles).sort()) {
    // The renderer reads the file and sends its bytes as base64 over the IPC: the main process holds that string.
    let base64: string | null = fs.readFileSync(path.join(bundles, name)).toString('base64');
    const c0 = process.cpuUsage();
    const watch = loopWatch();
    const t0 = performance.now();
    const r = await runs.run(district, 'district.import', { base64 });
    ms.push(performance.now() - t0);
    held.push(watch.stop());
    const c = process.cpuUsage(c0);
    cpuMs.push((c.user + c.system) / 1000);
    peaks.push(maxRss());
    base64 = null;
    if (!r.ok) throw new Error(r.error.message);
  }
  await runs.stop();
  district.close();
  return { ms, held, cpuMs, peaks, rssReady, maxRssReady, maxRss: maxRss(), rssEnd: process.memoryUsage().rss };
}

/**
 * `years`: the generated school behind the 48-school district (default 3; 10 is the issue's shape,
 * cached in bench/.cache once generated). `city`: add a district of that many schools (500), 3 years each.
 */
export async function reportRows(options: { runs: number; years?: number; schools?: number; city?: number; log?: (s: string) => void }): Promise<Row[]> {
  const log = options.log ?? (() => {});
  const years = options.years ?? 3;
  const n = options.schools ?? 48;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yishi-bench-report-'));
  const rows: Row[] = [];
  let peak = process.memoryUsage().rss;
  const note = () => (peak = Math.max(peak, process.memoryUsage().rss));
  try {
    // Each district ledger in its own folder: its sealing key sits next to it.
    fs.mkdirSync(path.join(dir, 'district'));
    const district = openDistrict(path.join(dir, 'district', 'district.sqlite'), { now: () => AFTER });

    log(`报送包：${years} 年的学校 …`);
    const school = sealedSchool(years, dir, log);
    const atStart = maxRss();
    dispatch(school.ledger, 'report.setDistrictKey', { text: districtInfo(district).keyFile.text });
    const { first, last } = yearsOf(school.ledger);
    let bytes: Buffer | null = null;
    const makeT = time(() => (bytes = make(school.ledger, school.orgId, `${first}-01-01`, `${last}-12-31`)), Math.max(1, Math.min(5, options.runs)), 1);
    note();
    const afterMake = maxRss();
    const size = bytes!.length;
    const body = splitBody(openBundle(bytes!, district.key).payload);
    bytes = null;
    school.ledger.close();
    rows.push({
      group: GROUP,
      name: `make one bundle: ${years}-year school, signed + sealed`,
      t: makeT,
      target: '< 5 s',
      met: makeT.median < 5000,
      note: `${(size / 1024 / 1024).toFixed(1)} MB file, ${body.manifest.counts.meetings} meetings, ${body.manifest.chain.seals} seals; the whole chain from the start`,
    });

    rows.push(...aloneRows(path.join(dir, `school-${years}.sqlite`), school.orgId, dir, log));
    rows.push(...incrementalRows(path.join(dir, `school-${years}.sqlite`), school.orgId, dir, options.runs, log, note));

    log(`导入 ${n} 所学校（各 ${years} 年，逐个生成、导入、丢弃）…`);
    const imp = streamImport(district, body, n, note, log);
    const perSchoolYear = summarize(imp.map((ms) => ms / years));
    rows.push({ group: GROUP, name: `import ${n} schools × ${years} years: per school-year`, t: perSchoolYear, target: '< 2000 ms', met: perSchoolYear.p95 < 2000, note: `all ${n}: ${sum(imp)}; in this process, on its main thread` });
    rows.push(...(await appImportRows(body, n, years, dir, log)));
    const view = time(() => dispatchDistrict(district, 'district.view', {}), options.runs);
    note();
    rows.push({
      group: GROUP,
      name: `district view, ${n} schools × ${years} years`,
      t: view,
      target: '< 300 ms',
      met: view.p95 < 300,
      note: `district file ${(fs.statSync(district.file).size / 1024 / 1024).toFixed(0)} MB`,
    });
    district.close();
    const afterImports = maxRss();

    if (options.city) {
      const big = options.city;
      log(`${big} 所学校（各 3 年）…`);
      fs.mkdirSync(path.join(dir, 'city'));
      const city = openDistrict(path.join(dir, 'city', 'district.sqlite'), { now: () => AFTER });
      let body3 = body;
      if (years !== 3) {
        const three = sealedSchool(3, dir, log);
        const span = yearsOf(three.ledger);
        dispatch(three.ledger, 'report.setDistrictKey', { text: districtInfo(city).keyFile.text });
        const b3 = make(three.ledger, three.orgId, `${span.first}-01-01`, `${span.last}-12-31`);
        three.ledger.close();
        body3 = splitBody(openBundle(b3, city.key).payload);
      }
      const imp3 = streamImport(city, body3, big, note, log);
      const per3 = summarize(imp3.map((ms) => ms / 3));
      rows.push({ group: GROUP, name: `import ${big} schools × 3 years: per school-year`, t: per3, target: '< 2000 ms', met: per3.p95 < 2000, note: `all ${big}: ${sum(imp3)}; district file ${(fs.statSync(city.file).size / 1024 / 1024).toFixed(0)} MB` });
      const viewBig = time(() => dispatchDistrict(city, 'district.view', {}), options.runs);
      note();
      rows.push({ group: GROUP, name: `district view, ${big} schools × 3 years`, t: viewBig, target: '< 1000 ms', met: viewBig.p95 < 1000 });
      city.close();
    }
    const end = maxRss();
    rows.push({
      group: GROUP,
      name: 'peak RSS of the bench process (high-water mark)',
      t: { median: end / 1024, p95: end / 1024, runs: 1 },
      unit: 'KB',
      // No process of the app does all this (make the school's bundle, clone, sign and seal 48 more,
      // import them on its main thread): the goal is the app's, in the "alone" and "app process" rows.
      note: `information, not a goal: the bench harness, which makes the bundles and imports them on its main thread (the district app imports in a worker: the "app process" rows); after opening the school ${mb(atStart)}, after making ${mb(afterMake)}, after the ${n} imports ${mb(afterImports)}${options.city ? `, after the city ${mb(end)}` : ''}`,
    });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename) && process.argv[2] === '--app-imports') {
  const [districtFile, workerFile, bundles] = process.argv.slice(3) as [string, string, string];
  process.stdout.write(`${JSON.stringify(await runAppImports(districtFile, workerFile, bundles))}\n`);
} else if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename) && process.argv[2]?.startsWith('--alone=')) {
  const [what, file, bundleFile, from, to] = process.argv.slice(2) as [string, string, string, string, string];
  process.stdout.write(`${JSON.stringify(runAlone(what, file, bundleFile, from, to))}\n`);
} else if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const { table } = await import('./measure');
  const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  const rows = await reportRows({
    runs: 10,
    years: Number(arg('years') ?? 3),
    schools: Number(arg('schools') ?? 48),
    city: process.argv.includes('--city') ? 500 : arg('city') ? Number(arg('city')) : undefined,
    log: (s) => process.stderr.write(`${s}\n`),
  });
  process.stdout.write(`${table(rows)}\n`);
}
