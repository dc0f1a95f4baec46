// Child process for the "another program holds the ledger" tests: a plain SQLite client (not the
// app) that opens the ledger and either stays idle with it open, or writes in a loop, or sits
// inside an open write transaction. Prints "ready" once it holds the file.
import Database from 'better-sqlite3';

const [file, mode] = process.argv.slice(2) as [string, 'idle' | 'writing' | 'in-transaction'];
const db = new Database(file);
db.pragma('busy_timeout = 5000');
db.prepare('SELECT COUNT(*) FROM sqlite_master').get();
if (mode === 'in-transaction') {
  db.exec('BEGIN IMMEDIATE');
  db.exec("CREATE TABLE IF NOT EXISTS other_program (x TEXT)");
  db.prepare('INSERT INTO other_program VALUES (?)').run('x'.repeat(5000));
}
process.stdout.write('ready\n');
if (mode === 'writing') {
  db.exec('CREATE TABLE IF NOT EXISTS other_program (x TEXT)');
  const insert = db.prepare('INSERT INTO other_program VALUES (?)');
  const until = Date.now() + 60_000;
  while (Date.now() < until) insert.run('x'.repeat(2000));
} else {
  setTimeout(() => db.close(), 60_000);
}
