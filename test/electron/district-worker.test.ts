// 导入报送包 in the shell's worker thread (electron/district-runs.ts, district-worker.ts): the
// worker bundled as the app bundles it, run against a real district file through the IPC handler.
// An import lands and the main connection sees it; a refused one leaves the file byte for byte;
// imports queue and land in order; a stop mid-import (the ledger switched) writes nothing and
// answers in Chinese; a crashed worker answers in Chinese; the main loop keeps turning meanwhile.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('./electron-mock'));

import { ipcMain, resetElectronMock } from './electron-mock';
import { DISTRICT_FILE_NAME, dispatchDistrict } from '../../db/district/api';
import { openDistrict, type District } from '../../db/district/store';
import { dispatch } from '../../db/api';
import { openLedger } from '../../db/open';
import { sealMeeting } from '../../db/trust/chain';
import { districtHolder, registerDistrictIpc } from '../../electron/district';
import { DISTRICT_FAILED, DISTRICT_OFF_THREAD, DISTRICT_STOPPED, districtRuns, type DistrictRunsDeps } from '../../electron/district-runs';
import { bundleShellWorker } from '../../bench/transfer';
import { schoolLedger } from '../../bench/generate';
import { schoolWithSignedMeeting } from '../support/decided';
import { MIGRATIONS } from '../support/ledger';
import { sha256Of } from '../trust/fixture';

const root = fileURLToPath(new URL('../..', import.meta.url));
const nativeBinding = path.join(root, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node');
const fromApp = { senderFrame: { url: 'app://ledger/index.html#/district' } };
let out: string;
let workerFile: string;

beforeAll(async () => {
  out = fs.mkdtempSync(path.join(os.tmpdir(), 'yishi-district-worker-'));
  workerFile = await bundleShellWorker('district-worker', path.join(out, 'district-worker.cjs'));
}, 120_000);
afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

let dir: string;
const holders: { close(): void }[] = [];
beforeEach(() => {
  resetElectronMock();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yishi-district-ipc-'));
});
afterEach(() => {
  for (const h of holders.splice(0)) h.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

type Answer = { ok: true; value: { state: string; message: string } } | { ok: false; error: { code: string; message: string } };

/** The shell as main.ts wires it: the holder stops the runs before closing, the IPC routes the imports to them. */
async function shell(extra: Partial<DistrictRunsDeps> = {}) {
  const userData = path.join(dir, 'userData');
  fs.mkdirSync(userData, { recursive: true });
  const folder = path.join(dir, '区域');
  const runs = districtRuns({ workerFile, nativeBinding, ...extra });
  const holder = districtHolder(userData, { onClose: () => void runs.stop() });
  holders.push(holder);
  let choice = folder;
  registerDistrictIpc({ holder, chooseFolder: async () => choice, runs });
  const call = async (channel: string, input: unknown) => (await ipcMain.handlers.get(`district:${channel}`)!(fromApp, input)) as Answer;
  await ipcMain.handlers.get('district-shell:open')!(fromApp, undefined);
  const file = path.join(folder, DISTRICT_FILE_NAME);
  const d = () => holder.get()!;
  /** The district file as bytes: the main file and its WAL (nothing checkpointed meanwhile: the main connection stays open). */
  const sides = () => Object.fromEntries(['', '-wal'].map((s) => [s || 'main', fs.existsSync(file + s) ? sha256Of(file + s) : null]));
  const bundles = () => d().sqlite.prepare('SELECT s.fingerprint FROM bundles b JOIN schools s ON s.id = b.school_id ORDER BY b.id').pluck().all() as string[];
  return { runs, holder, call, file, d, sides, bundles, switchTo: (f: string) => (choice = f) };
}

/** A small school (one signed meeting), told the district's key and registered with it: its bundle as the renderer sends it. */
function smallSchool(d: District) {
  const { t, school } = schoolWithSignedMeeting();
  const info = dispatchDistrict(d, 'district.info', {}) as { ok: true; value: { keyFile: { text: string } } };
  t.ok('report.setDistrictKey', { text: info.value.keyFile.text });
  const fingerprint = t.ok('report.key', {}).fingerprint;
  expect(dispatchDistrict(d, 'district.register', { name: '青山县第一中学', fingerprint }).ok).toBe(true);
  t.setNow('2026-07-20T10:00:00');
  const base64 = t.ok('report.make', { orgId: school.orgId, from: '2026-02-01', to: '2026-07-31', seal: true }).base64;
  return { base64, fingerprint: (d.sqlite.prepare('SELECT fingerprint FROM schools ORDER BY id DESC LIMIT 1').pluck().get() as string) };
}

const release = (flag: SharedArrayBuffer) => {
  Atomics.store(new Int32Array(flag), 0, 1);
  Atomics.notify(new Int32Array(flag), 0);
};

describe('导入报送包 in a worker thread, through the IPC', () => {
  it('routes exactly the import, the replacement and its preview to the worker', () => {
    expect([...DISTRICT_OFF_THREAD].sort()).toEqual(['district.import', 'district.supersede', 'district.supersedePreview']);
  });

  it('an import lands in the district file and the main connection sees it; the same bundle again is answered as the same call in-process would', async () => {
    const s = await shell();
    const { base64, fingerprint } = smallSchool(s.d());
    const r = await s.call('district.import', { base64 });
    expect(r).toMatchObject({ ok: true, value: { state: 'imported' } });
    expect(s.bundles()).toEqual([fingerprint]);
    expect((await s.call('district.view', {})).ok).toBe(true);
    // A second time: the worker's answer is the in-process one (already imported, nothing written).
    const again = await s.call('district.import', { base64 });
    expect(again).toEqual(JSON.parse(JSON.stringify(dispatchDistrict(s.d(), 'district.import', { base64 }))));
    expect(s.bundles()).toEqual([fingerprint]);
    // The other fields go along with the bytes handed over; a payload that is no text is refused as in-process.
    const supersede = { base64, reason: '更正了会议时间' };
    expect(await s.call('district.supersede', supersede)).toEqual(JSON.parse(JSON.stringify(dispatchDistrict(s.d(), 'district.supersede', supersede))));
    expect(await s.call('district.import', { base64: 42 })).toEqual(JSON.parse(JSON.stringify(dispatchDistrict(s.d(), 'district.import', { base64: 42 }))));
    expect(await s.call('district.import', { base64: 42 })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(s.runs.busy).toBe(false);
  });

  it("the worker keeps the main handle's clock (a fixed one here): the import is dated by it, not by the machine's", async () => {
    fs.mkdirSync(path.join(dir, 'clock'));
    const d = openDistrict(path.join(dir, 'clock', DISTRICT_FILE_NAME), { now: () => new Date('2026-08-01T09:00:00Z') });
    try {
      const { base64 } = smallSchool(d);
      expect(await districtRuns({ workerFile, nativeBinding }).run(d, 'district.import', { base64 })).toMatchObject({ ok: true });
      expect(d.sqlite.prepare('SELECT imported_at FROM bundles').pluck().get()).toMatch(/^2026-08-01T09:00:0/);
    } finally {
      d.close();
    }
  });

  it('a tampered bundle is refused in Chinese and leaves the district file byte for byte as it was', async () => {
    const s = await shell();
    const { base64 } = smallSchool(s.d());
    const bytes = Buffer.from(base64, 'base64');
    bytes[Math.floor(bytes.length / 2)]! ^= 0x55;
    const before = s.sides();
    const r = await s.call('district.import', { base64: bytes.toString('base64') });
    expect(r.ok).toBe(false);
    expect(r.ok ? '' : r.error.message).toMatch(/[\u4e00-\u9fa5]/);
    expect(r.ok ? '' : r.error.message).not.toMatch(/[A-Za-z]{3,}/);
    expect(s.sides()).toEqual(before);
    expect(s.bundles()).toEqual([]);
  });

  it('two imports at once are queued, not refused, and land in the order asked; a write on the main connection waits its turn', async () => {
    const flag = new SharedArrayBuffer(4);
    let held = 0;
    const s = await shell({ hold: { flag }, onHeld: () => held++ });
    const a = smallSchool(s.d());
    const b = smallSchool(s.d());
    const first = s.call('district.import', { base64: a.base64 });
    const second = s.call('district.import', { base64: b.base64 });
    const rename = s.call('district.rename', { name: '青山县教育工委' });
    await vi.waitFor(() => expect(held).toBe(1), { timeout: 20_000 });
    expect(s.runs.busy).toBe(true);
    // The first holds its transaction open: the rename has not run on the main connection yet.
    expect(dispatchDistrict(s.d(), 'district.info', {})).toMatchObject({ ok: true, value: { name: '区教育工委' } });
    release(flag);
    expect(await first).toMatchObject({ ok: true, value: { state: 'imported' } });
    expect(await second).toMatchObject({ ok: true, value: { state: 'imported' } });
    expect(await rename).toMatchObject({ ok: true, value: { name: '青山县教育工委' } });
    expect(held).toBe(2);
    expect(s.bundles()).toEqual([a.fingerprint, b.fingerprint]);
    const actions = s.d().sqlite.prepare('SELECT action FROM audit ORDER BY id').pluck().all();
    expect(actions.slice(-3)).toEqual(['导入报送包', '导入报送包', '更改单位名称']);
  });

  it('stopped mid-import (the district ledger switched): nothing written, the import and the one queued answer in Chinese', async () => {
    const flag = new SharedArrayBuffer(4);
    let held = 0;
    const s = await shell({ hold: { flag }, onHeld: () => held++ });
    const a = smallSchool(s.d());
    const b = smallSchool(s.d());
    // The main connection is closed by the switch: only committed bytes in the main file count then.
    s.d().sqlite.pragma('wal_checkpoint(TRUNCATE)');
    const before = sha256Of(s.file);
    const first = s.call('district.import', { base64: a.base64 });
    const second = s.call('district.import', { base64: b.base64 });
    await vi.waitFor(() => expect(held).toBe(1), { timeout: 20_000 });
    s.switchTo(path.join(dir, '另一区域'));
    await ipcMain.handlers.get('district-shell:open')!(fromApp, undefined);
    expect(await first).toEqual({ ok: false, error: { code: 'conflict', message: DISTRICT_STOPPED } });
    expect(await second).toEqual({ ok: false, error: { code: 'conflict', message: DISTRICT_STOPPED } });
    expect(DISTRICT_STOPPED).not.toMatch(/[A-Za-z]/);
    await s.runs.stop();
    expect(held).toBe(1);
    expect(sha256Of(s.file)).toBe(before);
    expect(fs.existsSync(`${s.file}-wal`) ? fs.statSync(`${s.file}-wal`).size : 0).toBe(0);
    const reopened = openDistrict(s.file);
    try {
      expect(reopened.sqlite.prepare('SELECT COUNT(*) FROM bundles').pluck().get()).toBe(0);
      expect(reopened.sqlite.prepare("SELECT COUNT(*) FROM audit WHERE action = '导入报送包'").pluck().get()).toBe(0);
    } finally {
      reopened.close();
    }
    // The new ledger got nothing of it either, and takes imports as usual.
    expect(s.bundles()).toEqual([]);
    expect(s.runs.busy).toBe(false);
  });

  it('a worker that fails (it throws, or exits) answers a Chinese refusal, never English or a stack; the queue goes on to the next call', async () => {
    for (const code of ["throw new Error('boom: native module missing');", 'process.exit(3);']) {
      resetElectronMock();
      const broken = path.join(out, `broken-${code.length}.cjs`);
      fs.writeFileSync(broken, code);
      const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
      const s = await shell({ workerFile: broken });
      const { base64 } = smallSchool(s.d());
      const before = s.sides();
      expect(await s.call('district.import', { base64 })).toEqual({ ok: false, error: { code: 'conflict', message: DISTRICT_FAILED } });
      expect(await s.call('district.supersedePreview', { base64 })).toEqual({ ok: false, error: { code: 'conflict', message: DISTRICT_FAILED } });
      expect(s.sides()).toEqual(before);
      expect(warn).toHaveBeenCalled();
      warn.mockRestore();
      s.holder.close();
    }
    expect(DISTRICT_FAILED).not.toMatch(/[A-Za-z]/);
  });
});

describe('the main loop while the worker imports', () => {
  it('is never held for long: the longest gap of a 5 ms timer stays far under the same import run on the main thread', async () => {
    // A generated school of one year (64 meetings, ~6,000 seals): a bundle of ~1.5 MB, an import of some hundred ms.
    const gen = schoolLedger(1, { dir: path.join(dir, 'gen') });
    const now = new Date(Date.now() - 3600_000);
    const ledger = openLedger(gen.file, { migrationsFolder: MIGRATIONS, now: () => now, operator: '测试秘书' });
    const s = await shell();
    let base64: string;
    try {
      const signed = ledger.sqlite.prepare("SELECT id FROM minutes WHERE state = 'signed' ORDER BY id").pluck().all() as number[];
      if ((ledger.sqlite.prepare('SELECT COUNT(*) FROM seals').pluck().get() as number) === 0) ledger.sqlite.transaction(() => signed.forEach((id) => sealMeeting(ledger, id)))();
      const info = dispatchDistrict(s.d(), 'district.info', {}) as { ok: true; value: { keyFile: { text: string } } };
      expect(dispatch(ledger, 'report.setDistrictKey', { text: info.value.keyFile.text }).ok).toBe(true);
      const fingerprint = (dispatch(ledger, 'report.key', {}) as { ok: true; value: { fingerprint: string } }).value.fingerprint;
      const name = ledger.sqlite.prepare('SELECT name FROM organizations WHERE id = ?').pluck().get(gen.orgIds[0]) as string;
      expect(dispatchDistrict(s.d(), 'district.register', { name, fingerprint }).ok).toBe(true);
      const made = dispatch(ledger, 'report.make', { orgId: gen.orgIds[0]!, from: '2000-01-01', to: now.toISOString().slice(0, 10), seal: true });
      if (!made.ok) throw new Error(made.error.message);
      base64 = (made.value as { base64: string }).base64;
    } finally {
      ledger.close();
    }
    // The same import on the main thread, into a copy of the district file: how long it holds the loop there.
    s.d().sqlite.pragma('wal_checkpoint(TRUNCATE)');
    fs.mkdirSync(path.join(dir, 'copy'));
    fs.copyFileSync(s.file, path.join(dir, 'copy', DISTRICT_FILE_NAME));
    fs.copyFileSync(path.join(path.dirname(s.file), 'district-key.pem'), path.join(dir, 'copy', 'district-key.pem'));
    const copy = openDistrict(path.join(dir, 'copy', DISTRICT_FILE_NAME));
    const t0 = performance.now();
    expect(dispatchDistrict(copy, 'district.import', { base64 })).toMatchObject({ ok: true, value: { state: 'imported' } });
    const onMain = performance.now() - t0;
    copy.close();

    let last = performance.now();
    let longest = 0;
    const timer = setInterval(() => {
      const t = performance.now();
      longest = Math.max(longest, t - last);
      last = t;
    }, 5);
    const t1 = performance.now();
    const r = await s.call('district.import', { base64 });
    const inWorker = performance.now() - t1;
    clearInterval(timer);
    expect(r).toMatchObject({ ok: true, value: { state: 'imported' } });
    expect(s.bundles()).toHaveLength(1);
    console.log(`import on the main thread ${onMain.toFixed(0)} ms; in the worker ${inWorker.toFixed(0)} ms, the main loop held at most ${longest.toFixed(0)} ms`);
    // A real import: long enough that a hold of half of it could not hide in timer noise.
    expect(onMain).toBeGreaterThan(100);
    expect(longest).toBeLessThan(onMain / 2);
  }, 120_000);
});
