// Rule settings (R3, R6, R8, R12, R16): the rule book's defaults, and patches that never reset
// what they do not name.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, SETTING_LABELS } from '../../db/rules/settings';
import { RuleSettings, RuleSettingsPatch, SETTING_FIELDS } from '../../db/organization/settings-schema';

const firstError = (r: { success: boolean; error?: { issues: { message: string }[] } }) => r.error?.issues[0]?.message;

describe('rule settings', () => {
  it('R3/R6/R8/R12/R16: the defaults are the rule book’s', () => {
    expect(DEFAULT_SETTINGS).toEqual({
      halfCountsAsMajority: false,
      recusedCountInDue: false,
      principalOfficeMode: 'principal_decides',
      submitLeadDays: 2,
      materialsLeadDays: 1,
      minutesNumberStyle: '期',
    });
  });

  it('a patch carries only what it names (no default silently resets another setting)', () => {
    expect(RuleSettingsPatch.parse({ submitLeadDays: 3 })).toEqual({ submitLeadDays: 3 });
    expect(RuleSettingsPatch.parse({})).toEqual({});
    expect(RuleSettingsPatch.safeParse({ unknown: 1 }).success).toBe(false);
    expect(RuleSettings.parse({ halfCountsAsMajority: true })).toEqual({ ...DEFAULT_SETTINGS, halfCountsAsMajority: true });
  });

  it('R3: lead days are whole days from 0 to 60, refused in Chinese naming the setting', () => {
    expect(RuleSettingsPatch.safeParse({ submitLeadDays: 0 }).success).toBe(true);
    expect(RuleSettingsPatch.safeParse({ submitLeadDays: 60 }).success).toBe(true);
    expect(firstError(RuleSettingsPatch.safeParse({ submitLeadDays: 61 }))).toBe('「议题提前提交天数」不能超过60天');
    expect(firstError(RuleSettingsPatch.safeParse({ materialsLeadDays: -1 }))).toBe('「材料提前送达天数」不能为负数');
    expect(firstError(RuleSettingsPatch.safeParse({ materialsLeadDays: 1.5 }))).toBe('「材料提前送达天数」须为整数天');
    expect(firstError(RuleSettingsPatch.safeParse({ submitLeadDays: '2' }))).toBe('「议题提前提交天数」须为天数');
  });

  it('R6/R8/R12/R16: yes-no and choice settings say what is allowed', () => {
    expect(firstError(RuleSettingsPatch.safeParse({ halfCountsAsMajority: 'yes' }))).toBe('「恰好半数是否算“半数以上”」须选择是或否');
    expect(firstError(RuleSettingsPatch.safeParse({ recusedCountInDue: 1 }))).toBe('「回避人员是否计入应到会人数」须选择是或否');
    expect(firstError(RuleSettingsPatch.safeParse({ principalOfficeMode: 'vote' }))).toBe('「校长办公会议决定方式」须为：校长决定、多数表决');
    expect(firstError(RuleSettingsPatch.safeParse({ minutesNumberStyle: '号码' }))).toBe('「纪要编号方式」须为：期、号');
    expect(RuleSettingsPatch.parse({ principalOfficeMode: 'majority_vote', minutesNumberStyle: '号' })).toEqual({ principalOfficeMode: 'majority_vote', minutesNumberStyle: '号' });
  });

  it('every setting has a label for the settings screen', () => {
    expect(Object.keys(SETTING_LABELS).sort()).toEqual(Object.keys(SETTING_FIELDS).sort());
    const labels = Object.values(SETTING_LABELS);
    expect(new Set(labels).size).toBe(labels.length);
    for (const label of labels) expect(label).toMatch(/[\u4e00-\u9fa5]{4,}/);
  });
});
