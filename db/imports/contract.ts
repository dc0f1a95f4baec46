import { z } from 'zod';
import { read, write } from '../channel';
import { zId } from '../validation';
import { IMPORT_COLUMN_KEYS } from '../terms';

/** 历史台账 files: at most 20 MB (10,000 rows of a school's sheet are about 1 MB). */
const MAX_BASE64 = 28_000_000;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: '日期格式不对，请重新预览文件' });
/** One row as imports.preview returned it (checked again here: the renderer may not be trusted). */
const ImportRow = z.object({
  sheet: z.string().max(100),
  row: z.number().int().min(1),
  record: z
    .object({
      meetingDate: isoDate,
      body: z.enum(['party_committee', 'principal_office']),
      item: z.string().trim().min(1, { error: '没有填写议题名称' }).max(100, { error: '议题名称超过100个字' }),
      decision: z.string().trim().min(1, { error: '没有填写决定事项' }).max(2000, { error: '决定事项超过2000个字' }),
      dept: z.string().trim().min(1).max(40, { error: '承办部门超过40个字' }).nullable(),
      owner: z.string().trim().min(1).max(60).nullable(),
      deadline: isoDate.nullable(),
      done: z.boolean(),
    })
    .nullable(),
  problems: z.array(z.object({ column: z.string().max(20), message: z.string().max(200) })).max(20),
});

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
      /** 列的对应: per sheet, the column the secretary chose for a field (null: none), over the guess from the headers. */
      columns: z
        .record(
          z.string().max(100),
          z.partialRecord(z.enum(IMPORT_COLUMN_KEYS, { error: '列的对应不对，请重新选择' }), z.number().int().min(0).max(500).nullable()),
        )
        .optional(),
    }),
  ),
  /**
   * Write the rows imports.preview read from this file (its records, in one transaction; refused
   * unless they carry the preview's seal over this file and these rows), marked
   * 历史导入; refused whole, every bad row named, when any row has a problem; the same file
   * (sha256 of its bytes) is never imported twice.
   */
  'imports.commit': write(
    z.object({
      orgId: zId('学校'),
      fileName: z.string({ error: '请选择要导入的文件' }).min(1, { error: '请选择要导入的文件' }).max(200),
      base64: z.string({ error: '请选择要导入的文件' }).min(1, { error: '请选择要导入的文件' }).max(MAX_BASE64, { error: '文件超过20MB，请分成几个文件导入' }),
      rows: z.array(ImportRow, { error: '请先预览文件再导入' }).max(20_000, { error: '一次最多导入20000行，请分成几个文件导入' }),
      /** imports.preview's seal over the file and these rows (db/imports/commit.ts previewSeal). */
      previewSeal: z.string({ error: '请先预览文件再导入' }).regex(/^[0-9a-f]{64}$/, { error: '请先预览文件再导入' }),
    }),
  ),
  /**
   * 撤销导入: take a whole import back (exactly the rows it wrote), until a meeting's minutes are
   * signed after it; refused, changing nothing, when an imported record has been acted on since.
   */
  'imports.undo': write(z.object({ importId: zId('导入记录') })),
  /** The imports of an organisation, newest first, each with whether it may still be undone (and why not). */
  'imports.list': read(z.object({ orgId: zId('学校') })),
} as const;
