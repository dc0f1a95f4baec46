import { z } from 'zod';
import { read } from '../channel';
import { zId } from '../validation';

/** 历史台账 files: at most 20 MB (10,000 rows of a school's sheet are about 1 MB). */
const MAX_BASE64 = 28_000_000;

export const importsContract = {
  /** The app's own 历史台账 template (.xlsx), as base64 bytes. */
  'imports.template': read(z.object({}).default({})),
  /** Read a school's .xlsx and check every row (nothing is written): what each row would become, or its problems. */
  'imports.preview': read(
    z.object({
      orgId: zId('学校'),
      fileName: z.string({ error: '请选择要导入的文件' }).min(1, { error: '请选择要导入的文件' }).max(200),
      base64: z.string({ error: '请选择要导入的文件' }).min(1, { error: '请选择要导入的文件' }).max(MAX_BASE64, { error: '文件超过20MB，请分成几个文件导入' }),
      /** The year of dates written without one (3/25). */
      year: z.number().int().min(1990).max(2100),
    }),
  ),
} as const;
