// How an agenda entry's outcome is shown (badge label and tone), on the agenda and in 会议模式.
export const OUTCOME: Record<string, { label: string; tone: string }> = {
  pending: { label: '待议', tone: '' },
  passed: { label: '通过', tone: 'ok' },
  not_passed: { label: '未通过', tone: 'bad' },
  postponed: { label: '暂缓表决', tone: 'warn' },
  studied: { label: '已研究', tone: 'info' },
  noted: { label: '已听取', tone: 'info' },
};
