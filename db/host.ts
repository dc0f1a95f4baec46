// What only the shell can do (print with Chromium, save dialogs, open a folder). Implemented by
// electron/host.ts (Electron) and by the Playwright harness (test/support/harness.ts); the
// renderer sees it as window.host. Types only: no I/O here.
export interface SavedFile {
  path: string;
}

export interface HostApi {
  /** Print HTML with Chromium to an A4 PDF and save it; null when the user cancels the dialog. */
  savePdf(req: { html: string; fileName: string }): Promise<SavedFile | null>;
  /** Save bytes (DOCX, XLSX) produced by the core; null when cancelled. */
  saveFile(req: { base64: string; fileName: string }): Promise<SavedFile | null>;
  /** Send HTML to the system's printer dialog. */
  print(req: { html: string }): Promise<void>;
  openPath(path: string): Promise<void>;
  showInFolder(path: string): Promise<void>;
  info(): Promise<{ version: string; dataFolder: string; shell: 'electron' | 'harness' }>;
}
