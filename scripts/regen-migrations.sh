#!/usr/bin/env bash
# Before the first release the schema is still moving, so migrations/ is regenerated whole:
# 0000 from db/schema.ts, then one custom migration per db/sql/*.sql (FTS tables, triggers),
# in name order. Run under flock so helpers never regenerate at the same time:
#   flock /tmp/yishi-migrations.lock bash scripts/regen-migrations.sh
# After the first release this script goes away and migrations are only appended.
set -euo pipefail
cd "$(dirname "$0")/.."
rm -rf migrations
npx drizzle-kit generate --name init >/dev/null
for f in $(ls db/sql/*.sql 2>/dev/null | sort); do
  name=$(basename "$f" .sql)
  npx drizzle-kit generate --custom --name "$name" >/dev/null
  cp "$f" migrations/[0-9][0-9][0-9][0-9]_"$name".sql
done
ls migrations
