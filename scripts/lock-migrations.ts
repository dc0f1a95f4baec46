// npm run migrations:lock — record newly added migrations in migrations/landed.json.
// A landed migration has run on schools' ledger files, so it is never edited or regenerated:
// only new ones are appended (npm run db:generate for schema changes, drizzle-kit generate --custom
// for hand-written SQL such as triggers).
// This script only adds entries; it refuses when a recorded one changed. The test
// test/ledger/migrations.test.ts holds the journal, the SQL files and this record together.
import { readLanded, journalEntries, migrationFacts, writeLanded } from '../test/support/migrations';

const landed = readLanded();
const changed: string[] = [];
let added = 0;
for (const entry of journalEntries()) {
  const facts = migrationFacts(entry);
  const known = landed[entry.tag];
  if (!known) {
    landed[entry.tag] = facts;
    added += 1;
  } else if (known.sha256 !== facts.sha256 || known.when !== facts.when) changed.push(entry.tag);
}
if (changed.length) {
  console.error(`已落地的迁移被改动：${changed.join('、')}。已落地的迁移不能修改，请恢复原文件，把改动写成新的迁移。`);
  process.exit(1);
}
writeLanded(landed);
console.log(added ? `已记录 ${added} 个新迁移。` : '没有新的迁移。');
