// 拆分台账 and 合并台账 in the shell's worker thread (electron/transfer.ts, transfer-worker.ts):
// the worker bundled as the app bundles it, run against real files. Its phases are pushed, its
// answer is what the same call gives in-process, a stop mid-way leaves no target file (nor a
// temporary one) and the source as it was, and the IPC handler sends these channels there.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('./electron-mock'));

import { ipcMain } from './electron-mock';
import { registerIpc } from '../../electron/ipc';
import { OFF_THREAD, TRANSFER_STOPPED, transferRuns } from '../../electron/transfer';
import { transferProgressOf } from '../../electron/host-channels';
import { SPLIT_PHASES, MERGE_PHASES, type TransferProgress } from '../../db/transfer/progress';
import { DEMO_SCHOOL, schoolIn } from '../support/school';
import { openAt, type Opened, sha256Of, signedMeeting, tempDir } from '../trust/fixture';
import { bundleTransferWorker } from '../../bench/transfer';

const root = fileURLToPath(new URL('../..', import.meta.url));
const nativeBinding = path.join(root, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node');
let out: string;
let workerFile: string;

beforeAll(async () => {
  out = fs.mkdtempSync(path.join(os.tmpdir(), 'yishi-transfer-'));
  workerFile = path.join(out, 'transfer-worker.cjs');
  await bundleTransferWorker(workerFile);
}, 120_000);
afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

const opened: Opened[] = [];
afterEach(() => {
  while (opened.length) opened.pop()!.dispose();
});


/** A 集团 with two campuses, a signed meeting in each. */
function groupFile(name = '集团台账.sqlite') {
  const t = openAt(path.join(tempDir(), name));
  opened.push(t);
  const { orgId: groupId } = t.ok('org.setup', { ...DEMO_SCHOOL, name: '青山县第一中学教育集团' });
  const eastId = t.ok('orgs.createCampus', { ...DEMO_SCHOOL, name: '青山县第一中学东校区', partyKind: '党支部', parentId: groupId }).orgId;
  const westId = t.ok('orgs.createCampus', { ...DEMO_SCHOOL, name: '青山县第一中学西校区', partyKind: '党支部', parentId: groupId }).orgId;
  signedMeeting(t, schoolIn(t, eastId), 2);
  signedMeeting(t, schoolIn(t, westId), 3);
  t.ledger.orgId = null;
  return { t, groupId, eastId, westId };
}

const sides = (file: string) => Object.fromEntries(['', '-wal'].map((s) => [s || 'main', fs.existsSync(file + s) ? sha256Of(file + s) : null]));

describe('拆分台账 and 合并台账 in a worker thread', () => {
  it('a split in the worker pushes each phase in order and answers as the same call in-process does; the source is unchanged', async () => {
    const { t, eastId } = groupFile();
    const seen: TransferProgress[] = [];
    const runs = transferRuns({ workerFile, nativeBinding, onProgress: (p) => seen.push(p) });
    const before = sides(t.file);
    const viaWorker = path.join(t.dir, '东校区-worker.sqlite');
    const got = await runs.run(t.ledger, 'orgs.split', { orgId: eastId, file: viaWorker });
    expect(got.ok).toBe(true);
    expect(sides(t.file)).toEqual(before);
    expect(seen.map((p) => p.phase)).toEqual([...SPLIT_PHASES, '完成']);
    expect(seen.map((p) => p.done)).toEqual(SPLIT_PHASES.map((_, i) => i).concat(SPLIT_PHASES.length));
    expect(seen.every((p) => p.total === SPLIT_PHASES.length && transferProgressOf(p) !== null)).toBe(true);
    // The same call on the main connection: the same answer but for the file's name.
    const inProcess = path.join(t.dir, '东校区-main.sqlite');
    const want = t.call('orgs.split', { orgId: eastId, file: inProcess });
    expect(want.ok).toBe(true);
    const norm = (r: typeof got) => JSON.parse(JSON.stringify(r).replaceAll(viaWorker, 'X').replaceAll(inProcess, 'X'));
    expect(norm(got)).toEqual(norm(want as typeof got));
    const split = openAt(viaWorker, '2026-04-01T09:00:00');
    opened.push(split);
    expect(split.ok('trust.verify', {}).ok).toBe(true);
    expect(runs.running).toBe(false);
  });

  it('stopped mid-way (the app closing): no target file, no temporary file, the source unchanged; a second run meanwhile is refused', async () => {
    const { t, eastId } = groupFile();
    const before = sides(t.file);
    const flag = new SharedArrayBuffer(4);
    const seen: string[] = [];
    const runs = transferRuns({ workerFile, nativeBinding, onProgress: (p) => seen.push(p.phase), hold: { phase: '整理新台账文件', flag } });
    const target = path.join(t.dir, '东校区.sqlite');
    const running = runs.run(t.ledger, 'orgs.split', { orgId: eastId, file: target });
    await vi.waitFor(() => expect(seen).toContain('整理新台账文件'), { timeout: 20_000 });
    // Held mid-way: the copy exists under its temporary name only.
    expect(fs.readdirSync(t.dir).some((n) => n.startsWith('东校区.sqlite.tmp-'))).toBe(true);
    expect(await runs.run(t.ledger, 'orgs.split', { orgId: eastId, file: path.join(t.dir, 'b.sqlite') })).toMatchObject({ ok: false, error: { message: expect.stringContaining('正在进行') } });
    await runs.stop();
    expect(await running).toEqual({ ok: false, error: { code: 'conflict', message: TRANSFER_STOPPED } });
    expect(fs.existsSync(target)).toBe(false);
    expect(fs.readdirSync(t.dir).filter((n) => n.startsWith('东校区.sqlite'))).toEqual([]);
    expect(sides(t.file)).toEqual(before);
    expect(t.ok('trust.verify', {}).ok).toBe(true);
  });

  it('a failure mid-way (the target folder gone under it) answers in Chinese and leaves no target; the source unchanged', async () => {
    const { t, eastId } = groupFile();
    const before = sides(t.file);
    const folder = path.join(t.dir, 'U盘');
    fs.mkdirSync(folder);
    const flag = new SharedArrayBuffer(4);
    const seen: string[] = [];
    const runs = transferRuns({ workerFile, nativeBinding, onProgress: (p) => seen.push(p.phase), hold: { phase: '整理新台账文件', flag } });
    const target = path.join(folder, '东校区.sqlite');
    const running = runs.run(t.ledger, 'orgs.split', { orgId: eastId, file: target });
    await vi.waitFor(() => expect(seen).toContain('整理新台账文件'), { timeout: 20_000 });
    fs.rmSync(folder, { recursive: true, force: true }); // the USB stick pulled out
    Atomics.store(new Int32Array(flag), 0, 1);
    Atomics.notify(new Int32Array(flag), 0);
    const r = await running;
    expect(r).toMatchObject({ ok: false, error: { message: expect.stringContaining('拆分没有完成') } });
    expect(r.ok ? '' : r.error.message).toContain('原台账没有改动');
    expect(r.ok ? '' : r.error.message).not.toMatch(/[A-Za-z]{3,}/);
    expect(fs.existsSync(target)).toBe(false);
    expect(sides(t.file)).toEqual(before);
    expect(runs.running).toBe(false);
  });

  it('a merge in the worker: phases pushed, the campus in the ledger afterwards (seen by the main connection); stopped mid-way, the ledger is as it was', async () => {
    const { t, eastId } = groupFile();
    const school = path.join(t.dir, '东校区.sqlite');
    expect(t.call('orgs.split', { orgId: eastId, file: school }).ok).toBe(true);
    const other = groupFile('另一集团.sqlite');
    const parentId = other.groupId;
    const count = () => other.t.ledger.sqlite.prepare('SELECT COUNT(*) FROM organizations').pluck().get() as number;
    const orgsBefore = count();
    const schoolBefore = sides(school);

    const flag = new SharedArrayBuffer(4);
    const held: string[] = [];
    const stopping = transferRuns({ workerFile, nativeBinding, onProgress: (p) => held.push(p.phase), hold: { phase: '核对数量', flag } });
    const cut = stopping.run(other.t.ledger, 'orgs.merge', { file: school, parentId });
    await vi.waitFor(() => expect(held).toContain('核对数量'), { timeout: 20_000 });
    await stopping.stop();
    expect(await cut).toMatchObject({ ok: false, error: { message: TRANSFER_STOPPED } });
    expect(count()).toBe(orgsBefore);
    expect(sides(school)).toEqual(schoolBefore);

    const seen: string[] = [];
    const runs = transferRuns({ workerFile, nativeBinding, onProgress: (p) => seen.push(p.phase) });
    // The preview in the worker: what the same call gives in-process, no phases pushed, nothing written.
    const preview = await runs.run(other.t.ledger, 'orgs.mergePreview', { file: school, parentId });
    expect(preview).toEqual(other.t.call('orgs.mergePreview', { file: school, parentId }));
    expect(preview.ok).toBe(true);
    expect(seen).toEqual([]);
    expect(count()).toBe(orgsBefore);
    const r = await runs.run(other.t.ledger, 'orgs.merge', { file: school, parentId });
    expect(r.ok).toBe(true);
    expect(seen).toEqual([...MERGE_PHASES, '完成']);
    expect(count()).toBe(orgsBefore + 1);
    expect(sides(school)).toEqual(schoolBefore);
    expect(other.t.ok('trust.verify', {}).ok).toBe(true);
    // The audit row of the merge was written by the worker, in the session's name.
    expect(other.t.ledger.sqlite.prepare("SELECT operator FROM audit_log WHERE channel = 'orgs.merge'").pluck().all()).toEqual(['测试秘书']);
  });

  it('the IPC handler runs 拆分/合并 off the main connection and every other channel on it', async () => {
    ipcMain.handlers.clear();
    const ran: string[] = [];
    const { t } = groupFile();
    registerIpc({
      ledger: () => t.ledger,
      host: {} as never,
      offThread: { channels: OFF_THREAD, run: async (_l, channel) => (ran.push(channel), { ok: true, value: 'worker' }) },
    });
    const event = { senderFrame: { url: 'app://ledger/index.html' } };
    const call = (name: string, input: unknown) => ipcMain.handlers.get(`ledger:${name}`)!(event, input);
    expect(await call('orgs.split', { orgId: 1, file: 'x.sqlite' })).toEqual({ ok: true, value: 'worker' });
    expect(await call('orgs.merge', { file: 'x.sqlite', parentId: 1 })).toEqual({ ok: true, value: 'worker' });
    expect(await call('orgs.mergePreview', { file: 'x.sqlite', parentId: 1 })).toEqual({ ok: true, value: 'worker' });
    expect(await call('orgs.list', {})).toMatchObject({ ok: true });
    expect(await call('orgs.splitPreview', { orgId: 1 })).toMatchObject({ ok: true });
    expect(ran).toEqual(['orgs.split', 'orgs.merge', 'orgs.mergePreview']);
  });
});
