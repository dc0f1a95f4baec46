// The one main window and the rules every web contents follows: isolated, sandboxed, no Node,
// no navigation away from app://ledger, no new windows, no permissions, CSP on every response.
import { BrowserWindow, shell, type BrowserWindowConstructorOptions, type Session, type WebContents } from 'electron';
import { APP_ENTRY, isAppUrl } from './app-url';
import { APP_CSP } from './protocol';

/** Security-relevant web preferences, shared by the main window and the hidden print window. */
export function securePreferences(
  preload?: string,
  devTools = false,
): NonNullable<BrowserWindowConstructorOptions['webPreferences']> {
  return {
    ...(preload ? { preload } : {}),
    devTools,
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
    spellcheck: false,
    safeDialogs: true,
  };
}

export function mainWindowOptions(preload: string, devTools = false): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 800,
    minWidth: 1024,
    minHeight: 640,
    title: '议事台账',
    show: false,
    backgroundColor: '#ffffff',
    autoHideMenuBar: false,
    webPreferences: securePreferences(preload, devTools),
  };
}

/** Refuse navigation, redirects, new windows and <webview> for any URL that is not ours. */
export function guardWebContents(contents: WebContents): void {
  contents.setWindowOpenHandler(({ url }) => {
    // Links to the web open in the user's browser, never inside the app.
    if (isExternalWebUrl(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  const block = (event: { preventDefault(): void }, url: string) => {
    if (!isAppUrl(url)) event.preventDefault();
  };
  contents.on('will-navigate', (event, url) => block(event, url));
  contents.on('will-frame-navigate', (event) => block(event, event.url));
  contents.on('will-redirect', (event, url) => block(event, url));
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** Only plain https links (e.g. a policy document) may be handed to the system browser. */
export function isExternalWebUrl(raw: string): boolean {
  try {
    const url = new URL(raw);
    return url.protocol === 'https:' && url.username === '' && url.password === '';
  } catch {
    return false;
  }
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

export function createMainWindow(preload: string, devTools: boolean): BrowserWindow {
  // Developer tools only when running from the repository (npm start), never when installed.
  const win = new BrowserWindow(mainWindowOptions(preload, devTools));
  guardWebContents(win.webContents);
  win.once('ready-to-show', () => win.show());
  void win.loadURL(APP_ENTRY);
  return win;
}
