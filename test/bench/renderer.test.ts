// The size half of bench/renderer.ts on a built-like folder: which chunks count as the initial
// JS (entry + modulepreload + static imports, transitively) and which are lazy. The Chromium half
// (first paint, scrolling) runs only in `npm run bench`: it needs a built dist-renderer/ under
// the vite lock and tens of seconds of Chromium, and test/e2e already drives the same screens.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { bundleRows, bundleSizes, staticImports } from '../../bench/renderer';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yishi-bundle-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const write = (rel: string, text: string) => {
  fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
  fs.writeFileSync(path.join(dir, rel), text);
};

describe('bench renderer bundle sizes', () => {
  it('reads static imports and export-from, never import()', () => {
    const code = 'import{a as b}from"./vendor-1.js";import"./side-2.js";export{c}from"./re-3.js";const x=()=>import("./Lazy-4.js");';
    expect(staticImports(code).sort()).toEqual(['./re-3.js', './side-2.js', './vendor-1.js']);
  });

  it('counts the entry, its preloads and static imports as initial, everything else as lazy, gzip level 9', () => {
    write('index.html', '<script type="module" crossorigin src="./assets/index-A.js"></script><link rel="modulepreload" crossorigin href="./assets/pre-B.js"><link rel="stylesheet" href="./assets/index-C.css">');
    write('assets/index-A.js', `import{r}from"./vendor-D.js";r(()=>import("./Charts-E.js"));${'/* 议事 */'.repeat(200)}`);
    write('assets/pre-B.js', 'export const p=1;');
    write('assets/vendor-D.js', 'import"./deep-F.js";export const r=f=>f();');
    write('assets/deep-F.js', 'console.log(1);');
    write('assets/Charts-E.js', `import{r}from"./index-A.js";${'x'.repeat(5000)}`);
    write('assets/index-C.css', 'body{}');
    const b = bundleSizes(dir);
    expect(b.initial.map((c) => c.file).sort()).toEqual(['assets/deep-F.js', 'assets/index-A.js', 'assets/pre-B.js', 'assets/vendor-D.js']);
    expect(b.lazy.map((c) => c.file)).toEqual(['assets/Charts-E.js']);
    expect(b.css.map((c) => c.file)).toEqual(['assets/index-C.css']);
    const entry = fs.readFileSync(path.join(dir, 'assets/index-A.js'));
    expect(b.initial.find((c) => c.file === 'assets/index-A.js')!.gzip).toBe(zlib.gzipSync(entry, { level: 9 }).length);
    expect(b.initialGzip).toBe(b.initial.reduce((s, c) => s + c.gzip, 0));
    const rows = bundleRows(b);
    expect(rows[0]!.met).toBe(true);
    expect(rows[0]!.unit).toBe('KB');
    expect(rows).toHaveLength(2);
  });
});
