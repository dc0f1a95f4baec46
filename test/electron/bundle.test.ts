// The shipped bundles: the sandboxed preload may require nothing but `electron` (a sandboxed
// preload has no Node require), and main requires only electron, better-sqlite3 and Node
// built-ins. Plus the Electron-ABI build plan of scripts/native-electron.mjs.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('./electron-mock'));

import { buildEnv, plan } from '../../scripts/native-electron.mjs';
import { shellPaths } from '../../electron/paths';
import { signedMinutes } from '../documents/fixtures';
import { checkInWorker } from '../../electron/trust';
import { readLedgerId } from '../../db/trust/backup';
import { freshLedger } from '../support/ledger';
import { openDistrict } from '../../db/district/store';
import { districtRuns } from '../../electron/district-runs';

const root = fileURLToPath(new URL('../..', import.meta.url));
let out: string;
beforeAll(() => {
  out = fs.mkdtempSync(path.join(os.tmpdir(), 'yishi-bundle-'));
  execFileSync(process.execPath, [path.join(root, 'scripts/build-electron.mjs'), '--outdir', out], { stdio: 'pipe' });
});
afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

const requiresOf = (file: string) => [...fs.readFileSync(file, 'utf8').matchAll(/\brequire\(["']([^"']+)["']\)/g)].map((m) => m[1]!);

describe('bundles', () => {
  it('preload.cjs runs in a sandbox-like context where only electron can be required', () => {
    const exposed = new Map<string, Record<string, unknown>>();
    const invoked: string[] = [];
    const electron = {
      contextBridge: { exposeInMainWorld: (k: string, v: Record<string, unknown>) => exposed.set(k, v) },
      ipcRenderer: { invoke: async (channel: string) => (invoked.push(channel), { ok: true, value: null }) },
    };
    const sandboxRequire = (id: string) => {
      if (id === 'electron') return electron;
      throw new Error(`module not found in sandboxed preload: ${id}`);
    };
    const module = { exports: {} };
    const code = fs.readFileSync(path.join(out, 'preload.cjs'), 'utf8');
    vm.runInNewContext(code, { require: sandboxRequire, module, exports: module.exports, console, Promise, Object, Set, Map, Symbol, Error, TypeError });
    expect([...exposed.keys()].sort()).toEqual(['district', 'host', 'ledger']);
    expect(Object.keys(exposed.get('ledger')!)).toEqual(['call']);
    expect(requiresOf(path.join(out, 'preload.cjs'))).toEqual(['electron']);
  });

  it('main.cjs requires only electron, better-sqlite3, Node built-ins and its own office.cjs (everything else is bundled)', () => {
    const allowed = new Set(['electron', 'better-sqlite3', './office.cjs', ...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
    const required = [...new Set(requiresOf(path.join(out, 'main.cjs')))];
    expect(required).toContain('electron');
    expect(required).toContain('better-sqlite3');
    expect(required.filter((r) => !allowed.has(r))).toEqual([]);
  });

  it('the document libraries are in office.cjs, required on the first document made, not at start', async () => {
    const main = fs.readFileSync(path.join(out, 'main.cjs'), 'utf8');
    // Not at the top level: only inside the loader that db/documents/index.ts calls per document.
    expect(main.match(/require\("\.\/office\.cjs"\)/g)).toEqual(['require("./office.cjs")']);
    expect(main).toMatch(/=> Promise\.resolve\(\)\.then\(\(\) => require\("\.\/office\.cjs"\)\)/);
    expect(main).not.toMatch(/ExcelJS|Packer\.toBuffer/);
    expect(fs.statSync(path.join(out, 'main.cjs')).size).toBeLessThan(2 * 2 ** 20);
    const office = createRequire(path.join(out, 'main.cjs'))('./office.cjs') as typeof import('../../db/documents/office');
    const bytes = await office.minutesDocx(signedMinutes());
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
  });

  it('backup-worker.cjs checks a copy in a worker thread with no node_modules beside it, and says when it is damaged', async () => {
    const required = [...new Set(requiresOf(path.join(out, 'backup-worker.cjs')))];
    expect(required.filter((r) => !builtinModules.includes(r.replace(/^node:/, '')))).toEqual([]);
    const nativeBinding = path.join(root, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node');
    const check = checkInWorker(path.join(out, 'backup-worker.cjs'), nativeBinding);
    const t = freshLedger();
    const copy = path.join(out, 'copy.sqlite');
    await t.ledger.sqlite.backup(copy);
    const facts = await check(copy, new AbortController().signal);
    expect(facts.ledgerId).toBe(readLedgerId(t.ledger.sqlite));
    fs.writeFileSync(copy, Buffer.alloc(8192, 7));
    await expect(check(copy, new AbortController().signal)).rejects.toThrow();
  });

  it('transfer-worker.cjs (拆分/合并) runs unpacked beside no node_modules: only Node built-ins, and the document makers it never loads', () => {
    const required = [...new Set(requiresOf(path.join(out, 'transfer-worker.cjs')))];
    expect(required.filter((r) => !builtinModules.includes(r.replace(/^node:/, '')) && r !== './office.cjs')).toEqual([]);
    expect(fs.readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')).toContain('- dist-electron/transfer-worker.cjs');
  });

  it('district-worker.cjs (导入报送包) runs unpacked beside no node_modules: only Node built-ins, no document makers inlined; it answers an import', async () => {
    const file = path.join(out, 'district-worker.cjs');
    const required = [...new Set(requiresOf(file))];
    expect(required.filter((r) => !builtinModules.includes(r.replace(/^node:/, '')) && r !== './office.cjs')).toEqual([]);
    expect(fs.readFileSync(file, 'utf8')).not.toMatch(/ExcelJS|Packer\.toBuffer/);
    expect(fs.readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')).toContain('- dist-electron/district-worker.cjs');
    const packaged = shellPaths({ packaged: true, appPath: '/opt/议事台账/resources/app.asar', resourcesPath: '/opt/议事台账/resources', platform: 'linux', arch: 'x64' });
    expect(packaged.districtWorker).toBe(path.join('/opt/议事台账/resources/app.asar.unpacked', 'dist-electron', 'district-worker.cjs'));
    expect(shellPaths({ packaged: false, appPath: root, resourcesPath: '/x', platform: 'linux', arch: 'x64' }).districtWorker).toBe(path.join(root, 'dist-electron', 'district-worker.cjs'));
    // The built file itself, on a district ledger: a file that is no bundle is refused in Chinese.
    fs.mkdirSync(path.join(out, 'district'));
    const d = openDistrict(path.join(out, 'district', '区域台账.sqlite'));
    const nativeBinding = path.join(root, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node');
    try {
      const r = await districtRuns({ workerFile: file, nativeBinding }).run(d, 'district.import', { base64: Buffer.from('不是报送包').toString('base64') });
      expect(r).toMatchObject({ ok: false, error: { code: 'rule_violation', message: expect.stringMatching(/[\u4e00-\u9fa5]/) } });
    } finally {
      d.close();
    }
  });

  it('main looks for the Electron-ABI module where native-electron.mjs puts it and electron-builder packs it', () => {
    const dev = shellPaths({ packaged: false, appPath: root, resourcesPath: '/x', platform: 'win32', arch: 'ia32' });
    const [step] = plan({ platform: 'win32', arch: 'ia32', electron: '45.4.1', sqlite: '12.11.1' });
    expect(dev.nativeBinding).toBe(step!.file);
    expect(dev.nativeBinding).toBe(path.join(root, 'native', 'electron', 'win-ia32', 'better_sqlite3.node'));
    const packaged = shellPaths({ packaged: true, appPath: '/opt/议事台账/resources/app.asar', resourcesPath: '/opt/议事台账/resources', platform: 'linux', arch: 'x64' });
    expect(packaged.nativeBinding).toBe(path.join('/opt/议事台账/resources/app.asar.unpacked', 'native', 'better_sqlite3.node'));
    expect(packaged.migrationsFolder).toBe(path.join('/opt/议事台账/resources', 'migrations'));
    // Never the node_modules build that vitest uses.
    expect(dev.nativeBinding).not.toContain('node_modules');
  });
});

describe('scripts/native-electron.mjs', () => {
  it('builds every packaged architecture with --all, and only this one otherwise', () => {
    const names = (p: { dir: string }[]) => p.map((s) => path.basename(s.dir));
    expect(names(plan({ platform: 'win32', arch: 'x64', all: true, electron: '45.4.1', sqlite: '12.11.1' }))).toEqual(['win-x64', 'win-ia32']);
    expect(names(plan({ platform: 'linux', arch: 'x64', all: true, electron: '45.4.1', sqlite: '12.11.1' }))).toEqual(['linux-x64', 'linux-arm64']);
    expect(names(plan({ platform: 'linux', arch: 'arm64', electron: '45.4.1', sqlite: '12.11.1' }))).toEqual(['linux-arm64']);
  });

  it('runs the build tools without nodedir (the ABI trap: it points node-gyp at Node 20 headers)', () => {
    const env = buildEnv({ PATH: '/usr/bin', npm_config_nodedir: '/usr', NPM_CONFIG_NODEDIR: '/usr', npm_config_runtime: 'node', npm_config_cache: '/c' });
    expect(env).toEqual({ PATH: '/usr/bin', npm_config_cache: '/c' });
  });

  it('--dry-run plans without touching node_modules/better-sqlite3', () => {
    const nodeBuild = path.join(root, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node');
    const before = fs.statSync(nodeBuild).mtimeMs;
    execFileSync(process.execPath, [path.join(root, 'scripts/native-electron.mjs'), '--dry-run', '--all'], { stdio: 'pipe' });
    expect(fs.statSync(nodeBuild).mtimeMs).toBe(before);
  });
});
