// The main window and the print window are isolated, sandboxed and Node-free, and no web
// contents can be navigated, redirected or popped up away from app://ledger.
import fs from 'node:fs';
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('./electron-mock'));

import { BrowserWindow, FakeWebContents, resetElectronMock } from './electron-mock';
import { APP_ENTRY, isAppUrl } from '../../electron/app-url';
import { createMainWindow, guardWebContents, hardenSession } from '../../electron/window';
import { printWindow } from '../../electron/host';
import { APP_CSP, printDocuments } from '../../electron/protocol';
import type { BrowserWindow as ElectronWindow, Session, WebContents } from 'electron';

const HOSTILE = [
  'https://evil.example',
  'http://evil.example/index.html',
  'file:///etc/passwd',
  'file:///C:/Windows/System32/cmd.exe',
  'javascript:alert(document.cookie)',
  'data:text/html,<script>alert(1)</script>',
  'about:blank',
  'http://127.0.0.1.evil.com',
  'http://127.0.0.1:5173/index.html',
  // look-alikes of our own origin, which a startsWith('app://ledger') check would let through
  'app://ledger.evil.com/index.html',
  'app://ledgerx/index.html',
  'app://ledger@evil.example/index.html',
  'app://evil:pw@ledger/index.html',
  'app://ledger:8080/index.html',
  'app:ledger/index.html',
  'app://evil.example/app://ledger/index.html',
  'https://ledger/index.html',
  '',
  'not a url',
];
const OURS = [APP_ENTRY, 'app://ledger/index.html#/meetings/3', 'app://ledger/assets/index-abc.js', 'app://ledger/'];

beforeEach(() => resetElectronMock());

describe('window options', () => {
  const SECURE = {
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
  };

  it('main window: isolated, sandboxed, no Node, web security on, our preload, loads app://ledger', () => {
    createMainWindow('/app/dist-electron/preload.cjs', false);
    const [win] = BrowserWindow.created;
    expect(win).toBeDefined();
    expect(win!.options.webPreferences).toMatchObject({ ...SECURE, preload: '/app/dist-electron/preload.cjs', devTools: false });
    expect(win!.webContents.loaded).toEqual([APP_ENTRY]);
    expect(win!.webContents.openHandler).not.toBeNull();
  });

  it('print window: the same isolation, no preload at all, kept for the next document, closed with the main window', async () => {
    const print = printDocuments();
    const main = new BrowserWindow({});
    const printer = printWindow(print, () => main as unknown as ElectronWindow);
    await printer.use('<p>会议纪要</p>', async () => undefined);
    await printer.use('<p>会议记录</p>', async () => undefined);
    const [, win] = BrowserWindow.created;
    expect(BrowserWindow.created).toHaveLength(2);
    expect(win!.options.webPreferences).toMatchObject(SECURE);
    expect((win!.options.webPreferences as Record<string, unknown>).preload).toBeUndefined();
    expect(win!.options.show).toBe(false);
    expect(win!.webContents.loaded).toHaveLength(2);
    // A document is only served while it prints.
    for (const url of win!.webContents.loaded) expect(print.get(url)).toBeUndefined();
    expect(win!.destroyed).toBe(false);
    main.emit('closed');
    expect(win!.destroyed).toBe(true);
  });

  it('print window: a failed document closes it, and the next one gets a fresh window', async () => {
    const main = new BrowserWindow({});
    const printer = printWindow(printDocuments(), () => main as unknown as ElectronWindow);
    await expect(printer.use('<p>x</p>', async () => {
      throw new Error('打印机没有响应');
    })).rejects.toThrow('打印机没有响应');
    expect(BrowserWindow.created[1]!.destroyed).toBe(true);
    await printer.use('<p>y</p>', async () => undefined);
    expect(BrowserWindow.created).toHaveLength(3);
    expect(BrowserWindow.created[2]!.destroyed).toBe(false);
  });
});

describe('navigation guard', () => {
  function guarded() {
    const contents = new FakeWebContents();
    guardWebContents(contents as unknown as WebContents);
    const tryEvent = (name: string, url: string) => {
      const event = { preventDefault: vi.fn(), url, isMainFrame: true };
      if (name === 'will-frame-navigate') contents.emit(name, event);
      else contents.emit(name, event, url);
      return event.preventDefault.mock.calls.length > 0;
    };
    return { contents, tryEvent };
  }

  it.each(HOSTILE)('blocks will-navigate / will-frame-navigate / will-redirect to %j', (url) => {
    const { tryEvent } = guarded();
    expect(tryEvent('will-navigate', url)).toBe(true);
    expect(tryEvent('will-frame-navigate', url)).toBe(true);
    expect(tryEvent('will-redirect', url)).toBe(true);
    expect(isAppUrl(url)).toBe(false);
  });

  it.each(OURS)('lets the app move within its own pages: %s', (url) => {
    const { tryEvent } = guarded();
    expect(tryEvent('will-navigate', url)).toBe(false);
    expect(tryEvent('will-redirect', url)).toBe(false);
    expect(isAppUrl(url)).toBe(true);
  });

  it('lets a sub-frame show a srcdoc document preview, but nothing else, and never the main frame', () => {
    const { contents } = guarded();
    const frameNav = (url: string, isMainFrame: boolean) => {
      const event = { preventDefault: vi.fn(), url, isMainFrame };
      contents.emit('will-frame-navigate', event);
      return event.preventDefault.mock.calls.length > 0;
    };
    expect(frameNav('about:srcdoc', false)).toBe(false);
    expect(frameNav('about:srcdoc', true)).toBe(true);
    expect(frameNav('https://evil.example/', false)).toBe(true);
    expect(frameNav('file:///etc/passwd', false)).toBe(true);
    expect(frameNav('app://ledger.evil.com/', false)).toBe(true);
  });

  it('denies every window.open, even to our own pages, and every <webview>', () => {
    const { contents } = guarded();
    for (const url of [...HOSTILE, ...OURS]) expect(contents.openHandler!({ url })).toEqual({ action: 'deny' });
    const event = { preventDefault: vi.fn() };
    contents.emit('will-attach-webview', event, {}, {});
    expect(event.preventDefault).toHaveBeenCalled();
  });
});

describe('session hardening', () => {
  type Headers = Record<string, string[]>;
  interface FakeSession {
    request: null | ((wc: unknown, permission: string, cb: (ok: boolean) => void) => void);
    check: null | ((...a: unknown[]) => boolean);
    device: null | ((...a: unknown[]) => boolean);
    headers: null | ((d: { responseHeaders?: Headers }, cb: (r: { responseHeaders?: Headers }) => void) => void);
    before: null | ((d: { url: string }, cb: (r: { cancel: boolean }) => void) => void);
  }
  function fakeSession(): FakeSession {
    const s: FakeSession = { request: null, check: null, device: null, headers: null, before: null };
    const api = {
      setPermissionRequestHandler: (h: FakeSession['request']) => void (s.request = h),
      setPermissionCheckHandler: (h: FakeSession['check']) => void (s.check = h),
      setDevicePermissionHandler: (h: FakeSession['device']) => void (s.device = h),
      webRequest: {
        onHeadersReceived: (h: FakeSession['headers']) => void (s.headers = h),
        onBeforeRequest: (h: FakeSession['before']) => void (s.before = h),
      },
    };
    hardenSession(api as unknown as Session);
    return s;
  }

  it('denies every permission request and check', () => {
    const s = fakeSession();
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen']) {
      let answer: boolean | undefined;
      s.request!({}, permission, (ok) => (answer = ok));
      expect(answer, permission).toBe(false);
      expect(s.check!({}, permission, 'app://ledger', {})).toBe(false);
    }
    expect(s.device!({})).toBe(false);
  });

  it('adds the CSP to responses that lack one and keeps one that is set', () => {
    const s = fakeSession();
    let out: Record<string, string[]> | undefined;
    s.headers!({ responseHeaders: { 'content-type': ['text/html'] } }, (r) => (out = r.responseHeaders));
    expect(out!['Content-Security-Policy']).toEqual([APP_CSP]);
    s.headers!({ responseHeaders: { 'content-security-policy': ["default-src 'none'"] } }, (r) => (out = r.responseHeaders));
    expect(out!['content-security-policy']).toEqual(["default-src 'none'"]);
    expect(out!['Content-Security-Policy']).toBeUndefined();
  });

  it('cancels every request that is not app://ledger (nothing leaves the machine)', () => {
    const s = fakeSession();
    const cancelled = (url: string) => {
      let c: boolean | undefined;
      s.before!({ url }, (r) => (c = r.cancel));
      return c;
    };
    for (const url of ['https://evil.example/x.js', 'http://127.0.0.1.evil.com', 'file:///etc/passwd', 'app://ledger.evil.com/']) {
      expect(cancelled(url), url).toBe(true);
    }
    expect(cancelled('app://ledger/assets/index.js')).toBe(false);
    expect(cancelled('data:image/png;base64,AAAA')).toBe(false);
  });

  it('the CSP allows scripts from the app only, no eval, no inline script, no connections out', () => {
    const directives = Object.fromEntries(APP_CSP.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));
    expect(directives['script-src']).toEqual(["'self'"]);
    expect(directives['connect-src']).toEqual(["'self'"]);
    expect(directives['object-src']).toEqual(["'none'"]);
    expect(directives['style-src']).toEqual(["'self'"]);
    expect(directives['base-uri']).toEqual(["'none'"]);
    expect(APP_CSP).not.toMatch(/unsafe-eval|unsafe-inline|https?:|\*/);
  });

  it('the header CSP and the meta CSP of renderer/index.html are the same policy', () => {
    const html = fs.readFileSync(new URL('../../renderer/index.html', import.meta.url), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    const norm = (p: string) => p.split(';').map((d) => d.trim()).filter(Boolean).sort();
    expect(meta, 'renderer/index.html has a CSP meta tag').toBeDefined();
    expect(norm(meta!)).toEqual(norm(APP_CSP));
  });
});
