// Channels of 拆分台账 and 合并台账: moving an organisation's records between ledger
// files. File-level acts (db/scope.ts FILE_CHANNELS): only an operator who may work in every
// organisation may use them, and only for an organisation the session may see.
import { z } from 'zod';
import { read, write } from '../channel';
import { zPath } from '../trust/contract';
import { zId } from '../validation';

export const transferContract = {
  /** What splitting this organisation out would write (counts per kind) and what stays behind. Changes nothing. */
  'orgs.splitPreview': read(z.object({ orgId: zId('组织') })),
  /**
   * Write the organisation into a NEW ledger file (.sqlite, must not exist). The current ledger is
   * only read: a read channel, so not even an audit row is added to it; the new file records the split.
   */
  'orgs.split': read(z.object({ orgId: zId('组织'), file: zPath('新台账文件') })),
  /** What merging a school's own ledger file under this 集团党委 would bring in, after every check. Changes nothing. */
  'orgs.mergePreview': read(z.object({ file: zPath('学校台账文件'), parentId: zId('集团党委') })),
  /** Bring a school's own ledger file in as a campus of the 集团党委 (the file is only read). */
  'orgs.merge': write(z.object({ file: zPath('学校台账文件'), parentId: zId('集团党委') })),
} as const;
