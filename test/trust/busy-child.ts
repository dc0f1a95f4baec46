// Child process for the leftovers test: opens the ledger as the app does (the guards may copy
// it to the temporary folder), then backs up, previews and restores-checks in a loop until the
// parent kills it, at any moment, leaving whatever temporary files were in flight.
import { dispatch } from '../../db/api';
import { openLedger } from '../../db/open';
import { createBackup, listBackups, defaultBackupDir } from '../../db/trust/backup';

const [file, migrationsFolder] = process.argv.slice(2) as [string, string];
const ledger = openLedger(file, { migrationsFolder, operator: '强杀测试' });
process.stdout.write('ready\n');
for (;;) {
  createBackup(ledger, { reason: 'manual', rotate: true });
  const newest = listBackups(defaultBackupDir(file))[0];
  if (newest) dispatch(ledger, 'backup.preview', { file: newest.path });
}
