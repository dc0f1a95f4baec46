// Issue H, class 8: temporary copies of the ledger never pile up. A process doing backups and
// checks is killed at random moments, as a power button or the task manager would; the next
// start removes what the dead processes left (in the data folder, backups/ and the temporary
// folder) and nothing of a process still running.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openLedger } from '../../db/open';
import { bundleScript, runAndKill } from './crash';
import { freshAt, MIGRATIONS, ROOT, setupSchool, signedMeeting, tempDir } from './fixture';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

const OURS = /\.(tmp|restore|probe)-\d+|^yishi-check-\d+-/;
const leftovers = (...folders: string[]) => folders.flatMap((d) => (fs.existsSync(d) ? fs.readdirSync(d).filter((n) => OURS.test(n)).map((n) => path.join(d, n)) : []));

describe('H8: leftovers of killed processes', () => {
  it('12 kills in the middle of backups and checks leave nothing behind after the next start', async () => {
    const t = freshAt();
    const s = setupSchool(t);
    signedMeeting(t, s, 1);
    t.close();
    dirs.push(t.dir);
    const tmp = tempDir();
    dirs.push(tmp);
    const backups = path.join(t.dir, 'backups');
    const bundle = bundleScript(path.join(ROOT, 'test/trust/busy-child.ts'), 'busy-child');
    const saved = process.env.TMPDIR;
    process.env.TMPDIR = tmp; // the children inherit it: their check copies go there
    try {
      let seen = 0;
      for (let i = 0; i < 12; i++) {
        await runAndKill(bundle, [t.file, MIGRATIONS], 5 + Math.floor(Math.random() * 120));
        seen = Math.max(seen, leftovers(t.dir, backups, tmp).length);
      }
      expect(seen).toBeGreaterThan(0); // the kills did land mid-way
      openLedger(t.file, { migrationsFolder: MIGRATIONS }).close();
      expect(leftovers(t.dir, backups, tmp)).toEqual([]);
    } finally {
      if (saved === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = saved;
    }
  }, 180_000);

  it('a temporary file of a process still running is left alone', () => {
    const t = freshAt();
    setupSchool(t);
    t.close();
    dirs.push(t.dir);
    const live = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
    try {
      const mine = path.join(t.dir, `ledger.sqlite.tmp-${live.pid}-abcdef`);
      const dead = path.join(t.dir, 'ledger.sqlite.tmp-999999999-abcdef');
      fs.writeFileSync(mine, 'in flight');
      fs.writeFileSync(dead, 'left over');
      openLedger(t.file, { migrationsFolder: MIGRATIONS }).close();
      expect(fs.existsSync(mine)).toBe(true);
      expect(fs.existsSync(dead)).toBe(false);
    } finally {
      live.kill('SIGKILL');
    }
  });
});
