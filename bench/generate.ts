// A deterministic district-scale ledger for the benchmark: 48 schools × 10 years at scale 1
// (about 300k agenda items with their meetings, statements, ballots, decisions and
// follow-ups). Schools are set up through the real org.setup command; the bulk is written
// with raw prepared statements in one big transaction per school, through the real
// migrations and the real search triggers. The file is cached in bench/.cache/ under a key
// made of the scale, the migrations and this generator's source, so a schema change
// regenerates it and an unchanged tree reuses it.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { dispatch, type InputOf } from '../db/api';
import { openLedger } from '../db/open';
import { appendAudit } from '../db/trust/audit';
import { appendSeal, GENESIS, recordsOfMeeting } from '../db/trust/chain';
import * as W from './words';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(HERE, '..');
export const MIGRATIONS = path.join(ROOT, 'migrations');
const CACHE = path.join(HERE, '.cache');

/** The benchmark's "today": late in the last generated year, so recent follow-ups are open or overdue. */
export const BENCH_TODAY = '2026-01-15';
const LAST_YEAR = 2025;

export interface DistrictShape {
  schools: number;
  years: number;
}

/** Scale 1 is the district (48 × 10); smaller scales shrink schools and years alike. */
export function shapeFor(scale: number): DistrictShape {
  const f = Math.sqrt(Math.max(scale, 0.0001));
  return { schools: Math.max(1, Math.round(48 * Math.min(f, 1))), years: Math.max(1, Math.round(10 * Math.min(f, 1))) };
}

export interface District {
  file: string;
  shape: DistrictShape;
  cached: boolean;
  seconds: number;
  counts: Record<string, number>;
  orgIds: number[];
}

export interface LedgerOptions {
  log?: (s: string) => void;
  fresh?: boolean;
  /** Generate into this folder instead of the cache (tests). */
  dir?: string;
}

/** The cached ledger for a scale, generated first if missing or out of date. */
export function districtLedger(scale: number, options: LedgerOptions = {}): District {
  return ledgerOfShape(shapeFor(scale), options);
}

/** One school with `years` years of meetings: the size a real ledger file reaches. */
export function schoolLedger(years: number, options: LedgerOptions = {}): District {
  return ledgerOfShape({ schools: 1, years }, options);
}

export function ledgerOfShape(shape: DistrictShape, options: LedgerOptions): District {
  const log = options.log ?? (() => {});
  const folder = options.dir ?? CACHE;
  const file = path.join(folder, `district-${shape.schools}x${shape.years}-${cacheKey()}.sqlite`);
  const cached = fs.existsSync(file) && !options.fresh;
  let seconds = 0;
  if (!cached) {
    fs.mkdirSync(folder, { recursive: true });
    // Older generations of this shape are dead weight (hundreds of MB at scale 1).
    for (const f of fs.readdirSync(folder)) if (f.startsWith(`district-${shape.schools}x${shape.years}-`)) fs.rmSync(path.join(folder, f));
    const tmp = `${file}.tmp`;
    const t0 = performance.now();
    generate(tmp, shape, log);
    seconds = (performance.now() - t0) / 1000;
    fs.renameSync(tmp, file);
  }
  const ledger = openLedger(file, { migrationsFolder: MIGRATIONS });
  try {
    const tables = ledger.sqlite
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%fts%' AND name NOT LIKE '\\_\\_%' ESCAPE '\\' ORDER BY name")
      .all() as { name: string }[];
    const counts = Object.fromEntries(
      tables.map(({ name }) => [name, (ledger.sqlite.prepare(`SELECT count(*) AS n FROM "${name}"`).get() as { n: number }).n]),
    );
    const orgIds = (ledger.sqlite.prepare('SELECT id FROM organizations ORDER BY id').all() as { id: number }[]).map((r) => r.id);
    return { file, shape, cached, seconds, counts, orgIds };
  } finally {
    ledger.close();
  }
}

function cacheKey(): string {
  const h = crypto.createHash('sha256');
  for (const f of fs.readdirSync(MIGRATIONS).sort()) {
    if (f.endsWith('.sql')) h.update(fs.readFileSync(path.join(MIGRATIONS, f)));
  }
  h.update(fs.readFileSync(path.join(HERE, 'generate.ts')));
  h.update(fs.readFileSync(path.join(HERE, 'words.ts')));
  return h.digest('hex').slice(0, 10);
}

// ── deterministic randomness and dates ──────────────────────────────────────
function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!,
    chance: (p: number) => next() < p,
  };
}
type Rng = ReturnType<typeof rng>;

const DAY = 86_400_000;
const dayOf = (iso: string) => Math.floor(Date.parse(`${iso}T00:00:00Z`) / DAY);
const isoDay = (d: number) => new Date(d * DAY).toISOString().slice(0, 10);
const TODAY = dayOf(BENCH_TODAY);

// ── the generator ───────────────────────────────────────────────────────────
interface Person { id: number; name: string; department: string | null }
interface Matter { id: number; code: string; decidingBody: string; majorCategory: string | null; staffCongress: number }

function schoolInput(r: Rng, n: number): InputOf<'org.setup'> {
  const used = new Set<string>();
  const name = () => {
    for (;;) {
      const s = r.pick(W.SURNAMES) + r.pick(W.GIVEN) + (r.chance(0.6) ? r.pick(W.GIVEN) : '');
      if (!used.has(s)) { used.add(s); return s; }
    }
  };
  const leader = (department: string, posts: InputOf<'org.setup'>['members'][number]['posts'], pc: boolean, po: boolean) =>
    ({ name: name(), department, posts, partyCommittee: pc, principalOffice: po });
  const members = [
    leader('党委办公室', ['书记'], true, true),
    leader('校长室', ['校长', '副书记'], true, true),
    leader('教务处', ['副校长', '委员'], true, true),
    leader('总务处', ['副校长', '委员'], true, true),
    leader('德育处', ['委员'], true, false),
    leader('工会', ['委员'], true, false),
    leader('纪检', ['委员'], true, false),
    leader('办公室', ['中层干部'], false, true),
    ...W.DEPARTMENTS.map((d) => leader(d, ['中层干部'], false, false)),
    ...Array.from({ length: 12 }, () => leader(r.pick(W.DEPARTMENTS), [], false, false)),
  ];
  return {
    name: `${W.SCHOOL_PLACES[n % W.SCHOOL_PLACES.length]}${W.SCHOOL_KINDS[Math.floor(n / W.SCHOOL_PLACES.length) % W.SCHOOL_KINDS.length]}`,
    partyKind: n % 3 === 0 ? '党委' : n % 3 === 1 ? '党总支' : '党支部',
    startDate: `${LAST_YEAR - 10}-09-01`,
    members,
  };
}

function generate(file: string, shape: DistrictShape, log: (s: string) => void): void {
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
  // The clock moves with the generated history: seals carry the time of their signing.
  let clock = new Date(`${BENCH_TODAY}T09:00:00`);
  const ledger = openLedger(file, { migrationsFolder: MIGRATIONS, now: () => clock, operator: '基准生成' });
  const db = ledger.sqlite;
  // Every write command leaves an audit row (db/api.ts), chained as the app chains them; the
  // seal chain runs through every school's signed meetings in the order they were signed.
  const audit = (channel: string, at: string, summary: Record<string, unknown>) =>
    appendAudit(ledger, { at, operator: ledger.operator, channel, summary: JSON.stringify(summary) });
  let chain = GENESIS;
  // A generated cache file: durability does not matter while it is written.
  db.pragma('synchronous = OFF');
  db.pragma('foreign_keys = OFF');
  db.pragma('cache_size = -200000');
  const q = {
    item: db.prepare(`INSERT INTO agenda_items (org_id, title, summary, matter_id, proposer_id, leader_id, amount, kind, state, routing, staff_congress, decision_id, materials_ready_at, created_at, created_by)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    transition: db.prepare('INSERT INTO item_transitions (item_id, from_state, to_state, at, operator) VALUES (?, ?, ?, ?, ?)'),
    consultation: db.prepare(`INSERT INTO consultations (item_id, kind, date, form, outcome, note, created_at, created_by) VALUES (?, 'consultation', ?, ?, 'agreed', '', ?, ?)`),
    stance: db.prepare(`INSERT INTO consultation_stances (consultation_id, person_id, role, stance) VALUES (?, ?, ?, '同意')`),
    meeting: db.prepare(`INSERT INTO meetings (body_id, year, seq, starts_at, place, host_id, recorder_id, state, first_topic, agenda_confirmed_by, created_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, 'closed', ?, ?, ?)`),
    attendance: db.prepare('INSERT INTO attendance (meeting_id, person_id, status, reason) VALUES (?, ?, ?, ?)'),
    entry: db.prepare(`INSERT INTO agenda_entries (meeting_id, item_id, position, presenter_id, purpose, outcome, vote_method, votes_for, votes_against, votes_abstain, tally, warnings)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '[]')`),
    statement: db.prepare('INSERT INTO statements (entry_id, person_id, seq, position, note, recorded_at, operator) VALUES (?, ?, ?, ?, ?, ?, ?)'),
    ballot: db.prepare('INSERT INTO ballots (entry_id, person_id, choice) VALUES (?, ?, ?)'),
    decision: db.prepare(`INSERT INTO decisions (entry_id, item_id, number, text, rule_snapshot, no_follow_up_reason, loop_state, created_at, operator) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    minutes: db.prepare(`INSERT INTO minutes (meeting_id, revision, doc_number, content, state, signed_by, signed_at, hash) VALUES (?, 1, ?, ?, 'signed', ?, ?, ?)`),
    followUp: db.prepare(`INSERT INTO follow_ups (decision_id, task, owner_dept, owner_id, leader_id, deadline, state, completed_at, completion_note, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    progress: db.prepare('INSERT INTO progress_reports (follow_up_id, kind, text, at, operator) VALUES (?, ?, ?, ?, ?)'),
    evaluation: db.prepare('INSERT INTO evaluations (follow_up_id, rating, effect, evaluator_id, failed, correction_item_id, at) VALUES (?, ?, ?, ?, ?, ?, ?)'),
  };
  const id = (r: { lastInsertRowid: number | bigint }) => Number(r.lastInsertRowid);

  for (let s = 0; s < shape.schools; s++) {
    const r = rng(1000 + s);
    const setup = dispatch(ledger, 'org.setup', schoolInput(r, s));
    if (!setup.ok) throw new Error(`org.setup refused: ${setup.error.message}`);
    const orgId = (setup.value as { orgId: number }).orgId;
    const persons = db.prepare('SELECT id, name, department FROM persons WHERE org_id = ? ORDER BY id').all(orgId) as Person[];
    const bodies = db.prepare('SELECT id, kind FROM bodies WHERE org_id = ? ORDER BY id').all(orgId) as { id: number; kind: string }[];
    const members = (kind: string) =>
      (db.prepare('SELECT person_id AS id FROM memberships WHERE body_id = ? ORDER BY id').all(bodies.find((b) => b.kind === kind)!.id) as { id: number }[]).map((m) => m.id);
    const matters = db.prepare(`SELECT id, code, deciding_body AS decidingBody, major_category AS majorCategory, staff_congress AS staffCongress FROM matters WHERE org_id = ?`).all(orgId) as Matter[];
    const [secretary, principal, vice1, vice2] = persons as [Person, Person, Person, Person];
    const staff = persons.slice(7);
    const operator = persons[persons.length - 1]!.name;

    const writeSchool = db.transaction(() => {
      const addItem = (title: string, summary: string, matter: Matter, created: number, states: string[], kind = 'normal', decisionId: number | null = null) => {
        const amount = matter.majorCategory === '大额资金使用' || matter.code.startsWith('E') ? r.int(2, 80) * 1000 : null;
        const routing = JSON.stringify({ body: matter.decidingBody, major: matter.majorCategory !== null, reason: `议事清单 ${matter.code}`, threshold: amount === null ? null : 10000, ruleVersion: '2026.1' });
        const itemId = id(q.item.run(orgId, title, summary, matter.id, r.pick([principal, vice1, vice2]).id, r.pick([vice1, vice2]).id, amount, kind, states[states.length - 1]!, routing, matter.staffCongress, decisionId, isoDay(created + 2), `${isoDay(created)}T08:30:00.000Z`, operator));
        let from: string | null = null;
        states.forEach((to, i) => {
          const at = `${isoDay(created + i * 3)}T09:00:00.000Z`;
          q.transition.run(itemId, from, to, at, operator);
          audit(i === 0 ? 'items.create' : 'items.submit', at, i === 0 ? { orgId, title, matterId: matter.id } : { itemId, to });
          from = to;
        });
        return itemId;
      };

      const mattersFor = (kind: string) => matters.filter((m) => m.decidingBody === kind);
      const partyMatters = mattersFor('party_committee');
      const officeMatters = mattersFor('principal_office');

      for (let y = LAST_YEAR - shape.years + 1; y <= LAST_YEAR; y++) {
        for (const body of bodies) {
          const party = body.kind === 'party_committee';
          const voters = members(body.kind);
          // 党组织会议 twice a month, 校长办公会议 weekly in term time.
          const dates: number[] = [];
          for (let m = 1; m <= 12; m++) {
            if (party) dates.push(dayOf(`${y}-${String(m).padStart(2, '0')}-08`) + r.int(0, 3), dayOf(`${y}-${String(m).padStart(2, '0')}-22`) + r.int(0, 3));
            else if (m !== 2 && m !== 8) for (const d of [3, 10, 17, 24]) dates.push(dayOf(`${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`) + r.int(0, 2));
          }
          dates.forEach((date, seqIdx) => {
            if (date >= TODAY) return;
            const startsAt = `${isoDay(date)}T15:00`;
            const host = party ? secretary : principal;
            const meetingId = id(q.meeting.run(body.id, y, seqIdx + 1, startsAt, '学校第一会议室', host.id, persons[7]!.id, party ? '学习贯彻习近平新时代中国特色社会主义思想' : null, secretary.id, `${isoDay(date - 7)}T09:00:00.000Z`));
            const absent = r.chance(0.2) ? r.pick(voters.filter((v) => v !== host.id)) : -1;
            for (const p of voters) q.attendance.run(meetingId, p, p === absent ? '请假' : '出席', p === absent ? '外出培训' : null);
            audit('meetings.create', `${isoDay(date - 7)}T09:00:00.000Z`, { bodyId: body.id, startsAt });
            audit('meetings.setAttendance', `${startsAt}:00.000Z`, { meetingId, rows: voters.length });
            const present = voters.filter((p) => p !== absent);
            const nItems = party ? r.int(6, 10) : r.int(8, 14);
            let decisionNo = 0;
            for (let pos = 1; pos <= nItems; pos++) {
              const matter = r.pick(party ? partyMatters : officeMatters);
              const topic = r.pick(W.TOPICS);
              const dept = r.pick(W.DEPARTMENTS);
              const title = r.chance(0.5) ? `关于${topic}的${r.pick(W.DOC_KINDS)}` : r.chance(0.5) ? `${y}年${topic}${r.pick(W.DOC_KINDS)}` : `${dept}${topic}${r.pick(W.DOC_KINDS)}`;
              const summary = `${r.pick(W.GROUNDS)}，${dept}${r.pick(W.ACTIONS)}。${r.chance(0.4) ? `${r.pick(W.MONEY)}。` : ''}${r.chance(0.3) ? `${r.pick(W.GROUNDS)}，${r.pick(W.ACTIONS)}。` : ''}${r.pick(W.CLOSINGS)}`;
              const roll = r.next();
              const outcome = roll < 0.9 ? 'passed' : roll < 0.94 ? 'not_passed' : 'vote_postponed';
              const created = date - r.int(10, 30);
              const before = party ? ['draft', 'consultation', 'ready', 'scheduled'] : ['draft', 'ready', 'scheduled'];
              // Where the decision stands today decides the rest of the item's path.
              const fus: { deadline: number; done: boolean; evaluated: boolean; failed: boolean }[] = [];
              let noFollowUp: string | null = null;
              if (outcome === 'passed') {
                if (r.chance(0.15)) noFollowUp = '属日常事务，会后即办结';
                else for (let k = r.int(1, 2); k > 0; k--) {
                  const deadline = date + r.int(30, 150);
                  const done = deadline < TODAY - 20 ? r.chance(0.97) : deadline < TODAY ? r.chance(0.5) : r.chance(0.2);
                  const evaluated = done && deadline < TODAY - 45 && r.chance(0.93);
                  fus.push({ deadline, done, evaluated, failed: evaluated && r.chance(0.01) });
                }
              }
              const after =
                outcome !== 'passed' ? [outcome]
                : noFollowUp ? ['passed', 'closed']
                : fus.some((f) => f.failed) ? ['passed', 'follow_up', 'corrected']
                : fus.every((f) => f.evaluated) ? ['passed', 'follow_up', 'evaluated', 'closed']
                : fus.some((f) => f.evaluated) ? ['passed', 'follow_up', 'evaluated']
                : ['passed', 'follow_up'];
              const itemId = addItem(title, summary, matter, created, [...before, ...after]);
              if (party) {
                const c = id(q.consultation.run(itemId, isoDay(created + 3), r.pick(['当面', '电话', '会议']), `${isoDay(created + 3)}T10:00:00.000Z`, operator));
                audit('consultations.record', `${isoDay(created + 3)}T10:00:00.000Z`, { itemId, date: isoDay(created + 3) });
                q.stance.run(c, secretary.id, '书记');
                q.stance.run(c, principal.id, '校长');
              }
              const method = party ? r.pick(['举手', '举手', '记名投票', '无记名投票', '口头']) : '口头';
              const against = outcome === 'passed' ? (r.chance(0.1) ? 1 : 0) : Math.ceil(present.length / 2);
              const votesFor = present.length - against;
              const tally = JSON.stringify({ due: voters.length, present: present.length, needed: Math.floor(voters.length / 2) + 1, quorumOk: true, passed: outcome === 'passed', rule: party ? 'R10' : 'R12' });
              const entryId = id(q.entry.run(meetingId, itemId, pos, r.pick([principal, vice1, vice2]).id, 'decide', outcome, method, votesFor, against, 0, tally));
              // R9: everyone states a position, the host last.
              const order = [...present.filter((p) => p !== host.id), host.id];
              audit('meetings.addItem', `${isoDay(date - 5)}T09:00:00.000Z`, { meetingId, itemId });
              order.forEach((p, i) => {
                q.statement.run(entryId, p, i + 1, i < against ? '不同意' : '同意', '', `${startsAt}:00.000Z`, operator);
                audit('entries.statement', `${startsAt}:00.000Z`, { entryId, personId: p, stance: i < against ? '不同意' : '同意' });
              });
              if (method === '举手' || method === '记名投票') order.forEach((p, i) => q.ballot.run(entryId, p, i < against ? '反对' : '同意'));
              audit(party ? 'entries.vote' : 'entries.principalDecide', `${startsAt}:00.000Z`, { entryId, method });
              if (outcome !== 'passed') continue;
              decisionNo += 1;
              const decisionId = id(q.decision.run(entryId, itemId, decisionNo, `同意${title.replace(/^关于/, '').replace(/的?(请示|报告|意见)$/, '')}，由${dept}负责落实。`, JSON.stringify({ ruleVersion: '2026.1', threshold: 10000, major: matter.majorCategory !== null }), noFollowUp, after.at(-1) === 'closed' ? 'closed' : 'open', `${startsAt}:00.000Z`, operator));
              for (const f of fus) {
                const owner = r.pick(staff);
                const completed = f.done ? Math.min(f.deadline + (r.chance(0.05) ? r.int(1, 20) : -r.int(0, 15)), TODAY - 1) : null;
                const fuId = id(q.followUp.run(decisionId, `按决定要求落实${topic}相关工作`, owner.department ?? dept, owner.id, r.pick([vice1, vice2]).id, isoDay(f.deadline), f.done ? 'done' : 'open', completed === null ? null : isoDay(completed), f.done ? '已按要求办结。' : null, `${isoDay(date + 1)}T09:00:00.000Z`));
                audit('followups.create', `${isoDay(date + 1)}T09:00:00.000Z`, { decisionId, ownerId: owner.id });
                q.progress.run(fuId, 'progress', r.pick(W.PROGRESS), `${isoDay(date + 20)}T09:00:00.000Z`, operator);
                audit('followups.report', `${isoDay(date + 20)}T09:00:00.000Z`, { followUpId: fuId, kind: 'progress' });
                if (r.chance(0.2)) q.progress.run(fuId, 'supervision', '党委办公室已发督办提醒，请按时限办结。', `${isoDay(date + 40)}T09:00:00.000Z`, operator);
                if (!f.evaluated) continue;
                let correction: number | null = null;
                if (f.failed) {
                  correction = addItem(`关于${topic}整改的议题`, `${topic}执行效果不佳，提请会议研究修正措施。`, matter, completed! + 10, ['draft'], 'correction', decisionId);
                }
                q.evaluation.run(fuId, f.failed ? '差' : r.pick(['好', '好', '较好', '一般']), r.pick(W.EFFECTS), secretary.id, f.failed ? 1 : 0, correction, `${isoDay(completed! + 20)}T09:00:00.000Z`);
                audit('evaluations.record', `${isoDay(completed! + 20)}T09:00:00.000Z`, { followUpId: fuId });
              }
            }
            const signedAt = `${isoDay(date + 3)}T09:00:00.000Z`;
            q.minutes.run(meetingId, `〔${y}〕${seqIdx + 1}号`, JSON.stringify({ title: `${y}年第${seqIdx + 1}次会议纪要`, items: nItems }), host.id, signedAt, crypto.createHash('sha256').update(`${meetingId}`).digest('hex'));
            audit('meetings.close', `${startsAt}:00.000Z`, { meetingId });
            audit('minutes.generate', `${isoDay(date + 1)}T09:00:00.000Z`, { meetingId });
            // 签发 seals the meeting's records (db/trust/chain.ts sealMeeting), as minutes.sign does.
            // Never backwards: the meetings are generated body by body within a year, and a chain whose
            // times go back is what the district refuses as a clock set back (db/report/body.ts).
            clock = new Date(Math.max(clock.getTime(), Date.parse(signedAt)));
            for (const rec of recordsOfMeeting(ledger, meetingId)) chain = appendSeal(ledger, rec.kind, rec.refId, meetingId, chain);
            audit('minutes.sign', signedAt, { meetingId, personId: host.id });
          });
        }
      }
      // Items on their way to the next meetings: drafts, consultations, ready, postponed.
      for (let k = 0; k < 40; k++) {
        const matter = r.pick(matters);
        const states = r.pick([['draft'], ['draft', 'consultation'], ['draft', 'consultation', 'ready'], ['draft', 'consultation', 'postponed'], ['draft', 'ready']]);
        addItem(`关于${r.pick(W.TOPICS)}的${r.pick(W.DOC_KINDS)}`, `${r.pick(W.GROUNDS)}，${r.pick(W.DEPARTMENTS)}${r.pick(W.ACTIONS)}。${r.pick(W.CLOSINGS)}`, matter, TODAY - r.int(1, 40), states);
      }
    });
    writeSchool();
    log(`  学校 ${s + 1}/${shape.schools} 已生成`);
  }
  db.pragma('wal_checkpoint(TRUNCATE)');
  ledger.close();
}
