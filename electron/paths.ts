// Where the shell finds its parts, in the repository (npm start) and when installed.
// Packaged layout (electron-builder.yml): resources/app.asar holds dist-electron and
// dist-renderer; resources/migrations and resources/fonts are extraResources; the
// Electron-ABI better-sqlite3 sits unpacked in resources/app.asar.unpacked/native/.
import path from 'node:path';

export interface ShellPaths {
  preload: string;
  rendererRoot: string;
  migrationsFolder: string;
  /** The print fonts app://ledger/__fonts/ serves (a folder laid out as node_modules: @fontsource/…, lxgw-wenkai-webfont). */
  fontsRoot: string;
  /** better_sqlite3.node built for Electron's ABI, never node_modules' Node build (see scripts/native-electron.mjs). */
  nativeBinding: string;
  /** The automatic backup's checking thread (electron/backup-worker.ts), outside app.asar when installed. */
  backupWorker: string;
  /** 拆分台账/合并台账's thread (electron/transfer-worker.ts), outside app.asar when installed. */
  transferWorker: string;
  /** 导入报送包's thread (electron/district-worker.ts), outside app.asar when installed. */
  districtWorker: string;
}

export interface Where {
  packaged: boolean;
  /** app.getAppPath(): the repository root, or resources/app.asar when installed. */
  appPath: string;
  resourcesPath: string;
  platform: NodeJS.Platform;
  arch: string;
}

/** electron-builder's ${os} names, used for the native/electron/<os>-<arch> folders. */
export function builderOs(platform: NodeJS.Platform): string {
  if (platform === 'win32') return 'win';
  if (platform === 'darwin') return 'mac';
  return platform;
}

export function shellPaths(w: Where): ShellPaths {
  const preload = path.join(w.appPath, 'dist-electron', 'preload.cjs');
  const rendererRoot = path.join(w.appPath, 'dist-renderer');
  if (w.packaged) {
    return {
      preload,
      rendererRoot,
      migrationsFolder: path.join(w.resourcesPath, 'migrations'),
      fontsRoot: path.join(w.resourcesPath, 'fonts'),
      nativeBinding: path.join(`${w.appPath}.unpacked`, 'native', 'better_sqlite3.node'),
      backupWorker: path.join(`${w.appPath}.unpacked`, 'dist-electron', 'backup-worker.cjs'),
      transferWorker: path.join(`${w.appPath}.unpacked`, 'dist-electron', 'transfer-worker.cjs'),
      districtWorker: path.join(`${w.appPath}.unpacked`, 'dist-electron', 'district-worker.cjs'),
    };
  }
  return {
    preload,
    rendererRoot,
    migrationsFolder: path.join(w.appPath, 'migrations'),
    fontsRoot: path.join(w.appPath, 'node_modules'),
    nativeBinding: path.join(w.appPath, 'native', 'electron', `${builderOs(w.platform)}-${w.arch}`, 'better_sqlite3.node'),
    backupWorker: path.join(w.appPath, 'dist-electron', 'backup-worker.cjs'),
    transferWorker: path.join(w.appPath, 'dist-electron', 'transfer-worker.cjs'),
    districtWorker: path.join(w.appPath, 'dist-electron', 'district-worker.cjs'),
  };
}
