import { asc, eq } from 'drizzle-orm';
import type { HandlersFor } from '../channel';
import { conflict, LedgerError } from '../errors';
import { nowIso, type Ledger, type ReadLedger } from '../ledger';
import { getPerson, servesOrg } from '../organization/queries';
import { scopedOrgList } from '../scope';
import { operators, persons } from '../schema';
import type { sessionContract } from './contract';
import { hashPin, pinMatches } from './pin';

/** The operator before anyone signs in (set by openLedger). */
export const NOBODY = '系统';

type Operator = typeof operators.$inferSelect;

function operatorNamed(ledger: Ledger, name: string): Operator | undefined {
  return ledger.db.select().from(operators).where(eq(operators.name, name)).get();
}

function signIn(ledger: Ledger, input: { personId?: number; name?: string; pin?: string }) {
  let personId: number | null = null;
  let name: string;
  if (input.personId !== undefined) {
    const person = getPerson(ledger, input.personId, 'personId');
    personId = person.id;
    name = person.name;
  } else {
    name = input.name!;
    const person = ledger.db.select({ id: persons.id }).from(persons).where(eq(persons.name, name)).get();
    personId = person?.id ?? null;
  }
  if (name === NOBODY) conflict(`「${NOBODY}」是程序保留的名称，请用本人姓名登录。`, 'name');
  let row = operatorNamed(ledger, name);
  if (row?.pinHash) {
    if (!input.pin) throw new LedgerError({ code: 'invalid_input', message: `${name}已设置PIN，请输入PIN后再登录。`, field: 'pin' });
    checkPin(ledger, name, input.pin, row.pinHash);
  }
  const at = nowIso(ledger);
  if (row) {
    ledger.db.update(operators).set({ lastSignInAt: at, personId: row.personId ?? personId }).where(eq(operators.id, row.id)).run();
  } else {
    row = ledger.db.insert(operators).values({ personId, name, createdAt: at, lastSignInAt: at }).returning().get();
  }
  // Set last: dispatch then writes this sign-in's audit row under the new name.
  ledger.operator = name;
  return { operator: name, personId, hasPin: Boolean(row.pinHash) };
}

const MAX_TRIES = 5;
const PAUSE_MS = 5 * 60_000;
// Wrong tries are counted in memory: a refused command rolls back everything it wrote.
const tries = new WeakMap<Ledger, Map<string, { wrong: number; until: number }>>();

/** A 4-digit PIN is guessable: after 5 wrong tries in a row, that operator waits 5 minutes. */
function checkPin(ledger: Ledger, name: string, pin: string, stored: string): void {
  let byName = tries.get(ledger);
  if (!byName) tries.set(ledger, (byName = new Map()));
  const t = byName.get(name) ?? { wrong: 0, until: 0 };
  const now = ledger.now().getTime();
  if (t.until > now) conflict(`PIN 已连续输错${MAX_TRIES}次，请${Math.ceil((t.until - now) / 60_000)}分钟后再试。`, 'pin');
  if (pinMatches(pin, stored)) {
    byName.delete(name);
    return;
  }
  t.wrong++;
  if (t.wrong >= MAX_TRIES) Object.assign(t, { wrong: 0, until: now + PAUSE_MS });
  byName.set(name, t);
  conflict('PIN 不正确，请重新输入。忘记PIN请让其他同事登录后协助重置。', 'pin');
}

function setPin(ledger: Ledger, input: { pin: string | null; currentPin?: string }) {
  const row = ledger.operator === NOBODY ? undefined : operatorNamed(ledger, ledger.operator);
  if (!row) conflict('请先登录，再设置自己的PIN。', 'pin');
  if (row.pinHash && !(input.currentPin && pinMatches(input.currentPin, row.pinHash))) {
    conflict('原PIN不正确，PIN没有更改。', 'currentPin');
  }
  ledger.db.update(operators).set({ pinHash: input.pin === null ? null : hashPin(input.pin) }).where(eq(operators.id, row.id)).run();
  return { operator: row.name, hasPin: input.pin !== null };
}

function listOperators(ledger: ReadLedger) {
  const known = ledger.db.select().from(operators).all();
  const byName = new Map(known.map((o) => [o.name, o]));
  // Once an organisation is chosen (db/scope.ts), only the people who serve it.
  const orgs = scopedOrgList(ledger);
  const people = ledger.db
    .select({ id: persons.id, name: persons.name, department: persons.department, orgId: persons.orgId })
    .from(persons)
    .where(eq(persons.active, true))
    .orderBy(asc(persons.id))
    .all()
    .filter((p) => orgs === null || orgs.some((o) => servesOrg(ledger, p, o)));
  const listed = people.map((p) => ({
    personId: p.id as number | null,
    name: p.name,
    department: p.department,
    hasPin: Boolean(byName.get(p.name)?.pinHash),
    lastSignInAt: byName.get(p.name)?.lastSignInAt ?? null,
  }));
  const seen = new Set(people.map((p) => p.name));
  const outside = new Set(
    orgs === null ? [] : ledger.db.select({ id: persons.id, orgId: persons.orgId }).from(persons).all().filter((p) => !orgs.some((o) => servesOrg(ledger, p, o))).map((p) => p.id),
  );
  for (const o of known) {
    if (o.personId !== null && outside.has(o.personId)) continue;
    if (!seen.has(o.name)) listed.push({ personId: o.personId, name: o.name, department: null, hasPin: Boolean(o.pinHash), lastSignInAt: o.lastSignInAt });
  }
  return { current: ledger.operator, operators: listed };
}

export const sessionHandlers = {
  'session.operators': listOperators,
  'session.current': (ledger) => ({ operator: ledger.operator, signedIn: ledger.operator !== NOBODY }),
  'session.signIn': signIn,
  'session.setPin': setPin,
} satisfies HandlersFor<typeof sessionContract>;
