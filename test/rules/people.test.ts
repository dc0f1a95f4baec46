import { describe, expect, it } from 'vitest';
import { nameKey, repeatedNames, sameName, sameNameMessage } from '../../db/rules/people';

describe('one name, one person', () => {
  it('compares names without spaces and with brackets of one width', () => {
    expect(nameKey(' 张 丽\u3000')).toBe('张丽');
    expect(nameKey('张丽(语文组)')).toBe('张丽（语文组）');
    expect(sameName('张丽', '张 丽')).toBe(true);
    expect(sameName('张丽（语文组）', '张丽 (语文组)')).toBe(true);
    expect(sameName('张丽', '张利')).toBe(false);
    expect(sameName('张丽', '张丽（语文组）')).toBe(false);
  });

  it('offers a distinguishing note, from the department when known', () => {
    expect(sameNameMessage('张丽', ' 语文组 ')).toBe('已有在职人员「张丽」。如确是另一个人，请在姓名后加注区分，如「张丽（语文组）」');
    expect(sameNameMessage(' 张丽 ', '语文组')).toBe('已有在职人员「张丽」。如确是另一个人，请在姓名后加注区分，如「张丽（语文组）」');
    expect(sameNameMessage('张丽', ' ')).toBe('已有在职人员「张丽」。如确是另一个人，请在姓名后加注区分，如「张丽（所在部门）」');
    expect(sameNameMessage('张丽', null)).toBe('已有在职人员「张丽」。如确是另一个人，请在姓名后加注区分，如「张丽（所在部门）」');
    expect(sameNameMessage('张丽')).toContain('（所在部门）');
  });

  it('finds each repeat of an earlier row (set-up), ignoring empty rows', () => {
    expect(repeatedNames(['张丽', '李明华', '张 丽', '', '', '李明华', '张丽'])).toEqual([2, 5, 6]);
    expect(repeatedNames(['张丽', '张丽（语文组）'])).toEqual([]);
    expect(repeatedNames([])).toEqual([]);
  });
});
