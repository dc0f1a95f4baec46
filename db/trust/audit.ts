// The audit log (written by dispatch for every write) read back for 设置 → 数据安全 → 操作日志:
// latest first, one page at a time (the list is virtualised), optionally one operator's rows.
// Append-only (migrations/0002_0002_trust.sql).
import type { ReadLedger } from '../ledger';

export interface AuditRow {
  id: number;
  at: string;
  operator: string;
  channel: string;
  summary: string;
}

export function auditPage(ledger: ReadLedger, input: { offset: number; limit: number; operator?: string }) {
  const where = input.operator !== undefined ? 'WHERE operator = ?' : '';
  const by = input.operator !== undefined ? [input.operator] : [];
  const rows = ledger.sqlite
    .prepare(`SELECT id, at, operator, channel, summary FROM audit_log ${where} ORDER BY id DESC LIMIT ? OFFSET ?`)
    .all(...by, input.limit, input.offset) as AuditRow[];
  const total = (ledger.sqlite.prepare(`SELECT COUNT(*) AS n FROM audit_log ${where}`).get(...by) as { n: number }).n;
  const operators = (ledger.sqlite.prepare('SELECT DISTINCT operator FROM audit_log ORDER BY operator').all() as { operator: string }[]).map((r) => r.operator);
  return { rows, total, offset: input.offset, operators };
}
