// npm run samples -- <folder>: one of each document (纪要 draft and signed, 记录, 通知, 签到表,
// 表决票 secret and named, DOCX, XLSX 台账) from a demo ledger made through the real commands
// (org.setup, items, consultation, meeting, votes, follow-ups, minutes.generate / sign), printed
// to PDF by Debian's Chromium exactly as the tests do. For looking at the documents by eye.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { dispatch, type ChannelName, type InputOf, type OutputOf, type Result } from '../db/api';
import {
  ballotHtml,
  ledgerXlsx,
  minutesDocx,
  minutesHtml,
  noticeHtml,
  recordDocx,
  recordHtml,
  signInHtml,
  type LedgerSheet,
  type MinutesDoc,
  type NoticeDoc,
  type RecordDoc,
  type SignInDoc,
  type BallotDoc,
} from '../db/documents';
import { OUTCOME_LABELS } from '../db/documents/record';
import { minutesDocOf, recordDocOf } from '../db/minutes/documents';
import { openLedger } from '../db/open';
import { decidedMeeting } from '../test/support/decided';
import type { TestLedger } from '../test/support/ledger';
import { setupSchool } from '../test/support/school';
import { launchChromium, printPdf } from '../test/support/chromium';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The demo ledger: a closed 党组织会议 with follow-ups, its minutes generated and signed. */
function demoLedger(): { minutesDraft: MinutesDoc; minutesSigned: MinutesDoc; record: RecordDoc } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yishi-samples-'));
  let now = new Date('2026-03-20T09:00:00');
  const ledger = openLedger(path.join(dir, 'ledger.sqlite'), { migrationsFolder: path.join(ROOT, 'migrations'), now: () => now, operator: '示例秘书' });
  const call = <C extends ChannelName>(channel: C, input: InputOf<C>) => JSON.parse(JSON.stringify(dispatch(ledger, channel, input))) as Result<OutputOf<C>>;
  const t: TestLedger = {
    ledger,
    file: path.join(dir, 'ledger.sqlite'),
    setNow: (iso) => {
      now = new Date(iso);
    },
    call,
    ok(channel, input) {
      const r = call(channel, input);
      if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
      return r.value;
    },
    snapshot: () => ({}),
  };
  try {
    const school = setupSchool(t);
    const { meetingId, hostId, decided } = decidedMeeting(t, school);
    for (const d of decided.filter((x) => x.decisionId)) {
      t.ok('followups.create', {
        decisionId: d.decisionId,
        task: '按会议决定组织实施',
        ownerDept: '总务处',
        ownerId: school.person('陈志强'),
        deadline: '2026-05-31',
      });
    }
    const draft = t.ok('minutes.generate', { meetingId });
    const minutesDraft = minutesDocOf(ledger, draft.minutesId);
    t.setNow('2026-03-26T10:00:00');
    t.ok('minutes.sign', { minutesId: draft.minutesId, personId: hostId });
    return { minutesDraft, minutesSigned: minutesDocOf(ledger, draft.minutesId), record: recordDocOf(ledger, meetingId) };
  } finally {
    ledger.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Before-meeting forms of the same meeting (the ledger has no assembler for them yet). */
function forms(record: RecordDoc): { notice: NoticeDoc; signIn: SignInDoc; secret: BallotDoc; named: BallotDoc } {
  const facts = {
    orgName: record.orgName,
    bodyName: record.bodyName,
    bodyKind: record.bodyKind,
    meetingLabel: record.meetingLabel,
    startsAt: record.startsAt,
    endsAt: record.endsAt,
    place: record.place,
    host: record.host,
    recorder: record.recorder,
    topics: record.topics,
  };
  const members = [...record.attendance.present, ...record.attendance.onLeave.map((l) => l.name), ...record.attendance.absent.map((a) => a.name)];
  const items = record.items.map((i) => ({ position: i.position, title: i.title }));
  return {
    notice: {
      ...facts,
      kind: 'notice',
      title: `关于召开${record.meetingLabel}的通知`,
      attendees: members,
      observers: record.attendance.observers,
      agenda: record.items.map((i) => ({ position: i.position, title: i.title, presenter: i.presenter })),
      notes: ['请提前审阅会议材料。', '因故不能参会的，请于会前向会议主持人请假。'],
      issuer: '学校党委办公室',
      issuedOn: record.startsAt.slice(0, 10),
    },
    signIn: {
      ...facts,
      kind: 'signin',
      rows: [...members.map((name) => ({ name, post: '委员', role: '出席' as const })), ...record.attendance.observers.map((name) => ({ name, post: '', role: '列席' as const }))],
      blankRows: 3,
    },
    secret: { ...facts, kind: 'ballot', method: '无记名投票', items, voters: [], copies: 2 },
    named: { ...facts, kind: 'ballot', method: '记名投票', items, voters: members.slice(0, 3), copies: 0 },
  };
}

function ledgerSheet(record: RecordDoc, minutes: MinutesDoc): LedgerSheet {
  return {
    orgName: record.orgName,
    title: `${record.startsAt.slice(0, 4)}年议事决策台账`,
    exportedOn: '2026-04-01',
    rows: record.items.map((i) => {
      const decision = minutes.decisions.find((d) => d.number === i.decisionNumber);
      return {
        meetingLabel: record.meetingLabel,
        meetingDate: record.startsAt.slice(0, 10),
        bodyName: record.bodyName,
        itemPosition: i.position,
        itemTitle: i.title,
        matter: i.matter,
        major: i.major,
        majorCategory: i.majorCategory,
        voteMethod: i.vote?.method ?? null,
        votesFor: i.vote?.for ?? null,
        votesAgainst: i.vote?.against ?? null,
        votesAbstain: i.vote?.abstain ?? null,
        result: OUTCOME_LABELS[i.outcome],
        decisionNumber: i.decisionNumber,
        decisionText: decision?.text ?? null,
        followUps: (decision?.owners ?? []).map((o) => ({ task: o.task ?? '落实决定', ownerDept: o.ownerDept, ownerName: o.ownerName, deadline: o.deadline, state: '进行中' as const })),
        status: decision ? '督办中' : OUTCOME_LABELS[i.outcome],
        evaluation: null,
      };
    }),
  };
}

async function main(): Promise<void> {
  const out = path.resolve(process.argv[2] ?? path.join(ROOT, '.data', 'samples'));
  fs.mkdirSync(out, { recursive: true });
  const { minutesDraft, minutesSigned, record } = demoLedger();
  const f = forms(record);
  const html: Record<string, string> = {
    '会议纪要（草稿）': minutesHtml(minutesDraft),
    '会议纪要（已签发）': minutesHtml(minutesSigned),
    '会议记录': recordHtml(record),
    '会议通知': noticeHtml(f.notice),
    '签到表': signInHtml(f.signIn),
    '表决票（无记名）': ballotHtml(f.secret),
    '表决票（记名）': ballotHtml(f.named),
  };
  const browser = await launchChromium();
  try {
    for (const [name, doc] of Object.entries(html)) {
      fs.writeFileSync(path.join(out, `${name}.html`), doc);
      fs.writeFileSync(path.join(out, `${name}.pdf`), await printPdf(browser, doc));
    }
  } finally {
    await browser.close();
  }
  fs.writeFileSync(path.join(out, '会议纪要.docx'), await minutesDocx(minutesSigned));
  fs.writeFileSync(path.join(out, '会议记录.docx'), await recordDocx(record));
  fs.writeFileSync(path.join(out, '议事决策台账.xlsx'), await ledgerXlsx(ledgerSheet(record, minutesSigned)));
  console.log(`示例文书已写入 ${out}：`);
  for (const f of fs.readdirSync(out).sort()) console.log(`  ${f}`);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.stack : e);
  process.exit(1);
});
