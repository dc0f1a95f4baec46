import type { HandlersFor } from '../channel';
import { cnLocalDateTime } from '../calendar';
import { LedgerError } from '../errors';
import type { ReadLedger } from '../ledger';
import { auditPage } from './audit';
import { scopedOrgList } from '../scope';
import { createBackup, defaultBackupDir, inspectBackup, listBackups } from './backup';
import { chainHead, parseAnchor, shortAnchor } from './chain';
import type { trustContract } from './contract';
import { QUICK_SAMPLE, readMark, usableMark, writeMark } from './mark';
import { readRestoreRecords } from './restore';
import { type AnchorSource, type StepOptions, verifyChain, verifyChainInSteps, type VerifyProgress } from './verify';

function meta(ledger: ReadLedger, key: string): string | null {
  const row = ledger.sqlite.prepare('SELECT value FROM ledger_meta WHERE key = ?').get(key) as { value: string } | undefined;
  return row?.value ?? null;
}

/**
 * Anchors kept outside the file: every backup manifest in the data folder, a code typed from
 * signed minutes, and the restore records. Taken by content, whatever ledger id they name: the
 * id is written inside the file, and changing it must not make the anchors go away.
 */
export function verifyLedger(ledger: ReadLedger, typedAnchor?: string) {
  const { anchors, restores } = outsideAnchors(ledger.file, typedAnchor);
  return verifyChain(ledger, anchors, restores);
}

export interface LedgerStepOptions extends Omit<StepOptions, 'trusted'> {
  /** 完整校验: re-hash every record even when a usable mark says quick would do. */
  full?: boolean;
  /** The clock for the mark's dates and its 30-day limit (tests). */
  now?: () => Date;
  /** Older records re-hashed at random in quick mode (default QUICK_SAMPLE), and the dice (tests). */
  sample?: number;
  random?: (n: number) => number;
}

/**
 * verifyLedger in steps on a snapshot of its own, for the shell (verify.ts verifyChainInSteps).
 * Quick unless asked for full, when the mark beside the file (mark.ts) is sealed, recent (a full
 * verify within FULL_EVERY_DAYS) and the file still holds the heads it names; full otherwise.
 * The mark's heads are also checked as an outside anchor either way: seals deleted from the end,
 * or a chain rewritten from before them, show as 截短 or 不一致. A run that finds nothing broken
 * writes the mark anew (keeping the last full verify's date after a quick one).
 */
export async function verifyLedgerInSteps(file: string, typedAnchor: string | undefined, onProgress: (p: VerifyProgress) => void, options: LedgerStepOptions = {}) {
  const { full = false, now = () => new Date(), sample = QUICK_SAMPLE, random, ...steps } = options;
  const { anchors, restores } = outsideAnchors(file, typedAnchor);
  const mark = readMark(file);
  if (mark && (mark.head || mark.audit)) anchors.push({ anchor: mark.head, audit: mark.audit, source: '上次校验时记下的存证链末端', at: mark.checkedAt, vouches: false });
  const quick = full ? null : usableMark(mark, now());
  const report = await verifyChainInSteps(file, anchors, restores, onProgress, {
    ...steps,
    trusted: quick ? { head: quick.head, audit: quick.audit, auditRows: quick.auditRows, sample, random } : null,
  });
  if (report.state !== 'broken') {
    const at = now().toISOString();
    try {
      writeMark(file, { head: report.head, audit: report.audit.head, auditRows: report.audit.rows, fullAt: report.mode === 'full' ? at : mark!.fullAt, checkedAt: at });
    } catch (e) {
      // A data folder that cannot be written: the next verify is a full one, nothing worse.
      console.error('[trust] could not keep the verify mark', e);
    }
  }
  return report;
}

function outsideAnchors(file: string, typedAnchor?: string) {
  const dir = defaultBackupDir(file);
  const anchors: AnchorSource[] = listBackups(dir)
    .filter((b) => b.chain || b.audit)
    .map((b) => ({ anchor: b.chain ? { count: b.chain.count, hash: b.chain.hash } : null, audit: b.audit ?? null, source: `备份「${b.file}」`, at: b.at }));
  const typed = typedAnchor ? parseAnchor(typedAnchor) : null;
  if (typed) anchors.unshift({ anchor: typed, source: '会议纪要上印的存证码' });
  return { anchors, restores: readRestoreRecords(dir) };
}

export const trustHandlers = {
  'trust.verify': (ledger, { anchor }) => verifyLedger(ledger, anchor),
  'trust.anchor': (ledger) => {
    const head = chainHead(ledger);
    return { anchor: head, short: head ? shortAnchor(head) : null };
  },
  'backup.create': (ledger, { folder }) => createBackup(ledger, { dir: folder, reason: 'manual', rotate: true }),
  'backup.list': (ledger, { folder }) => ({ folder: folder ?? defaultBackupDir(ledger.file), backups: listBackups(folder ?? defaultBackupDir(ledger.file)) }),
  'backup.preview': (_ledger, { file }) => previewOf(file),
  'backup.restore': (ledger, { file }) => {
    const preview = previewOf(file);
    if (!preview.ok) {
      throw new LedgerError({ code: 'conflict', message: `这份备份不能用于恢复：${preview.problems.join('；')}台账没有改动。`, field: 'file' });
    }
    return {
      /** The shell closes the ledger, calls restoreBackup(ledgerFile, file), reopens (db/trust/restore.ts). */
      next: 'close-and-restore' as const,
      ledgerFile: ledger.file,
      file,
      preview,
      sameLedger: preview.ledgerId === meta(ledger, 'ledgerId'),
      message: `将用 ${preview.manifest ? cnLocalDateTime(preview.manifest.at) : '这份'} 的备份（含 ${preview.counts.meetings} 次会议）替换现在的台账。替换前会先把现在的台账另存为一份备份，可以撤销。`,
    };
  },
  'audit.list': (ledger, input) => auditPage(ledger, input, scopedOrgList(ledger)),
} satisfies HandlersFor<typeof trustContract>;

function previewOf(file: string) {
  if (!file.endsWith('.sqlite')) {
    throw new LedgerError({ code: 'invalid_input', message: '请选择议事台账的备份文件（.sqlite）。', field: 'file' });
  }
  return inspectBackup(file);
}
