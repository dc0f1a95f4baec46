// Channels of the district ledger (区域统筹). A separate file from any school ledger, so a
// separate contract and dispatch (db/district/api.ts), built the same way. Pure zod, no I/O.
import { z } from 'zod';
import { read, write } from '../channel';
import { zId, zName, zText } from '../validation';

const zBundle = z
  .string({ error: '请选择报送包文件' })
  .min(1, { error: '请选择报送包文件' })
  .max(200_000_000, { error: '报送包文件过大' });

export const districtContract = {
  /** The district's name and sealing-key fingerprint, and the key file to hand out to schools. */
  'district.info': read(z.object({})),
  /** The district's own name (教育工委/教育局), printed on the 汇总报告, the 检查表 and the key file. */
  'district.rename': write(z.object({ name: zName('单位名称', 40) })),
  /** Register a school by the key fingerprint it printed. */
  'district.register': write(z.object({ name: zName('学校名称', 60), fingerprint: zText('密钥指纹', 80) })),
  /** Import a bundle file (base64 bytes). */
  'district.import': write(z.object({ base64: zBundle })),
  /** Before 以更正包替换 is confirmed: check the corrected bundle and say which imported bundle it replaces. Writes nothing. */
  'district.supersedePreview': read(z.object({ base64: zBundle })),
  /** Replace the imported bundle of the same period by a corrected one, with the reason (audited). */
  'district.supersede': write(z.object({ base64: zBundle, reason: zText('替换理由', 200) })),
  /** Every school's indicators, for the table and the charts. */
  'district.view': read(z.object({})),
  /** Every school's indicators by month, for the trend chart. */
  'district.trend': read(z.object({})),
  /** One school, read-only: its bundles and its indicators by month. */
  'district.school': read(z.object({ schoolId: zId('学校') })),
  /** The district's own log: registrations, imports, replacements. */
  'district.audit': read(z.object({})),
  /** 汇总报告: every school's indicators and the schools needing attention, GB/T 9704 HTML for the shell's PDF. */
  'district.summaryHtml': read(z.object({})),
  /** 汇总表: the same as an Excel workbook (base64), with a 说明 sheet of the period and the sources. */
  'district.summaryXlsx': read(z.object({})),
  /** 检查表 of one school for 巡察/督导: indicators, a blank findings column, and what to check the bundle by. */
  'district.inspectionHtml': read(z.object({ schoolId: zId('学校') })),
} as const;
