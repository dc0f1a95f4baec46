// Bundles the desktop shell with esbuild: electron/main.ts → dist-electron/main.cjs (and the
// document makers apart, office.cjs) and
// electron/preload.ts → dist-electron/preload.cjs. The preload runs sandboxed, where only
// `electron` can be required, so everything it uses (the contract's channel list, zod) is
// inlined. better-sqlite3 stays external: its .node binary is chosen at run time (nativeBinding).
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// --outdir lets the packaging test build into a scratch project.
const at = process.argv.indexOf('--outdir');
const outdir = at > 0 ? path.resolve(process.argv[at + 1]) : path.join(root, 'dist-electron');
const electronVersion = JSON.parse(fs.readFileSync(path.join(root, 'node_modules/electron/package.json'), 'utf8')).version;
// Electron 45 runs Node 22 in the main process and Chromium 140 in the preload. The preload is
// minified: it carries zod (via the contract) and is parsed for every page load.
const common = {
  bundle: true,
  format: 'cjs',
  platform: 'node',
  sourcemap: 'linked',
  legalComments: 'none',
  logLevel: 'warning',
  external: ['electron', 'better-sqlite3'],
  define: { 'process.env.NODE_ENV': '"production"' },
};

// db/documents/office.ts (docx, exceljs, jszip) is its own file, required on the first document
// made: a start neither parses nor runs it.
const OFFICE = path.join(root, 'db/documents/office.ts');
const officeApart = {
  name: 'office-apart',
  setup(b) {
    b.onResolve({ filter: /^\.\/office$/ }, (args) =>
      path.join(args.resolveDir, 'office.ts') === OFFICE ? { path: './office.cjs', external: true } : undefined,
    );
  },
};

const started = Date.now();
fs.rmSync(outdir, { recursive: true, force: true });
await Promise.all([
  build({ ...common, entryPoints: [path.join(root, 'electron/main.ts')], outfile: path.join(outdir, 'main.cjs'), target: 'node22', plugins: [officeApart] }),
  build({ ...common, entryPoints: [OFFICE], outfile: path.join(outdir, 'office.cjs'), target: 'node22' }),
  // Runs unpacked, beside no node_modules: better-sqlite3's JS is inlined (its .node is passed in).
  build({ ...common, external: ['electron'], entryPoints: [path.join(root, 'electron/backup-worker.ts')], outfile: path.join(outdir, 'backup-worker.cjs'), target: 'node22' }),
  // 拆分/合并 run the whole dispatch there; the document makers stay apart (never loaded by them).
  build({ ...common, external: ['electron'], entryPoints: [path.join(root, 'electron/transfer-worker.ts')], outfile: path.join(outdir, 'transfer-worker.cjs'), target: 'node22', plugins: [officeApart] }),
  // 导入报送包 runs the district dispatch there; the document makers stay apart (never loaded by it).
  build({ ...common, external: ['electron'], entryPoints: [path.join(root, 'electron/district-worker.ts')], outfile: path.join(outdir, 'district-worker.cjs'), target: 'node22', plugins: [officeApart] }),
  build({ ...common, entryPoints: [path.join(root, 'electron/preload.ts')], outfile: path.join(outdir, 'preload.cjs'), target: 'chrome140', minify: true }),
]);
// esbuild keeps import() of an external file; require() is the loader Electron's main process
// always has inside app.asar.
const mainFile = path.join(outdir, 'main.cjs');
const bundled = fs.readFileSync(mainFile, 'utf8');
const loaded = bundled.replace('import("./office.cjs")', 'Promise.resolve().then(() => require("./office.cjs"))');
if (loaded === bundled) throw new Error('build-electron: the office.cjs loader was not found in main.cjs');
fs.writeFileSync(mainFile, loaded);
console.log(`electron bundles (Electron ${electronVersion}) → ${path.relative(root, outdir) || outdir}/ in ${Date.now() - started} ms`);
