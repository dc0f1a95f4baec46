// npm run samples -- <folder>: one of each document (纪要 draft and signed, 记录, 通知, 签到表,
// 表决票 secret and named, DOCX, XLSX 台账) from a demo ledger made through the real commands
// (org.setup, items, consultation, meeting, votes, follow-ups, minutes.generate / sign), every
// document asked for through its documents.* channel exactly as the app does, and the HTML ones
// printed to PDF by Debian's Chromium exactly as the tests do. For looking at the documents by eye.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { dispatch, dispatchAsync, type ChannelName, type InputOf, type OutputOf, type Result } from '../db/api';
import { openLedger } from '../db/open';
import { decidedMeeting } from '../test/support/decided';
import type { TestLedger } from '../test/support/ledger';
import { setupSchool } from '../test/support/school';
import { launchChromium, printPdf } from '../test/support/chromium';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

type Html = { html: string; fileName: string };
type Bytes = { base64: string; fileName: string };

/** Every sample document, through the channels, from a closed 党组织会议 with follow-ups. */
async function demoDocuments(): Promise<{ html: Record<string, Html>; bytes: Record<string, Bytes> }> {
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
  /** The documents.* channels: some finish after the transaction (DOCX/XLSX packing). */
  const doc = async <C extends ChannelName>(channel: C, input: InputOf<C>) => {
    const r = (await dispatchAsync(ledger, channel, input)) as Result<OutputOf<C>>;
    if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
    return r.value;
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
    const { minutesId } = t.ok('minutes.generate', { meetingId });
    const html: Record<string, Html> = {};
    const bytes: Record<string, Bytes> = {};
    html['会议纪要（草稿）'] = await doc('documents.minutesHtml', { minutesId });
    bytes['会议纪要（草稿）'] = await doc('documents.minutesDocx', { minutesId });
    t.setNow('2026-03-26T10:00:00');
    t.ok('minutes.sign', { minutesId, personId: hostId });
    html['会议纪要（已签发）'] = await doc('documents.minutesHtml', { minutesId });
    bytes['会议纪要'] = await doc('documents.minutesDocx', { minutesId });
    html['会议记录'] = await doc('documents.recordHtml', { meetingId });
    bytes['会议记录'] = await doc('documents.recordDocx', { meetingId });
    html['会议通知'] = await doc('documents.noticeHtml', { meetingId });
    html['签到表'] = await doc('documents.signInHtml', { meetingId });
    // The demo meeting voted by hands; its next meeting is planned with a ballot vote on the agenda.
    const entryId = plannedBallotEntry(t, school);
    html['表决票（无记名）'] = await doc('documents.ballotHtml', { entryId, method: '无记名投票' });
    html['表决票（记名）'] = await doc('documents.ballotHtml', { entryId, method: '记名投票' });
    t.setNow('2026-06-10T09:00:00');
    bytes['议事决策台账'] = await doc('documents.ledgerXlsx', { orgId: school.orgId, year: 2026 });
    return { html, bytes };
  } finally {
    ledger.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** A planned second 党组织会议 with one consulted topic, to be voted by ballot, on its agenda. */
function plannedBallotEntry(t: TestLedger, school: ReturnType<typeof setupSchool>): number {
  const id = school.person;
  t.setNow('2026-04-03T09:00:00');
  const { id: itemId } = t.ok('items.create', {
    orgId: school.orgId,
    title: '关于评选2026年度优秀教师的议题',
    matterId: school.matter('D1'),
    proposerId: id('张丽'),
    leaderId: id('张丽'),
    materialsReadyAt: '2026-04-05',
  });
  t.ok('consultations.record', {
    itemId,
    date: '2026-04-02',
    form: '当面',
    stances: [
      { personId: id('王建国'), role: '书记', stance: '同意' },
      { personId: id('李明华'), role: '校长', stance: '同意' },
    ],
  });
  const { meetingId } = t.ok('meetings.create', { bodyId: school.body('party_committee'), startsAt: '2026-04-08T15:00', place: '学校第一会议室', hostId: id('王建国'), recorderId: id('吴秘书') });
  return t.ok('meetings.addItem', { meetingId, itemId, presenterId: id('张丽') }).entryId;
}

async function main(): Promise<void> {
  const out = path.resolve(process.argv[2] ?? path.join(ROOT, '.data', 'samples'));
  fs.mkdirSync(out, { recursive: true });
  const { html, bytes } = await demoDocuments();
  const browser = await launchChromium();
  try {
    for (const [name, doc] of Object.entries(html)) fs.writeFileSync(path.join(out, `${name}.pdf`), await printPdf(browser, doc.html));
  } finally {
    await browser.close();
  }
  for (const [name, doc] of Object.entries(bytes)) {
    fs.writeFileSync(path.join(out, `${name}${path.extname(doc.fileName)}`), Buffer.from(doc.base64, 'base64'));
  }
  console.log(`示例文书已写入 ${out}：`);
  for (const f of fs.readdirSync(out).sort()) console.log(`  ${f}`);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.stack : e);
  process.exit(1);
});
