// 更正记录: every correction of a record not yet locked keeps what it was before and after,
// who, when and why (the amendments table, append-only). Commands call keepAmendment in their
// own transaction; screens show amendmentsOf beside the record.
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { nowIso, prepared, type Ledger, type ReadLedger } from './ledger';
import { amendments, persons } from './schema';
import { cnDate, cnDateTime } from './calendar';
import { AMENDMENT_ACTIONS, ITEM_STATE_LABELS, MEETING_STATE_LABELS, type AmendmentAction } from './terms';

export type AmendmentSubject = 'item' | 'meeting' | 'entry' | 'person' | 'membership' | 'follow_up';

export interface Amendment {
  orgId: number;
  subjectType: AmendmentSubject;
  subjectId: number;
  action: AmendmentAction;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
  approvedBy?: number | null;
}

export function keepAmendment(ledger: Ledger, a: Amendment): void {
  ledger.db
    .insert(amendments)
    .values({
      orgId: a.orgId,
      subjectType: a.subjectType,
      subjectId: a.subjectId,
      action: a.action,
      before: a.before ?? null,
      after: a.after ?? null,
      reason: a.reason ?? null,
      approvedBy: a.approvedBy ?? null,
      at: nowIso(ledger),
      operator: ledger.operator,
    })
    .run();
}

/** The corrections of some records, oldest first, with the action's label and the approver's name. */
export function amendmentsOf(ledger: ReadLedger, subjectType: AmendmentSubject, subjectIds: number | number[]) {
  const ids = Array.isArray(subjectIds) ? subjectIds : [subjectIds];
  if (ids.length === 0) return [];
  const columns = {
    id: amendments.id,
    subjectId: amendments.subjectId,
    action: amendments.action,
    before: amendments.before,
    after: amendments.after,
    reason: amendments.reason,
    approvedBy: persons.name,
    at: amendments.at,
    operator: amendments.operator,
  };
  // One record (every entry of a meeting's view asks for its own): prepared once per connection.
  const rows =
    ids.length === 1
      ? prepared(ledger, 'amendments.ofOne', () =>
          ledger.db
            .select(columns)
            .from(amendments)
            .leftJoin(persons, eq(persons.id, amendments.approvedBy))
            .where(and(eq(amendments.subjectType, sql.placeholder('subjectType')), eq(amendments.subjectId, sql.placeholder('subjectId'))))
            .orderBy(asc(amendments.id))
            .prepare(),
        ).all({ subjectType, subjectId: ids[0]! })
      : ledger.db
          .select(columns)
          .from(amendments)
          .leftJoin(persons, eq(persons.id, amendments.approvedBy))
          .where(and(eq(amendments.subjectType, subjectType), inArray(amendments.subjectId, ids)))
          .orderBy(asc(amendments.id))
          .all();
  return rows.map((r) => ({ ...r, actionLabel: AMENDMENT_ACTIONS[r.action as AmendmentAction] ?? r.action, change: describeChange(r.before, r.after) }));
}

/** The fields a correction may name, in words. */
const FIELD_WORDS: Record<string, string> = {
  summary: '内容',
  matterId: '议事清单事项',
  proposerId: '提出人',
  leaderId: '分管领导',
  amount: '金额',
  important: '重要事项',
  materialsReadyAt: '材料送达日期',
  startsAt: '会议时间',
  place: '地点',
  hostId: '主持人',
  recorderId: '记录人',
  department: '部门',
  active: '在职',
  deadline: '完成时限',
  ownerDept: '承办部门',
  owner: '责任人',
  stance: '表态',
  note: '发言要点',
  reason: '理由',
};

function word(v: unknown): string {
  if (v === null || v === undefined || v === '') return '（空）';
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) return cnDate(v);
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(v)) return cnDateTime(v);
  return String(v);
}

const record = (v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});

/**
 * What a correction changed, in words for the screen: "李明华：表态：不同意 → 同意", "完成时限：2026年4月15日 →
 * 2026年5月31日", or what was undone ("原结果：举手，同意1票、反对3票、弃权0票，未通过").
 */
export function describeChange(before: unknown, after: unknown): string {
  const b = record(before);
  const a = record(after);
  const parts: string[] = [];
  // Whose record it is, when both sides name the same person or item.
  const who = typeof b.name === 'string' && (a.name === undefined || a.name === b.name) ? `${b.name}：` : typeof b.title === 'string' && !('title' in a) ? `「${b.title}」` : '';
  if (typeof b.name === 'string' && typeof a.name === 'string' && a.name !== b.name) parts.push(`姓名：${b.name} → ${a.name}`);
  if (typeof b.title === 'string' && typeof a.title === 'string' && a.title !== b.title) parts.push(`${'startsAt' in a ? '会议' : '名称'}：${b.title} → ${a.title}`);
  for (const key of Object.keys(FIELD_WORDS)) {
    if (!(key in a) && !(key in b)) continue;
    if (key in a && key in b) {
      if (word(a[key]) !== word(b[key])) parts.push(`${FIELD_WORDS[key]}：${word(b[key])} → ${word(a[key])}`);
    } else if (key in b && key !== 'reason') parts.push(`${FIELD_WORDS[key]}：${word(b[key])}`);
  }
  if (typeof b.state === 'string' && typeof a.state === 'string' && a.state !== b.state) {
    const label = (s: string) => (ITEM_STATE_LABELS as Record<string, string>)[s] ?? (MEETING_STATE_LABELS as Record<string, string>)[s] ?? s;
    parts.push(`状态：${label(b.state)} → ${label(a.state)}`);
  }
  // An undone vote: what the result was.
  if (typeof b.method === 'string' && 'outcome' in b) {
    const counts = b.for == null ? '' : `，同意${String(b.for)}票、反对${String(b.against)}票、弃权${String(b.abstain)}票`;
    parts.push(`原结果：${b.method}${counts}，${b.outcome === 'passed' ? '通过' : '未通过'}`);
    const decision = record(b.decision);
    if (typeof decision.number === 'number') parts.push(`决定事项第${decision.number}号一并撤销`);
  }
  if (Array.isArray(b.agenda) && b.agenda.length) parts.push(`议程上的${b.agenda.length}项议题回到待上会`);
  if (typeof b.body === 'string' && typeof b.startDate === 'string') parts.push(`${b.body}成员记录（${cnDate(b.startDate)}登记）`);
  // A corrected attendance list: whose line changed.
  if (Array.isArray(before) && Array.isArray(after)) {
    const line = (r: Record<string, unknown>) =>
      `${word(r.status)}${r.reason ? `（${String(r.reason)}）` : ''}${r.arrivesAt != null ? `，第${String(r.arrivesAt)}项起到会` : ''}${r.leavesAfter != null ? `，第${String(r.leavesAfter)}项后离会` : ''}`;
    const was = new Map((before as Record<string, unknown>[]).map((r) => [String(r.name), line(r)]));
    const now = new Map((after as Record<string, unknown>[]).map((r) => [String(r.name), line(r)]));
    for (const name of new Set([...was.keys(), ...now.keys()])) {
      if (was.get(name) !== now.get(name)) parts.push(`${name}：${was.get(name) ?? '（未登记）'} → ${now.get(name) ?? '（未登记）'}`);
    }
  }
  return `${who}${parts.join('；')}`;
}

/** The fields whose value changes, with their values before and after; `fields` is empty when nothing does. */
export function changes<T extends Record<string, unknown>>(current: T, next: Partial<T>) {
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  for (const key of Object.keys(next)) {
    const value = next[key];
    if (value === undefined) continue;
    if (JSON.stringify(current[key] ?? null) === JSON.stringify(value ?? null)) continue;
    before[key] = current[key] ?? null;
    after[key] = value ?? null;
  }
  return { fields: Object.keys(after), before, after };
}
