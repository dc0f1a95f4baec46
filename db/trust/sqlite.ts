// Every extra connection the trust code opens (checks on copies, backups) must load the same
// native better-sqlite3 build as the ledger: Electron passes its own (nativeBinding), tests
// use Node's. openLedger records the choice here once per process.
import Database from 'better-sqlite3';

let nativeBinding: string | undefined;

export function useNativeBinding(file: string | undefined): void {
  if (file) nativeBinding = file;
}

export function openSqlite(file: string, options: { fileMustExist?: boolean; readonly?: boolean } = {}): Database.Database {
  return new Database(file, {
    fileMustExist: options.fileMustExist ?? true,
    readonly: options.readonly ?? false,
    ...(nativeBinding ? { nativeBinding } : {}),
  });
}
