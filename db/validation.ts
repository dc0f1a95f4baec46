// zod building blocks with Chinese messages naming the field, so a refusal reads
// "「议题名称」不能为空" rather than a generic type error.
import { z } from 'zod';
import type { FieldProblem } from './errors';

z.config(z.locales.zhCN());

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?$/;

// Text is cleaned once, at the door (issue H, class 8):
// - a lone surrogate half (half an emoji, from a broken paste) is refused: SQLite would store it
//   as U+FFFD, so the record would silently differ from what was typed and sealed;
// - a value of only invisible characters (zero-width spaces, BOM, Hangul fillers) is empty;
// - control characters are dropped and a tab becomes a space; names (zName) are one line, because
//   a tab or line break in a body's name would reach every exported file name and be refused there.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const INVISIBLE_ONLY = /^[\p{White_Space}\p{Cc}\p{Cf}\u115F\u1160\u3164\uFFA0\u2800]*$/u;
const wellFormed = (s: string) => !LONE_SURROGATE.test(s);
const cleanText = (s: string) => s.replace(/\r\n?/g, '\n').replace(/\t/g, ' ').replace(/[^\P{Cc}\n]/gu, '');
const cleanName = (s: string) => s.replace(/[\p{Cc}\u2028\u2029]/gu, ' ');
const visible = (s: string) => !INVISIBLE_ONLY.test(s);

/** A string, refused if it has a lone surrogate, cleaned, trimmed. */
function cleaned(label: string, clean: (s: string) => string) {
  return z
    .string({ error: `「${label}」须为文字` })
    .refine(wellFormed, { error: `「${label}」含有无法保存的残缺字符（可能是复制时截断的表情符号），请删除后重新输入` })
    .overwrite(clean)
    .trim();
}

/** Required text; may span lines. */
export const zText = (label: string, max = 200) =>
  cleaned(label, cleanText).refine(visible, { error: `「${label}」不能为空` }).max(max, { error: `「${label}」不能超过${max}字` });

/** A required name or title: one line (tabs and line breaks become spaces). */
export const zName = (label: string, max = 60) =>
  cleaned(label, cleanName).refine(visible, { error: `「${label}」不能为空` }).max(max, { error: `「${label}」不能超过${max}字` });

export const zOptionalText = (label: string, max = 2000) =>
  cleaned(label, cleanText)
    .overwrite((s) => (visible(s) ? s : ''))
    .max(max, { error: `「${label}」不能超过${max}字` })
    .default('');

export const zId = (label: string) =>
  z
    .number({ error: `请选择${label}` })
    .int({ error: `${label}编号无效` })
    .positive({ error: `${label}编号无效` });

/** Calendar date, YYYY-MM-DD, and a real one (no 2月30日). */
export const zDate = (label: string) =>
  z
    .string({ error: `「${label}」须为日期` })
    .regex(DATE, { error: `「${label}」格式应为 2026-03-25` })
    .refine((s) => isRealDate(s), { error: `「${label}」不是有效日期` });

/** Date and time, ISO 8601 (2026-03-25T14:30). */
export const zDateTime = (label: string) =>
  z
    .string({ error: `「${label}」须为日期时间` })
    .regex(DATETIME, { error: `「${label}」格式应为 2026-03-25T14:30` })
    .refine((s) => isRealDate(s.slice(0, 10)) && !Number.isNaN(Date.parse(s)), { error: `「${label}」不是有效时间` });

export const zCount = (label: string) =>
  z
    .number({ error: `「${label}」须为数字` })
    .int({ error: `「${label}」须为整数` })
    .min(0, { error: `「${label}」不能为负数` })
    .max(10000, { error: `「${label}」数值过大` });

export const zAmount = (label: string) =>
  z
    .number({ error: `「${label}」须为数字` })
    .int({ error: `「${label}」请填写整数元` })
    .min(0, { error: `「${label}」不能为负数` })
    .max(100_000_000_000, { error: `「${label}」数值过大` });

export const zEnum = <const T extends readonly [string, ...string[]]>(label: string, values: T) =>
  z.enum(values, { error: `「${label}」须为：${values.join('、')}` });

function isRealDate(s: string): boolean {
  const [y, m, d] = s.split('-').map(Number);
  const dt = new Date(Date.UTC(y!, m! - 1, d!));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m! - 1 && dt.getUTCDate() === d;
}

/**
 * Turn a zod error into Chinese: the first problem's sentence and field, and every field's first
 * problem (`fields`), so a form shows all of them at once. A message zod wrote itself (not one of
 * ours above) never shows the input path: the field it is shown beside says where.
 */
export function describeZodError(error: z.ZodError): { message: string; field?: string; fields?: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  let loose: string | null = null;
  for (const issue of error.issues) {
    // Ours name the field in 「」 or say what to do (请…); zod's own get a lead-in.
    const message = issue.message.includes('「') || issue.message.startsWith('请') ? issue.message : `输入有误：${issue.message}`;
    if (issue.path.length === 0) {
      loose ??= message;
      continue;
    }
    const field = issue.path.join('.');
    if (!problems.some((p) => p.field === field)) problems.push({ field, message });
  }
  const first = problems[0];
  if (!first) return { message: loose ?? '输入有误，请检查后重试。' };
  return { message: first.message, field: first.field, fields: problems };
}
