// Child process for the crash test: opens the real ledger (guards, migrations) and writes one
// items.create transaction after another through dispatch, printing each id only after the
// commit returned. The parent SIGKILLs it at a random moment and checks the file.
import { dispatch } from '../../db/api';
import { openLedger } from '../../db/open';

const [file, migrationsFolder] = process.argv.slice(2) as [string, string];
const ledger = openLedger(file, { migrationsFolder, operator: '崩溃测试' });
const ok = <T>(channel: string, input: unknown): T => {
  const r = dispatch(ledger, channel, input);
  if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
  return r.value as T;
};
type Overview = { org: { id: number }; persons: { id: number }[] } | null;
let overview = ok<Overview>('org.get', {});
if (!overview) {
  ok('org.setup', {
    name: '崩溃测试学校',
    partyKind: '党支部',
    startDate: '2026-01-01',
    members: [
      { name: '王书记', posts: ['书记'], partyCommittee: true, principalOffice: true },
      { name: '李校长', posts: ['校长'], partyCommittee: true, principalOffice: true },
      { name: '张委员', posts: ['委员'], partyCommittee: true, principalOffice: false },
    ],
  });
  overview = ok<Overview>('org.get', {})!;
}
const orgId = overview!.org.id;
const people = overview!.persons;
const matters = ok<{ id: number }[]>('matters.list', { orgId });
process.stdout.write('ready\n');
for (let n = 0; ; n++) {
  const item = ok<{ itemId?: number; id?: number }>('items.create', {
    orgId,
    title: `崩溃测试议题 ${process.pid}-${n}`,
    summary: '批量写入：'.repeat(20 + (n % 50)),
    matterId: matters[n % matters.length]!.id,
    proposerId: people[n % people.length]!.id,
  });
  process.stdout.write(`ack ${item.itemId ?? item.id}\n`);
}
