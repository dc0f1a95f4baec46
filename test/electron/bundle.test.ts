// The shipped bundles: the sandboxed preload may require nothing but `electron` (a sandboxed
// preload has no Node require), and main requires only electron, better-sqlite3 and Node
// built-ins. Plus the Electron-ABI build plan of scripts/native-electron.mjs.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { builtinModules } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildEnv, plan } from '../../scripts/native-electron.mjs';
import { shellPaths } from '../../electron/paths';

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

  it('main.cjs requires only electron, better-sqlite3 and Node built-ins (everything else is bundled)', () => {
    const allowed = new Set(['electron', 'better-sqlite3', ...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
    const required = [...new Set(requiresOf(path.join(out, 'main.cjs')))];
    expect(required).toContain('electron');
    expect(required).toContain('better-sqlite3');
    expect(required.filter((r) => !allowed.has(r))).toEqual([]);
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
