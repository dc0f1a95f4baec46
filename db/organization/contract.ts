import { z } from 'zod';
import { read, write } from '../channel';
import { RuleSettingsPatch } from './settings-schema';
import { BODY_KINDS, MAJOR_CATEGORIES, POSTS, PARTY_KINDS } from '../terms';
import { zAmount, zDate, zEnum, zId, zName, zOptionalText, zText } from '../validation';
import { repeatedNames, sameNameMessage } from '../rules/people';

export const SetupMember = z.object({
  name: zName('姓名', 20),
  department: zOptionalText('部门', 40),
  posts: z.array(zEnum('职务', POSTS)).max(6).default([]),
  /** Member of the 党组织会议 (with voting rights). */
  partyCommittee: z.boolean().default(false),
  /** Member of the 校长办公会议. */
  principalOffice: z.boolean().default(false),
});

export const SetupOrganization = z
  .object({
    name: zName('学校名称', 60),
    partyKind: zEnum('党组织类型', PARTY_KINDS),
    startDate: zDate('任期开始日期'),
    members: z.array(SetupMember).min(1, { error: '请至少添加一名成员' }).max(200),
  })
  .superRefine((v, ctx) => {
    const has = (post: string) => v.members.some((m) => m.posts.includes(post as never));
    if (!has('书记')) ctx.addIssue({ code: 'custom', path: ['members'], message: '请指定一名书记' });
    if (!has('校长')) ctx.addIssue({ code: 'custom', path: ['members'], message: '请指定一名校长' });
    if (!v.members.some((m) => m.partyCommittee))
      ctx.addIssue({ code: 'custom', path: ['members'], message: '请至少勾选一名党组织会议成员' });
    if (!v.members.some((m) => m.principalOffice))
      ctx.addIssue({ code: 'custom', path: ['members'], message: '请至少勾选一名校长办公会议成员' });
    // The same refusal as 设置 → 人员 gives (one name, one person), at each repeated row.
    for (const i of repeatedNames(v.members.map((m) => m.name))) {
      ctx.addIssue({ code: 'custom', path: ['members', i, 'name'], message: sameNameMessage(v.members[i]!.name, v.members[i]!.department) });
    }
  });

const ownName = (label: string, max: number) =>
  z
    .string({ error: `「${label}」须为文字` })
    .trim()
    .max(max, { error: `「${label}」不能超过${max}字` })
    // Blank (or null) means the usual form for the organisation's type.
    .transform((s) => s || null)
    .nullable()
    .optional();

/** org.setDocumentNames: any of the three; null or blank returns to the usual form. */
export const DocumentNamesPatch = z
  .object({
    orgId: zId('学校'),
    minutesHeading: ownName('纪要标题', 40).refine((s) => !s || s.endsWith('纪要'), { error: '「纪要标题」应以“纪要”结尾，如：中共××学校委员会会议纪要' }),
    issuingOffice: ownName('印发机关', 40),
    copyTo: ownName('抄送', 200),
  })
  .strict();

export const organizationContract = {
  /** First run: the school, its people, posts, the two bodies, the seed 议事清单 and default settings. */
  'org.setup': write(SetupOrganization),
  /** The school with its people and bodies (null before set-up). */
  'org.get': read(z.object({}).default({})),
  'matters.list': read(z.object({ orgId: zId('学校') })),
  /** 学校信息 in 设置: the school's name and the kind of its party organisation. */
  'org.update': write(z.object({ orgId: zId('学校'), name: zName('学校名称', 60).optional(), partyKind: zEnum('党组织类型', PARTY_KINDS).optional() })),

  // ── Administration (kept as history: posts and memberships end, they are never deleted) ──
  'persons.add': write(z.object({ orgId: zId('学校'), name: zName('姓名', 20), department: zOptionalText('部门', 40) })),
  'persons.update': write(
    z.object({
      personId: zId('人员'),
      name: zName('姓名', 20).optional(),
      department: z.string({ error: '「部门」须为文字' }).trim().max(40, { error: '「部门」不能超过40字' }).optional(),
      /** Inactive people are kept for the record but no longer offered for new meetings. */
      active: z.boolean({ error: '「在职」须选择是或否' }).optional(),
    }),
  ),
  /** Every post ever held (history), with names; `current` marks those held on `date` (default today). */
  'posts.list': read(z.object({ orgId: zId('学校'), date: zDate('日期').optional() })),
  /** Give a post from a date. 书记 and 校长 have one holder: the previous one is ended that day. 一肩挑 = the same person holds both. */
  'posts.assign': write(z.object({ personId: zId('人员'), post: zEnum('职务', POSTS), startDate: zDate('任职日期') })),
  'posts.end': write(z.object({ postId: zId('职务记录'), endDate: zDate('免职日期') })),
  /** Members of a body with terms and voting rights (history), and who was a member on `date`. */
  'memberships.list': read(z.object({ bodyId: zId('议事机构'), date: zDate('日期').optional() })),
  'memberships.add': write(
    z.object({
      bodyId: zId('议事机构'),
      personId: zId('人员'),
      /** false: 列席-type member without voting rights (R7). */
      voting: z.boolean({ error: '「表决权」须选择是或否' }).default(true),
      startDate: zDate('任期开始日期'),
    }),
  ),
  'memberships.end': write(z.object({ membershipId: zId('成员记录'), endDate: zDate('任期结束日期') })),
  /** 作废: a membership entered by mistake never held (even on its first day); kept with the reason. */
  'memberships.void': write(z.object({ membershipId: zId('成员记录'), reason: zText('作废原因', 200) })),
  /** 支委会, 党员大会 (集团校: one per branch). The 党组织会议 and 校长办公会议 exist once per school. */
  'bodies.create': write(z.object({ orgId: zId('学校'), kind: zEnum('议事机构类型', BODY_KINDS), name: zName('议事机构名称', 40) })),
  /** A body's own name (党委会 instead of 党委会议, …): meeting titles and documents made afterwards use it. */
  'bodies.rename': write(z.object({ bodyId: zId('议事机构'), name: zName('议事机构名称', 40) })),
  /** Add (no matterId) or edit a 议事清单 entry. Codes are stable: never changed, never reused. */
  'matters.save': write(
    z.object({
      orgId: zId('学校'),
      matterId: zId('议事清单事项').optional(),
      /** Stable id, e.g. E5; generated from the group when omitted on add. */
      code: z
        .string({ error: '「编号」须为文字' })
        .trim()
        .regex(/^[A-Z]{1,2}\d{1,3}$/, { error: '「编号」格式应为大写字母加数字，如 E5' })
        .optional(),
      group: z.string({ error: '「分组」须为文字' }).trim().regex(/^[A-Z]{1,2}$/, { error: '「分组」须为大写字母，如 E' }),
      name: zName('事项名称', 60),
      decidingBody: zEnum('决策机构', ['party_committee', 'principal_office']),
      preStudy: z.boolean().default(false),
      majorCategory: zEnum('三重一大类别', MAJOR_CATEGORIES).nullable().default(null),
      twoThirds: z.boolean().default(false),
      cadre: z.boolean().default(false),
      staffCongress: z.boolean().default(false),
      active: z.boolean().default(true),
    }),
  ),
  /** R2 threshold table with the amount in force per category on `date` (default today). */
  'thresholds.list': read(z.object({ orgId: zId('学校'), date: zDate('日期').optional() })),
  /** A new R2 threshold from a date; earlier rows stay and still apply to earlier dates. */
  'thresholds.add': write(
    z.object({
      orgId: zId('学校'),
      category: zEnum('三重一大类别', MAJOR_CATEGORIES),
      amount: zAmount('限额标准').refine((n) => n >= 1, { error: '「限额标准」须大于0元' }),
      effectiveFrom: zDate('执行日期'),
    }),
  ),
  /** The 纪要 heading, 印发机关 and 抄送 in force: the usual forms for the party kind and the school's own. */
  'org.documentNames': read(z.object({ orgId: zId('学校') })),
  /** The school's own 纪要 heading, 印发机关, 抄送 (版记); documents generated afterwards use them. */
  'org.setDocumentNames': write(DocumentNamesPatch),
  'settings.get': read(z.object({ orgId: zId('学校') })),
  'settings.set': write(z.object({ orgId: zId('学校'), values: RuleSettingsPatch })),
} as const;
