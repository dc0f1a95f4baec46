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
//   更正              amendment               putting right a record not yet locked: before → after, who, when, why
//   撤回              withdraw                an item taken back by its proposer; kept as 已撤回, never deleted
//   作废（成员资格）   void                    a membership entered by mistake: it never held (unlike ending a term)
//   延期              extend                  a follow-up's deadline moved later, with a reason and who approved it
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
  // Taken back before any meeting decided it; kept in the ledger, never deleted.
  'withdrawn',
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
  withdrawn: '已撤回',
};

/** Meeting states (meetings.state) and their one label. A cancelled meeting keeps its number. */
export const MEETING_STATES = ['planned', 'in_progress', 'closed', 'cancelled'] as const;
export type MeetingState = (typeof MEETING_STATES)[number];
export const MEETING_STATE_LABELS: Record<MeetingState, string> = { planned: '筹备中', in_progress: '进行中', closed: '已结束', cancelled: '已取消' };

/** A 会议纪要 revision: a draft until signed (R16). */
export const MINUTES_STATE_LABELS = { draft: ITEM_STATE_LABELS.draft, signed: '已签发' } as const;

/** What happened to an item on one meeting's agenda (agenda_entries.outcome). */
export const ENTRY_OUTCOMES = ['pending', 'passed', 'not_passed', 'postponed', 'studied', 'noted'] as const;
export type EntryOutcome = (typeof ENTRY_OUTCOMES)[number];
/** The same words as the item's state where the two say the same thing. */
export const ENTRY_OUTCOME_LABELS: Record<EntryOutcome, string> = {
  pending: '待议',
  passed: ITEM_STATE_LABELS.passed,
  not_passed: ITEM_STATE_LABELS.not_passed,
  postponed: ITEM_STATE_LABELS.vote_postponed,
  studied: '已研究',
  noted: ITEM_STATE_LABELS.noted,
};

/** Where one 督办事项 stands (R17 逾期, R18 评价): the board's columns and every card's badge. */
export const FOLLOW_UP_STATUSES = ['open', 'overdue', 'done', 'evaluated'] as const;
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number];
export const FOLLOW_UP_STATUS_LABELS: Record<FollowUpStatus, string> = { open: '办理中', overdue: '逾期', done: '已办结', evaluated: '已评价' };

/** 按时办结 per 承办部门: how each follow-up counts on the dashboard chart. */
export const TIMING_LABELS = { onTime: '按时办结', late: '逾期办结', overdue: '逾期未办结', open: FOLLOW_UP_STATUS_LABELS.open } as const;

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

/** The dashboard's tiles of the loop: one or more item states each; 逾期 counts follow-ups. */
export const LOOP_STAGE_LABELS = {
  consult: '待沟通',
  postponed: ITEM_STATE_LABELS.postponed,
  ready: ITEM_STATE_LABELS.ready,
  scheduled: ITEM_STATE_LABELS.scheduled,
  passed: ITEM_STATE_LABELS.passed,
  notPassed: ITEM_STATE_LABELS.not_passed,
  followUp: ITEM_STATE_LABELS.follow_up,
  overdue: FOLLOW_UP_STATUS_LABELS.overdue,
  noted: ITEM_STATE_LABELS.noted,
  evaluated: ITEM_STATE_LABELS.evaluated,
  corrected: ITEM_STATE_LABELS.corrected,
  closed: ITEM_STATE_LABELS.closed,
  withdrawn: ITEM_STATE_LABELS.withdrawn,
} as const;

/** The loop as a funnel: how far items got (each step a sum of whole tiles above). */
export const FUNNEL_STEP_LABELS = {
  filed: '提出议题',
  discussed: '上会讨论',
  decided: '形成决定',
  followUp: '督办落实',
  evaluated: '完成评价',
  closed: '闭环',
} as const;

/** Each rule of the rule book in plain words (shown on screen), what it asks (the tag's tooltip and help) and where it comes from (RULE_SOURCES names the documents). */
export const RULES = {
  R1: { name: '按议事清单确定决策会议', explain: '每个议题对应议事清单事项；党组织会议决定的事项不能由校长办公会议决定；须前置研究的事项先经校长办公会议研究。', source: '《意见》(五)(六)' },
  R2: { name: '三重一大集体决定', explain: '重大事项决策、重要干部任免、重大项目安排、大额资金使用，只能由党组织会议集体决定。', source: '“三重一大”集体决策原则（1996年）；学校议事规则' },
  R3: { name: '议题由班子成员提出、议程经确认', explain: '议题由领导班子成员提出；党组织会议议程由书记确认，校长办公会议议程由校长确认；临时动议须紧急并经主持人同意。', source: '《意见》(五)(六)' },
  R4: { name: '上会前书记校长沟通一致', explain: '议题列入党组织会议前，书记和校长须会前沟通并都表示同意；意见不一致的暂缓上会。', source: '《意见》(七)' },
  R5: { name: '重要事项先听取书记意见', explain: '校长办公会议研究重要事项、三重一大事项前，须听取并记录书记的意见。', source: '学校议事规则（“四沟通”）' },
  R6: { name: '需过半数成员到会', explain: '逐项核对到会人数：须超过应到会成员半数；干部任免等事项须三分之二以上到会。', source: '《意见》(五)(六)；《党组工作条例》第二十七条' },
  R7: { name: '到会的有表决权成员才能表决', explain: '只有在场、有表决权的成员表态和表决；列席人员可以发言但不表决；缺席成员的书面意见不计票。', source: '《党组工作条例》第二十七条' },
  R8: { name: '利害关系人回避', explain: '回避的成员不对该议题表态、不表决。', source: '学校议事规则；回避人员是否计入应到会人数由学校在设置中确定' },
  R9: { name: '主持人末位表态', explain: '每位在场有表决权的成员都应表态，主持人最后表态；确需提前的，须记录理由。', source: '《党组工作条例》第二十七条；《干部选拔任用工作条例》' },
  R10: { name: '同意票过应到人数半数才通过', explain: '逐项表决；同意票超过应到会成员半数（不是实到人数）才通过；票数合计不能多于实到人数；无记名投票只记票数。', source: '《党组工作条例》第二十七条；《支部工作条例》第十一条' },
  R11: { name: '暂缓表决后重新沟通', explain: '意见分歧较大或情况不明的，可以暂缓表决，议题退回会前沟通；复议须超过应到会成员半数同意。', source: '《干部选拔任用工作条例》' },
  R12: { name: '校长办公会议的决定方式', explain: '校长办公会议由校长在听取与会人员意见后决定，或按学校设置实行表决。', source: '《意见》(六)；采用哪种方式由学校在设置中确定' },
  R13: { name: '决定只能在会议上作出', explain: '传阅、会签、个别征求意见都不能代替会议决定。', source: '学校议事规则' },
  R14: { name: '临时处置须在下次会议通报', explain: '不能召开会议时书记（或校长）可临时处置，事后须在该议事机构下次会议上通报。', source: '学校议事规则' },
  R15: { name: '党组织会议先学习第一议题', explain: '党组织会议以第一议题学习开始，并记录学习内容。', source: '学校议事规则' },
  R16: { name: '纪要由主持人签发后锁定', explain: '会议记录完整后生成纪要；由主持人签发，签发后锁定，只能以勘误修订。', source: '学校议事规则；纪要格式依照《党政机关公文格式》（GB/T 9704-2012）' },
  R17: { name: '每项决定都要督办', explain: '每项决定都应安排督办（承办部门、责任人、分管领导、完成时限），或说明无需督办的理由；超过时限未办结即为逾期。', source: '《意见》（校长职权第9项）；学校议事规则' },
  R18: { name: '办结后评价，效果不好即修正', explain: '督办事项办结后评价；评价为一般、差或未达到目标的，启动修正议题。', source: '学校议事规则' },
  R19: { name: '涉及教职工利益的提交教代会', explain: '涉及教职工切身利益的事项，须提交教职工代表大会审议。', source: '学校议事规则' },
} as const satisfies Record<string, { name: string; explain: string; source: string }>;
export type RuleId = keyof typeof RULES;
/** The documents a rule's source names, in full, for the help panel. */
export const RULE_SOURCES = [
  { short: '《意见》', full: '中共中央办公厅《关于建立中小学校党组织领导的校长负责制的意见（试行）》（2022年）' },
  { short: '《党组工作条例》', full: '《中国共产党党组工作条例》（2019年）' },
  { short: '《支部工作条例》', full: '《中国共产党支部工作条例（试行）》（2018年）' },
  { short: '《干部选拔任用工作条例》', full: '《党政领导干部选拔任用工作条例》（2019年）' },
  { short: '学校议事规则', full: '各校公开的党组织会议、校长办公会议议事规则（内容基本一致）' },
] as const;
/** The plain name of a rule id, or null for anything that is not one (a newer rule stays unnamed rather than wrong). */
export function ruleName(rule: string | null | undefined): string | null {
  return rule != null && rule in RULES ? RULES[rule as RuleId].name : null;
}

/** 更正记录: what kind of correction was made (amendments.action). */
export const AMENDMENT_ACTIONS = {
  edit: '修改',
  withdraw: '撤回',
  copy: '复制',
  reschedule: '改期',
  cancel: '取消',
  removeEntry: '移出议程',
  rename: '更名',
  void: '作废',
  statement: '更正发言表态',
  removeStatement: '撤销发言表态',
  attendance: '更正出席情况',
  removeRecusal: '撤销回避',
  undoVote: '撤销表决结果',
  extend: '延期',
  reassign: '调整承办',
} as const;
export type AmendmentAction = keyof typeof AMENDMENT_ACTIONS;

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

// ── 今日待办 (reminders) ─────────────────────────────────────────────────────
/** What a reminder is about; each kind is computed by db/rules/reminders.ts. */
export const REMINDER_KINDS = [
  'followup_overdue',
  'followup_due',
  'meeting_soon',
  'materials_missing',
  'consultation_waiting',
  'emergency_unreported',
  'minutes_unsigned',
] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];
/** The group headings of the 今日待办 panel. */
export const REMINDER_KIND_LABELS: Record<ReminderKind, string> = {
  followup_overdue: '逾期的督办事项',
  followup_due: '7天内到期的督办事项',
  meeting_soon: '今明两天的会议',
  materials_missing: '会议材料尚未送达',
  consultation_waiting: '等待会前沟通较久的议题',
  emergency_unreported: '尚未通报的临时处置',
  minutes_unsigned: '会后3天仍未签发的纪要',
};

/** 全局搜索 (Ctrl+K): the kinds of record one search box finds, in the order results are grouped. */
export const SEARCH_KINDS = ['item', 'meeting', 'decision', 'minutes', 'followup', 'person'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];
export const SEARCH_KIND_LABELS: Record<SearchKind, string> = {
  item: '议题',
  meeting: '会议',
  decision: '决定事项',
  minutes: '会议纪要',
  followup: '督办事项',
  person: '人员',
};
// ── 集团化办学: the 集团工作台's columns, in the order screens and exports show them ──
export const GROUP_FIGURES = [
  'waitingConsultation',
  'meetingsThisMonth',
  'meetingsThisYear',
  'firstTopicsThisYear',
  'decisionsWithoutFollowUp',
  'overdueFollowUps',
  'openCorrections',
  'openEmergencies',
] as const;
export type GroupFigure = (typeof GROUP_FIGURES)[number];
export const GROUP_FIGURE_LABELS: Record<GroupFigure, string> = {
  waitingConsultation: '待会前沟通议题',
  meetingsThisMonth: '本月会议',
  meetingsThisYear: '本年会议',
  firstTopicsThisYear: '第一议题学习',
  decisionsWithoutFollowUp: '未安排督办的决定',
  overdueFollowUps: '逾期督办事项',
  openCorrections: '未决修正议题',
  openEmergencies: '未通报临时处置',
};
/** 集团本级 (the 集团党委 itself) and 校区 (a campus, 成员校), as the 集团工作台 names rows. */
export const GROUP_LEVEL_LABELS = { group: '集团本级', campus: '校区' } as const;
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
/** The unit each indicator is counted in (the table's text, the comparison chart's axis). */
export const INDICATOR_UNITS: Record<IndicatorKey, string> = {
  consultedShare: '%',
  majorRoutedShare: '%',
  meetingsPerMonth: '次',
  firstTopicShare: '%',
  quorumProblems: '次',
  noFollowUp: '项',
  overdueFollowUps: '项',
  corrections: '项',
  emergencyInTime: '%',
  minutesDays: '天',
  minutesLate: '次',
};

/** 模板与常用语 (db/templates): what a reusable text is for. */
export const TEMPLATE_KINDS = ['decision', 'statement', 'consultation'] as const;
export type TemplateKind = (typeof TEMPLATE_KINDS)[number];
export const TEMPLATE_KIND_LABELS: Record<TemplateKind, string> = { decision: '决定模板', statement: '表态常用语', consultation: '沟通常用语' };
/** In a decision template, where the item's title goes (with its 书名号). */
export const TEMPLATE_TITLE_MARK = '《议题名称》';

/** 历史台账导入: the fields a sheet's columns are read into (db/rules/import.ts names their headers). */
export const IMPORT_COLUMN_KEYS = ['meetingDate', 'body', 'item', 'decision', 'dept', 'owner', 'deadline', 'status'] as const;
export type ImportColumnKey = (typeof IMPORT_COLUMN_KEYS)[number];
