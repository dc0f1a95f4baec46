// What a user waits for, through dispatch() as the buttons call it, on a copy of a bench file:
// a 30-item 党委会 entered statement by statement and vote by vote, its minutes generated and
// signed, the automatic backup as the app runs it (backupInSteps: pages between turns of the
// event loop, then checkCopy, which the app runs in a worker), and verify.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { dispatch, type ChannelName, type InputOf, type OutputOf } from '../db/api';
import { openLedger } from '../db/open';
import { backupInSteps } from '../db/trust/backup';
import { steppedVerify } from '../db/trust/stepped';
import { DEMO_SCHOOL } from '../test/support/school';
import { MIGRATIONS } from './generate';
import { summarize, type Row } from './measure';

const ITEMS = 30;

/** The longest the event loop was held between two turns, from now until stop(); `endedAt`: when that hold ended (performance.now()). */
export function loopWatch(): { stop(): number; endedAt(): number } {
  let longest = 0;
  let longestEnd = 0;
  let running = true;
  let last = performance.now();
  const turn = () => {
    const t = performance.now();
    if (t - last > longest) [longest, longestEnd] = [t - last, t];
    last = t;
    if (running) setImmediate(turn);
  };
  setImmediate(turn);
  return {
    stop() {
      running = false;
      return longest;
    },
    endedAt: () => longestEnd,
  };
}

export async function actionRows(label: string, file: string): Promise<Row[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yishi-bench-actions-'));
  const copy = path.join(dir, 'ledger.sqlite');
  fs.copyFileSync(file, copy);
  let now = new Date('2026-03-01T09:00:00');
  const ledger = openLedger(copy, { migrationsFolder: MIGRATIONS, now: () => now, operator: '基准' });
  const timed = new Map<string, number[]>();
  const call = <C extends ChannelName>(channel: C, input: InputOf<C>, timeIt = false): OutputOf<C> => {
    const t0 = performance.now();
    const r = dispatch(ledger, channel, input);
    const ms = performance.now() - t0;
    if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
    if (timeIt) timed.set(channel, [...(timed.get(channel) ?? []), ms]);
    return r.value as OutputOf<C>;
  };
  try {
    const { orgId } = call('org.setup', DEMO_SCHOOL);
    const people = ledger.sqlite.prepare('SELECT id, name FROM persons WHERE org_id = ?').all(orgId) as { id: number; name: string }[];
    const id = (n: string) => people.find((p) => p.name === n)!.id;
    const party = (ledger.sqlite.prepare("SELECT id FROM bodies WHERE org_id = ? AND kind = 'party_committee'").get(orgId) as { id: number }).id;
    const matter = call('matters.list', { orgId }).find((m) => m.code === 'D3')!.id;
    now = new Date('2026-03-12T09:00:00');
    const items = Array.from({ length: ITEMS }, (_, i) => {
      const { id: itemId } = call('items.create', { orgId, title: `关于第${i + 1}项校园设施改造的议题`, matterId: matter, proposerId: id('陈志强'), leaderId: id('陈志强'), materialsReadyAt: '2026-03-10' });
      call('consultations.record', { itemId, kind: 'consultation', date: '2026-03-10', form: '当面', stances: [{ personId: id('王建国'), role: '书记', stance: '同意' }, { personId: id('李明华'), role: '校长', stance: '同意' }] });
      return itemId;
    });
    const { meetingId } = call('meetings.create', { bodyId: party, startsAt: '2026-03-25T15:00', place: '学校会议室', hostId: id('王建国'), recorderId: id('吴秘书') });
    const entries = items.map((itemId) => call('meetings.addItem', { meetingId, itemId }).entryId);
    call('meetings.confirmAgenda', { meetingId, personId: id('王建国') });
    now = new Date('2026-03-25T15:00:00');
    const present = ['王建国', '李明华', '张丽', '陈志强', '刘芳', '赵磊', '孙红'];
    call('meetings.setAttendance', { meetingId, rows: present.map((n) => ({ personId: id(n), status: '出席' as const })) });
    const order = [...present.slice(1), '王建国'];
    for (const entryId of entries) {
      for (const n of order) call('entries.statement', { entryId, personId: id(n), stance: '同意' }, true);
      call('entries.vote', { entryId, method: '举手', counts: { for: 7, against: 0, abstain: 0 }, decisionText: '同意实施。' }, true);
    }
    call('meetings.close', { meetingId });
    const { minutesId } = call('minutes.generate', { meetingId }, true);
    call('minutes.sign', { minutesId, personId: id('王建国') }, true);
    call('trust.verify', {}, true);

    // 校验台账 as the button runs it (db/trust/stepped.ts, the shell's path): how long it takes and
    // how long the event loop was held at most between its steps.
    const verifyLoop = loopWatch();
    const v0 = performance.now();
    const stepped = await steppedVerify(() => undefined).run(ledger, {});
    const steppedMs = performance.now() - v0;
    const held = verifyLoop.stop();
    if (!stepped.ok || stepped.value.state === 'broken') throw new Error(`stepped verify: ${stepped.ok ? stepped.value.message : stepped.error.message}`);
    if (stepped.value.mode !== 'full') throw new Error('the first verify of a copy must be full (no mark beside it yet)');
    // The same button again: the first run left its mark beside the copy, so this one is quick
    // (links whole, records since the mark re-hashed, 256 older ones by sample).
    const quickLoop = loopWatch();
    const q0 = performance.now();
    const quick = await steppedVerify(() => undefined).run(ledger, {});
    const quickMs = performance.now() - q0;
    const quickHeld = quickLoop.stop();
    if (!quick.ok || quick.value.mode !== 'quick' || quick.value.state === 'broken') throw new Error(`quick verify: ${quick.ok ? quick.value.message : quick.error.message}`);

    // The automatic backup as the app runs it; how long the event loop was held at most while it copied.
    const copyLoop = loopWatch();
    let longest = 0;
    const t0 = performance.now();
    let copied = 0;
    const entry = await backupInSteps(ledger, {
      onProgress: (p) => {
        if (p.phase === 'check' && copied === 0) {
          longest = copyLoop.stop();
          copied = performance.now() - t0;
        }
      },
    }).done;
    const backupMs = performance.now() - t0;
    if (copied === 0) longest = copyLoop.stop(); // no check phase reported: the copy was all of it
    const mb = (entry?.bytes ?? 0) / 2 ** 20;

    const group = `user actions (${label})`;
    const row = (channel: string, name: string, target: number): Row => {
      const t = summarize(timed.get(channel)!);
      return { group, name, t, target: `p95 < ${target} ms`, met: t.p95 < target };
    };
    const target = label.startsWith('one school') ? 100 : 300;
    return [
      row('entries.statement', `entries.statement, ${ITEMS}-item meeting (${ITEMS * order.length} calls)`, target),
      row('entries.vote', `entries.vote, ${ITEMS}-item meeting (${ITEMS} calls)`, target),
      row('minutes.generate', `minutes.generate, ${ITEMS} items`, target),
      row('minutes.sign', `minutes.sign, ${ITEMS} items (seals the meeting)`, target),
      { group, name: 'trust.verify (whole chain and audit log)', t: summarize(timed.get('trust.verify')!), target: `< ${target} ms`, met: timed.get('trust.verify')![0]! < target },
      {
        group,
        name: '完整校验 as the button runs it (stepped, every record re-hashed)',
        note: `event loop held at most ${held.toFixed(0)} ms between steps`,
        t: summarize([steppedMs]),
        target: 'no target for the whole; loop held < 100 ms',
        met: held < 100,
      },
      {
        group,
        name: '校验台账, quick (stepped; links whole, records since the last full verify, older ones by sample)',
        note: `抽查 ${quick.value.sampled}; event loop held at most ${quickHeld.toFixed(0)} ms between steps; full/quick ${(steppedMs / quickMs).toFixed(1)}×`,
        t: summarize([quickMs]),
        target: 'faster than the full verify; loop held < 100 ms',
        met: quickMs < steppedMs && quickHeld < 100,
      },
      {
        group,
        name: 'automatic backup as the app runs it (copy in steps + check + fsync + sha256)',
        note: `${mb.toFixed(0)} MB; copy ${(copied / 1000).toFixed(1)} s; event loop held at most ${longest.toFixed(0)} ms while copying (the check runs in a worker in the app)`,
        t: summarize([backupMs]),
        target: '< 10 s, loop held < 100 ms',
        met: backupMs < 10_000 && longest < 100,
      },
    ];
  } finally {
    ledger.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
