// app:// serves only files inside dist-renderer, with the CSP on every
// page; traversal in any spelling is refused.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('./electron-mock'));

import { APP_CSP, PRINT_CSP, printDocuments, resolveAppFile, serveAppRequest } from '../../electron/protocol';

let dir: string;
let root: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yishi-protocol-'));
  root = path.join(dir, 'dist-renderer');
  fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>议事台账</title>');
  fs.writeFileSync(path.join(root, 'assets', 'app.js'), 'console.log(1)');
  fs.writeFileSync(path.join(dir, 'secret.txt'), 'outside the root');
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('resolveAppFile', () => {
  it('maps app://ledger paths into the root', () => {
    expect(resolveAppFile(root, 'app://ledger/index.html')).toBe(path.join(root, 'index.html'));
    expect(resolveAppFile(root, 'app://ledger/')).toBe(path.join(root, 'index.html'));
    expect(resolveAppFile(root, 'app://ledger/assets/app.js?v=1#x')).toBe(path.join(root, 'assets', 'app.js'));
  });

  it.each([
    'app://ledger/../secret.txt',
    'app://ledger/%2e%2e/secret.txt',
    'app://ledger/assets/%2E%2E/%2E%2E/secret.txt',
    'app://ledger/..%2fsecret.txt',
    'app://ledger/..%5csecret.txt',
    'app://ledger/%2Fetc%2Fpasswd',
    'app://ledger/assets%00.js',
    'app://ledger/%E0%A4%A',
    'app://other/index.html',
    'app://ledger.evil.com/index.html',
    'app://ledger:81/index.html',
    'file:///etc/passwd',
  ])('refuses %s', (url) => {
    const file = resolveAppFile(root, url);
    if (file !== null) {
      // Whatever it resolved to must still be inside the root (never the secret).
      expect(path.relative(root, file).startsWith('..')).toBe(false);
      expect(fs.existsSync(file)).toBe(false);
    }
  });
});

describe('serveAppRequest', () => {
  const print = printDocuments();
  const serve = (url: string, method = 'GET') => serveAppRequest(new Request(url, { method }), { rendererRoot: root, print });

  it('serves the page with the CSP and the right type', async () => {
    const res = await serve('app://ledger/index.html');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(res.headers.get('content-security-policy')).toBe(APP_CSP);
    expect(await res.text()).toContain('议事台账');
    const js = await serve('app://ledger/assets/app.js');
    expect(js.headers.get('content-type')).toContain('javascript');
  });

  it('404s outside the root, for other hosts, and for writes', async () => {
    expect((await serve('app://ledger/../secret.txt')).status).toBe(404);
    expect((await serve('app://ledger/%2e%2e/secret.txt')).status).toBe(404);
    expect((await serve('app://ledger/missing.js')).status).toBe(404);
    expect((await serve('app://evil/index.html')).status).toBe(404);
    expect((await serve('app://ledger/index.html', 'POST')).status).toBe(405);
  });

  it('serves a print document only while it is registered, with a script-free CSP', async () => {
    const url = print.add('<h1>会议纪要</h1>');
    const res = await serve(url);
    expect(await res.text()).toBe('<h1>会议纪要</h1>');
    expect(res.headers.get('content-security-policy')).toBe(PRINT_CSP);
    expect(PRINT_CSP).toMatch(/default-src 'none'/);
    expect(PRINT_CSP).not.toMatch(/script-src/);
    print.remove(url);
    expect((await serve(url)).status).toBe(404);
  });

  it('serves the bundled print fonts a stylesheet names under /__fonts/, and nothing else there', async () => {
    const css = fs.readFileSync(path.resolve('node_modules/@fontsource/noto-serif-sc/400.css'), 'utf8');
    const file = /url\(\.\/(files\/[^)]+\.woff2)\)/.exec(css)![1]!;
    const res = await serve(`app://ledger/__fonts/@fontsource/noto-serif-sc/${file}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('font/woff2');
    expect(Buffer.from(await res.arrayBuffer()).subarray(0, 4).toString('latin1')).toBe('wOF2');
    // The print document may load them (font-src 'self'), never a data: or another origin's font.
    expect(PRINT_CSP).toMatch(/font-src 'self';/);
    for (const bad of [
      'app://ledger/__fonts/@fontsource/noto-serif-sc/400.css',
      'app://ledger/__fonts/@fontsource/noto-serif-sc/LICENSE',
      'app://ledger/__fonts/@fontsource/noto-serif-sc/files/../../../../package.json',
      'app://ledger/__fonts/@fontsource/noto-serif-sc/files/%2e%2e%2f%2e%2e%2fpackage.json',
      'app://ledger/__fonts/zod/package.json',
      `app://evil/__fonts/@fontsource/noto-serif-sc/${file}`,
    ]) {
      expect((await serve(bad)).status, bad).toBe(404);
    }
  });
});
