// The one main window and the rules every web contents follows: isolated, sandboxed, no Node,
// no navigation away from app://ledger, no new windows, no permissions, CSP on every response.
import { BrowserWindow, type Session, type WebContents } from 'electron';
import { APP_ENTRY, isAppUrl } from './app-url';
import { APP_CSP } from './protocol';

// Every window of the app (the main window, the hidden print window of host.ts) is made by
// hardenedWindow(), so the webPreferences exist once and are written out literally at the one
// `new BrowserWindow`, where static checkers (Electronegativity) and readers see them;
// test/electron/window.test.ts checks both windows.

export const MAIN_WINDOW_SIZE = { width: 1280, height: 800, minWidth: 1024, minHeight: 640 };

/** Refuse navigation, redirects, new windows and <webview> for any URL that is not ours. */
export function guardWebContents(contents: WebContents): void {
  // No pop-ups at all, and no handing URLs to the system browser: the app is offline and
  // nothing it shows should lead out of it.
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  const block = (event: { preventDefault(): void }, url: string) => {
    if (!isAppUrl(url)) event.preventDefault();
  };
  contents.on('will-navigate', (event, url) => block(event, url));
  contents.on('will-frame-navigate', (event) => {
    // Document previews are sandboxed srcdoc iframes (renderer/components/DocumentFrame.tsx):
    // a sub-frame may load about:srcdoc, which has no origin of its own and inherits our CSP.
    if (!event.isMainFrame && event.url === 'about:srcdoc') return;
    block(event, event.url);
  });
  contents.on('will-redirect', (event, url) => block(event, url));
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** Deny every permission (camera, notifications, geolocation…) and add the CSP to every response. */
export function hardenSession(ses: Session): void {
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  ses.webRequest.onHeadersReceived((details, callback) => {
    const headers = { ...details.responseHeaders };
    if (!Object.keys(headers).some((k) => k.toLowerCase() === 'content-security-policy')) {
      headers['Content-Security-Policy'] = [APP_CSP];
    }
    callback({ responseHeaders: headers });
  });
  // Nothing leaves the machine: only app:// (and data:/blob: inside pages) may be requested.
  ses.webRequest.onBeforeRequest((details, callback) => {
    const scheme = details.url.slice(0, details.url.indexOf(':') + 1);
    callback({ cancel: !(isAppUrl(details.url) || scheme === 'data:' || scheme === 'blob:' || scheme === 'devtools:') });
  });
}

export interface WindowShape {
  width: number;
  height: number;
  minWidth?: number;
  minHeight?: number;
  title?: string;
  backgroundColor?: string;
  /** The main window's preload; the print window has none. */
  preload?: string;
  devTools: boolean;
}

/** A hidden window with the app's hardened web preferences, guarded against leaving app://ledger. */
export function hardenedWindow(shape: WindowShape): BrowserWindow {
  const { preload, devTools, ...size } = shape;
  const win = new BrowserWindow({
    ...size,
    show: false,
    webPreferences: {
      // Electronegativity PRELOAD_JS_CHECK (MEDIUM, "review"): reviewed. The preload exposes only
      // window.ledger.call (contract channels, refused otherwise) and window.host (HostApi, inputs
      // checked again in main) through contextBridge; never ipcRenderer or Node.
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      disableBlinkFeatures: 'Auxclick',
      spellcheck: false,
      safeDialogs: true,
      // Developer tools only when running from the repository (npm start), never when installed.
      devTools,
    },
  });
  guardWebContents(win.webContents);
  return win;
}

export function createMainWindow(preload: string, devTools: boolean): BrowserWindow {
  const win = hardenedWindow({ ...MAIN_WINDOW_SIZE, title: '议事台账', backgroundColor: '#ffffff', preload, devTools });
  win.once('ready-to-show', () => win.show());
  void win.loadURL(APP_ENTRY);
  return win;
}
