// Every kind of document a school files, asked for through its documents.* channel exactly as
// the app does, from a ledger made through the real commands: the harder meeting
// (hard-meeting.ts: 前置研究, 回避, a secret ballot with one against, a postponed item, 请假, 缺席,
// 列席, rare names), the 校长办公会议 that studied its items first, and a planned meeting with a
// ballot vote. Used by `npm run samples` (to look at) and by the scan test (to check every page).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { dispatch, dispatchAsync, type ChannelName, type InputOf, type OutputOf, type Result } from '../../db/api';
import { openLedger } from '../../db/open';
import { hardMeeting } from './hard-meeting';
import type { TestLedger } from './ledger';
import { setupSchool } from './school';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export type Html = { html: string; fileName: string };
export type Bytes = { base64: string; fileName: string };
export interface Samples {
  /** Printed to PDF by Chromium (纪要, 记录, 通知, 签到表, 表决票). */
  html: Record<string, Html>;
  /** Word and Excel files as the channels return them. */
  bytes: Record<string, Bytes>;
}

export async function sampleDocuments(): Promise<Samples> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yishi-samples-'));
  let now = new Date('2026-03-05T09:00:00');
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
    t.ok('org.setDocumentNames', { orgId: school.orgId, copyTo: '县委教育工委、县教育局' });
    const hard = hardMeeting(t, school);
    const html: Record<string, Html> = {};
    const bytes: Record<string, Bytes> = {};
    const { minutesId, meetingId } = hard;
    t.setNow('2026-03-26T09:30:00');
    html['会议纪要（草稿）'] = await doc('documents.minutesHtml', { minutesId });
    bytes['会议纪要（草稿）'] = await doc('documents.minutesDocx', { minutesId });
    t.setNow('2026-03-26T10:00:00');
    t.ok('minutes.sign', { minutesId, personId: hard.hostId });
    html['会议纪要'] = await doc('documents.minutesHtml', { minutesId });
    bytes['会议纪要'] = await doc('documents.minutesDocx', { minutesId });
    html['会议记录'] = await doc('documents.recordHtml', { meetingId });
    bytes['会议记录'] = await doc('documents.recordDocx', { meetingId });
    html['会议通知'] = await doc('documents.noticeHtml', { meetingId });
    html['签到表'] = await doc('documents.signInHtml', { meetingId });
    // The 校长办公会议 that studied the two 党委会议 matters first.
    const office = t.ok('minutes.generate', { meetingId: hard.officeMeetingId });
    html['校长办公会议纪要（草稿）'] = await doc('documents.minutesHtml', { minutesId: office.minutesId });
    // The next meeting is planned with a ballot vote on the agenda.
    const entryId = plannedBallotEntry(t, school);
    html['表决票（无记名）'] = await doc('documents.ballotHtml', { entryId, method: '无记名投票' });
    html['表决票（记名）'] = await doc('documents.ballotHtml', { entryId, method: '记名投票' });
    t.setNow('2026-06-10T09:00:00');
    bytes['议事决策台账'] = await doc('documents.registerXlsx', { orgId: school.orgId, year: 2026 });
    return { html, bytes };
  } finally {
    ledger.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** A planned second 党委会议 with one consulted topic, to be voted by ballot, on its agenda. */
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
