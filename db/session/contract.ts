// Who is at the keyboard. Staff share one Windows account, so the app keeps its own identity:
// the operator is written on every audit row by dispatch (db/api.ts). A PIN is optional.
import { z } from 'zod';
import { read, write } from '../channel';
import { zId } from '../validation';

const zPin = (label: string) =>
  z.string({ error: `「${label}」须为4至8位数字` }).regex(/^\d{4,8}$/, { error: `「${label}」须为4至8位数字` });

export const sessionContract = {
  /** People who can sign in (the school's persons plus names used before), with whether a PIN is set. */
  'session.operators': read(z.object({})),
  /** The operator now recorded on writes. */
  'session.current': read(z.object({})),
  /** Sign in by person or by name; a PIN is required once one is set for that operator. */
  'session.signIn': write(
    z
      .object({
        personId: zId('操作人').optional(),
        name: z
          .string({ error: '「姓名」须为文字' })
          .trim()
          .min(1, { error: '「姓名」不能为空' })
          .max(20, { error: '「姓名」不能超过20字' })
          .refine((s) => !/[\u0000-\u001f<>]/.test(s), { error: '「姓名」含有不能使用的字符' })
          .optional(),
        pin: zPin('PIN').optional(),
      })
      .refine((v) => v.personId !== undefined || v.name !== undefined, { error: '请选择操作人或填写姓名', path: ['personId'] }),
  ),
  /** Set, change (currentPin needed) or clear (pin: null) the signed-in operator's own PIN. */
  'session.setPin': write(z.object({ pin: zPin('新PIN').nullable(), currentPin: zPin('原PIN').optional() })),
} as const;
