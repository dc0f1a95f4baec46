// electron-builder.yml cannot be exercised by a real build here (no Electron binary, no
// network), so: (1) validate it with electron-builder's own loader and JSON schema, offline;
// (2) assert what the installers must be; (3) pack a Linux `dir` build with a placeholder
// Electron carrying a real fuse wire, and inspect app.asar, resources and the flipped fuses.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PACKAGED_ARCHS } from '../../scripts/native-electron.mjs';
import { builderOs } from '../../electron/paths';
import { BUNDLED_FACES, parseFontFaceCss } from '../../db/documents/fonts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const require = createRequire(import.meta.url);
const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
  getConfig(dir: string, file: string | null, extra: unknown): Promise<Record<string, any>>;
  validateConfiguration(config: unknown, logger: unknown): Promise<void>;
};
const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
const YML = path.join(root, 'electron-builder.yml');

type Target = { target: string; arch: string[] };
let config: Record<string, any>;
beforeAll(async () => {
  config = await getConfig(root, YML, null);
});

describe('electron-builder.yml', () => {
  it("passes electron-builder's own schema validation", async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('the validator really rejects unknown keys (so the check above means something)', async () => {
    const typo = await getConfig(root, YML, { nsis: { oneClik: false } });
    await expect(validateConfiguration(typo, new DebugLogger(false))).rejects.toThrow(/oneClik|nsis/);
  });

  it('identity and native-module policy: productName 议事台账, never rebuild (ABI trap)', () => {
    expect(config.productName).toBe('议事台账');
    expect(config.appId).toMatch(/^[a-z]+(\.[a-z]+)+$/);
    expect(config.npmRebuild).toBe(false);
    expect(config.nodeGypRebuild).toBe(false);
    expect(config.asarUnpack).toContain('native/**');
  });

  it('Windows: NSIS + portable for x64 and ia32; per-user install without admin, in Chinese; data kept on uninstall', () => {
    const targets = config.win.target as Target[];
    expect(targets.map((t) => [t.target, [...t.arch].sort()])).toEqual([
      ['nsis', ['ia32', 'x64']],
      ['portable', ['ia32', 'x64']],
    ]);
    expect(config.nsis).toMatchObject({
      oneClick: false,
      perMachine: false,
      allowElevation: false,
      installerLanguages: ['zh_CN'],
      language: '2052',
      deleteAppDataOnUninstall: false,
    });
    expect(config.portable.requestExecutionLevel).toBe('user');
  });

  it('the app icon: one 512×512 PNG (Windows .ico and Linux sizes are made from it), drawn from build/icon.svg', () => {
    expect(config.win.icon).toBe('build/icon.png');
    expect(config.linux.icon).toBe('build/icon.png');
    const png = fs.readFileSync(path.join(root, 'build/icon.png'));
    expect(png.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true);
    // IHDR: width and height (electron-builder needs at least 256 for Windows), colour type 6 (RGBA).
    expect([png.readUInt32BE(16), png.readUInt32BE(20), png[25]]).toEqual([512, 512, 6]);
    expect(fs.existsSync(path.join(root, 'build/icon.svg'))).toBe(true);
  });

  it('Linux: deb + AppImage for x64 and arm64, category Office', () => {
    const targets = config.linux.target as Target[];
    expect(targets.map((t) => [t.target, [...t.arch].sort()])).toEqual([
      ['deb', ['arm64', 'x64']],
      ['AppImage', ['arm64', 'x64']],
    ]);
    expect(config.linux.category).toBe('Office');
  });

  it('fuses: no run-as-node, no NODE_OPTIONS, no --inspect, asar only and integrity-checked, no file:// privileges', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('the native folders the config packs are the ones scripts/native-electron.mjs builds and electron/paths.ts reads', () => {
    const native = (config.files as unknown[]).find((f) => typeof f === 'object' && f && (f as { to?: string }).to === 'native') as { from: string };
    expect(native.from).toBe('native/electron/${os}-${arch}');
    for (const platform of ['win32', 'linux'] as const) {
      const key = builderOs(platform) as 'win' | 'linux';
      const archs = new Set((config[key].target as Target[]).flatMap((t) => t.arch));
      expect([...archs].sort(), platform).toEqual([...PACKAGED_ARCHS[platform]].sort());
    }
  });
});

describe('packaging check (linux dir, placeholder Electron binary)', () => {
  let proj: string;
  let out: string;
  const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
  beforeAll(async () => {
    proj = fs.mkdtempSync(path.join(os.tmpdir(), 'yishi-pack-'));
    for (const f of ['package.json', 'package-lock.json', 'electron-builder.yml']) fs.copyFileSync(path.join(root, f), path.join(proj, f));
    fs.symlinkSync(path.join(root, 'node_modules'), path.join(proj, 'node_modules'));
    fs.symlinkSync(path.join(root, 'migrations'), path.join(proj, 'migrations'));
    fs.symlinkSync(path.join(root, 'build'), path.join(proj, 'build'));
    execFileSync(process.execPath, [path.join(root, 'scripts/build-electron.mjs'), '--outdir', path.join(proj, 'dist-electron')]);
    fs.mkdirSync(path.join(proj, 'dist-renderer'));
    fs.writeFileSync(path.join(proj, 'dist-renderer/index.html'), '<!doctype html><title>议事台账</title>');
    // Stand-ins: the real Electron binary and the Electron-ABI module need internet to obtain.
    fs.mkdirSync(path.join(proj, 'native/electron/linux-x64'), { recursive: true });
    fs.writeFileSync(path.join(proj, 'native/electron/linux-x64/better_sqlite3.node'), 'placeholder');
    const dist = path.join(proj, 'electron-dist');
    fs.mkdirSync(dist);
    // A fuse wire in Electron's default state (runAsNode on, NODE_OPTIONS on, …) for electron-builder to flip.
    fs.writeFileSync(path.join(dist, 'electron'), Buffer.concat([Buffer.from('#!/bin/sh\n'), Buffer.from(SENTINEL), Buffer.from([1, 8]), Buffer.from('10011001')]));
    fs.chmodSync(path.join(dist, 'electron'), 0o755);
    const { build, Platform, Arch } = require('electron-builder');
    out = path.join(proj, 'out');
    await build({
      projectDir: proj,
      targets: Platform.LINUX.createTarget('dir', Arch.x64),
      config: { electronDist: dist, directories: { output: out } },
      publish: 'never',
    });
  }, 120_000);
  afterAll(() => {
    if (proj) fs.rmSync(proj, { recursive: true, force: true });
  });

  it('app.asar holds the bundles, the renderer and better-sqlite3 JS only; the .node file is unpacked', () => {
    const { listPackage } = require('@electron/asar') as { listPackage(p: string): string[] };
    const files = listPackage(path.join(out, 'linux-unpacked/resources/app.asar')).map((f) => f.replace(/\\/g, '/'));
    for (const f of ['/package.json', '/dist-electron/main.cjs', '/dist-electron/preload.cjs', '/dist-renderer/index.html', '/node_modules/better-sqlite3/lib/index.js']) {
      expect(files, f).toContain(f);
    }
    // Bundled into main.cjs/preload.cjs, so not shipped again; no source maps, no C sources, no Node-ABI build.
    for (const banned of ['/node_modules/zod', '/node_modules/drizzle-orm', '/node_modules/react', '/node_modules/@fontsource', '/node_modules/lxgw-wenkai-webfont', '/node_modules/electron', '/node_modules/better-sqlite3/build', '/node_modules/better-sqlite3/deps', '/node_modules/better-sqlite3/src']) {
      expect(files.some((f) => f === banned || f.startsWith(`${banned}/`)), banned).toBe(false);
    }
    expect(files.some((f) => f.endsWith('.map'))).toBe(false);
    expect(fs.readFileSync(path.join(out, 'linux-unpacked/resources/app.asar.unpacked/native/better_sqlite3.node'), 'utf8')).toBe('placeholder');
  });

  it('migrations and the print fonts db/documents needs ship as resources (only the weights used)', () => {
    const res = path.join(out, 'linux-unpacked/resources');
    expect(fs.existsSync(path.join(res, 'migrations/meta/_journal.json'))).toBe(true);
    const sql = fs.readdirSync(path.join(res, 'migrations')).filter((f) => f.endsWith('.sql'));
    expect(sql.sort()).toEqual(fs.readdirSync(path.join(root, 'migrations')).filter((f) => f.endsWith('.sql')).sort());
    // Every slice each face's stylesheet names is shipped, and nothing else: no other weight, no .woff.
    const needed = new Set<string>();
    for (const { dir, css } of Object.values(BUNDLED_FACES)) {
      const sheet = path.join(res, 'fonts', dir, css);
      expect(fs.existsSync(sheet), `${dir}/${css}`).toBe(true);
      const slices = parseFontFaceCss(fs.readFileSync(sheet, 'utf8'));
      expect(slices.length, `${dir}/${css}`).toBeGreaterThan(dir === 'yishi-rare' ? 10 : 50);
      for (const s of slices) needed.add(path.join(dir, s.file));
    }
    const shipped = (fs.readdirSync(path.join(res, 'fonts'), { recursive: true }) as string[]).filter((f) => /\.woff2?$/.test(f));
    expect(new Set(shipped)).toEqual(needed);
  });

  it('the fuses were flipped in the packaged binary as configured', async () => {
    const { getCurrentFuseWire, FuseV1Options } = require('@electron/fuses');
    const wire = await getCurrentFuseWire(path.join(out, 'linux-unpacked/yishi-ledger'));
    // The wire holds ASCII '1' (enabled) / '0' (disabled) per fuse.
    const state = (o: number) => String.fromCharCode(wire[o]) === '1';
    expect(state(FuseV1Options.RunAsNode)).toBe(false);
    expect(state(FuseV1Options.EnableNodeOptionsEnvironmentVariable)).toBe(false);
    expect(state(FuseV1Options.EnableNodeCliInspectArguments)).toBe(false);
    expect(state(FuseV1Options.OnlyLoadAppFromAsar)).toBe(true);
    expect(state(FuseV1Options.EnableEmbeddedAsarIntegrityValidation)).toBe(true);
    expect(state(FuseV1Options.GrantFileProtocolExtraPrivileges)).toBe(false);
  });
});
