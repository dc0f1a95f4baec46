// Rule settings as input: the zod schemas settings.set validates with, Chinese messages naming
// each setting. The settings themselves, their defaults and labels are rule knowledge and live
// in db/rules/settings.ts; each field is declared here once without its default (settings.set
// takes a partial patch, and a default inside a partial would silently reset untouched settings)
// and once with the rule book's default.
import { z } from 'zod';
import { DEFAULT_SETTINGS, type RuleSettings as Settings } from '../rules/settings';

const days = (label: string) =>
  z
    .number({ error: `「${label}」须为天数` })
    .int({ error: `「${label}」须为整数天` })
    .min(0, { error: `「${label}」不能为负数` })
    .max(60, { error: `「${label}」不能超过60天` });
const yesNo = (label: string) => z.boolean({ error: `「${label}」须选择是或否` });

export const SETTING_FIELDS = {
  /** R6: does exactly half count as "半数以上"? Default: no. */
  halfCountsAsMajority: yesNo('恰好半数是否算“半数以上”'),
  /** R8: do recused members still count in 应到会? Default: no. */
  recusedCountInDue: yesNo('回避人员是否计入应到会人数'),
  /** R12: 校长办公会 decides by the 校长 after hearing everyone, or by majority vote. */
  principalOfficeMode: z.enum(['principal_decides', 'majority_vote'], { error: '「校长办公会议决定方式」须为：校长决定、多数表决' }),
  /** R3: a topic is submitted at least this many days before the meeting (warn). */
  submitLeadDays: days('议题提前提交天数'),
  /** R3: materials are sent at least this many days before the meeting (warn). */
  materialsLeadDays: days('材料提前送达天数'),
  /** R16: 会议纪要 numbered 第N期 or 〔2026〕N号, per body per year. */
  minutesNumberStyle: z.enum(['期', '号'], { error: '「纪要编号方式」须为：期、号' }),
} as const;

export const RuleSettings = z.object({
  halfCountsAsMajority: SETTING_FIELDS.halfCountsAsMajority.default(DEFAULT_SETTINGS.halfCountsAsMajority),
  recusedCountInDue: SETTING_FIELDS.recusedCountInDue.default(DEFAULT_SETTINGS.recusedCountInDue),
  principalOfficeMode: SETTING_FIELDS.principalOfficeMode.default(DEFAULT_SETTINGS.principalOfficeMode),
  submitLeadDays: SETTING_FIELDS.submitLeadDays.default(DEFAULT_SETTINGS.submitLeadDays),
  materialsLeadDays: SETTING_FIELDS.materialsLeadDays.default(DEFAULT_SETTINGS.materialsLeadDays),
  minutesNumberStyle: SETTING_FIELDS.minutesNumberStyle.default(DEFAULT_SETTINGS.minutesNumberStyle),
}) satisfies z.ZodType<Settings>;

/** settings.set input: any subset of the settings, no defaults. */
export const RuleSettingsPatch = z.object(SETTING_FIELDS).partial().strict();
