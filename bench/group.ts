// 集团化办学 (issue J1): the 集团工作台 over 12 campuses × 10 years, and switching organisation.
// The generated 12-school ledger is copied and its schools 2–12 made campuses of school 1 (a 党委);
// the cache itself is never changed. Prints rows for the table; never fails on timing.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { dispatch } from '../db/api';
import { ledgerOfShape } from './generate';
import { time, type Row } from './measure';
import { openBenchLedger } from './suites';
import { transferRows } from './transfer';

export async function groupRows(runs: number, log: (s: string) => void, options: { fresh?: boolean; years?: number; transfer?: boolean } = {}): Promise<Row[]> {
  const years = options.years ?? 10;
  log(`集团：生成或读取 12 校区 × ${years} 年 …`);
  const d = ledgerOfShape({ schools: 12, years }, { fresh: options.fresh });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yishi-group-bench-'));
  const file = path.join(dir, 'group.sqlite');
  try {
    fs.copyFileSync(d.file, file);
    const ledger = openBenchLedger(file);
    try {
      const [top, ...campuses] = d.orgIds;
      ledger.sqlite.prepare("UPDATE organizations SET party_kind = '党委', parent_id = NULL WHERE id = ?").run(top);
      const setParent = ledger.sqlite.prepare('UPDATE organizations SET parent_id = ? WHERE id = ?');
      for (const c of campuses) setParent.run(top, c);
      const use = (orgId: number) => {
        const r = dispatch(ledger, 'orgs.use', { orgId });
        if (!r.ok) throw new Error(r.error.message);
      };
      use(top!);
      const overview = dispatch(ledger, 'group.overview', {});
      if (!overview.ok || overview.value === null) throw new Error('group.overview refused');
      const rowsSeen = (overview.value as { rows: unknown[] }).rows.length;
      const group = `集团, 12 campuses × ${years} years`;
      const board = time(() => dispatch(ledger, 'group.overview', {}), runs);
      // What a switch costs the core: orgs.use, then what the screens load first (org.get, loop.status).
      let i = 0;
      const switching = time(() => {
        const orgId = campuses[i++ % campuses.length]!;
        use(orgId);
        dispatch(ledger, 'org.get', {});
        dispatch(ledger, 'loop.status', { orgId });
      }, runs);
      // The dashboard's own share of a switch, one campus (listFollowUps 'overdue' and decisions without follow-up within it).
      use(campuses[0]!);
      const status = time(() => dispatch(ledger, 'loop.status', { orgId: campuses[0]! }), runs);
      use(top!);
      // 拆分与合并 of one campus, as the buttons run them (bench/transfer.ts), with nothing chosen.
      ledger.orgId = null;
      const transfer = options.transfer === false ? [] : (log('集团：拆分与合并 …'), await transferRows(ledger, campuses[0]!, top!, dir, group));
      return [
        ...transfer,
        { group, name: `group.overview (${rowsSeen} rows)`, t: board, target: '< 200 ms', met: board.p95 < 200 },
        { group, name: 'switch organisation: orgs.use + org.get + loop.status', t: switching, target: '< 100 ms', met: switching.p95 < 100 },
        { group, name: 'loop.status of one campus (part of the switch)', t: status },
      ];
    } finally {
      ledger.close();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
