// A decided meeting made end to end through dispatch, exactly as the secretary would:
// items.create → consultations.record (书记 and 校长 同意, R4) → meetings.create → addItem →
// confirmAgenda → 第一议题 → setAttendance (出席/请假/列席) → every statement, host last (R9) →
// entries.vote (R10) or entries.principalDecide (R12) → meetings.close.
// The clock is set a few days before the meeting while it runs, then put back.
import { freshLedger, type TestLedger } from './ledger';
import { setupSchool } from './school';

type School = ReturnType<typeof setupSchool>;

export interface Topic {
  title: string;
  matter: string;
  text: string;
}

export interface DecidedOptions {
  body?: 'party_committee' | 'principal_office';
  topics?: Topic[];
  startsAt?: string;
  /** in_progress: every item decided but the meeting not closed. */
  state?: 'in_progress' | 'closed';
  /** false: no 第一议题 recorded, so closing the 党组织会议 keeps an R15 warning. */
  firstTopic?: boolean;
  /** Items already filed (e.g. a 修正): consulted here and put on the agenda instead of new topics. */
  items?: { itemId: number; text: string }[];
  /** The meeting votes the items down (未通过). */
  reject?: boolean;
}

export const DEFAULT_TOPICS: Topic[] = [
  { title: '关于开展校园安全隐患排查整治的议题', matter: 'D3', text: '同意开展校园安全隐患排查整治，由总务处牵头，6月底前完成整改。' },
  { title: '关于加强学生思想政治工作的议题', matter: 'D1', text: '原则同意加强学生思想政治工作的实施方案。' },
];

const PARTY = { host: '王建国', present: ['王建国', '李明华', '张丽', '陈志强', '刘芳', '赵磊'], onLeave: '孙红', observer: '周敏' };
const OFFICE = { host: '李明华', present: ['李明华', '王建国', '张丽', '陈志强'], onLeave: '周敏', observer: '刘芳' };

export function decidedMeeting(t: TestLedger, school: School, opts: DecidedOptions = {}) {
  const bodyKind = opts.body ?? 'party_committee';
  const party = bodyKind === 'party_committee';
  const cast = party ? PARTY : OFFICE;
  const id = school.person;
  const startsAt = opts.startsAt ?? '2026-03-25T15:00';
  const resume = t.ledger.now().toISOString();
  t.setNow(`${isoDaysBefore(startsAt, 3)}T09:00:00`);

  const consult = (itemId: number) =>
    t.ok('consultations.record', {
      itemId,
      date: isoDaysBefore(startsAt, 3),
      form: '当面',
      stances: [
        { personId: id('王建国'), role: '书记', stance: '同意' },
        { personId: id('李明华'), role: '校长', stance: '同意' },
      ],
    });
  const itemIds = opts.items
    ? opts.items.map(({ itemId, text }) => {
        consult(itemId);
        return { topic: { title: '', matter: '', text }, itemId };
      })
    : (opts.topics ?? DEFAULT_TOPICS).map((topic) => {
        const { id: itemId } = t.ok('items.create', {
          orgId: school.orgId,
          title: topic.title,
          matterId: school.matter(topic.matter),
          proposerId: id('陈志强'),
          leaderId: id('陈志强'),
          materialsReadyAt: isoDaysBefore(startsAt, 2),
        });
        consult(itemId);
        return { topic, itemId };
      });

  const host = id(cast.host);
  const { meetingId } = t.ok('meetings.create', {
    bodyId: school.body(bodyKind),
    startsAt,
    place: '学校第一会议室',
    hostId: host,
    recorderId: id('吴秘书'),
  });
  const entries = itemIds.map(({ topic, itemId }) => ({ topic, itemId, entryId: t.ok('meetings.addItem', { meetingId, itemId }).entryId }));
  t.ok('meetings.confirmAgenda', { meetingId, personId: party ? id('王建国') : id('李明华') });
  if (party && opts.firstTopic !== false) t.ok('meetings.setFirstTopic', { meetingId, content: '学习习近平总书记关于教育的重要论述\n（全文略）' });

  t.setNow(`${startsAt}:00`);
  t.ok('meetings.setAttendance', {
    meetingId,
    rows: [
      ...cast.present.map((n) => ({ personId: id(n), status: '出席' as const })),
      { personId: id(cast.onLeave), status: '请假' as const, reason: '外出学习' },
      { personId: id(cast.observer), status: '列席' as const },
    ],
  });
  const speakers = [...cast.present.filter((n) => n !== cast.host), cast.host];
  const decided = entries.map(({ topic, itemId, entryId }) => {
    for (const n of party ? speakers : speakers.filter((s) => s !== cast.host)) {
      t.ok('entries.statement', { entryId, personId: id(n), stance: '同意' });
    }
    const n = cast.present.length;
    const result = party
      ? t.ok('entries.vote', { entryId, method: '举手', counts: opts.reject ? { for: 1, against: n - 1, abstain: 0 } : { for: n, against: 0, abstain: 0 }, decisionText: topic.text })
      : t.ok('entries.principalDecide', { entryId, decisionText: topic.text, approve: !opts.reject });
    if (Boolean(result.decision) === Boolean(opts.reject)) throw new Error('表决结果与测试预期不符');
    return { itemId, entryId, decisionId: result.decision?.decisionId ?? 0 };
  });
  if ((opts.state ?? 'closed') === 'closed') t.ok('meetings.close', { meetingId });
  t.setNow(resume);
  return { meetingId, hostId: host, decided };
}

function isoDaysBefore(startsAt: string, days: number): string {
  const d = new Date(`${startsAt.slice(0, 10)}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - days);
  return d.toISOString().slice(0, 10);
}

/** The meeting decided, its minutes generated and signed that evening by the host: sealed into the chain. */
export function signedMeeting(t: TestLedger, school: School, startsAt = '2026-03-25T15:00') {
  const { meetingId, hostId } = decidedMeeting(t, school, { startsAt });
  const { minutesId } = t.ok('minutes.generate', { meetingId });
  t.setNow(`${startsAt.slice(0, 10)}T20:00:00`);
  t.ok('minutes.sign', { minutesId, personId: hostId });
  return meetingId;
}

/** A fresh school (2026年3月20日) with one signed meeting: what a 报送包 test starts from. */
export function schoolWithSignedMeeting(startsAt = '2026-03-25T15:00') {
  const t = freshLedger('2026-03-20T09:00:00');
  const school = setupSchool(t);
  signedMeeting(t, school, startsAt);
  return { t, school };
}
