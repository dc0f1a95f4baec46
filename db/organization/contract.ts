import { z } from 'zod';
import { read, write } from '../channel';
import { POSTS, PARTY_KINDS } from '../terms';
import { zDate, zEnum, zId, zOptionalText, zText } from '../validation';

export const SetupMember = z.object({
  name: zText('姓名', 20),
  department: zOptionalText('部门', 40),
  posts: z.array(zEnum('职务', POSTS)).max(6).default([]),
  /** Member of the 党组织会议 (with voting rights). */
  partyCommittee: z.boolean().default(false),
  /** Member of the 校长办公会议. */
  principalOffice: z.boolean().default(false),
});

export const SetupOrganization = z
  .object({
    name: zText('学校名称', 60),
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
  });

export const organizationContract = {
  /** First run: the school, its people, posts, the two bodies, the seed 议事清单 and default settings. */
  'org.setup': write(SetupOrganization),
  /** The school with its people and bodies (null before set-up). */
  'org.get': read(z.object({}).default({})),
  'matters.list': read(z.object({ orgId: zId('学校') })),
} as const;
