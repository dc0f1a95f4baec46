// Child process for the access tests: open the ledger as the app would (openLedger), possibly
// as another user (the parent spawns it with uid/gid), and print what happened as one JSON line.
import { openLedger } from '../../db/open';
import { LedgerUnavailable } from '../../db/trust/access';
import { DamagedLedger } from '../../db/trust/guards';

const [file, migrationsFolder] = process.argv.slice(2) as [string, string];
let out: Record<string, unknown>;
try {
  openLedger(file, { migrationsFolder }).close();
  out = { outcome: 'opened' };
} catch (e) {
  if (e instanceof LedgerUnavailable) out = { outcome: 'unavailable', reason: e.reason, message: e.message };
  else if (e instanceof DamagedLedger) out = { outcome: 'damaged', damage: e.damage, offer: e.offer, message: e.message };
  else out = { outcome: 'error', name: (e as Error).name, message: String((e as Error).message) };
}
process.stdout.write(`${JSON.stringify(out)}\n`);
