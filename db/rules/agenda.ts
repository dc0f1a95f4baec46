// R3 agenda: lead times and 临时动议; R15 第一议题. Who may propose and who confirms the agenda (the body's
// leading post) live in leadership.ts. Pure: dates and settings come in as arguments.
import type { BodyKind, RuleWarning } from '../terms';

/** R15 (warn): a 党组织会议 opens with a study item (第一议题); other bodies need none. */
export function expectsFirstTopic(bodyKind: BodyKind): boolean {
  return bodyKind === 'party_committee';
}

/** Whole days from `from` to `to` (both YYYY-MM-DD); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  const t = (s: string) => Date.UTC(Number(s.slice(0, 4)), Number(s.slice(5, 7)) - 1, Number(s.slice(8, 10)));
  return Math.round((t(to) - t(from)) / 86_400_000);
}

/**
 * R3 (warn): a topic is submitted at least `submitLeadDays` before the meeting, materials at
 * least `materialsLeadDays` before. Missing materials count as late.
 */
export function leadTimeWarnings(args: {
  meetingDate: string;
  submittedOn: string;
  materialsReadyOn: string | null;
  submitLeadDays: number;
  materialsLeadDays: number;
}): RuleWarning[] {
  const out: RuleWarning[] = [];
  const submitted = daysBetween(args.submittedOn, args.meetingDate);
  if (submitted < args.submitLeadDays) {
    out.push({
      rule: 'R3',
      message: `议题提交距会议仅${Math.max(submitted, 0)}天，少于规定的${args.submitLeadDays}天`,
    });
  }
  if (args.materialsReadyOn == null) {
    out.push({ rule: 'R3', message: `议题材料尚未送达，应在会前${args.materialsLeadDays}天送达参会人员` });
  } else {
    const materials = daysBetween(args.materialsReadyOn, args.meetingDate);
    if (materials < args.materialsLeadDays) {
      out.push({
        rule: 'R3',
        message: `议题材料送达距会议仅${Math.max(materials, 0)}天，少于规定的${args.materialsLeadDays}天`,
      });
    }
  }
  return out;
}

export interface AdHoc {
  urgent: boolean;
  hostAccepted: boolean;
  reason: string;
}

/**
 * R3 (block): a 临时动议 (added on the day of the meeting) is allowed only when it is urgent
 * and the host accepted it. Returns the refusal message, or null when allowed.
 */
export function adHocRefusal(args: { today: string; meetingDate: string; adHoc?: AdHoc | undefined }): string | null {
  const onTheDay = args.today >= args.meetingDate;
  if (args.adHoc) {
    if (!args.adHoc.urgent) return '临时动议须为紧急事项，非紧急议题请列入下次会议';
    if (!args.adHoc.hostAccepted) return '临时动议须经会议主持人同意后才能列入';
    return null;
  }
  if (onTheDay) return '会议当天增加议题属于临时动议，须注明紧急事由并经主持人同意';
  return null;
}
