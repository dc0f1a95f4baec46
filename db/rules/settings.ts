// Rule settings: where a source settles nothing, the rule book gives a default.
import { z } from 'zod';

export const RuleSettings = z.object({
  /** R6: does exactly half count as "半数以上"? Default: no. */
  halfCountsAsMajority: z.boolean().default(false),
  /** R8: do recused members still count in 应到会? Default: no. */
  recusedCountInDue: z.boolean().default(false),
  /** R12: 校长办公会 decides by the 校长 after hearing everyone, or by majority vote. */
  principalOfficeMode: z.enum(['principal_decides', 'majority_vote']).default('principal_decides'),
  /** R3: a topic is submitted at least this many days before the meeting (warn). */
  submitLeadDays: z.number().int().min(0).max(60).default(2),
  /** R3: materials are sent at least this many days before the meeting (warn). */
  materialsLeadDays: z.number().int().min(0).max(60).default(1),
  /** R16: 会议纪要 numbered 第N期 or 〔2026〕N号, per body per year. */
  minutesNumberStyle: z.enum(['期', '号']).default('期'),
});
export type RuleSettings = z.infer<typeof RuleSettings>;

export const DEFAULT_SETTINGS: RuleSettings = RuleSettings.parse({});
