// Builds better-sqlite3 for ELECTRON's ABI into a separate folder, native/electron/<os>-<arch>/,
// which electron/main.ts passes to better-sqlite3 as `nativeBinding` (and electron-builder.yml
// packs, unpacked). node_modules keeps the Node build that vitest uses: we never rebuild in
// place (the ABI trap in ../shared/design/toolchain.md).
//
//   node scripts/native-electron.mjs            this machine's architecture (npm start)
//   node scripts/native-electron.mjs --all      every architecture packaged for this OS (npm run dist)
//   node scripts/native-electron.mjs --dry-run  print the plan only
//
// Needs internet: prebuild-install downloads better-sqlite3's published Electron binary; if
// that fails (host architecture only) node-gyp compiles against Electron's headers, with
// npm_config_nodedir removed so it cannot silently use Node's headers instead.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const readJson = (p) => JSON.parse(fs.readFileSync(path.join(root, p), 'utf8'));

/** Architectures electron-builder.yml packages per OS. */
export const PACKAGED_ARCHS = { win32: ['x64', 'ia32'], linux: ['x64', 'arm64'], darwin: ['x64', 'arm64'] };

export const builderOs = (platform) => (platform === 'win32' ? 'win' : platform === 'darwin' ? 'mac' : platform);

export function plan({ platform = process.platform, arch = process.arch, all = false, electron, sqlite }) {
  const archs = all ? (PACKAGED_ARCHS[platform] ?? [arch]) : [arch];
  return archs.map((a) => {
    const dir = path.join(root, 'native', 'electron', `${builderOs(platform)}-${a}`);
    return {
      platform,
      arch: a,
      dir,
      file: path.join(dir, 'better_sqlite3.node'),
      stamp: `electron ${electron} better-sqlite3 ${sqlite}`,
      canCompile: a === arch && platform === process.platform,
    };
  });
}

/** The environment for the build tools: without nodedir (it points node-gyp at Node's headers). */
export function buildEnv(env = process.env) {
  const out = {};
  for (const [k, v] of Object.entries(env)) {
    if (/^npm_config_(nodedir|target|runtime|disturl|dist_url|arch)$/i.test(k)) continue;
    out[k] = v;
  }
  return out;
}

function upToDate(step) {
  try {
    return fs.statSync(step.file).size > 0 && fs.readFileSync(path.join(step.dir, 'STAMP'), 'utf8').trim() === step.stamp;
  } catch {
    return false;
  }
}

function run(cmd, args, cwd) {
  const r = spawnSync(process.execPath, [cmd, ...args], { cwd, env: buildEnv(), stdio: 'inherit' });
  return r.status === 0;
}

function buildOne(step, electron) {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'yishi-native-'));
  try {
    // A private copy, so node_modules/better-sqlite3/build (the Node build) is never touched.
    const copy = path.join(work, 'better-sqlite3');
    const source = path.join(root, 'node_modules', 'better-sqlite3');
    fs.cpSync(source, copy, {
      recursive: true,
      filter: (src) => {
        const rel = path.relative(source, src);
        return rel !== 'build' && !rel.startsWith(`build${path.sep}`);
      },
    });
    const built = path.join(copy, 'build', 'Release', 'better_sqlite3.node');
    const prebuild = path.join(root, 'node_modules', 'prebuild-install', 'bin.js');
    let ok = run(prebuild, ['--runtime', 'electron', '--target', electron, '--arch', step.arch, '--platform', step.platform, '--verbose'], copy);
    if ((!ok || !fs.existsSync(built)) && step.canCompile) {
      console.log(`[native] 没有现成的 ${step.platform}-${step.arch} 二进制，改用 node-gyp 编译（需要编译工具）…`);
      const gyp = path.join(root, 'node_modules', 'node-gyp', 'bin', 'node-gyp.js');
      ok = run(gyp, ['rebuild', '--release', '--runtime=electron', `--target=${electron}`, `--arch=${step.arch}`, '--dist-url=https://electronjs.org/headers'], copy);
    }
    if (!ok || !fs.existsSync(built)) throw new Error(`无法为 Electron ${electron}（${step.platform}-${step.arch}）准备 better-sqlite3，请检查网络后重试。`);
    fs.mkdirSync(step.dir, { recursive: true });
    fs.copyFileSync(built, step.file);
    fs.writeFileSync(path.join(step.dir, 'STAMP'), `${step.stamp}\n`);
    console.log(`[native] ${path.relative(root, step.file)} (${fs.statSync(step.file).size} bytes)`);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

function main(argv) {
  const electron = readJson('node_modules/electron/package.json').version;
  const sqlite = readJson('node_modules/better-sqlite3/package.json').version;
  const steps = plan({ all: argv.includes('--all'), electron, sqlite });
  for (const step of steps) {
    if (upToDate(step)) continue; // quiet: already built for this Electron and better-sqlite3
    if (argv.includes('--dry-run')) {
      console.log(`[native] would build ${path.relative(root, step.file)} for ${step.stamp}`);
      continue;
    }
    buildOne(step, electron);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    main(process.argv.slice(2));
  } catch (e) {
    console.error(`[native] ${e instanceof Error ? e.message : e}`);
    process.exit(1);
  }
}
