// 导入报送包, a whole USB stick at once (renderer/stores/bundle-import.ts): each file its own
// district.import, one after another, in picking order; a refusal, a broken connection or a file
// the stick no longer gives never stops the rest; the progress names the file being read; each
// line carries exactly what the core answered. Junk files go to a real district ledger through the
// same dispatch the shell calls; the others are answered by a stand-in core, to have every outcome.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatchDistrictAsync } from '../../db/district/api';
import { openDistrict } from '../../db/district/store';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yishi-bundles-'));
const district = openDistrict(path.join(dir, '区域台账.sqlite'));
const calls: string[] = [];
const imported = (message: string, state = 'imported') => ({ ok: true, value: { state, bundleId: 1, school: '青山第一中学', period: '2026年3月', message } });
// What the stand-in core answers, by the file's text; anything else goes to the real district ledger.
const ANSWERS: Record<string, unknown> = {
  ok: imported('已导入青山第一中学「2026年3月」的报送包。'),
  dup: imported('青山第一中学「2026年3月」的报送包已经导入过，没有任何改动。', 'already'),
  covered: { ok: false, error: { code: 'rule_violation', reason: 'period_covered', message: '青山第一中学：已由报送包覆盖，内容不同。如这是更正后的报送包，请用“以更正包替换”并写明理由。' } },
};
// The page's FileReader, as far as fileBase64 uses it (Node has Blob and File but no FileReader).
class FileReaderStub {
  result: string | null = null;
  error: Error | null = null;
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  readAsDataURL(blob: Blob) {
    blob.arrayBuffer().then(
      (b) => ((this.result = `data:application/octet-stream;base64,${Buffer.from(b).toString('base64')}`), this.onload?.()),
      (e: Error) => ((this.error = e), this.onerror?.()),
    );
  }
}
Object.assign(globalThis, {
  FileReader: FileReaderStub,
  window: {
    district: {
      call: async (channel: string, input: { base64: string }) => {
        calls.push(channel);
        const text = Buffer.from(input.base64, 'base64').toString('utf8');
        if (text === 'boom') throw new Error('channel closed');
        return ANSWERS[text] ?? JSON.parse(JSON.stringify(await dispatchDistrictAsync(district, channel, input)));
      },
    },
  },
});

let store: typeof import('../../renderer/stores/bundle-import');
beforeAll(async () => {
  store = await import('../../renderer/stores/bundle-import');
});
afterAll(() => {
  district.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const file = (name: string, text: string) => new File([text], name);
/** A file the USB stick no longer gives: reading it fails. */
const pulledOut = (name: string) => Object.assign(new File(['x'], name), { arrayBuffer: () => Promise.reject(new Error('NotReadableError')) });

describe('importing several bundles at once', () => {
  it('a refused line, once 以更正包替换 replaced with that very file, says what the replacement answered', async () => {
    const covered = file('c.yishi-bundle', 'covered');
    await store.useBundleImport.getState().importAll([file('d.yishi-bundle', 'dup'), covered]);
    const outcome = { state: 'superseded' as const, bundleId: 2, school: '青山第一中学', period: '2026年3月', message: '青山第一中学「2026年3月」的报送包已由更正包替换，原报送包保留备查。' };
    store.useBundleImport.getState().replaced(covered, outcome);
    const lines = store.useBundleImport.getState().lines!;
    expect(lines.map((l) => [l.name, l.refusal?.message ?? l.outcome!.message])).toEqual([
      ['d.yishi-bundle', '青山第一中学「2026年3月」的报送包已经导入过，没有任何改动。'],
      ['c.yishi-bundle', outcome.message],
    ]);
    store.useBundleImport.getState().clear();
    calls.length = 0;
  });

  it('imports each file in turn, names the one being read, and keeps going past every kind of failure', async () => {
    const progress: string[] = [];
    const changed: number[] = [];
    const start = store.useBundleImport.getState().changed;
    const stop = store.useBundleImport.subscribe((s) => {
      if (s.progress) progress.push(`${s.progress.at}/${s.progress.total} ${s.progress.name}`);
      changed.push(s.changed);
    });
    const picked = [file('1.yishi-bundle', 'ok'), file('2.yishi-bundle', '不是报送包'), pulledOut('3.yishi-bundle'), file('4.yishi-bundle', 'boom'), file('5.yishi-bundle', 'covered'), file('6.yishi-bundle', 'dup'), file('7.yishi-bundle', 'ok')];
    await store.useBundleImport.getState().importAll(picked);
    stop();
    expect([...new Set(progress)]).toEqual(picked.map((f, i) => `${i + 1}/7 ${f.name}`));
    // The unreadable file never reached the core; every other one was its own call.
    expect(calls).toEqual(Array(6).fill('district.import'));
    const { lines, progress: after } = store.useBundleImport.getState();
    expect(after).toBeNull();
    expect(lines!.map((l) => l.name)).toEqual(picked.map((f) => f.name));
    const said = lines!.map((l) => (l.refusal ? `✗ ${l.refusal.message}` : `✓ ${l.outcome.message}`));
    expect(said[0]).toBe('✓ 已导入青山第一中学「2026年3月」的报送包。');
    // The real core's own Chinese reason for a file that is no bundle.
    expect(said[1]).toMatch(/^✗ [\u4e00-\u9fa5]/);
    expect(said[1]).not.toMatch(/[A-Za-z]{3,}/);
    expect(said[2]).toBe('✗ 这个文件读不出来，U盘可能已经拔出。请插好U盘后再导入这个文件。区域台账未作任何改动。');
    expect(said[3]).toContain('与区域台账的连接中断');
    expect(lines![4]!.refusal).toMatchObject({ reason: 'period_covered' });
    expect(lines![4]!.file).toBe(picked[4]);
    expect(lines![5]!.outcome!.state).toBe('already');
    expect(said[6]).toBe('✓ 已导入青山第一中学「2026年3月」的报送包。');
    // The view is asked again after each file the district took (two), not after a refusal or one already in.
    expect(Math.max(...changed) - start).toBe(2);
  });

  it('ignores a second pick while a run is going on, and nothing at all for an empty pick', async () => {
    calls.length = 0;
    const first = store.useBundleImport.getState().importAll([file('a.yishi-bundle', 'ok')]);
    await store.useBundleImport.getState().importAll([file('b.yishi-bundle', 'ok')]);
    await first;
    expect(calls).toHaveLength(1);
    expect(store.useBundleImport.getState().lines!.map((l) => l.name)).toEqual(['a.yishi-bundle']);
    await store.useBundleImport.getState().importAll([]);
    expect(store.useBundleImport.getState().lines).toHaveLength(1);
    // A file the list does not hold changes nothing.
    const before = store.useBundleImport.getState().lines;
    store.useBundleImport.getState().replaced(file('a.yishi-bundle', 'ok'), ANSWERS.ok as never);
    expect(store.useBundleImport.getState().lines).toBe(before);
    store.useBundleImport.getState().clear();
    expect(store.useBundleImport.getState().lines).toBeNull();
  });
});
