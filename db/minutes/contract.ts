import { z } from 'zod';
import { read, write } from '../channel';
import { zId, zText } from '../validation';

export const MinutesDecisionEdit = z.object({ decisionId: zId('决定事项'), text: zText('决定内容', 2000) });

export const minutesContract = {
  /** Generate (or regenerate) the draft 会议纪要 from the meeting record (R16). */
  'minutes.generate': write(z.object({ meetingId: zId('会议') })),
  /** All revisions of a meeting's minutes, newest first. */
  'minutes.get': read(z.object({ meetingId: zId('会议') })),
  /** Edit a draft's wording; a signed revision is locked (R16). */
  'minutes.updateDraft': write(
    z.object({
      minutesId: zId('会议纪要'),
      opening: zText('开头段落', 3000).optional(),
      decisions: z.array(MinutesDecisionEdit).max(200).optional(),
    }),
  ),
  /** 签发 by the host (书记 / 校长); locks the revision. */
  'minutes.sign': write(z.object({ minutesId: zId('会议纪要'), personId: zId('签发人') })),
  /** 勘误: a new linked draft revision with a reason; the signed original stays readable. */
  'minutes.revise': write(z.object({ minutesId: zId('会议纪要'), reason: zText('勘误理由', 500) })),
} as const;
