// Rule settings: where a source settles nothing, the rule book gives a default.
// Each field is declared once without its default (settings.set takes a partial patch, and a
// default inside a partial would silently reset untouched settings) and once with it.
import { z } from 'zod';

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

export const SETTING_LABELS: Record<keyof typeof SETTING_FIELDS, string> = {
  halfCountsAsMajority: '恰好半数算“半数以上”',
  recusedCountInDue: '回避人员计入应到会人数',
  principalOfficeMode: '校长办公会议决定方式',
  submitLeadDays: '议题提前提交天数',
  materialsLeadDays: '材料提前送达天数',
  minutesNumberStyle: '纪要编号方式',
};

export const RuleSettings = z.object({
  halfCountsAsMajority: SETTING_FIELDS.halfCountsAsMajority.default(false),
  recusedCountInDue: SETTING_FIELDS.recusedCountInDue.default(false),
  principalOfficeMode: SETTING_FIELDS.principalOfficeMode.default('principal_decides'),
  submitLeadDays: SETTING_FIELDS.submitLeadDays.default(2),
  materialsLeadDays: SETTING_FIELDS.materialsLeadDays.default(1),
  minutesNumberStyle: SETTING_FIELDS.minutesNumberStyle.default('期'),
});
export type RuleSettings = z.infer<typeof RuleSettings>;

/** settings.set input: any subset of the settings, no defaults. */
export const RuleSettingsPatch = z.object(SETTING_FIELDS).partial().strict();

export const DEFAULT_SETTINGS: RuleSettings = RuleSettings.parse({});
