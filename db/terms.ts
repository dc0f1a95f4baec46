// The ledger's vocabulary: closed lists, state labels and the words every layer shares. A leaf:
// it imports nothing, so the rules, the documents, every domain and the renderer may import it
// (the renderer imports nothing else from db/ at run time; test/architecture.test.ts holds that).
//
// Glossary — each Chinese term, its identifier in code, and what it means here:
//   学校 / 党组织      organization, orgId     the school and its party organisation (党委, 党总支, 党支部)
//   人员              person, personId        anyone who attends meetings
//   职务              post (Post)             书记, 副书记, 校长, 副校长, 委员, 中层干部, held for a period
//   领导班子成员       leadership (LEADERSHIP_POSTS)  who propose items and take part in 会前沟通
//   党政一肩挑         oneShoulder             one person holds both 书记 and 校长
//   议事机构           body (BodyKind)         党组织会议, 校长办公会议, 支委会, 党员大会
//   主持/牵头          leadingPost             the post that leads a body: 书记, or 校长 for the 校长办公会议
//   成员资格           membership              a seat on a body for a term, with or without a vote
//   议事清单           matter                  catalogue entry: who decides, 前置研究, 三重一大, 2/3 quorum
//   议题              item (agenda item)      a topic proposed for decision
//   会前沟通 / 酝酿     consultation / deliberation   the talks before a meeting (R4)
//   意见（沟通）        stance (ConsultationStance)   同意 / 不同意 / 保留意见 in a consultation
//   会议              meeting                 a numbered sitting of a body (2026年第3次党委会议)
//   议程序号           position                the order of an entry on a meeting's agenda — and only that
//   议程事项           entry (agenda entry)    an item on one meeting's agenda, with what happened to it
//   出席情况           attendance              出席 / 缺席 / 请假 / 列席
//   发言表态           statement, stance (StatementStance)   同意 / 不同意 / 缓议, the host last (R9)
//   回避              recusal
//   表决              vote; ballot            method and counts; one member's ballot (named methods only)
//   决定事项           decision
//   会议记录 / 纪要     record / minutes        the full internal record / the formal signed document
//   督办事项           follow-up               execution of a decision: owner, deadline, progress
//   评价 / 修正        evaluation / correction
//   临时处置           emergency action        the 书记's provisional decision when the body cannot meet (R14)
//   台账（表）         register                the year's sheet of decisions and their follow-ups
//   台账（文件）       ledger (Ledger)         the SQLite file and the handle every command receives
//   存证              seal                    a hash-chained record of a signed meeting (db/trust)
export const PARTY_KINDS = ['党委', '党总支', '党支部'] as const;
export type PartyKind = (typeof PARTY_KINDS)[number];
export const POSTS = ['书记', '副书记', '校长', '副校长', '委员', '中层干部'] as const;
export type Post = (typeof POSTS)[number];
/** Posts whose holders form the leadership (班子成员): they propose items (R3) and consult (R4). */
export const LEADERSHIP_POSTS = ['书记', '副书记', '校长', '副校长', '委员'] as const satisfies readonly Post[];
export type LeadershipPost = (typeof LEADERSHIP_POSTS)[number];
export const isLeadershipPost = (post: string): post is LeadershipPost => (LEADERSHIP_POSTS as readonly string[]).includes(post);

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

/** 议事清单 groups of the seed catalogue (rule book), by their stable letter. */
export const MATTER_GROUP_LABELS: Record<string, string> = {
  A: '政治与党建',
  B: '发展与制度',
  C: '干部与人才',
  D: '育人与安全',
  E: '财务与项目',
  X: '校长办公会议事项',
};

export const CONSULTATION_FORMS = ['当面', '电话', '书面', '会议'] as const;
/** A person's stance in a 会前沟通 or 酝酿 (R4). */
export const CONSULTATION_STANCES = ['同意', '不同意', '保留意见'] as const;
export type ConsultationStance = (typeof CONSULTATION_STANCES)[number];
export const CONSULTATION_OUTCOMES = ['agreed', 'disagreed', 'reserved', 'incomplete'] as const;
export type ConsultationOutcome = (typeof CONSULTATION_OUTCOMES)[number];
export const CONSULTATION_OUTCOME_LABELS: Record<ConsultationOutcome, string> = {
  agreed: '意见一致（同意）',
  disagreed: '有不同意见（暂缓上会）',
  reserved: '有保留意见，尚未一致',
  incomplete: '书记、校长尚未都表态',
};
export const CONSULTATION_KIND_LABELS = { consultation: '会前沟通', deliberation: '酝酿' } as const;
export type ConsultationKind = keyof typeof CONSULTATION_KIND_LABELS;

export const ATTENDANCE_STATUSES = ['出席', '缺席', '请假', '列席'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];

/** A member's stance in the meeting's 发言表态 (R9). Not to be confused with an agenda position. */
export const STATEMENT_STANCES = ['同意', '不同意', '缓议'] as const;
export type StatementStance = (typeof STATEMENT_STANCES)[number];

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

/** Meeting states (meetings.state) and their one label. */
export const MEETING_STATES = ['planned', 'in_progress', 'closed'] as const;
export type MeetingState = (typeof MEETING_STATES)[number];
export const MEETING_STATE_LABELS: Record<MeetingState, string> = { planned: '筹备中', in_progress: '进行中', closed: '已结束' };

/** "2026年第3次党委会议": a meeting's title, numbered per body and year. */
export function meetingTitle(year: number, seq: number, bodyName: string): string {
  return `${year}年第${seq}次${bodyName}`;
}

/** Where a decision stands in the 台账 (register) status column (R17, R18). */
export type RegisterStatus = 'unassigned' | 'waived' | 'in_progress' | 'overdue' | 'to_evaluate' | 'evaluated' | 'correcting' | 'closed' | 'reconsidered';
export const REGISTER_STATUS_LABELS: Record<RegisterStatus, string> = {
  unassigned: '待安排督办',
  waived: '无需督办',
  in_progress: '督办中',
  overdue: '逾期',
  to_evaluate: '待评价',
  evaluated: '已评价',
  correcting: '修正中',
  closed: '已闭环',
  reconsidered: '复议中',
};

/** A warn-level rule hit kept on the record and shown on screen (never printed on paper). */
export interface RuleWarning {
  rule: string;
  message: string;
}

/** Version of the rule set a decision was taken under (stored with each decision, R2). */
export const RULE_VERSION = '2026.1';

// ── Naming bodies by the organisation's type (rule book) ───────────────────────
// 党组织会议 is the policy's generic category: no school prints it as a meeting's name.

/** The committee meeting of each kind of party organisation. */
export const COMMITTEE_MEETINGS: Record<PartyKind, string> = {
  党委: '党委会议',
  党总支: '总支委员会会议',
  党支部: '支部委员会会议',
};

/** The name a body is given: the committee meeting by the party kind, the others by BODY_LABELS. */
export function bodyNameFor(kind: BodyKind, partyKind: PartyKind): string {
  return kind === 'party_committee' ? COMMITTEE_MEETINGS[partyKind] : BODY_LABELS[kind];
}

/** The party organisation's formal name: 中共青山县第一中学委员会 / …总支部委员会 / …支部委员会. */
export function partyOrgName(orgName: string, partyKind: PartyKind): string {
  const committee: Record<PartyKind, string> = { 党委: '委员会', 党总支: '总支部委员会', 党支部: '支部委员会' };
  return `中共${orgName}${committee[partyKind]}`;
}

/** The usual 纪要 heading: 中共××学校委员会会议纪要 for the committee, ××学校校长办公会议纪要 otherwise. */
export function minutesHeadingFor(orgName: string, partyKind: PartyKind, body: { kind: BodyKind; name: string }): string {
  return body.kind === 'party_committee' ? `${partyOrgName(orgName, partyKind)}会议纪要` : `${orgName}${body.name}纪要`;
}

/** Who issues a body's papers (notices, the 版记's 印发机关): the 党委办公室, the 总支 or 支部 itself, or the 校长办公室. */
export function issuingOfficeFor(orgName: string, partyKind: PartyKind, bodyKind: BodyKind): string {
  if (bodyKind === 'principal_office') return `${orgName}校长办公室`;
  return partyKind === '党委' ? `${partyOrgName(orgName, partyKind)}办公室` : partyOrgName(orgName, partyKind);
}

// ── 报送与区域统筹 (db/report, db/district) ──────────────────────────────────
/** What each table of a 报送包 holds, as the preview and the district name it. */
export const REPORT_TABLE_LABELS: Record<string, string> = {
  organizations: '学校',
  bodies: '议事机构',
  persons: '人员',
  matters: '议事清单事项',
  agenda_items: '议题',
  item_transitions: '议题流转记录',
  consultations: '会前沟通与酝酿',
  consultation_stances: '沟通意见',
  meetings: '会议',
  attendance: '出席记录',
  agenda_entries: '会议议程',
  statements: '发言表态',
  recusals: '回避记录',
  written_opinions: '书面意见',
  ballots: '记名表决票',
  reconsiderations: '复议记录',
  decisions: '决定事项',
  minutes: '会议纪要',
  follow_ups: '督办事项',
  progress_reports: '督办进展',
  evaluations: '执行评价',
  emergency_actions: '临时处置',
};

/** The district's indicators, in the order the table shows them (db/rules/indicators.ts computes them). */
export const INDICATOR_LABELS = {
  consultedShare: '会前沟通在先占比',
  majorRoutedShare: '三重一大经党组织会议决定占比',
  meetingsPerMonth: '月均会议次数',
  firstTopicShare: '第一议题学习占比',
  quorumProblems: '到会人数不足',
  noFollowUp: '决定未安排督办',
  overdueFollowUps: '督办逾期',
  corrections: '纠正（已开/已结）',
  emergencyInTime: '临时处置按时报告占比',
  minutesDays: '会后签发纪要平均天数',
  minutesLate: '纪要迟签（超过7天）',
} as const;
export type IndicatorKey = keyof typeof INDICATOR_LABELS;
