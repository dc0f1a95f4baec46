// A stand-in for the `electron` module: the real one cannot even be required on machines
// without its binary. Only what the shell calls, recording what it was given.
import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

type Handler = (event: unknown, ...args: unknown[]) => unknown;

export const ipcMain = {
  handlers: new Map<string, Handler>(),
  handle: vi.fn((channel: string, handler: Handler) => {
    if (ipcMain.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    ipcMain.handlers.set(channel, handler);
  }),
};

export const ipcRenderer = {
  invoke: vi.fn(async (channel: string, arg?: unknown) => ({ echoed: channel, arg })),
  send: vi.fn(),
  on: vi.fn(),
  removeListener: vi.fn(),
};

export const contextBridge = {
  exposed: new Map<string, unknown>(),
  exposeInMainWorld: vi.fn((key: string, api: unknown) => {
    contextBridge.exposed.set(key, api);
  }),
};

export class FakeWebContents extends EventEmitter {
  openHandler: ((details: { url: string }) => { action: string }) | null = null;
  pdfOptions: unknown = null;
  printOptions: unknown = null;
  loaded: string[] = [];
  pdfBytes = Buffer.from('%PDF-1.7 fake bytes from the mocked printToPDF\n%%EOF');
  setWindowOpenHandler(h: (details: { url: string }) => { action: string }) {
    this.openHandler = h;
  }
  async loadURL(url: string) {
    this.loaded.push(url);
  }
  async executeJavaScript() {
    return true;
  }
  async printToPDF(options: unknown) {
    this.pdfOptions = options;
    return this.pdfBytes;
  }
  print(options: unknown, callback: (ok: boolean, reason: string) => void) {
    this.printOptions = options;
    callback(true, '');
  }
}

export class BrowserWindow extends EventEmitter {
  static created: BrowserWindow[] = [];
  webContents = new FakeWebContents();
  destroyed = false;
  constructor(readonly options: Record<string, unknown>) {
    super();
    BrowserWindow.created.push(this);
  }
  loadURL(url: string) {
    return this.webContents.loadURL(url);
  }
  isDestroyed() {
    return this.destroyed;
  }
  destroy() {
    this.destroyed = true;
  }
  show() {}
  focus() {}
}

export const dialog = {
  showSaveDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: true, filePath: '' })),
  showOpenDialog: vi.fn(),
  showMessageBox: vi.fn(),
  showMessageBoxSync: vi.fn(),
  showErrorBox: vi.fn(),
};

export const shell = {
  openPath: vi.fn(async (_p: string) => ''),
  showItemInFolder: vi.fn(),
  openExternal: vi.fn(),
};

export const protocol = {
  registerSchemesAsPrivileged: vi.fn(),
  handle: vi.fn(),
};

export const Menu = { buildFromTemplate: vi.fn((t: unknown) => ({ template: t })), setApplicationMenu: vi.fn() };

export const app = {
  isPackaged: false,
  getPath: vi.fn(() => '/tmp'),
  getVersion: vi.fn(() => '0.1.0'),
};

/** Desktop notifications: each one made is kept, with what it was shown with. */
export class Notification extends EventEmitter {
  static supported = true;
  static made: Notification[] = [];
  static isSupported() {
    return Notification.supported;
  }
  shown = false;
  constructor(readonly options: { title: string; body: string; silent?: boolean }) {
    super();
    Notification.made.push(this);
  }
  show() {
    this.shown = true;
  }
}

export function resetElectronMock(): void {
  Notification.made = [];
  Notification.supported = true;
  ipcMain.handlers.clear();
  ipcMain.handle.mockClear();
  ipcRenderer.invoke.mockClear();
  contextBridge.exposed.clear();
  contextBridge.exposeInMainWorld.mockClear();
  BrowserWindow.created = [];
  dialog.showSaveDialog.mockReset();
  dialog.showSaveDialog.mockResolvedValue({ canceled: true, filePath: '' });
  shell.openPath.mockClear();
  shell.showItemInFolder.mockClear();
}

export default { Notification, ipcMain, ipcRenderer, contextBridge, BrowserWindow, dialog, shell, protocol, Menu, app };
