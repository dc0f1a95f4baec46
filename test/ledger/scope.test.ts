// 集团化办学: two organisations with identical data in one file, and every channel of the catalogue
// exercised for one of them (db/scope.ts). The calls are generated from the catalogue (db/contract.ts):
// each input field gets a value by its name, so a new channel is covered without touching this file,
// and a field this file does not know fails the first test with the channel's name.
//
// - reads: the answer in the two-organisation file equals the answer in a file holding only the
//   first organisation (built the same way, so its ids are the same): nothing of the other is returned;
// - writes: run one by one on copies of both files, each answered alike, and every read of the
//   other organisation is unchanged afterwards: nothing of the other is changed;
// - forged ids: every id of every input replaced by the other organisation's record of the same
//   kind is refused as not found, and the file is unchanged.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import type { z } from 'zod';
import { dispatch, dispatchAsync } from '../../db/api';
import { contract, type ChannelName } from '../../db/contract';
import type { Ledger } from '../../db/ledger';
import { openLedger } from '../../db/open';
import { previewSeal } from '../../db/imports/commit';
import { FILE_CHANNELS, OWNER_SQL, SESSION_CHANNELS } from '../../db/scope';
import { decidedMeeting } from '../support/decided';
import { MIGRATIONS } from '../support/ledger';
import { DEMO_SCHOOL } from '../support/school';

const NOW = new Date('2026-03-20T09:00:00');
const dirs: string[] = [];
const opened: Ledger[] = [];
afterAll(() => {
  for (const l of opened) try { l.close(); } catch { /* closed */ }
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

function open(file: string): { ledger: Ledger; setNow: (iso: string) => void } {
  let now = NOW;
  const ledger = openLedger(file, { migrationsFolder: MIGRATIONS, now: () => now, operator: '测试秘书' });
  opened.push(ledger);
  return { ledger, setNow: (iso) => { now = new Date(iso); } };
}

function tempFile(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yishi-scope-'));
  dirs.push(dir);
  return path.join(dir, 'ledger.sqlite');
}

type Ids = Record<string, number> & { persons: Record<string, number> };

/** One organisation with a record of every kind, made through the channels, exactly as the secretary would. */
function buildOrg(ledger: Ledger, setNow: (iso: string) => void): Ids {
  const call = (channel: ChannelName, input: unknown) => {
    const r = dispatch(ledger, channel, input);
    if (!r.ok) throw new Error(`${channel} refused: ${r.error.message}`);
    return JSON.parse(JSON.stringify(r.value));
  };
  const { orgId } = call('org.setup', DEMO_SCHOOL);
  call('orgs.use', { orgId });
  const overview = call('org.get', {});
  const persons: Record<string, number> = Object.fromEntries(overview.persons.map((p: { name: string; id: number }) => [p.name, p.id]));
  const body = (kind: string) => overview.bodies.find((b: { kind: string }) => b.kind === kind).id as number;
  const matters = call('matters.list', { orgId }) as { code: string; id: number }[];
  const matter = (code: string) => matters.find((m) => m.code === code)!.id;
  const school = { orgId, overview, person: (n: string) => persons[n]!, body, matter };
  const t = {
    ledger,
    file: ledger.file,
    setNow,
    call: (c: ChannelName, i: unknown) => JSON.parse(JSON.stringify(dispatch(ledger, c, i))),
    ok: (c: ChannelName, i: unknown) => call(c, i),
    snapshot: () => ({}),
  };
  const { meetingId: closedMeetingId, decided } = decidedMeeting(t as never, school as never);
  const { minutesId } = call('minutes.generate', { meetingId: closedMeetingId });
  call('minutes.sign', { minutesId, personId: persons['王建国'] });
  const decisionId = decided[0]!.decisionId;
  const { followUp } = call('followups.create', { decisionId, task: '完成隐患整改', ownerDept: '总务处', ownerId: persons['陈志强'], deadline: '2026-06-30' });
  call('followups.report', { followUpId: followUp.id, kind: 'progress', text: '已完成一半' });
  const { emergencyActionId } = call('emergency.record', {
    orgId, bodyId: body('party_committee'), actorId: persons['王建国'], reason: '台风停课无法召开会议', action: '组织师生安全撤离', at: '2026-03-19T10:00',
  });
  // A planned meeting with an item on its agenda: the entry most entry commands act on.
  const ready = call('items.create', { orgId, title: '关于调整作息时间的议题', matterId: matter('D3'), proposerId: persons['陈志强'], materialsReadyAt: '2026-03-20' }).id;
  call('consultations.record', {
    itemId: ready, date: '2026-03-20', form: '当面',
    stances: [{ personId: persons['王建国'], role: '书记', stance: '同意' }, { personId: persons['李明华'], role: '校长', stance: '同意' }],
  });
  const { meetingId } = call('meetings.create', { bodyId: body('party_committee'), startsAt: '2026-04-10T15:00', place: '第一会议室', hostId: persons['王建国'], recorderId: persons['吴秘书'] });
  const { entryId } = call('meetings.addItem', { meetingId, itemId: ready });
  const draft = call('items.create', { orgId, title: '关于开展读书节活动的议题', matterId: matter('D1'), proposerId: persons['陈志强'] }).id;
  const templateId = call('templates.list', { orgId }).statement[0].id as number;
  // 历史台账导入 of one row (what imports.preview would have read), so imports.undo has an import to name.
  const record = { meetingDate: '2025-09-12', body: 'party_committee', item: '关于食堂承包合同续签的议题', decision: '同意续签一年。', dept: null, owner: null, deadline: null, done: false };
  const imported = [{ sheet: '2025年', row: 2, record, problems: [] }];
  const { importId } = call('imports.commit', { orgId, fileName: '2025年台账.xlsx', base64: 'UEsDBAo=', rows: imported, previewSeal: previewSeal(Buffer.from('UEsDBAo=', 'base64'), imported as never) });
  const post = call('posts.list', { orgId }).rows.find((r: { name: string }) => r.name === '刘芳').id;
  const seat = call('memberships.list', { bodyId: body('party_committee') }).rows.find((r: { name: string }) => r.name === '赵磊').id;
  return {
    persons, orgId, parentId: orgId, bodyId: body('party_committee'), meetingId, entryId, itemId: draft, matterId: matter('D1'),
    decisionId, followUpId: followUp.id, minutesId, emergencyActionId, postId: post, membershipId: seat, templateId, fromMeetingId: closedMeetingId, importId,
  } as unknown as Ids;
}

const PERSON_FIELD: Record<string, string> = {
  personId: '王建国', hostId: '王建国', recorderId: '吴秘书', presenterId: '陈志强', proposerId: '陈志强', leaderId: '陈志强',
  ownerId: '陈志强', approvedById: '王建国', evaluatorId: '王建国', actorId: '王建国',
};

/** A value for each input field, by its name: the ids of one organisation's records, and plain samples. */
function sampleFor(field: string, ids: Ids): unknown {
  if (field in PERSON_FIELD) return ids.persons[PERSON_FIELD[field]!];
  if (field in ids && field !== 'persons') return ids[field];
  const p = ids.persons;
  const samples: Record<string, unknown> = {
    name: '测试名称', title: '测试议题', summary: '测试内容', reason: '测试理由', note: '测试说明', text: '测试文字', content: '测试内容',
    task: '测试任务', ownerDept: '总务处', department: '办公室', action: '测试处置', effect: '效果良好', proposal: '同意提交党委会议',
    decisionText: '同意。', correctionTitle: '测试修正', group: 'D', code: 'Z9', category: '大额资金使用', minutesHeading: null,
    issuingOffice: null, copyTo: null, opening: '测试', place: '第二会议室', form: '当面', role: '书记', pin: '1234',
    date: '2026-03-20', startDate: '2026-03-20', endDate: '2026-03-20', effectiveFrom: '2026-03-20', deadline: '2026-06-30',
    materialsReadyAt: '2026-03-20', at: '2026-03-19T10:00', startsAt: '2026-04-11T15:00', meetingStartsAt: '2026-04-10T15:00',
    year: 2026, amount: 5000, limit: 20, offset: 0, agree: 1, partyKind: '党委', post: '委员', stance: '同意', method: '举手',
    adHoc: undefined, kind: undefined, rating: '好', state: undefined, states: undefined, search: undefined, major: undefined, matterGroup: undefined,
    voting: true, important: false, active: true, approve: true, preStudy: false, twoThirds: false, cadre: false,
    staffCongress: false, failed: false, majorCategory: null, decidingBody: 'party_committee', bodyKind: undefined,
    counts: { for: 6, against: 0, abstain: 0 }, values: {}, decisions: undefined, ballots: undefined, hostOrderOverride: undefined,
    stances: [{ personId: p['王建国'], role: '书记', stance: '同意' }, { personId: p['李明华'], role: '校长', stance: '同意' }],
    rows: [{ personId: p['王建国'], status: '出席' }],
    members: DEMO_SCHOOL.members,
    orgIds: [ids.orgId], campuses: [{ campusId: ids.orgId, ownerDept: '总务处', deadline: '2026-06-30' }], operator: undefined, currentPin: undefined, anchor: undefined,
    from: '2026-01-01', to: '2026-12-31', label: undefined, chainFrom: undefined, seal: false,
    query: '预算', perKind: undefined, columns: undefined, fileName: '历史台账.xlsx', previewSeal: '0'.repeat(64), file: '/不存在的文件夹/学校台账.sqlite', base64: 'UEsDBA==', consultationWaitDays: 5, notify: false,
  };
  if (field in samples) return samples[field];
  throw new Error(`no sample for input field「${field}」: add one to sampleFor (test/ledger/scope.test.ts)`);
}

type Def = { type: string; shape?: Record<string, z.ZodType>; innerType?: z.ZodType; in?: z.ZodType; left?: z.ZodType; right?: z.ZodType };
const defOf = (s: z.ZodType) => (s as unknown as { _zod: { def: Def } })._zod.def;

function fieldsOf(schema: z.ZodType): Record<string, z.ZodType> {
  const def = defOf(schema);
  if (def.type === 'object') return def.shape!;
  if (def.type === 'intersection') return { ...fieldsOf(def.left!), ...fieldsOf(def.right!) };
  if (def.innerType) return fieldsOf(def.innerType);
  if (def.in) return fieldsOf(def.in);
  return {};
}

function firstOption(schema: z.ZodType): unknown {
  const def = defOf(schema) as Def & { entries?: Record<string, unknown>; values?: unknown[] };
  if (def.type === 'enum') return Object.values(def.entries!)[0];
  if (def.type === 'literal') return def.values![0];
  if (def.innerType) return firstOption(def.innerType);
  return undefined;
}

/** The input a channel gets for one organisation, from its zod schema and the field names. */
export function inputFor(channel: ChannelName, ids: Ids): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const [field, schema] of Object.entries(fieldsOf(contract[channel].input))) {
    const optional = schema.safeParse(undefined).success;
    let value = sampleFor(field, ids);
    // A required choice without a sample: the first of its options.
    if (value === undefined && !optional) value = firstOption(schema);
    if (value === undefined) continue;
    // An optional id is given (it must be scoped too); other optional fields are left out.
    if (optional && !(field in OWNER_SQL) && value !== null && typeof value !== 'boolean') continue;
    input[field] = value;
  }
  // imports.commit's rows are the preview's rows, not attendance rows: one imported row of this school.
  if (channel === 'imports.commit') input.rows = [{ sheet: '历史台账', row: 2, record: null, problems: [{ column: '会议日期', message: '没有日期' }] }];
  if (channel === 'org.setup' || channel === 'orgs.createCampus') Object.assign(input, { name: DEMO_SCHOOL.name, partyKind: '党委', startDate: '2026-01-01' });
  return input;
}

/** Every id in an input replaced by the other organisation's record of the same kind. */
function forgeries(input: Record<string, unknown>, a: Ids, b: Ids): { field: string; input: unknown }[] {
  const out: { field: string; input: unknown }[] = [];
  const personOf = (id: number, ids: Ids) => Object.entries(ids.persons).find(([, v]) => v === id)?.[0];
  const walk = (value: unknown, replace: (v: unknown) => unknown, pathHere: string[]): void => {
    if (Array.isArray(value)) return value.forEach((v, i) => walk(v, (nv) => replace(value.map((x, j) => (j === i ? nv : x))), [...pathHere, String(i)]));
    if (value === null || typeof value !== 'object') return;
    for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
      const swap = (nv: unknown) => replace({ ...(value as object), [key]: nv });
      if (typeof v === 'number' && key in OWNER_SQL) {
        const name = key in PERSON_FIELD ? personOf(v, a) : undefined;
        const other = key in PERSON_FIELD ? (name ? b.persons[name] : undefined) : b[key];
        if (other !== undefined && other !== v) out.push({ field: [...pathHere, key].join('.'), input: swap(other) });
      } else walk(v, swap, [...pathHere, key]);
    }
  };
  walk(input, (v) => v, []);
  return out;
}

const ALL = Object.keys(contract) as ChannelName[];
const READS = ALL.filter((c) => contract[c].kind === 'read' && !FILE_CHANNELS.has(c));
const WRITES = ALL.filter((c) => contract[c].kind === 'write');
/**
 * orgs.list names every organisation the operator may switch to (the switcher): by design, not a
 * leak. report.preview counts the file's seal chain, whose other organisations' seals a 报送包
 * carries as hashes only (db/report): the count differs with the file, no row of theirs is shown.
 */
const COMPARED_READS = READS.filter((c) => c !== 'orgs.list' && c !== 'report.preview');
/**
 * The other organisation's reads checked after each write: all but the session's and the DOCX/XLSX
 * packings (their content is the HTML documents' and the register's, compared above; packing
 * each after every write would take a minute).
 */
const THEIR_READS = COMPARED_READS.filter((c) => !SESSION_CHANNELS.has(c) && !/Docx$|Xlsx$/.test(c));

let one: Ledger; // only A
let two: Ledger; // A, then B with identical data
let A: Ids;
let B: Ids;

async function readAll(ledger: Ledger, channels: readonly ChannelName[], ids: Ids) {
  const out: Record<string, string> = {};
  for (const c of channels) {
    const r = await dispatchAsync(ledger, c, inputFor(c, ids));
    const base64 = r.ok ? (r.value as { base64?: unknown } | null)?.base64 : undefined;
    out[c] = typeof base64 === 'string' ? await zipText(base64) : JSON.stringify(r);
  }
  return out;
}

/** A DOCX or XLSX as the text of its parts: the zip's own dates and the file's creation time left out. */
async function zipText(base64: string): Promise<string> {
  const zip = await JSZip.loadAsync(Buffer.from(base64, 'base64'));
  const parts: string[] = [];
  for (const name of Object.keys(zip.files).sort()) {
    if (name === 'docProps/core.xml' || zip.files[name]!.dir) continue;
    parts.push(`${name}:${await zip.files[name]!.async('string')}`);
  }
  return parts.join('\n');
}

function fileContents(ledger: Ledger): string {
  const tables = ledger.sqlite.prepare("SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[];
  return JSON.stringify(tables.map(({ name }) => ledger.sqlite.prepare(`SELECT * FROM "${name}"`).all()));
}

function copyOf(ledger: Ledger): Ledger {
  const dest = tempFile();
  ledger.sqlite.exec(`VACUUM INTO '${dest.replace(/'/g, "''")}'`);
  const copy = open(dest).ledger;
  copy.orgId = ledger.orgId;
  return copy;
}

beforeAll(() => {
  const f1 = open(tempFile());
  one = f1.ledger;
  A = buildOrg(one, f1.setNow);
  const f2 = open(tempFile());
  two = f2.ledger;
  const a2 = buildOrg(two, f2.setNow);
  expect(a2).toEqual(A);
  B = buildOrg(two, f2.setNow);
  one.orgId = A.orgId;
  two.orgId = A.orgId;
}, 120_000);

describe('集团化办学: every channel scoped to one organisation (db/scope.ts)', () => {
  it('every channel of the catalogue gets a valid input from its field names', () => {
    const bad = ALL.filter((c) => !FILE_CHANNELS.has(c)).flatMap((c) => {
      const r = contract[c].input.safeParse(inputFor(c, A));
      return r.success ? [] : [`${c}: ${r.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('；')}`];
    });
    expect(bad).toEqual([]);
  });

  it('reads: with two organisations of identical data, every read answers exactly as in a file of the first alone', async () => {
    const alone = await readAll(one, COMPARED_READS, A);
    const beside = await readAll(two, COMPARED_READS, A);
    const differ = COMPARED_READS.filter((c) => alone[c] !== beside[c]).map((c) => `${c}\n  alone:  ${alone[c]!.slice(0, 300)}\n  beside: ${beside[c]!.slice(0, 300)}`);
    expect(differ).toEqual([]);
    // The reads did answer: most with rows of A.
    const answered = COMPARED_READS.filter((c) => !beside[c]!.startsWith('{') || (JSON.parse(beside[c]!) as { ok: boolean }).ok);
    expect(answered.length).toBeGreaterThan(COMPARED_READS.length * 0.8);
    console.info(`scope: ${COMPARED_READS.length} reads compared, ${answered.length} answered`);
  }, 120_000);

  it('forged ids: every id of every channel replaced by the other organisation\'s record is refused, and nothing changes', async () => {
    const before = fileContents(two);
    const let_through: string[] = [];
    let tried = 0;
    for (const c of ALL.filter((c) => !FILE_CHANNELS.has(c) && !SESSION_CHANNELS.has(c))) {
      for (const forged of forgeries(inputFor(c, A), A, B)) {
        tried++;
        const r = await dispatchAsync(two, c, forged.input);
        if (r.ok || r.error.code !== 'not_found') let_through.push(`${c} ${forged.field}: ${JSON.stringify(r).slice(0, 200)}`);
      }
    }
    expect(let_through).toEqual([]);
    expect(tried).toBeGreaterThan(100);
    console.info(`scope: ${tried} forged ids refused`);
    expect(fileContents(two)).toBe(before);
  }, 120_000);

  it('writes: each write for the first organisation is answered alike beside the second, and leaves every read of the second unchanged', async () => {
    const theirsBefore = await readAll(withOrg(two, B.orgId), THEIR_READS, B);
    two.orgId = A.orgId;
    const differ: string[] = [];
    const touched: string[] = [];
    let done = 0;
    for (const c of WRITES) {
      const alone = copyOf(one);
      const beside = copyOf(two);
      const input = inputFor(c, A);
      const r1 = dispatch(alone, c, input);
      const r2 = dispatch(beside, c, input);
      if (r1.ok !== r2.ok || (!r1.ok && !r2.ok && r1.error.message !== r2.error.message)) differ.push(`${c}: ${JSON.stringify(r1).slice(0, 150)} / ${JSON.stringify(r2).slice(0, 150)}`);
      if (r2.ok) done++;
      if (!SESSION_CHANNELS.has(c)) {
        beside.operator = '测试秘书';
        const theirsAfter = await readAll(withOrg(beside, B.orgId), THEIR_READS, B);
        for (const [k, v] of Object.entries(theirsAfter)) if (theirsBefore[k] !== v) touched.push(`${c} → ${k}`);
      }
      alone.close();
      beside.close();
    }
    expect(differ).toEqual([]);
    expect(touched).toEqual([]);
    // Most writes went through on the fixture (the rest are refused alike by their own rules).
    expect(done).toBeGreaterThan(WRITES.length / 2);
    console.info(`scope: ${WRITES.length} writes run, ${done} went through, ${THEIR_READS.length} reads of the other organisation unchanged after each`);
  }, 300_000);

  it('an operator limited to one organisation reads and writes nothing of another, even without choosing, and no file-level act', () => {
    const copy = copyOf(two);
    copy.orgId = null;
    expect(dispatch(copy, 'operators.limit', { name: '分校秘书', orgIds: [A.orgId] }).ok).toBe(true);
    copy.operator = '分校秘书';
    expect(dispatch(copy, 'orgs.list', {})).toMatchObject({ ok: true, value: { orgs: [{ id: A.orgId }] } });
    expect(dispatch(copy, 'orgs.use', { orgId: B.orgId })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(dispatch(copy, 'items.get', { itemId: B.itemId })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(dispatch(copy, 'items.list', { orgId: B.orgId })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(dispatch(copy, 'org.get', {})).toMatchObject({ ok: true, value: { org: { id: A.orgId } } });
    expect(dispatch(copy, 'backup.list', {})).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(dispatch(copy, 'operators.limit', { name: '测试秘书', orgIds: [A.orgId] })).toMatchObject({ ok: false });
    // The limit is in the 操作日志.
    copy.operator = '测试秘书';
    const log = dispatch(copy, 'journal.list', { offset: 0, limit: 5 });
    expect(JSON.stringify(log)).toContain('设定了 分校秘书 可办理的组织');
    copy.close();
  });
});

function withOrg(ledger: Ledger, orgId: number): Ledger {
  ledger.orgId = orgId;
  return ledger;
}
