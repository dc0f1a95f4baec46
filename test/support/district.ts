// A fresh district ledger on a real SQLite file in a temporary folder, with a fixed clock, and the
// "refused with its reason, the district file unchanged" check the 报送包 tests share.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect } from 'vitest';
import { dispatchDistrict, type DistrictChannel, type DistrictInputOf, type DistrictOutputOf } from '../../db/district/api';
import { openDistrict, type District } from '../../db/district/store';

const districts: { d: District; dir: string }[] = [];
afterEach(() => {
  for (const { d, dir } of districts.splice(0)) {
    try { d.close(); } catch { /* closed by the test */ }
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

/** `keyFile`: a district-key.pem to sit next to the file before it opens (a committed fixture's key). */
export function freshDistrict(now = '2026-08-01T09:00:00', keyFile?: string) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yishi-district-'));
  const file = path.join(dir, 'district.sqlite');
  if (keyFile) fs.copyFileSync(keyFile, path.join(dir, 'district-key.pem'));
  let clock = new Date(now);
  const d = openDistrict(file, { name: '青山县教育工委', now: () => clock, operator: '区督导' });
  districts.push({ d, dir });
  const call = <C extends DistrictChannel>(c: C, i: DistrictInputOf<C>) => dispatchDistrict(d, c, i);
  const ok = <C extends DistrictChannel>(c: C, i: DistrictInputOf<C>) => {
    const r = call(c, i);
    if (!r.ok) throw new Error(`${c} refused: ${r.error.message}`);
    return r.value as DistrictOutputOf<C>;
  };
  /** Every byte of the file after a checkpoint, and every table's rows: "unchanged" means both. */
  const fingerprint = () => {
    d.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    const rows = (d.sqlite.prepare("SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'").all() as { name: string }[]).map(
      ({ name }) => `${name}:${(d.sqlite.prepare(`SELECT COUNT(*) AS n FROM "${name}"`).get() as { n: number }).n}`,
    );
    return { rows, sha: crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex') };
  };
  return { d, dir, file, call, ok, fingerprint, setNow: (iso: string) => void (clock = new Date(iso)) };
}

export type TestDistrict = ReturnType<typeof freshDistrict>;

/** district.import refuses the bytes with this reason and a clean Chinese message, and the district file is byte for byte as before. */
export function refused(dist: TestDistrict, bytes: Buffer, reason: string, message?: RegExp) {
  const before = dist.fingerprint();
  const r = dist.call('district.import', { base64: bytes.toString('base64') });
  expect(r.ok).toBe(false);
  if (!r.ok) {
    expect(r.error.reason).toBe(reason);
    if (message) expect(r.error.message).toMatch(message);
    expect(r.error.message).not.toMatch(/undefined|null|NaN/);
  }
  expect(dist.fingerprint()).toEqual(before);
}
