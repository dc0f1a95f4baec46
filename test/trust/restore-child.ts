// Child process for the "restore killed midway" test: runs restoreBackup and prints each
// progress phase; with a phase name as third argument it stops there (sleeps) so the parent
// can SIGKILL it at exactly that point.
import { restoreBackup } from '../../db/trust/restore';

const [ledgerFile, backupFile, stopAt] = process.argv.slice(2) as [string, string, string | undefined];
restoreBackup(ledgerFile, backupFile, {
  onProgress: (p) => {
    process.stdout.write(`phase ${p.phase}\n`);
    if (p.phase === stopAt) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 60_000);
  },
});
process.stdout.write('finished\n');
