// The rule book's seed 议事清单. Codes are stable ids: the catalogue is editable per school,
// but a code always means the same entry, so reports stay comparable across schools and years.
import type { BodyKind, MajorCategory } from '../terms';

export interface CatalogueEntry {
  code: string;
  group: string;
  name: string;
  decidingBody: Extract<BodyKind, 'party_committee' | 'principal_office'>;
  preStudy: boolean;
  majorCategory: MajorCategory | null;
  twoThirds: boolean;
  cadre: boolean;
  staffCongress: boolean;
}

type Flags = Partial<Pick<CatalogueEntry, 'majorCategory' | 'twoThirds' | 'cadre' | 'staffCongress'>>;

const party = (group: string, names: [string, Flags?][]): CatalogueEntry[] =>
  names.map(([name, flags], i) => ({
    code: `${group}${i + 1}`,
    group,
    name,
    decidingBody: 'party_committee',
    // Groups B, C and E are studied first by the 校长办公会 (rule book, 议事清单).
    preStudy: group === 'B' || group === 'C' || group === 'E',
    majorCategory: null,
    twoThirds: group === 'C',
    cadre: false,
    staffCongress: false,
    ...flags,
  }));

export const SEED_CATALOGUE: CatalogueEntry[] = [
  ...party('A', [
    ['贯彻上级决策部署'],
    ['党的建设与意识形态工作'],
    ['党员发展与处分'],
    ['党风廉政建设'],
    ['工会、共青团、少先队和教代会的重要事项'],
  ]),
  ...party('B', [
    ['学校章程', { majorCategory: '重大事项决策', staffCongress: true }],
    ['发展规划与年度工作计划', { majorCategory: '重大事项决策' }],
    ['重要规章制度', { majorCategory: '重大事项决策', staffCongress: true }],
    ['内设机构设置', { majorCategory: '重大事项决策' }],
    ['重大改革事项', { majorCategory: '重大事项决策', staffCongress: true }],
    ['重大活动与突发事件处置', { majorCategory: '重大事项决策' }],
  ]),
  ...party('C', [
    ['中层干部任免', { majorCategory: '重要干部任免', cadre: true }],
    ['后备干部推荐', { cadre: true }],
    ['教研组长、年级组长任用', { cadre: true }],
    ['教师招聘与职称评聘方案', { staffCongress: true }],
    ['评优评先', { staffCongress: true }],
    ['绩效工资与福利分配方案', { staffCongress: true }],
  ]),
  ...party('D', [['德育与思政工作'], ['课程设置的重大调整'], ['安全稳定工作'], ['涉及学生重大权益的事项']]),
  ...party('E', [
    ['年度预算与决算', { majorCategory: '大额资金使用' }],
    ['大额资金使用', { majorCategory: '大额资金使用' }],
    ['基建、维修与大宗采购', { majorCategory: '重大项目安排' }],
    ['重大合同与资产处置', { majorCategory: '重大项目安排' }],
  ]),
  ...[
    '学期与周工作安排',
    '教育教学管理',
    '招生、学籍与学生奖惩',
    '限额以下的资金使用',
    '校舍与场地安排',
    '日常人员调配',
    '后勤保障',
    '具体的安全措施',
    '部署落实党组织会议的决议',
    '准备提交教代会的事项',
  ].map(
    (name, i): CatalogueEntry => ({
      code: `X${i + 1}`,
      group: 'X',
      name,
      decidingBody: 'principal_office',
      preStudy: false,
      majorCategory: null,
      twoThirds: false,
      cadre: false,
      staffCongress: name === '准备提交教代会的事项',
    }),
  ),
];

/** R2 default: 10,000 元 for 大额资金使用 (schools set 5,000–50,000). */
export const DEFAULT_THRESHOLD = 10_000;
