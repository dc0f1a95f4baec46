import { z } from 'zod';
import { read, write } from '../channel';
import { zId } from '../validation';

export const reminderContract = {
  /** 今日待办: what is due for the school today (db/rules/reminders.ts), grouped by kind. */
  'reminders.today': read(z.object({ orgId: zId('学校') })),
  /** 设置 → 提醒: how long an item may wait for 会前沟通, and whether the desktop notifies. */
  'reminders.configure': write(
    z
      .object({
        orgId: zId('学校'),
        consultationWaitDays: z
          .number({ error: '「会前沟通等待天数」须为天数' })
          .int({ error: '「会前沟通等待天数」须为整数天' })
          .min(1, { error: '「会前沟通等待天数」至少为1天' })
          .max(60, { error: '「会前沟通等待天数」不能超过60天' })
          .optional(),
        notify: z.boolean({ error: '「桌面提醒」须选择开或关' }).optional(),
      })
      .strict(),
  ),
} as const;
