// The rule book's vocabulary as closed lists. Used by the zod inputs, the rules and the UI.
export const PARTY_KINDS = ['党委', '党总支', '党支部'] as const;
export const POSTS = ['书记', '副书记', '校长', '副校长', '委员', '中层干部'] as const;
export type Post = (typeof POSTS)[number];

export const BODY_KINDS = ['party_committee', 'principal_office', 'branch_committee', 'party_assembly'] as const;
export type BodyKind = (typeof BODY_KINDS)[number];
export const BODY_LABELS: Record<BodyKind, string> = {
  party_committee: '党组织会议',
  principal_office: '校长办公会议',
  branch_committee: '支委会',
  party_assembly: '党员大会',
};

/** R2: the four 三重一大 categories. */
export const MAJOR_CATEGORIES = ['重大事项决策', '重要干部任免', '重大项目安排', '大额资金使用'] as const;
export type MajorCategory = (typeof MAJOR_CATEGORIES)[number];

export const CONSULTATION_FORMS = ['当面', '电话', '书面', '会议'] as const;
export const STANCES = ['同意', '不同意', '保留意见'] as const;
export type Stance = (typeof STANCES)[number];

export const ATTENDANCE_STATUSES = ['出席', '缺席', '请假', '列席'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];

export const POSITIONS = ['同意', '不同意', '缓议'] as const;
export type Position = (typeof POSITIONS)[number];

export const VOTE_METHODS = ['口头', '举手', '无记名投票', '记名投票'] as const;
export type VoteMethod = (typeof VOTE_METHODS)[number];
export const BALLOT_CHOICES = ['同意', '反对', '弃权'] as const;
export type BallotChoice = (typeof BALLOT_CHOICES)[number];

export const RATINGS = ['好', '较好', '一般', '差'] as const;
export type Rating = (typeof RATINGS)[number];

export const ITEM_KINDS = ['normal', 'execution_report', 'correction', 'emergency_report'] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

/** Lifecycle of an agenda item; transitions live in db/rules/lifecycle.ts. */
export const ITEM_STATES = [
  'draft',
  'consultation',
  'postponed',
  'ready',
  'scheduled',
  'discussed',
  'passed',
  'not_passed',
  'vote_postponed',
  'follow_up',
  'evaluated',
  'closed',
  'corrected',
  // A heard report (执行情况报告 R17, 临时处置通报 R14) ends here: it is noted, never decided.
  'noted',
] as const;
export type ItemState = (typeof ITEM_STATES)[number];
export const ITEM_STATE_LABELS: Record<ItemState, string> = {
  draft: '草稿',
  consultation: '会前沟通中',
  postponed: '暂缓上会',
  ready: '待上会',
  scheduled: '已列入议程',
  discussed: '已讨论',
  passed: '已通过',
  not_passed: '未通过',
  vote_postponed: '暂缓表决',
  follow_up: '督办中',
  evaluated: '已评价',
  closed: '已闭环',
  corrected: '已修正',
  noted: '已听取',
};

/** Version of the rule set a decision was taken under (stored with each decision, R2). */
export const RULE_VERSION = '2026.1';
