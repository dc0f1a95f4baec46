import { describe, expect, it } from 'vitest';
import { aheadRefusal, beforeSinceRefusal, farAheadNotice, LATE_ENTRY_DAYS, meetingTimeCheck, oneYearAfter } from '../../db/rules/dates';

const since = '2026-01-01';
const today = '2026-03-20';

describe('dates a person can mistype', () => {
  it('a year after, by the calendar', () => {
    expect(oneYearAfter('2026-03-20')).toBe('2027-03-20');
    expect(oneYearAfter('2028-02-29')).toBe('2029-02-29');
  });

  it('refuses a date before the school’s first date in the ledger, naming the field', () => {
    expect(beforeSinceRefusal('沟通日期', '2025-12-31', since)).toBe('「沟通日期」2025年12月31日早于本校在台账中的起始日期2026年1月1日，请核对年份');
    expect(beforeSinceRefusal('沟通日期', since, since)).toBeNull();
  });

  it('refuses more than a year ahead', () => {
    expect(aheadRefusal('会议时间', '2027-03-21', today)).toBe('「会议时间」2027年3月21日距今超过一年，请核对年份');
    expect(aheadRefusal('会议时间', '2027-03-20', today)).toBeNull();
  });

  it('notices a far planned date without refusing it', () => {
    expect(farAheadNotice('完成时限', '2027-03-21', today)).toBe('「完成时限」2027年3月21日在一年以后，请确认年份无误');
    expect(farAheadNotice('完成时限', '2027-03-20', today)).toBeNull();
  });
});

describe('meetingTimeCheck', () => {
  it('a usual time: no refusal, no notice', () => {
    expect(meetingTimeCheck('2026-03-25T14:30', since, today)).toEqual({ refusal: null, notices: [] });
    expect(meetingTimeCheck('2026-03-25T07:00', since, today)).toEqual({ refusal: null, notices: [] });
    expect(meetingTimeCheck('2026-03-25T20:59', since, today)).toEqual({ refusal: null, notices: [] });
  });

  it('refuses the wrong year either way, with no notices', () => {
    expect(meetingTimeCheck('2025-03-25T14:30', since, today)).toEqual({
      refusal: '「会议时间」2025年3月25日早于本校在台账中的起始日期2026年1月1日，请核对年份',
      notices: [],
    });
    expect(meetingTimeCheck('2027-03-28T03:00', since, today)).toEqual({ refusal: '「会议时间」2027年3月28日距今超过一年，请核对年份', notices: [] });
  });

  it('notices a meeting written up long after, a weekend and an unusual hour', () => {
    expect(LATE_ENTRY_DAYS).toBe(30);
    expect(meetingTimeCheck('2026-02-18T14:30', since, today).notices).toEqual([]);
    expect(meetingTimeCheck('2026-02-17T14:30', since, today).notices).toEqual(['会议日期2026年2月17日在31天以前，将作为补记登记']);
    // Weekdays are usual: Monday to Friday give no notice.
    for (const d of ['2026-03-23', '2026-03-24', '2026-03-25', '2026-03-26', '2026-03-27']) expect(meetingTimeCheck(`${d}T09:00`, since, today).notices, d).toEqual([]);
    expect(meetingTimeCheck('2026-03-28T09:00', since, today).notices).toEqual(['2026年3月28日是星期六']);
    expect(meetingTimeCheck('2026-03-29T09:00', since, today).notices).toEqual(['2026年3月29日是星期日']);
    expect(meetingTimeCheck('2026-03-27T06:59', since, today).notices).toEqual(['会议时间06:59不在通常的工作时间']);
    expect(meetingTimeCheck('2026-03-27T21:00', since, today).notices).toEqual(['会议时间21:00不在通常的工作时间']);
    expect(meetingTimeCheck('2026-01-03T22:30', since, today).notices).toEqual([
      '会议日期2026年1月3日在76天以前，将作为补记登记',
      '2026年1月3日是星期六',
      '会议时间22:30不在通常的工作时间',
    ]);
  });
});
