// Channels of the school side of 报送: the signing key, the district's public key, preview,
// making a bundle and the record of bundles made. Pure zod, no I/O.
import { z } from 'zod';
import { read, write } from '../channel';
import { zDate, zId, zOptionalText } from '../validation';

const period = {
  orgId: zId('学校'),
  from: zDate('报送期间开始日期'),
  to: zDate('报送期间结束日期'),
  label: zOptionalText('报送期间名称', 40).optional(),
  chainFrom: z.enum(['last', 'start'], { error: '「存证链起点」须为：上次报送之后、从头开始' }).optional(),
};

export const reportContract = {
  /** The school's signing key fingerprint (the key is made on first use) and the district key imported. */
  'report.key': read(z.object({})),
  /** Import the district's public key from the file it handed out (the file's text). */
  'report.setDistrictKey': write(z.object({ text: z.string({ error: '请选择区里下发的公钥文件' }).max(10000, { error: '这个文件不是区里下发的公钥文件（过大）' }) })),
  /** What a bundle of this period would hold: counts, chain segment, sealing. Nothing is recorded. */
  'report.preview': read(z.object(period)),
  /** Make the bundle: signed, sealed when asked, recorded in the ledger; bytes for the shell to save. */
  'report.make': write(z.object({ ...period, seal: z.boolean({ error: '请选择是否加密' }) })),
  /** Bundles made for an organisation, newest first. */
  'report.history': read(z.object({ orgId: zId('学校') })),
} as const;
