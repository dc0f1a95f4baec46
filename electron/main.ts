// The desktop shell's entry: one instance, one window, the ledger opened (and migrated)
// before any page loads. Everything security-relevant lives in window.ts, protocol.ts and
// ipc.ts; this file only wires them together in the right order.
import fs from 'node:fs';
import path from 'node:path';
import { app, dialog, session, shell, Menu, type BrowserWindow } from 'electron';
import { openLedger } from '../db/open';
import { setFontsRoot } from '../db/documents';
import { LedgerError } from '../db/errors';
import type { Ledger } from '../db/ledger';
import { moveDataFolder, MoveRefused, POINTER_FILE, resolveDataFolder, type DataFolder } from './data-folder';
import { electronHost } from './host';
import { registerIpc } from './ipc';
import { buildMenu } from './menu';
import { districtHolder, registerDistrictIpc, type DistrictHolder } from './district';
import { APP_ENTRY } from './app-url';
import { shellPaths } from './paths';
import { handleAppProtocol, printDocuments, registerAppScheme } from './protocol';
import { createMainWindow, guardWebContents, hardenSession } from './window';
import { autoBackups, checkInWorker, openOrOfferRestore, restoreInPlace, shellVerify, type AutoBackups, type ShellVerify } from './trust';
import { BACKUP_STATUS, TRANSFER_PROGRESS } from './host-channels';
import { OFF_THREAD, transferRuns, type TransferRuns } from './transfer';
import { districtRuns } from './district-runs';
import { defaultBackupDir } from '../db/trust/backup';
import { startReminders } from './reminders';

const TITLE = '议事台账';
const devTools = !app.isPackaged;

let ledger: Ledger | null = null;
let mainWindow: BrowserWindow | null = null;
let data: DataFolder;
let backups: AutoBackups | null = null;
let verifier: ShellVerify | null = null;
let transfers: TransferRuns | null = null;
let district: DistrictHolder | null = null;

// All of these must happen before 'ready'.
app.enableSandbox();
registerAppScheme();
// The app speaks only Chinese: date inputs (2026/03/25 14:30), number formats and Chromium's own
// menus follow the app locale, which would otherwise be the OS's (an English Windows shows 03/25/2026).
app.commandLine.appendSwitch('lang', 'zh-CN');

if (!app.requestSingleInstanceLock()) {
  // Two copies writing one ledger would be safe for SQLite but confusing for people: refuse.
  void app.whenReady().then(() => {
    dialog.showMessageBoxSync({
      type: 'info',
      title: TITLE,
      message: '议事台账已经打开',
      detail: '同一台电脑上只能打开一个议事台账窗口，已为您切换到已打开的窗口。',
      buttons: ['知道了'],
    });
    app.quit();
  });
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.show();
    mainWindow.focus();
  });
  // Every web contents (main, print windows, anything Chromium creates) gets the same guard.
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents));
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => {
    closeLedger();
    district?.close();
  });
  app.whenReady().then(start).catch((e: unknown) => fatal('议事台账启动失败', e));
}

function start(): void {
  const paths = shellPaths({
    packaged: app.isPackaged,
    appPath: app.getAppPath(),
    resourcesPath: process.resourcesPath,
    platform: process.platform,
    arch: process.arch,
  });
  data = resolveDataFolder(app.getPath('userData'));
  if (data.missing) {
    fatal(
      '找不到数据文件夹',
      `台账数据设在「${data.folder}」，但这个文件夹现在不存在。\n请确认该磁盘（如 D 盘或移动硬盘）已连接、文件夹没有被改名，然后重新打开议事台账。`,
    );
    return;
  }
  if (data.pointerBroken) {
    fatal(
      '数据文件夹设置已损坏',
      `文件「${path.join(app.getPath('userData'), POINTER_FILE)}」无法读取。\n请把它改回 {"folder": "D:\\\\议事台账数据"} 这样的格式，或删除它以使用默认位置，然后重新打开议事台账。`,
    );
    return;
  }
  if (!fs.existsSync(paths.nativeBinding)) {
    fatal('缺少数据库组件', `没有找到 ${paths.nativeBinding}。\n从源码运行时请用 npm start（它会先准备这个组件）；安装版请重新安装。`);
    return;
  }
  fs.mkdirSync(data.folder, { recursive: true });
  // The bundled print fonts app://ledger/__fonts/ serves (resources/fonts when installed).
  setFontsRoot(paths.fontsRoot);
  // Opened and migrated synchronously, before any window exists: a page never sees an old schema.
  // A file the startup guards refuse is never replaced by an empty ledger: the user is told why
  // and offered the newest verified backup (electron/trust.ts).
  const backupDirs = [defaultBackupDir(data.ledgerFile)];
  const open = (operator?: string) =>
    openLedger(data.ledgerFile, { migrationsFolder: paths.migrationsFolder, nativeBinding: paths.nativeBinding, backupDirs, operator });
  ledger = openOrOfferRestore(() => open(), data.ledgerFile, backupDirs);
  if (!ledger) {
    app.exit(1);
    return;
  }
  // The automatic backup waits for the window (below) and runs beside it: never before it.
  backups = autoBackups({
    check: checkInWorker(paths.backupWorker, paths.nativeBinding),
    onStatus: (s) => mainWindow?.webContents.send(BACKUP_STATUS, s),
  });
  const auto = backups;
  verifier = shellVerify({ ledger: () => ledger, window: () => mainWindow });
  const verify = verifier;
  transfers = transferRuns({
    workerFile: paths.transferWorker,
    nativeBinding: paths.nativeBinding,
    onProgress: (p) => {
      const win = mainWindow;
      if (win && !win.isDestroyed() && !win.webContents.isDestroyed()) win.webContents.send(TRANSFER_PROGRESS, p);
    },
  });
  const transfer = transfers;

  const print = printDocuments();
  hardenSession(session.defaultSession);
  handleAppProtocol({ rendererRoot: paths.rendererRoot, print });
  registerIpc({
    ledger: () => {
      if (!ledger) throw new Error('台账正在移动或已关闭，请稍候再试。');
      return ledger;
    },
    host: electronHost({
      parent: () => mainWindow,
      print,
      dataFolder: () => data.folder,
      version: app.getVersion(),
      documentsFolder: () => app.getPath('documents'),
      warmUpAfterMs: 3000,
      restore: (file) =>
        restoreInPlace(
          {
            ledgerFile: data.ledgerFile,
            backupDirs,
            current: () => ledger,
            close: closeLedger,
            reopen: (operator) => (ledger = open(operator)),
          },
          file,
        ),
      verify: (req) => verify.verify(req),
    }),
    afterCall: (l, channel, result) => void auto.after(l, channel, result),
    offThread: { channels: OFF_THREAD, run: (l, channel, input) => transfer.run(l, channel, input) },
  });
  // 区域统筹: a district ledger of its own, in a folder the user picks (remembered for next time).
  // Imports in a worker thread each, one after another; closing or switching the ledger stops them unwritten.
  const districtWork = districtRuns({ workerFile: paths.districtWorker, nativeBinding: paths.nativeBinding });
  district = districtHolder(app.getPath('userData'), { nativeBinding: paths.nativeBinding, onClose: () => void districtWork.stop() });
  const chooseDistrictFolder = async (): Promise<string | null> => {
    const options = {
      title: '选择区域台账所在的文件夹',
      buttonLabel: '选择此文件夹',
      // The folder used last (also after 改用本校台账): reopening it is one click.
      defaultPath: district?.lastFolder() ?? undefined,
      properties: ['openDirectory', 'createDirectory'] as ('openDirectory' | 'createDirectory')[],
    };
    const picked = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
    return picked.canceled ? null : (picked.filePaths[0] ?? null);
  };
  registerDistrictIpc({ holder: district, chooseFolder: chooseDistrictFolder, runs: districtWork });
  Menu.setApplicationMenu(
    buildMenu({
      devTools,
      openDataFolder: () => void shell.openPath(data.folder),
      moveDataFolder: () => void chooseNewDataFolder(),
      openDistrict: () =>
        void chooseDistrictFolder().then((folder) => {
          if (!folder || !district) return;
          try {
            district.openFolder(folder);
          } catch (e) {
            void dialog.showMessageBox({ type: 'warning', title: '没有打开区域台账', message: '这个文件夹里的区域台账无法打开。', detail: e instanceof Error && /[\u4e00-\u9fa5]/.test(e.message) ? e.message : '请确认文件夹可以写入，或选择另一个文件夹。', buttons: ['确定'] });
            return;
          }
          void mainWindow?.loadURL(`${APP_ENTRY}#/district`);
        }),
      // The district file stays in its folder (打开区域台账 opens it again); the page starts as a school.
      useSchool: () => {
        district?.forget();
        void mainWindow?.loadURL(`${APP_ENTRY}?start=school#/dashboard`);
      },
      about: () =>
        void dialog.showMessageBox({
          type: 'info',
          title: '关于议事台账',
          message: `议事台账 ${app.getVersion()}`,
          detail: `中小学校党组织领导的校长负责制议事决策台账。\n数据文件夹：${data.folder}`,
          buttons: ['确定'],
        }),
    }),
  );
  mainWindow = createMainWindow(paths.preload, devTools);
  mainWindow.once('show', () => {
    if (ledger) void auto.start(ledger);
  });
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
  // 今日待办 as desktop notifications: at start, then every hour while open (设置 → 提醒).
  const stopReminders = startReminders({
    ledger: () => ledger,
    stateFile: path.join(data.folder, 'reminders-shown.json'),
    open: () => {
      mainWindow?.show();
      mainWindow?.focus();
    },
  });
  app.on('will-quit', stopReminders);

  async function chooseNewDataFolder(): Promise<void> {
    const picked = await dialog.showOpenDialog(mainWindow!, {
      title: '选择新的数据文件夹',
      buttonLabel: '选择此文件夹',
      properties: ['openDirectory', 'createDirectory'],
    });
    const target = picked.filePaths[0];
    if (picked.canceled || !target) return;
    const { response } = await dialog.showMessageBox(mainWindow!, {
      type: 'question',
      title: '更改数据文件夹位置',
      message: `把台账数据移动到「${target}」？`,
      detail: '移动完成后议事台账会自动重新启动。原位置会保留一份加了日期的旧文件作为备份。',
      buttons: ['移动', '取消'],
      defaultId: 0,
      cancelId: 1,
    });
    if (response !== 0) return;
    closeLedger();
    try {
      moveDataFolder(app.getPath('userData'), target);
    } catch (e) {
      const message = e instanceof MoveRefused ? e.message : `移动没有完成，原数据未改动。（${String(e)}）`;
      await dialog.showMessageBox(mainWindow!, { type: 'warning', title: '没有移动', message, buttons: ['确定'] });
      ledger = open();
      return;
    }
    app.relaunch();
    app.exit(0);
  }
}

function closeLedger(): void {
  // A backup cut short leaves a temporary file only; it reads through this connection.
  backups?.stop();
  // A verify reads through a connection of its own: closed now, so the close can checkpoint (and a restore replace the file).
  verifier?.stop();
  // A split or merge in its worker ends unwritten: no target file, the ledger as it was (electron/transfer.ts).
  void transfers?.stop();
  try {
    ledger?.close();
  } catch {
    // Already closed.
  }
  ledger = null;
}

function fatal(title: string, e: unknown): void {
  const detail =
    e instanceof LedgerError ? e.message : typeof e === 'string' ? e : `${String(e)}\n\n数据没有被改动。请重新打开；如果反复出现，请联系技术支持。`;
  dialog.showErrorBox(title, detail);
  closeLedger();
  app.exit(1);
}
