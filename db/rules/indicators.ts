// The district's indicators (区域统筹): what an inspector asks of each school, computed from the
// records a 报送包 carries. Two steps, both pure: facts per month (counts that add up across
// bundles and months), then the indicators from the summed facts. No I/O.
import type { IndicatorKey } from '../terms';

type Row = Record<string, unknown>;
export interface IndicatorRecords {
  agenda_items: Row[];
  item_transitions: Row[];
  consultations: Row[];
  meetings: Row[];
  bodies: Row[];
  matters: Row[];
  agenda_entries: Row[];
  decisions: Row[];
  follow_ups: Row[];
  minutes: Row[];
  emergency_actions: Row[];
}

export const FACT_KEYS = [
  'scheduled', 'consultedBefore', 'major', 'majorRouted', 'meetings', 'partyMeetings', 'firstTopic', 'quorumProblems',
  'decisions', 'noFollowUp', 'followUps', 'overdue', 'correctionsOpened', 'correctionsClosed', 'emergency', 'emergencyInTime',
  'minutesSigned', 'minutesDays', 'minutesLate',
] as const;
export type FactKey = (typeof FACT_KEYS)[number];
export interface Fact {
  month: string;
  key: FactKey;
  n: number;
}

/** Minutes signed more than this many days after the meeting count as written up late. */
export const MINUTES_LATE_DAYS = 7;

const str = (v: unknown) => (typeof v === 'string' ? v : '');
const day = (v: unknown) => str(v).slice(0, 10);
const month = (v: unknown) => str(v).slice(0, 7);
const parse = <T>(v: unknown): T | null => {
  if (typeof v !== 'string') return (v as T) ?? null;
  try {
    return JSON.parse(v) as T;
  } catch {
    return null;
  }
};
const daysBetween = (a: string, b: string) => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);

/**
 * Facts of one bundle. `asOf` is the day the bundle was made: a follow-up still open past its
 * deadline on that day is overdue as reported.
 */
export function bundleFacts(r: IndicatorRecords, asOf: string): Fact[] {
  const acc = new Map<string, number>();
  const add = (m: string, key: FactKey, n = 1) => {
    if (!m || n === 0) return;
    const k = `${m}|${key}`;
    acc.set(k, (acc.get(k) ?? 0) + n);
  };
  const bodyKind = new Map(r.bodies.map((b) => [b.id, str(b.kind)]));
  const meeting = new Map(r.meetings.map((m) => [m.id, m]));
  const kindOfMeeting = (id: unknown) => bodyKind.get(meeting.get(id)?.body_id) ?? '';
  const item = new Map(r.agenda_items.map((i) => [i.id, i]));
  const preStudy = new Map(r.matters.map((m) => [m.id, Boolean(m.pre_study)]));
  // Every entry's item has its list (the loops below read it with `!`).
  const entriesByItem = new Map<unknown, Row[]>();
  for (const e of r.agenda_entries) {
    const list = entriesByItem.get(e.item_id);
    if (list) list.push(e);
    else entriesByItem.set(e.item_id, [e]);
  }
  const scheduledOn = new Map<unknown, string>();
  for (const t of r.item_transitions) if (t.to_state === 'scheduled' && !scheduledOn.has(t.item_id)) scheduledOn.set(t.item_id, day(t.at));
  const consultedOn = new Map<unknown, string>();
  for (const c of r.consultations) {
    const d = day(c.date);
    if (!consultedOn.has(c.item_id) || d < consultedOn.get(c.item_id)!) consultedOn.set(c.item_id, d);
  }

  // 会前沟通在先 (R4): each item decided at a meeting, counted once, at its first decide entry.
  const counted = new Set<unknown>();
  for (const e of r.agenda_entries) {
    const m = meeting.get(e.meeting_id);
    if (!m || e.purpose !== 'decide' || counted.has(e.item_id)) continue;
    counted.add(e.item_id);
    const mm = month(m.starts_at);
    add(mm, 'scheduled');
    const consulted = consultedOn.get(e.item_id);
    if (consulted && consulted <= (scheduledOn.get(e.item_id) ?? day(m.starts_at))) add(mm, 'consultedBefore');
    // 三重一大 (R1, R2): decided by the 党组织会议, after the 校长办公会's 前置研究 where the matter needs one.
    const it = item.get(e.item_id);
    const routing = parse<{ major?: boolean }>(it?.routing);
    if (routing?.major) {
      const decided = entriesByItem.get(e.item_id)!.find((x) => x.purpose === 'decide' && (x.outcome === 'passed' || x.outcome === 'not_passed'));
      const at = decided ? meeting.get(decided.meeting_id) : undefined;
      if (decided && at) {
        add(month(at.starts_at), 'major');
        const studied = entriesByItem.get(e.item_id)!.some(
          (x) => x.purpose === 'study' && kindOfMeeting(x.meeting_id) === 'principal_office' && str(meeting.get(x.meeting_id)?.starts_at) <= str(at.starts_at),
        );
        if (kindOfMeeting(decided.meeting_id) === 'party_committee' && (!preStudy.get(it?.matter_id) || studied)) add(month(at.starts_at), 'majorRouted');
      }
    }
  }
  for (const m of r.meetings) {
    if (m.state === 'planned') continue;
    const mm = month(m.starts_at);
    add(mm, 'meetings');
    if (bodyKind.get(m.body_id) === 'party_committee') {
      add(mm, 'partyMeetings');
      if (str(m.first_topic).trim()) add(mm, 'firstTopic');
    }
  }
  for (const e of r.agenda_entries) {
    const tally = parse<{ quorumOk?: boolean }>(e.tally);
    if (tally && tally.quorumOk === false) add(month(meeting.get(e.meeting_id)?.starts_at), 'quorumProblems');
  }
  const entry = new Map(r.agenda_entries.map((e) => [e.id, e]));
  const followedUp = new Set(r.follow_ups.map((f) => f.decision_id));
  for (const d of r.decisions) {
    const mm = month(meeting.get(entry.get(d.entry_id)?.meeting_id)?.starts_at) || month(d.created_at);
    add(mm, 'decisions');
    // R17: every decision gets a follow-up or an explicit 无需督办 with its reason.
    if (d.loop_state !== 'reconsidered' && !followedUp.has(d.id) && !str(d.no_follow_up_reason).trim()) add(mm, 'noFollowUp');
  }
  for (const f of r.follow_ups) {
    const deadline = str(f.deadline);
    add(month(deadline), 'followUps');
    const late = f.state === 'done' ? day(f.completed_at) > deadline : deadline < asOf;
    if (late) add(month(deadline), 'overdue');
  }
  for (const i of r.agenda_items) {
    if (i.kind !== 'correction') continue;
    add(month(i.created_at), 'correctionsOpened');
    if (i.state === 'closed') add(month(i.created_at), 'correctionsClosed');
  }
  // R14: a 临时处置 is reported at the next meeting of its body. Counted once that can be told.
  const meetingsOfBody = (bodyId: unknown) => r.meetings.filter((m) => m.body_id === bodyId && m.state !== 'planned').sort((a, b) => str(a.starts_at).localeCompare(str(b.starts_at)));
  for (const a of r.emergency_actions) {
    const next = meetingsOfBody(a.body_id).find((m) => str(m.starts_at) > str(a.at).slice(0, 16));
    let inTime: boolean | null;
    if (a.reported_entry_id != null) {
      // Reported at a meeting the bundle does not carry, or with no later meeting to compare: in time.
      const reportedAt = meeting.get(entry.get(a.reported_entry_id)?.meeting_id);
      inTime = !reportedAt || !next || reportedAt.id === next.id;
    } else inTime = next ? false : null;
    if (inTime === null) continue;
    add(month(a.at), 'emergency');
    if (inTime) add(month(a.at), 'emergencyInTime');
  }
  // Days from the meeting to its first signed minutes: records written up late show here.
  const firstSigned = new Map<unknown, string>();
  for (const m of r.minutes) {
    if (m.state !== 'signed' || !m.signed_at) continue;
    const d = day(m.signed_at);
    if (!firstSigned.has(m.meeting_id) || d < firstSigned.get(m.meeting_id)!) firstSigned.set(m.meeting_id, d);
  }
  for (const [meetingId, signed] of firstSigned) {
    const m = meeting.get(meetingId);
    if (!m) continue;
    const days = Math.max(0, daysBetween(day(m.starts_at), signed));
    add(month(m.starts_at), 'minutesSigned');
    add(month(m.starts_at), 'minutesDays', days);
    if (days > MINUTES_LATE_DAYS) add(month(m.starts_at), 'minutesLate');
  }
  return [...acc].map(([k, n]) => {
    const [m, key] = k.split('|') as [string, FactKey];
    return { month: m, key, n };
  });
}

export type IndicatorValues = Record<IndicatorKey, number | null>;

const share = (part: number, whole: number) => (whole > 0 ? Math.round((part * 1000) / whole) / 10 : null);

/** The indicators from summed facts; `months`: how many months the school's bundles cover. */
export function indicatorsOf(sum: Partial<Record<FactKey, number>>, months: number): IndicatorValues & { correctionsClosed: number } {
  const n = (k: FactKey) => sum[k] ?? 0;
  return {
    consultedShare: share(n('consultedBefore'), n('scheduled')),
    majorRoutedShare: share(n('majorRouted'), n('major')),
    meetingsPerMonth: months > 0 ? Math.round((n('meetings') * 10) / months) / 10 : null,
    firstTopicShare: share(n('firstTopic'), n('partyMeetings')),
    quorumProblems: n('quorumProblems'),
    noFollowUp: n('noFollowUp'),
    overdueFollowUps: n('overdue'),
    corrections: n('correctionsOpened'),
    correctionsClosed: n('correctionsClosed'),
    emergencyInTime: share(n('emergencyInTime'), n('emergency')),
    minutesDays: n('minutesSigned') > 0 ? Math.round((n('minutesDays') * 10) / n('minutesSigned')) / 10 : null,
    minutesLate: n('minutesLate'),
  };
}

/** Months from one YYYY-MM-DD to another, both counted (a term of Feb–Jul is 6). */
export function monthsCovered(periods: { from: string; to: string }[]): number {
  const months = new Set<string>();
  for (const p of periods) {
    let y = Number(p.from.slice(0, 4));
    let m = Number(p.from.slice(5, 7));
    const endY = Number(p.to.slice(0, 4));
    const endM = Number(p.to.slice(5, 7));
    while (y < endY || (y === endY && m <= endM)) {
      months.add(`${y}-${m}`);
      m += 1;
      if (m > 12) {
        m = 1;
        y += 1;
      }
    }
  }
  return months.size;
}

/**
 * The indicators that put a school on the 需要关注 list of the district's report: a rule of the
 * reform broken at least once (R1/R2 三重一大 not routed, R4 consultation after scheduling, R9
 * quorum, R14 临时处置 reported late, R17 decisions without follow-up or overdue), the 第一议题
 * missed, or minutes written up late. Meeting frequency and corrections are context, never a flag.
 */
export function attentionKeys(v: IndicatorValues): IndicatorKey[] {
  const below = (x: number | null) => x !== null && x < 100;
  const some = (x: number | null) => (x ?? 0) > 0;
  const flags: [IndicatorKey, boolean][] = [
    ['consultedShare', below(v.consultedShare)],
    ['majorRoutedShare', below(v.majorRoutedShare)],
    ['firstTopicShare', below(v.firstTopicShare)],
    ['quorumProblems', some(v.quorumProblems)],
    ['noFollowUp', some(v.noFollowUp)],
    ['overdueFollowUps', some(v.overdueFollowUps)],
    ['emergencyInTime', below(v.emergencyInTime)],
    ['minutesLate', some(v.minutesLate)],
  ];
  return flags.filter(([, on]) => on).map(([k]) => k);
}
