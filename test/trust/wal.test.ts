// Issue H, class 1: a -wal is used only when it is this ledger's, at this moment. Tried as an
// attacker (or an unlucky sync tool) would: keep a copy of the -wal, let the app checkpoint and
// write more, put the copy back, after a clean close and after a crash, with and without the
// record files; a -wal of another ledger made from the same template; a frame damaged in the
// middle. Through openLedger (fixture openAt) and trust.verify.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openLedger } from '../../db/open';
import { createBackup } from '../../db/trust/backup';
import { markerPath } from '../../db/trust/clean';
import { DamagedLedger } from '../../db/trust/guards';
import { walStatePath } from '../../db/trust/wal';
import { freshAt, MIGRATIONS, openAt, setupSchool, sha256Of, signedMeeting, tempDir, type Opened } from './fixture';

const opened: Opened[] = [];
const dirs: string[] = [];
afterEach(() => {
  opened.splice(0).forEach((o) => o.dispose());
  dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true }));
});

function school() {
  const t = freshAt();
  opened.push(t);
  const s = setupSchool(t);
  return { t, s };
}

const addItems = (t: Opened, s: Pick<ReturnType<typeof setupSchool>, 'orgId' | 'person'>, n: number, tag: string) => {
  const matterId = t.ok('matters.list', { orgId: s.orgId }).find((m) => m.code === 'D3')!.id;
  for (let i = 0; i < n; i++) t.ok('items.create', { orgId: s.orgId, title: `${tag}${i}`, summary: '内容'.repeat(100), matterId, proposerId: s.person('陈志强') });
};
const count = (t: Opened, like: string) => (t.ledger.sqlite.prepare('SELECT COUNT(*) AS n FROM agenda_items WHERE title LIKE ?').get(`${like}%`) as { n: number }).n;

/** What a power cut leaves: the file, its -wal and the WAL record, copied while the app is open. */
function crashImage(t: Opened): string {
  const dir = tempDir();
  dirs.push(dir);
  const file = path.join(dir, 'ledger.sqlite');
  fs.copyFileSync(t.file, file);
  for (const side of ['-wal', '.walstate']) if (fs.existsSync(t.file + side)) fs.copyFileSync(t.file + side, file + side);
  return file;
}

const setAside = (file: string) => fs.readdirSync(path.dirname(file)).filter((f) => f.includes('-wal.set-aside-'));

describe('H1: an old -wal copy is set aside, never applied', () => {
  for (const erase of [false, true]) {
    it(`after a clean close${erase ? ', with the WAL record and clean-close marker deleted as well' : ''}: newer signed data survives, verify is not fooled`, () => {
      const { t, s } = school();
      addItems(t, s, 30, '旧');
      const oldWal = fs.readFileSync(`${t.file}-wal`);
      expect(oldWal.length).toBeGreaterThan(0);
      t.ledger.sqlite.pragma('wal_checkpoint(TRUNCATE)');
      addItems(t, s, 5, '新');
      signedMeeting(t, s, 1);
      createBackup(t.ledger);
      t.close();
      fs.writeFileSync(`${t.file}-wal`, oldWal);
      if (erase) for (const f of [walStatePath(t.file), markerPath(t.file)]) fs.rmSync(f, { force: true });

      const again = openAt(t.file);
      opened.push(again);
      expect(again.ledger.notices).toHaveLength(1);
      expect(again.ledger.notices![0]).toContain('程序没有使用它');
      expect(setAside(t.file)).toHaveLength(1);
      expect(fs.readFileSync(path.join(t.dir, setAside(t.file)[0]!)).equals(oldWal)).toBe(true);
      expect(count(again, '新')).toBe(5);
      expect(again.ledger.sqlite.prepare("SELECT COUNT(*) AS n FROM minutes WHERE state = 'signed'").get()).toEqual({ n: 1 });
      expect(again.ok('trust.verify', {}).state).toBe('ok');
    });
  }

  it('after a crash: a copy of an earlier WAL generation put in place of the live one is set aside', () => {
    const { t, s } = school();
    addItems(t, s, 20, '旧');
    const oldWal = fs.readFileSync(`${t.file}-wal`);
    t.ledger.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    addItems(t, s, 7, '新');
    const file = crashImage(t);
    fs.writeFileSync(`${file}-wal`, oldWal);
    const again = openAt(file);
    opened.push(again);
    expect(again.ledger.notices![0]).toContain('不是这个台账当前使用的那一个');
    // What the checkpoint had put into the file is there; the 7 only in the live -wal are not (it was replaced).
    expect(count(again, '旧')).toBe(20);
  });

  it('after a crash: a shorter copy of the same -wal (acknowledged commits missing) is set aside', () => {
    const { t, s } = school();
    addItems(t, s, 5, '早');
    const shortWal = fs.readFileSync(`${t.file}-wal`);
    addItems(t, s, 5, '晚');
    const file = crashImage(t);
    fs.writeFileSync(`${file}-wal`, shortWal);
    const again = openAt(file);
    opened.push(again);
    expect(again.ledger.notices![0]).toContain('比程序最后一次确认保存时还旧');
    expect(setAside(file)).toHaveLength(1);
  });

  it('a normal crash: the live -wal is recognised and every acknowledged write is there, with no notice', () => {
    const { t, s } = school();
    addItems(t, s, 12, '断电前');
    t.ledger.sqlite.pragma('wal_checkpoint(PASSIVE)');
    addItems(t, s, 3, '断电前');
    const file = crashImage(t);
    const again = openAt(file);
    opened.push(again);
    expect(again.ledger.notices).toEqual([]);
    expect(count(again, '断电前')).toBe(15);
    expect(setAside(file)).toEqual([]);
  });
});

describe('H1: a -wal of another ledger made from the same template', () => {
  for (const erase of [false, true]) {
    it(`is set aside${erase ? ' even with the WAL record gone, once the two files differ (judged by content: the audit log does not continue)' : ''}`, () => {
      // One template file, copied to two schools' machines: same ledger id, same first pages.
      const template = freshAt();
      opened.push(template);
      const ts = setupSchool(template);
      template.close();
      const copyOf = () => {
        const dir = tempDir();
        dirs.push(dir);
        fs.copyFileSync(template.file, path.join(dir, 'ledger.sqlite'));
        return openAt(path.join(dir, 'ledger.sqlite'));
      };
      const a = copyOf();
      const b = copyOf();
      opened.push(a, b);
      if (erase) {
        // Without the record, only content can tell: school A's file has moved on from the template.
        addItems(a, ts, 2, 'A校早');
        a.ledger.sqlite.pragma('wal_checkpoint(TRUNCATE)');
      }
      addItems(a, ts, 4, 'A校');
      addItems(b, ts, 6, 'B校');
      const file = crashImage(a);
      fs.copyFileSync(`${b.file}-wal`, `${file}-wal`);
      if (erase) fs.rmSync(walStatePath(file));
      const again = openAt(file);
      opened.push(again);
      expect(again.ledger.notices).toHaveLength(1);
      expect(count(again, 'B校')).toBe(0);
      expect(setAside(file)).toHaveLength(1);
    });
  }
});

describe('H1: a damaged frame in the middle of the -wal', () => {
  it('is refused, not silently cut short, and nothing is changed', () => {
    const { t, s } = school();
    t.ledger.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    addItems(t, s, 6, '已保存');
    const file = crashImage(t);
    // Flip a byte in the page data of the 2nd frame: SQLite would stop there and drop the commits after it.
    const pageSize = fs.readFileSync(`${file}-wal`).readUInt32BE(8);
    const fd = fs.openSync(`${file}-wal`, 'r+');
    const at = 32 + (pageSize + 24) + 24 + 100;
    const b = Buffer.alloc(1);
    fs.readSync(fd, b, 0, 1, at);
    b[0] ^= 0xff;
    fs.writeSync(fd, b, 0, 1, at);
    fs.closeSync(fd);
    const before = [file, `${file}-wal`].map(sha256Of);
    let refused: DamagedLedger | null = null;
    try {
      openLedger(file, { migrationsFolder: MIGRATIONS }).close();
    } catch (e) {
      refused = e as DamagedLedger;
    }
    expect(refused).toBeInstanceOf(DamagedLedger);
    expect(refused!.damage).toBe('wal_damaged');
    expect(refused!.message).toContain('这些修改会被悄悄丢掉');
    expect([file, `${file}-wal`].map(sha256Of)).toEqual(before);
  });
});

describe('H8: a missing ledger beside a non-empty -wal', () => {
  it('is refused even without any backup, and the -wal is kept', () => {
    const { t, s } = school();
    addItems(t, s, 3, '只在日志里');
    const file = crashImage(t);
    fs.rmSync(file);
    const wal = sha256Of(`${file}-wal`);
    expect(fs.existsSync(path.join(path.dirname(file), 'backups'))).toBe(false);
    let refused: DamagedLedger | null = null;
    try {
      openLedger(file, { migrationsFolder: MIGRATIONS }).close();
    } catch (e) {
      refused = e as DamagedLedger;
    }
    expect(refused?.damage).toBe('missing_main');
    expect(refused!.message).toContain('没有新建空白台账');
    expect(fs.existsSync(file)).toBe(false);
    expect(sha256Of(`${file}-wal`)).toBe(wal);
  });
});
