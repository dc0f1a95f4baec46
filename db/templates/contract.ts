import { z } from 'zod';
import { read, write } from '../channel';
import { TEMPLATE_KINDS } from '../terms';
import { zEnum, zId, zText } from '../validation';

export const templatesContract = {
  /**
   * The organisation's decision templates (per 议事清单 matter) and common phrases. With itemId,
   * also the templates of that item's matter with its title filled in (for writing its decision).
   */
  'templates.list': read(z.object({ orgId: zId('学校'), itemId: zId('议题').optional() })),
  /** Add (no templateId) or edit a template or phrase; a decision template names its matter. */
  'templates.save': write(
    z.object({
      orgId: zId('学校'),
      templateId: zId('模板').optional(),
      kind: zEnum('用途', TEMPLATE_KINDS),
      matterId: zId('议事清单事项').optional(),
      text: zText('模板内容', 500),
    }),
  ),
  'templates.remove': write(z.object({ templateId: zId('模板') })),
  /** A new meeting of this body starts from the last one's place and 记录人. */
  'templates.meetingDefaults': read(z.object({ bodyId: zId('议事机构') })),
  /**
   * Seat this meeting as an earlier meeting of the same body was seated (statuses, leave reasons,
   * 列席), before anyone is signed in; without fromMeetingId, the latest earlier one with a list.
   */
  'templates.copyAttendance': write(z.object({ meetingId: zId('会议'), fromMeetingId: zId('会议').optional() })),
} as const;
