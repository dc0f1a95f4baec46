// Rule settings: where a source settles nothing, the rule book gives a default and the school
// may choose. The input schemas (zod) live in db/organization/settings-schema.ts.

export interface RuleSettings {
  /** R6: does exactly half count as "半数以上"? Default: no. */
  halfCountsAsMajority: boolean;
  /** R8: do recused members still count in 应到会? Default: no. */
  recusedCountInDue: boolean;
  /** R12: 校长办公会 decides by the 校长 after hearing everyone, or by majority vote. */
  principalOfficeMode: 'principal_decides' | 'majority_vote';
  /** R3: a topic is submitted at least this many days before the meeting (warn). */
  submitLeadDays: number;
  /** R3: materials are sent at least this many days before the meeting (warn). */
  materialsLeadDays: number;
  /** R16: 会议纪要 numbered 第N期 or 〔2026〕N号, per body per year. */
  minutesNumberStyle: '期' | '号';
}

/** The rule book's defaults. */
export const DEFAULT_SETTINGS: RuleSettings = {
  halfCountsAsMajority: false,
  recusedCountInDue: false,
  principalOfficeMode: 'principal_decides',
  submitLeadDays: 2,
  materialsLeadDays: 1,
  minutesNumberStyle: '期',
};

export const SETTING_LABELS: Record<keyof RuleSettings, string> = {
  halfCountsAsMajority: '恰好半数算“半数以上”',
  recusedCountInDue: '回避人员计入应到会人数',
  principalOfficeMode: '校长办公会议决定方式',
  submitLeadDays: '议题提前提交天数',
  materialsLeadDays: '材料提前送达天数',
  minutesNumberStyle: '纪要编号方式',
};
